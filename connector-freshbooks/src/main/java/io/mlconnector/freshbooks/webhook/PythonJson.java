package io.mlconnector.freshbooks.webhook;

import java.util.List;
import java.util.Map;

/**
 * Renders string fields exactly as Python's {@code json.dumps(dict)} does with default arguments: {@code ", "} and
 * {@code ": "} separators, {@code ensure_ascii=True} (every character outside 0x20–0x7E as a lowercase
 * {@code \\u} + four hex digits escape, characters beyond the BMP as surrogate pairs), {@code "} and {@code \} escaped, the short
 * escapes {@code \n \r \t \b \f}, and {@code /} left alone. This is the text FreshBooks signs (api/freshbooks.md §5.5).
 */
final class PythonJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJson() {
    }

    static String dumps(List<Map.Entry<String, String>> fields) {
        StringBuilder sb = new StringBuilder(64 + fields.size() * 32).append('{');
        boolean first = true;
        for (Map.Entry<String, String> f : fields) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            string(sb, f.getKey());
            sb.append(": ");
            string(sb, f.getValue());
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // UTF-16 code units: characters beyond the BMP come out as surrogate pairs, like Python
                        sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
