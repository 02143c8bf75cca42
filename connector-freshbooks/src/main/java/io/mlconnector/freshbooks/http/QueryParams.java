package io.mlconnector.freshbooks.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ordered query parameters, repeated names allowed ({@code include[]=lines&include[]=vendor}). Names and values are
 * percent-encoded, brackets included ({@code search%5Bvendorid%5D=5}), as FreshBooks asks for accounting filters.
 */
public final class QueryParams {
    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    /**
     * No parameters.
     *
     * @return an empty, growable set of parameters
     */
    public static QueryParams empty() {
        return new QueryParams();
    }

    /**
     * Adds a parameter (null values are skipped).
     *
     * @param name the name
     * @param value the value
     * @return the add
     */
    public QueryParams add(String name, Object value) {
        if (value != null) {
            entries.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    /**
     * Appends all parameters of another set.
     *
     * @param other the other params
     * @return this query params
     */
    public QueryParams addAll(QueryParams other) {
        entries.addAll(other.entries);
        return this;
    }

    /**
     * The parameters in order.
     *
     * @return the parameters in order
     */
    public List<Map.Entry<String, String>> entries() {
        return List.copyOf(entries);
    }

    /**
     * Whether no parameter was added.
     *
     * @return whether it is empty
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The encoded query string without the leading {@code ?}.
     *
     * @return the encoded query string without the leading {@code ?}
     */
    public String encode() {
        return entries.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /**
     * Percent-encodes one path segment or query component (spaces as {@code %20}).
     *
     * @param s the s
     * @return percent-encodes one path segment or query component (spaces as {@code %20})
     */
    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return encode();
    }
}
