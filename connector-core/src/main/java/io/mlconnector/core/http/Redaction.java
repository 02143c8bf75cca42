package io.mlconnector.core.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
    private static final Pattern SENSITIVE_PARAM =
            Pattern.compile("(?i)code|.*(authorization|token|secret|signature|password|verifier|api[-_]?key|hmac).*");

    private Redaction() {
    }

    /**
     * Whether a header or field of this name holds a secret.
     *
     * @param name the name
     * @return whether a header or field of this name holds a secret
     */
    public static boolean isSensitive(String name) {
        return name != null && SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * A copy of the headers with sensitive values masked.
     *
     * @param headers the request headers
     * @return a copy of the headers with sensitive values masked
     */
    public static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, isSensitive(k) ? MASK : v));
        return out;
    }

    /**
     * The URI with sensitive query parameter values masked: names containing token, secret, signature, password,
     * verifier, api key or hmac, and the OAuth {@code code} (but not, say, {@code cost_code}).
     *
     * @param uri absolute URI, query included
     * @return the URI with sensitive query parameter values masked: names containing token, secret, signature,
     *     password, verifier, api key or hmac, and the OAuth {@code code} (but not, say, {@code cost_code})
     */
    public static String uri(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        if (q < 0) {
            return s;
        }
        int hash = s.indexOf('#', q);
        String query = hash < 0 ? s.substring(q + 1) : s.substring(q + 1, hash);
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, q + 1);
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SENSITIVE_PARAM.matcher(decode(name)).matches()) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(pair);
            }
        }
        if (hash >= 0) {
            out.append(s, hash, s.length());
        }
        return out.toString();
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
