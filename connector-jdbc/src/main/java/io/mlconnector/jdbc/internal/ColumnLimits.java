package io.mlconnector.jdbc.internal;

import java.util.Objects;

/**
 * Maximum lengths of the key columns in the shipped schema, checked before a write so an over-long value gets a
 * clear {@link IllegalArgumentException} instead of a driver error (and stays within PostgreSQL's index-row limit).
 */
public final class ColumnLimits {
    /** Connection ids. */
    public static final int CONNECTION_ID = 128;
    /** Enum names, credential kinds, work-item types, target kinds. */
    public static final int NAME = 128;
    /** Source/target ids, source keys, dedupe keys, item ids, stream names, lease names. */
    public static final int KEY = 400;
    /** Lease owners (worker / node ids). */
    public static final int OWNER = 200;
    /** Audit source and target references. */
    public static final int REFERENCE = 1000;

    private ColumnLimits() {
    }

    /**
     * Returns {@code value} if it is non-null and at most {@code max} characters long.
     *
     * @param field the field
     * @param value the value
     * @param max the max
     * @return {@code value} if it is non-null and at most {@code max} characters long
     */
    public static String required(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        return optional(field, value, max);
    }

    /**
     * Returns {@code value} (may be null) if it is at most {@code max} characters long.
     *
     * @param field the field
     * @param value the value
     * @param max the max
     * @return {@code value} (may be null) if it is at most {@code max} characters long
     */
    public static String optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; the JDBC stores"
                    + " accept at most " + max + " (value starts '" + value.substring(0, Math.min(40, value.length()))
                    + "')");
        }
        return value;
    }
}
