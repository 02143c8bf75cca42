package io.mlconnector.benchmarks.report;

import java.util.Locale;

/** Formats measured numbers for the table: a few significant digits, never scientific notation. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code value} with {@code decimals} decimals (locale-independent). */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** About three significant digits: 0.0123, 1.23, 12.3, 123, 12345. */
    public static String sig3(double value) {
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (a >= 10) {
            return fixed(value, 1);
        }
        if (a >= 1) {
            return fixed(value, 2);
        }
        int decimals = Math.min(6, 2 + (int) Math.ceil(-Math.log10(a)));
        return fixed(value, decimals);
    }

    /** An integer count with thousands separators. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Bytes as MiB with one decimal. */
    public static String mib(long bytes) {
        return fixed(bytes / (1024.0 * 1024.0), 1);
    }

    /** Bytes as KiB with one decimal. */
    public static String kib(long bytes) {
        return fixed(bytes / 1024.0, 1);
    }
}
