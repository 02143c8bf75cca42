package io.mlconnector.testkit.server;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An ordered multi-map of name/value pairs, as found in a query string or a form-encoded body. */
public final class Params {

    /** One name/value pair, in the order it appeared. */
    public record Entry(String name, String value) { }

    private final List<Entry> entries;

    private Params(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * An empty set of parameters.
     *
     * @return the {@code Params}
     */
    public static Params empty() {
        return new Params(List.of());
    }

    /**
     * Parameters from pairs already decoded, kept in the given order.
     *
     * @param entries the entries
     * @return the {@code Params}
     */
    public static Params of(List<Entry> entries) {
        return new Params(entries);
    }

    /**
     * Parameters from a map, in its iteration order; null values become empty strings.
     *
     * @param map the map
     * @return the from map
     */
    public static Params fromMap(Map<String, ?> map) {
        List<Entry> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(new Entry(k, v == null ? "" : String.valueOf(v))));
        return new Params(list);
    }

    /**
     * Parses {@code a=1&b=2} (a raw query string or a form body); {@code +} and percent escapes are decoded.
     *
     * @param raw the raw
     * @return the {@code Params}
     */
    public static Params parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return empty();
        }
        List<Entry> list = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            list.add(new Entry(decode(name), decode(value)));
        }
        return new Params(list);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * The first value for {@code name}.
     *
     * @param name the name
     * @return the first value for {@code name}
     */
    public Optional<String> first(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).map(Entry::value).findFirst();
    }

    /**
     * The first value for {@code name}, or {@code fallback}.
     *
     * @param name the name
     * @param fallback the fallback
     * @return the first value for {@code name}, or {@code fallback}
     */
    public String get(String name, String fallback) {
        return first(name).orElse(fallback);
    }

    /**
     * Every value for {@code name}, in order.
     *
     * @param name the name
     * @return every value for {@code name}, in order
     */
    public List<String> all(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).map(Entry::value).toList();
    }

    /**
     * Whether {@code name} occurs at least once.
     *
     * @param name the name
     * @return whether {@code name} occurs at least once
     */
    public boolean has(String name) {
        return first(name).isPresent();
    }

    /**
     * The distinct names, in order of first appearance.
     *
     * @return the distinct names, in order of first appearance
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.name));
        return names;
    }

    /**
     * All pairs in order.
     *
     * @return all pairs in order
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Encodes the pairs as {@code application/x-www-form-urlencoded}, in order.
     *
     * @return the encode
     */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(e.value, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /**
     * A copy without the pairs named {@code name}, with {@code value} appended under that name (for paging links).
     *
     * @param name the name
     * @param value the value
     * @return a copy without the pairs named {@code name}, with {@code value} appended under that name (for paging
     *     links)
     */
    public Params with(String name, String value) {
        List<Entry> list = new ArrayList<>();
        entries.stream().filter(e -> !e.name.equals(name)).forEach(list::add);
        list.add(new Entry(name, value));
        return new Params(list);
    }

    @Override
    public String toString() {
        return encode();
    }
}
