package io.mlconnector.benchmarks;

import io.mlconnector.benchmarks.report.Figure;
import java.util.List;

/** One group of figures that {@link BenchmarkMain} can run on its own ({@code -Dbench=<name>}). */
public interface Suite {
    /** The name used in {@code -Dbench=...}. */
    String name();

    /** One line saying what it measures. */
    String description();

    /** Measures and returns the figures; prints progress to stdout. */
    List<Figure> run() throws Exception;
}
