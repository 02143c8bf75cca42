package io.mlconnector.testkit.ports;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Per-method call counters and a queue of injected failures for one in-memory port. Method names are the port
 * interface's method names and are checked, so a typo fails the test instead of silently injecting nothing.
 * Thread-safe.
 */
final class PortInstrumentation {

    /** When an injected failure fires relative to the method's effect. */
    enum Phase {
        /** Thrown instead of running the method: nothing happened. */
        BEFORE,
        /** Thrown after the method's effect was applied: the object exists, the caller does not know. */
        AFTER
    }

    private static final class Fault {
        final Phase phase;
        final Supplier<? extends RuntimeException> supplier;
        int remaining;

        Fault(Phase phase, int remaining, Supplier<? extends RuntimeException> supplier) {
            this.phase = phase;
            this.remaining = remaining;
            this.supplier = supplier;
        }
    }

    private final Set<String> methods;
    private final Set<String> writeMethods;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();

    PortInstrumentation(Class<?> port, Set<String> writeMethods) {
        Set<String> names = new TreeSet<>();
        for (Method m : port.getMethods()) {
            names.add(m.getName());
        }
        if (!names.containsAll(writeMethods)) {
            throw new IllegalArgumentException("unknown write methods " + writeMethods + " for " + port);
        }
        this.methods = Set.copyOf(names);
        this.writeMethods = Set.copyOf(writeMethods);
    }

    synchronized void inject(String method, int times, Phase phase, Supplier<? extends RuntimeException> supplier) {
        requireKnown(method);
        Objects.requireNonNull(supplier, "supplier");
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        faults.computeIfAbsent(method, k -> new ArrayDeque<>()).addLast(new Fault(phase, times, supplier));
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized int pendingFaults(String method) {
        requireKnown(method);
        Deque<Fault> q = faults.get(method);
        return q == null ? 0 : q.stream().mapToInt(f -> f.remaining).sum();
    }

    /** Counts a call and throws a pending {@link Phase#BEFORE} failure. */
    synchronized void enter(String method) {
        requireKnown(method);
        counts.merge(method, 1, Integer::sum);
        fire(method, Phase.BEFORE);
    }

    /** Throws a pending {@link Phase#AFTER} failure, once the effect has been applied. */
    synchronized void exit(String method) {
        fire(method, Phase.AFTER);
    }

    private void fire(String method, Phase phase) {
        Deque<Fault> q = faults.get(method);
        if (q == null || q.isEmpty() || q.peekFirst().phase != phase) {
            return;
        }
        Fault f = q.peekFirst();
        if (--f.remaining == 0) {
            q.removeFirst();
        }
        throw f.supplier.get();
    }

    synchronized int calls(String method) {
        requireKnown(method);
        return counts.getOrDefault(method, 0);
    }

    synchronized Map<String, Integer> callCounts() {
        return new TreeMap<>(counts);
    }

    synchronized int writes() {
        return counts.entrySet().stream().filter(e -> writeMethods.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
    }

    synchronized int reads() {
        return counts.entrySet().stream().filter(e -> !writeMethods.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
    }

    synchronized void resetCalls() {
        counts.clear();
    }

    private void requireKnown(String method) {
        if (!methods.contains(method)) {
            throw new IllegalArgumentException("no port method named '" + method + "'; known: " + new TreeSet<>(methods));
        }
    }
}
