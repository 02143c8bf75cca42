package io.mlconnector.procore.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relations of an RFC 8288 {@code Link} header, e.g.
 * {@code <https://api.procore.com/rest/v1.0/x?page=2&per_page=5>; rel="next", <...>; rel="last"}.
 */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final Map<String, URI> relations;

    private LinkHeader(Map<String, URI> relations) {
        this.relations = Map.copyOf(relations);
    }

    /**
     * Parses a header value; a null or blank value has no relations, malformed entries are skipped.
     *
     * @param value the value
     * @return the {@code LinkHeader}
     */
    public static LinkHeader parse(String value) {
        Map<String, URI> rels = new LinkedHashMap<>();
        if (value != null) {
            Matcher m = LINK.matcher(value);
            while (m.find()) {
                Matcher rel = REL.matcher(m.group(2));
                if (rel.find()) {
                    try {
                        URI uri = URI.create(m.group(1).trim());
                        for (String r : rel.group(1).trim().split("\\s+")) {
                            rels.putIfAbsent(r.toLowerCase(java.util.Locale.ROOT), uri);
                        }
                    } catch (IllegalArgumentException malformed) {
                        // skip a link we cannot parse
                    }
                }
            }
        }
        return new LinkHeader(rels);
    }

    /**
     * The URI of a relation such as {@code next}.
     *
     * @param rel the rel
     * @return the URI of a relation such as {@code next}
     */
    public Optional<URI> get(String rel) {
        return Optional.ofNullable(relations.get(rel));
    }

    /**
     * Whether the header names a {@code next} page.
     *
     * @return whether the header names a {@code next} page
     */
    public boolean hasNext() {
        return relations.containsKey("next");
    }

    /**
     * Whether the header had any relation at all.
     *
     * @return whether the header had any relation at all
     */
    public boolean isEmpty() {
        return relations.isEmpty();
    }
}
