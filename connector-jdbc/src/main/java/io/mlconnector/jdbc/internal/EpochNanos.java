package io.mlconnector.jdbc.internal;

import java.time.Instant;

/**
 * Converts instants to and from {@code BIGINT} nanoseconds since the epoch, so they round-trip exactly (a SQL
 * {@code TIMESTAMP} keeps microseconds at best on PostgreSQL). Range: 1677-09-21T00:12:43.145224192Z to
 * 2262-04-11T23:47:16.854775807Z.
 */
public final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /**
     * Nanoseconds since the epoch, or null for null. @throws IllegalArgumentException outside the range
     *
     * @param instant the instant
     * @return the {@code Long}
     */
    public static Long of(Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant " + instant + " is outside the range the JDBC stores keep"
                    + " (1677-09-21 to 2262-04-11)", e);
        }
    }

    /**
     * The instant {@code nanos} after the epoch.
     *
     * @param nanos the nanos
     * @return the instant {@code nanos} after the epoch
     */
    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
