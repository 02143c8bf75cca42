package io.mlconnector.benchmarks;

import io.mlconnector.benchmarks.alignment.AlignmentSuite;
import io.mlconnector.benchmarks.calls.ApiCallsSuite;
import io.mlconnector.benchmarks.http.HttpIntakeSuite;
import io.mlconnector.benchmarks.http.HttpPostgresIntakeSuite;
import io.mlconnector.benchmarks.intake.IntakeSuite;
import io.mlconnector.benchmarks.memory.MappingMemorySuite;
import io.mlconnector.benchmarks.scale.ScaleSuite;
import io.mlconnector.benchmarks.throughput.ThroughputSuite;
import io.mlconnector.benchmarks.tokens.TokenTrafficSuite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.MachineInfo;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.report.ResultTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark suites and prints one table of figures; also writes it as Markdown to
 * {@code <bench.out>/results.md}. Which suites: {@code -Dbench=all} (default) or a comma-separated list of names
 * ({@code -Dbench=intake,calls}). A suite that fails is reported in the table and the others still run. Nothing
 * here is asserted: these are measurements, quoted in BENCHMARKS.md.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        // knobs given to Maven as -Dbench.knobs=name=value,name=value (Maven's -D does not reach this forked JVM)
        for (String knob : System.getProperty("bench.knobs", "").split(",")) {
            int eq = knob.indexOf('=');
            if (eq > 0) {
                System.setProperty(knob.substring(0, eq).trim(), knob.substring(eq + 1).trim());
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "target/benchmarks"));
        Files.createDirectories(out);
        Map<String, Suite> suites = new LinkedHashMap<>();
        for (Suite s : List.of(new IntakeSuite(out), new HttpIntakeSuite(), new HttpPostgresIntakeSuite(), new ApiCallsSuite(), new ThroughputSuite(), new AlignmentSuite(), new MappingMemorySuite(), new TokenTrafficSuite(), new ScaleSuite())) {
            suites.put(s.name(), s);
        }
        String wanted = args.length > 0 ? args[0] : System.getProperty("bench", "all");
        List<String> names = wanted.isBlank() || wanted.equals("all") || wanted.equals("true")
                ? new ArrayList<>(suites.keySet())
                : Arrays.stream(wanted.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
        for (String n : names) {
            if (!suites.containsKey(n)) {
                System.err.println("unknown suite '" + n + "'; known: " + String.join(", ", suites.keySet()));
                System.exit(2);
            }
        }
        ResultTable table = new ResultTable();
        String loadBefore = MachineInfo.loadAverage();
        long started = System.nanoTime();
        List<String> timings = new ArrayList<>();
        for (String n : names) {
            Suite s = suites.get(n);
            System.out.println();
            System.out.println("=== " + s.name() + ": " + s.description());
            long t0 = System.nanoTime();
            try {
                table.add(s.run());
            } catch (Exception | Error e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                System.out.println(trace);
                table.add(List.of(new Figure(s.name(), "suite failed", "FAILED", "", "", e.toString())));
            }
            String took = Numbers.fixed((System.nanoTime() - t0) / 1e9, 1);
            timings.add(s.name() + " " + took + " s");
            System.out.println("=== " + s.name() + " done in " + took + " s");
        }
        String total = Numbers.fixed((System.nanoTime() - started) / 1e9, 1);
        List<String> preamble = new ArrayList<>();
        preamble.add("# ml-connector benchmark results");
        preamble.add("");
        preamble.add("Run at " + Instant.now() + ", suites: " + String.join(", ", names) + " (" + String.join(", ", timings)
                + "; total " + total + " s).");
        preamble.add("");
        MachineInfo.describe().forEach(l -> preamble.add("- " + l));
        String load = "load average (1/5/15 min) at start " + loadBefore + ", at end " + MachineInfo.loadAverage()
                + " (the machine is shared: other builds and tests run on the same cores)";
        preamble.add("- " + load);
        System.out.println();
        System.out.println("=== results (" + total + " s)");
        MachineInfo.describe().forEach(l -> System.out.println("  " + l));
        System.out.println("  " + load);
        System.out.println();
        table.print(System.out);
        Path md = out.resolve("results.md");
        table.writeMarkdown(md, preamble);
        System.out.println();
        System.out.println("written: " + md.toAbsolutePath());
    }
}
