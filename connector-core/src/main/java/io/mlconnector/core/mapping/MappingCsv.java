package io.mlconnector.core.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Imports and exports one connection's mappings as CSV (RFC 4180 quoting, UTF-8 text, {@code \n} line ends written,
 * {@code \r\n} accepted). The first line must be exactly the header
 *
 * <pre>kind,source_id,target_id,cost_type,status,label</pre>
 *
 * <ul>
 *   <li>{@code kind} — a {@link MappingKind} name, e.g. {@code VENDOR} or {@code GL_ACCOUNT} (case-insensitive);</li>
 *   <li>{@code source_id}, {@code target_id} — required;</li>
 *   <li>{@code cost_type} — optional, stored as the {@code costType} attribute;</li>
 *   <li>{@code status} — {@code CONFIRMED} (default when empty) or {@code SUGGESTED};</li>
 *   <li>{@code label} — optional note for people.</li>
 * </ul>
 *
 * Attributes other than {@code costType} are not carried by CSV; use {@link MappingJson} to keep them. A file is
 * validated completely before anything is stored: a bad line raises {@link MappingFormatException} naming it and
 * nothing is imported. Stateless and thread-safe.
 */
public final class MappingCsv {
    /** The required header line. */
    public static final String HEADER = "kind,source_id,target_id,cost_type,status,label";
    /** The attribute the {@code cost_type} column maps to. */
    public static final String COST_TYPE = "costType";
    private static final int COLUMNS = 6;

    /**
     * Writes {@code mappings} with the header, sorted by kind then source id.
     *
     * @param mappings the mappings
     * @param out the out writer
     */
    public void write(Collection<Mapping> mappings, Writer out) {
        List<Mapping> sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparing((Mapping m) -> m.kind().ordinal()).thenComparing(Mapping::sourceId));
        try {
            out.write(HEADER);
            out.write('\n');
            for (Mapping m : sorted) {
                out.write(String.join(",", quote(m.kind().name()), quote(m.sourceId()), quote(m.targetId()),
                        quote(m.attribute(COST_TYPE)), quote(m.status().name()), quote(m.label())));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mappings CSV", e);
        }
    }

    /**
     * Writes every mapping of one connection, all kinds.
     *
     * @param store the mapping store
     * @param connectionId the connection's id
     * @param out the out writer
     */
    public void exportFrom(MappingStore store, String connectionId, Writer out) {
        write(allOf(store, connectionId), out);
    }

    /**
     * Parses a whole file into mappings for {@code connectionId}, each stamped {@code importedAt}.
     *
     * @param in the in reader
     * @param connectionId the connection's id
     * @param importedAt the imported at
     * @return the mappings
     * @throws MappingFormatException naming the first bad line
     */
    public List<Mapping> read(Reader in, String connectionId, Instant importedAt) {
        Objects.requireNonNull(connectionId, "connectionId");
        List<Record> records = parse(in);
        if (records.isEmpty()) {
            throw new MappingFormatException(1, "empty file; the first line must be the header: " + HEADER);
        }
        Record header = records.get(0);
        String headerLine = String.join(",", header.fields()).trim();
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        if (!headerLine.equalsIgnoreCase(HEADER)) {
            throw new MappingFormatException(header.line(), "expected the header '" + HEADER + "'");
        }
        List<Mapping> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue; // blank line
            }
            Mapping m = toMapping(new Record(r.line(), r.fields().stream().map(MappingCsv::unprotect).toList()),
                    connectionId, importedAt);
            Integer earlier = seen.putIfAbsent(m.kind() + "\u0000" + m.sourceId(), r.line());
            if (earlier != null) {
                throw new MappingFormatException(r.line(), "duplicate " + m.kind() + " mapping for source id '"
                        + m.sourceId() + "' (first on line " + earlier + ")");
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Validates the whole file, then puts every mapping into {@code store}.
     *
     * @param store the mapping store
     * @param in the in reader
     * @param connectionId the connection's id
     * @param importedAt the imported at
     * @return how many mappings were stored
     * @throws MappingFormatException naming the first bad line; nothing is stored then
     */
    public int importInto(MappingStore store, Reader in, String connectionId, Instant importedAt) {
        List<Mapping> mappings = read(in, connectionId, importedAt);
        mappings.forEach(store::put);
        return mappings.size();
    }

    static List<Mapping> allOf(MappingStore store, String connectionId) {
        List<Mapping> all = new ArrayList<>();
        for (MappingKind kind : MappingKind.values()) {
            all.addAll(store.list(connectionId, kind));
        }
        return all;
    }

    private static Mapping toMapping(Record r, String connectionId, Instant importedAt) {
        List<String> f = r.fields();
        if (f.size() != COLUMNS) {
            throw new MappingFormatException(r.line(), "expected " + COLUMNS + " columns (" + HEADER + ") but found "
                    + f.size());
        }
        MappingKind kind = kind(r.line(), f.get(0).trim());
        String source = required(r.line(), "source_id", f.get(1));
        String target = required(r.line(), "target_id", f.get(2));
        String costType = f.get(3).trim();
        MappingStatus status = status(r.line(), f.get(4).trim());
        String label = f.get(5).isBlank() ? null : f.get(5);
        Map<String, String> attributes = costType.isEmpty() ? Map.of() : Map.of(COST_TYPE, costType);
        return new Mapping(connectionId, kind, source, target, attributes, status, label, importedAt);
    }

    static MappingKind kind(int line, String value) {
        try {
            return MappingKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingFormatException(line, "unknown kind '" + value + "'; expected one of "
                    + List.of(MappingKind.values()));
        }
    }

    static MappingStatus status(int line, String value) {
        if (value.isEmpty()) {
            return MappingStatus.CONFIRMED;
        }
        try {
            return MappingStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingFormatException(line, "unknown status '" + value + "'; expected CONFIRMED or SUGGESTED");
        }
    }

    static String required(int line, String column, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new MappingFormatException(line, column + " is empty");
        }
        return v;
    }

    /**
     * A value a spreadsheet would evaluate (leading {@code = + - @}, tab or carriage return) is written with a
     * leading {@code '}, as {@code ReportCsv} does; a value that itself starts with {@code '} before such a character
     * (or before another {@code '}) gets one too, so {@link #read} gives back exactly what was written.
     */
    static String protect(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean escaped = first == '\'' && value.length() > 1
                && (isFormulaStart(value.charAt(1)) || value.charAt(1) == '\'');
        return isFormulaStart(first) || escaped ? "'" + value : value;
    }

    /** Reverses {@link #protect}: a leading {@code '} before a formula character or another {@code '} is dropped. */
    static String unprotect(String value) {
        if (value.length() > 1 && value.charAt(0) == '\''
                && (isFormulaStart(value.charAt(1)) || value.charAt(1) == '\'')) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static String quote(String raw) {
        if (raw == null) {
            return "";
        }
        String value = protect(raw);
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.trim());
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One CSV record and the line it starts on. */
    private record Record(int line, List<String> fields) {
    }

    private static List<Record> parse(Reader in) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean afterQuote = false;
        boolean any = false;
        try {
            int c = in.read();
            while (c != -1) {
                char ch = (char) c;
                int next = in.read();
                any = true;
                if (inQuotes) {
                    if (ch == '"') {
                        if (next == '"') {
                            field.append('"');
                            next = in.read();
                        } else {
                            inQuotes = false;
                            afterQuote = true;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && next == '\n') {
                        next = in.read();
                    }
                    fields.add(field.toString());
                    records.add(new Record(recordLine, List.copyOf(fields)));
                    fields.clear();
                    field.setLength(0);
                    afterQuote = false;
                    any = false;
                    line++;
                    recordLine = line;
                } else if (ch == '"') {
                    if (afterQuote || !field.toString().isBlank()) {
                        throw new MappingFormatException(line, "unexpected quote inside an unquoted field");
                    }
                    field.setLength(0);
                    inQuotes = true;
                    quoteLine = line;
                } else {
                    if (afterQuote && !Character.isWhitespace(ch)) {
                        throw new MappingFormatException(line, "unexpected text after a closing quote");
                    }
                    if (!afterQuote) {
                        field.append(ch);
                    }
                }
                c = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mappings CSV", e);
        }
        if (inQuotes) {
            throw new MappingFormatException(quoteLine, "quoted field is never closed");
        }
        if (any) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
