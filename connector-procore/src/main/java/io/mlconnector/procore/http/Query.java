package io.mlconnector.procore.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of query parameters, URL-encoded when rendered. Knows Procore's filter conventions:
 * {@code filters[attr]=v}, array filters {@code filters[attr][]=a&filters[attr][]=b}, and time ranges
 * {@code filters[updated_at]=start...end} (sent unquoted, ISO-8601 UTC with second precision).
 */
public final class Query {
    private final List<Map.Entry<String, String>> params = new ArrayList<>();

    private Query() {
    }

    /**
     * An empty query.
     *
     * @return this query
     */
    public static Query create() {
        return new Query();
    }

    /**
     * A query starting with {@code name=value}.
     *
     * @param name the name
     * @param value the value
     * @return this query
     */
    public static Query of(String name, Object value) {
        return create().add(name, value);
    }

    /**
     * Adds {@code name=value}; a null value is skipped.
     *
     * @param name the name
     * @param value the value
     * @return this query
     */
    public Query add(String name, Object value) {
        if (value != null) {
            params.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    /**
     * Adds {@code filters[attr]=value}; a null value is skipped.
     *
     * @param attribute the attribute
     * @param value the value
     * @return this query
     */
    public Query filter(String attribute, Object value) {
        return add("filters[" + attribute + "]", value);
    }

    /**
     * Adds {@code filters[attr]=from...to}, both ends in ISO-8601 UTC at second precision.
     *
     * @param attribute the attribute
     * @param from the lower bound
     * @param to the upper bound
     * @return this query
     */
    public Query filterRange(String attribute, Instant from, Instant to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a range filter needs both ends");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
        return filter(attribute, range(from, to));
    }

    /**
     * The {@code start...end} text of a Procore range filter.
     *
     * @param from the lower bound
     * @param to the upper bound
     * @return the {@code start...end} text of a Procore range filter
     */
    public static String range(Instant from, Instant to) {
        return from.truncatedTo(ChronoUnit.SECONDS) + "..." + to.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Adds every parameter of another query.
     *
     * @param other every parameter of another query
     * @return this query
     */
    public Query addAll(Query other) {
        if (other != null) {
            params.addAll(other.params);
        }
        return this;
    }

    /**
     * A copy of this query.
     *
     * @return this query
     */
    public Query copy() {
        return create().addAll(this);
    }

    /**
     * The first value of a parameter, or null.
     *
     * @param name the name
     * @return the first value of a parameter, or null
     */
    public String get(String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * Whether no parameter is set.
     *
     * @return whether no parameter is set
     */
    public boolean isEmpty() {
        return params.isEmpty();
    }

    /**
     * The encoded query string without the leading {@code ?}; empty when there are no parameters.
     *
     * @return the encoded query string without the leading {@code ?}
     */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
