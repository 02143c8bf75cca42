package io.mlconnector.core.observe;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Turns a request URI into the low-cardinality, secret-free path that HTTP events carry: no host, no query string,
 * and every path segment that holds a digit (an id, an account id) but is not a version ({@code v1.0}, {@code v2})
 * replaced by {@code {id}}.
 */
public final class HttpPaths {
    private static final Pattern VERSION = Pattern.compile("(?i)v\\d+(\\.\\d+)*");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

    private HttpPaths() {
    }

    /**
     * The path template of a URI, e.g. {@code /rest/v1.0/projects/316469/requisitions?x=1} becomes
     * {@code /rest/v1.0/projects/{id}/requisitions}.
     *
     * @param uri the request URI
     * @return its raw path with id segments replaced by {@code {id}}, or {@code /} when it has no path
     */
    public static String template(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            String s = segments[i];
            out.append(HAS_DIGIT.matcher(s).matches() && !VERSION.matcher(s).matches() ? "{id}" : s);
        }
        return out.toString();
    }
}
