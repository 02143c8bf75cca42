package io.mlconnector.core.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes credentials from what the connector logs: authorization headers, tokens, secrets,
 * signatures, and the same names in query strings.
 */
public final class Redaction {
    static final String MASK = "[REDACTED]";
    private static final Pattern SENSITIVE_NAME =
            Pattern.compile("(?i).*(authorization|token|secret|signature|hmac|password|api[-_]?key|cookie|verifier|code$).*");
    private static final Pattern SENSITIVE_QUERY =
            Pattern.compile("(?i)((?:[a-z_\\[\\]]*)(?:token|secret|signature|password|verifier|code)[a-z_\\]]*=)[^&]*");

    private Redaction() {
    }

    /** Whether a header or field of this name holds a secret. */
    public static boolean isSensitive(String name) {
        return name != null && SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** A copy of the headers with sensitive values masked. */
    public static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, isSensitive(k) ? MASK : v));
        return out;
    }

    /** The URI with sensitive query parameter values masked. */
    public static String uri(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        if (q < 0) {
            return s;
        }
        return s.substring(0, q + 1) + SENSITIVE_QUERY.matcher(s.substring(q + 1)).replaceAll("$1" + MASK);
    }
}
