package io.mlconnector.jdbc.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated table-name prefix: empty, or a letter or underscore followed by letters, digits and underscores, at
 * most {@value #MAX_LENGTH} characters (so every derived index name stays within PostgreSQL's 63-character limit).
 * Table names are never quoted, so {@code MLC_} and {@code mlc_} name the same tables.
 */
public record TablePrefix(String value) {
    /** The prefix used when none is configured. */
    public static final String DEFAULT = "mlc_";
    /** Longest prefix accepted. */
    public static final int MAX_LENGTH = 30;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Checks the components.
     *
     * @param value the value
     */
    public TablePrefix {
        Objects.requireNonNull(value, "tablePrefix");
        if (!value.isEmpty() && (value.length() > MAX_LENGTH || !IDENTIFIER.matcher(value).matches())) {
            throw new IllegalArgumentException("invalid table prefix '" + value + "': use at most " + MAX_LENGTH
                    + " letters, digits and underscores, not starting with a digit");
        }
    }

    /**
     * The full name of a table or index: prefix + {@code name}.
     *
     * @param name the name
     * @return the full name of a table or index: prefix + {@code name}
     */
    public String table(String name) {
        return value + name;
    }

    /**
     * The prefix in lower case (how PostgreSQL folds it), for lock keys and comparisons.
     *
     * @return the prefix in lower case (how PostgreSQL folds it), for lock keys and comparisons
     */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
