package io.mlconnector.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the figures were taken on: processors, memory, JVM and CPU model (Linux {@code /proc} where available). */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** Lines describing this machine and JVM. */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("processors (nproc): " + Runtime.getRuntime().availableProcessors());
        cpuModel().ifPresent(m -> out.add("CPU: " + m));
        memTotal().ifPresent(m -> out.add("memory: " + m));
        out.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), max heap " + Numbers.mib(Runtime.getRuntime().maxMemory())
                + " MiB");
        out.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return out;
    }

    /** The 1/5/15-minute load averages from {@code /proc/loadavg}, or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim());
    }

    private static Optional<String> memTotal() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal").map(l -> {
            String kb = l.replaceAll("[^0-9]", "");
            return kb.isEmpty() ? l : Numbers.fixed(Long.parseLong(kb) / (1024.0 * 1024.0), 1) + " GiB total";
        });
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
