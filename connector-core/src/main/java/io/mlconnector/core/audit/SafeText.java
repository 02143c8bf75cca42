package io.mlconnector.core.audit;

/**
 * The one place where text from outside (ids, names and messages taken from requests or API answers) is made safe
 * for a log or audit line: control characters and line or paragraph separators are escaped (so a value can never
 * start a forged line), and the text is cut to a bound (so one request cannot grow the log by its own size).
 * {@link AuditEvent} applies it to every field; log statements that show an external value wrap it with
 * {@link #of(String)}.
 */
public final class SafeText {
    /** The default bound for one value, in characters. */
    public static final int DEFAULT_MAX = 256;

    private SafeText() {
    }

    /**
     * {@code raw} escaped and cut to {@value #DEFAULT_MAX} characters; null stays null.
     *
     * @param raw the raw
     * @return the {@code String}
     */
    public static String of(String raw) {
        return of(raw, DEFAULT_MAX);
    }

    /**
     * {@code raw} escaped and cut to {@code max} characters (plus a note of how much was cut); null stays null.
     *
     * @param raw the raw
     * @param max the max
     * @return the {@code String}
     */
    public static String of(String raw, int max) {
        if (raw == null) {
            return null;
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        StringBuilder out = null;
        int limit = Math.min(raw.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = raw.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(limit + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        String head = out == null ? raw.substring(0, limit) : out.toString();
        return raw.length() > max ? head + "…(+" + (raw.length() - max) + " chars)" : head;
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= 0x80 && c < 0xa0)) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
