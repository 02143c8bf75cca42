package io.mlconnector.core.mapping;

import io.mlconnector.core.state.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names one mapping row (kind and source id) without its target: the mapping a flagged record waits for. The engine
 * keeps the mappings a flagged record waits for on its ledger entry ({@link #LEDGER_ATTRIBUTE}), so the records
 * waiting for a mapping can be replayed together once it is set.
 *
 * @param kind     the mapping kind
 * @param sourceId the source-side id
 */
public record MappingRef(MappingKind kind, String sourceId) {
    /**
     * The ledger entry attribute listing why a flagged record waits, one line per flag: the flag's outcome name
     * ({@code FLAGGED_UNMAPPED_VENDOR}), then, when a mapping would fix it, a space and {@code KIND:sourceId}.
     */
    public static final String LEDGER_ATTRIBUTE = "waitingFor";

    /**
     * Checks the components.
     *
     * @param kind the mapping kind
     * @param sourceId the source-side id, not blank and without line breaks
     */
    public MappingRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
        if (sourceId.isBlank() || sourceId.indexOf('\n') >= 0 || sourceId.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not a source id: '" + sourceId + "'");
        }
    }

    /**
     * {@code KIND:sourceId}.
     *
     * @return the text form, parsed back by {@link #parse(String)}
     */
    public String text() {
        return kind.name() + ":" + sourceId;
    }

    /**
     * Parses {@code KIND:sourceId}.
     *
     * @param text the text form
     * @return the reference
     * @throws IllegalArgumentException when the text names no kind or no id
     */
    public static MappingRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not KIND:sourceId: '" + text + "'");
        }
        return new MappingRef(MappingKind.valueOf(text.substring(0, colon).trim()), text.substring(colon + 1));
    }

    /**
     * One line of {@link #LEDGER_ATTRIBUTE}: the outcome, and {@code KIND:sourceId} when a mapping would fix it.
     *
     * @param outcome the flag's outcome name
     * @param kind the mapping that would fix it, or null
     * @param sourceId its source id, or null
     * @return the line
     */
    public static String flagLine(String outcome, MappingKind kind, String sourceId) {
        Objects.requireNonNull(outcome, "outcome");
        if (kind == null || sourceId == null || sourceId.isBlank() || sourceId.indexOf('\n') >= 0
                || sourceId.indexOf('\r') >= 0) {
            return outcome;
        }
        return outcome + " " + new MappingRef(kind, sourceId).text();
    }

    /**
     * The flag lines of a ledger entry ({@link #LEDGER_ATTRIBUTE}), each as its outcome name and the mapping that
     * would fix it (null when none would).
     *
     * @param entry the ledger entry
     * @return the lines as outcome name → mapping (or null), in flag order; empty when none are noted
     */
    public static List<Map.Entry<String, MappingRef>> flagLines(LedgerEntry entry) {
        String value = entry.attribute(LEDGER_ATTRIBUTE);
        List<Map.Entry<String, MappingRef>> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String line : value.split("\n")) {
            int space = line.indexOf(' ');
            String outcome = space < 0 ? line.trim() : line.substring(0, space);
            MappingRef ref = null;
            if (space > 0) {
                try {
                    ref = parse(line.substring(space + 1));
                } catch (IllegalArgumentException e) {
                    // written by another version: the record can still be replayed by its key
                }
            }
            if (!outcome.isEmpty()) {
                out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(outcome, ref));
            }
        }
        return out;
    }

    /**
     * The mappings a ledger entry says its record waits for ({@link #LEDGER_ATTRIBUTE}), without repeats.
     *
     * @param entry the ledger entry
     * @return the mappings waited for, empty when none are noted
     */
    public static List<MappingRef> waitedForBy(LedgerEntry entry) {
        List<MappingRef> out = new ArrayList<>();
        for (Map.Entry<String, MappingRef> line : flagLines(entry)) {
            if (line.getValue() != null && !out.contains(line.getValue())) {
                out.add(line.getValue());
            }
        }
        return out;
    }
}
