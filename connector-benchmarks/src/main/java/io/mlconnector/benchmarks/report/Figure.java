package io.mlconnector.benchmarks.report;

import java.util.Objects;

/**
 * One measured figure, as it appears in the results table.
 *
 * @param suite  the suite that measured it ({@code intake}, {@code calls}, ...)
 * @param name   what was measured, e.g. {@code onFreshBooksWebhook, in-memory store, p99}
 * @param value  the value, already formatted
 * @param unit   its unit ({@code µs}, {@code calls/bill}, {@code MB}); empty when the value says it
 * @param target the target for it, or empty
 * @param note   how it was measured or what qualifies it, or empty
 */
public record Figure(String suite, String name, String value, String unit, String target, String note) {
    public Figure {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
        target = target == null ? "" : target;
        note = note == null ? "" : note;
    }

    /** A figure without target or note. */
    public static Figure of(String suite, String name, String value, String unit) {
        return new Figure(suite, name, value, unit, "", "");
    }

    /** This figure with a target. */
    public Figure target(String value) {
        return new Figure(suite, name, this.value, unit, value, note);
    }

    /** This figure with a note. */
    public Figure note(String value) {
        return new Figure(suite, name, this.value, unit, target, value);
    }
}
