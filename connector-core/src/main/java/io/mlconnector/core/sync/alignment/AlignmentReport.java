package io.mlconnector.core.sync.alignment;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one reference-data alignment run of a connection: per kind, what was matched, suggested, created
 * and left unmatched.
 *
 * @param connectionId the connection
 * @param startedAt    when the run started
 * @param finishedAt   when it finished
 * @param kinds        the outcome per kind (all three kinds are present)
 */
public record AlignmentReport(String connectionId, Instant startedAt, Instant finishedAt,
                              Map<AlignmentKind, KindAlignment> kinds) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param startedAt when the run started
     * @param finishedAt when it finished
     * @param kinds the outcome per kind (all three kinds are present)
     */
    public AlignmentReport {
        Objects.requireNonNull(connectionId, "connectionId");
        EnumMap<AlignmentKind, KindAlignment> copy = new EnumMap<>(AlignmentKind.class);
        copy.putAll(kinds);
        for (AlignmentKind k : AlignmentKind.values()) {
            if (!copy.containsKey(k)) {
                throw new IllegalArgumentException("missing kind " + k);
            }
        }
        kinds = Map.copyOf(copy);
    }

    /**
     * The outcome for one kind.
     *
     * @param kind the kind
     * @return the {@code KindAlignment}
     */
    public KindAlignment of(AlignmentKind kind) {
        return kinds.get(kind);
    }

    /**
     * The vendor outcome.
     *
     * @return the vendor outcome
     */
    public KindAlignment vendors() {
        return of(AlignmentKind.VENDOR);
    }

    /**
     * The project outcome.
     *
     * @return the project outcome
     */
    public KindAlignment projects() {
        return of(AlignmentKind.PROJECT);
    }

    /**
     * The GL account / cost code outcome.
     *
     * @return the GL account / cost code outcome
     */
    public KindAlignment glAccounts() {
        return of(AlignmentKind.GL_ACCOUNT);
    }
}
