package io.mlconnector.benchmarks.intake;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Figure 1, in process: runs {@link WebhookIntakeBenchmark} under JMH (SampleTime, one fork per case, one caller
 * thread) and reports p50 / p99 / p99.9 per intake method and store. Iterations are short (250 ms) and the queue is
 * emptied before each, so the live set stays what a host with running workers would hold rather than an ever
 * growing backlog; the four cases take about a minute and a half on two cores. {@code -Dbench.intake.warmup=N},
 * {@code -Dbench.intake.iterations=N} and {@code -Dbench.intake.iterationMs=N} change that.
 */
public final class IntakeSuite implements Suite {
    private final Path out;

    public IntakeSuite(Path out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public String description() {
        return "webhook acknowledgement latency in process (JMH SampleTime), in-memory and PostgreSQL stores";
    }

    @Override
    public List<Figure> run() throws Exception {
        int warmup = Integer.getInteger("bench.intake.warmup", 12);
        int iterations = Integer.getInteger("bench.intake.iterations", 24);
        int iterationMs = Integer.getInteger("bench.intake.iterationMs", 250);
        Options options = new OptionsBuilder()
                .include(WebhookIntakeBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(warmup).warmupTime(TimeValue.milliseconds(iterationMs))
                .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iterationMs))
                .jvmArgs("-Xms2g", "-Xmx2g", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.io.mlconnector=warn")
                .result(out.resolve("jmh-intake.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> r.getParams().getParam("store")));
        List<Figure> figures = new ArrayList<>();
        for (RunResult r : sorted) {
            String method = r.getParams().getBenchmark().endsWith("freshBooks") ? "onFreshBooksWebhook"
                    : "onProcoreWebhook";
            String store = "postgres".equals(r.getParams().getParam("store")) ? "PostgreSQL store" : "in-memory store";
            Statistics s = r.getPrimaryResult().getStatistics();
            String unit = r.getPrimaryResult().getScoreUnit().replace("/op", "");
            figures.add(new Figure(name(), method + ", " + store + ": p50 / p99 / p99.9",
                    Numbers.sig3(s.getPercentile(50)) + " / " + Numbers.sig3(s.getPercentile(99)) + " / "
                            + Numbers.sig3(s.getPercentile(99.9)),
                    unit.replace("us", "µs"), "p99 well under 5 ms",
                    "JMH SampleTime, " + Numbers.count(s.getN()) + " samples, 1 caller thread, max "
                            + Numbers.sig3(s.getMax()) + " " + unit.replace("us", "µs")));
        }
        return figures;
    }
}
