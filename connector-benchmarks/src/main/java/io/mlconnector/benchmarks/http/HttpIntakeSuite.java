package io.mlconnector.benchmarks.http;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 1 over real HTTP: runs {@link HttpIntakeRun} in child JVMs (same classpath) — in-memory and PostgreSQL
 * stores with {@code sun.net.httpserver.nodelay=true} (as the demo and the examples' tests run the host), and the
 * PostgreSQL one-sender case once more with the JDK HttpServer's default (Nagle on), which is what
 * {@code ExampleHost.main} gets unless the host sets the property.
 */
public final class HttpIntakeSuite implements Suite {
    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "webhook acknowledgement over HTTP through the example host, " + HttpIntakeRun.CONCURRENCY
                + " concurrent deliveries";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Figure> out = new ArrayList<>();
        out.addAll(child("memory", true, "", null, null));
        out.addAll(child("postgres", true, "", null, null));
        out.addAll(child("postgres", false, ", JDK HttpServer default (no TCP_NODELAY)", "single", 1000));
        return out;
    }

    /**
     * Runs {@link HttpIntakeRun} in a child JVM and collects its figures.
     *
     * @param store {@code memory} or {@code postgres}
     * @param noDelay the child's {@code sun.net.httpserver.nodelay}
     * @param label appended to the figure names
     * @param modes the child's {@code bench.http.modes}, or null for its default
     * @param warmup warm-up deliveries, or null for the child's default (or {@code -Dbench.http.warmup})
     * @return the figures the child printed
     * @throws Exception when the child fails or prints no figure
     */
    static List<Figure> child(String store, boolean noDelay, String label, String modes, Integer warmup)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms1g");
        cmd.add("-Xmx1g");
        cmd.add("-XX:+UseG1GC");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dorg.slf4j.simpleLogger.log.io.mlconnector=warn");
        cmd.add("-Dsun.net.httpserver.nodelay=" + noDelay);
        if (modes != null) {
            cmd.add("-Dbench.http.modes=" + modes);
        }
        if (warmup != null) {
            cmd.add("-Dbench.http.warmup=" + warmup);
        }
        for (String p : List.of("bench.http.deliveries", "bench.http.warmup", "bench.http.single",
                "bench.http.rates", "bench.http.rateSeconds", "bench.http.threads")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HttpIntakeRun.class.getName());
        cmd.add(store);
        cmd.add(label);
        System.out.println("  child JVM: " + store + " store, nodelay=" + noDelay);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Figure> figures = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("FIGURE\t")) {
                    String[] c = line.split("\t", -1);
                    figures.add(new Figure(c[1], c[2], c[3], c[4], c[5], c[6]));
                } else if (!line.contains(" INFO ")) {
                    System.out.println("    | " + line);
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("HTTP intake run did not finish");
        }
        if (p.exitValue() != 0 || figures.isEmpty()) {
            throw new IllegalStateException("HTTP intake run (" + store + ") exited " + p.exitValue());
        }
        return figures;
    }
}
