package io.mlconnector.testkit.ports;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.NotFoundException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the in-memory ports share: one lock guarding their state, counted port calls with injectable failures
 * ({@link PortInstrumentation}), and the id and version sequences of stored objects (ids from 1001 up, versions from
 * 1 up). Subclasses run every port method through {@link #call}.
 */
public abstract class InstrumentedPort {

    /** Guards the whole state of the port; port calls hold it while they run. */
    final Object lock = new Object();
    private final PortInstrumentation instrumentation;
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicLong versions = new AtomicLong();

    InstrumentedPort(Class<?> port, Set<String> writeMethods) {
        this.instrumentation = new PortInstrumentation(port, writeMethods);
    }

    /**
     * The next {@code times} calls of {@code method} throw {@code fault} without doing anything.
     *
     * @param method the port interface's method name, e.g. {@code "createRequisition"}
     * @param times how many calls fail (at least 1)
     * @param fault builds the exception each failing call throws, e.g. from {@link Faults}
     */
    public void failNext(String method, int times, Supplier<? extends RuntimeException> fault) {
        instrumentation.inject(method, times, PortInstrumentation.Phase.BEFORE, fault);
    }

    /**
     * The next {@code times} calls of {@code method} take effect and then throw {@code fault}.
     *
     * @param method the port interface's method name, e.g. {@code "createRequisition"}
     * @param times how many calls fail (at least 1)
     * @param fault builds the exception each failing call throws, e.g. from {@link Faults}
     */
    public void failNextAfterEffect(String method, int times, Supplier<? extends RuntimeException> fault) {
        instrumentation.inject(method, times, PortInstrumentation.Phase.AFTER, fault);
    }

    /**
     * Injected failures not yet thrown for a method.
     *
     * @param method the port interface's method name, e.g. {@code "createRequisition"}
     * @return the number of injected failures still to be thrown
     */
    public int pendingFaults(String method) {
        return instrumentation.pendingFaults(method);
    }

    /** Drops every injected failure not yet thrown. */
    public void clearFaults() {
        instrumentation.clearFaults();
    }

    /**
     * Calls of a port method so far (including calls that threw an injected failure).
     *
     * @param method the port interface's method name, e.g. {@code "createRequisition"}
     * @return the number of calls
     */
    public int calls(String method) {
        return instrumentation.calls(method);
    }

    /**
     * Calls per port method (only methods called at least once).
     *
     * @return call counts by method name, sorted by name
     */
    public Map<String, Integer> callCounts() {
        return instrumentation.callCounts();
    }

    /**
     * Calls of reading port methods.
     *
     * @return the number of read calls
     */
    public int reads() {
        return instrumentation.reads();
    }

    /**
     * Calls of writing port methods (the subclass documents which they are).
     *
     * @return the number of write calls
     */
    public int writes() {
        return instrumentation.writes();
    }

    /** Sets every call counter back to zero. */
    public void resetCalls() {
        instrumentation.resetCalls();
    }

    /** Runs a port method under the lock: counts it, throws an injected failure before or after its effect. */
    final <T> T call(String method, Supplier<T> body) {
        synchronized (lock) {
            instrumentation.enter(method);
            T result = body.get();
            instrumentation.exit(method);
            return result;
        }
    }

    /** The stored value with {@code id}, or a 404 {@link NotFoundException} naming {@code what}. */
    final <T> T existing(Table<T> table, String id, String what) {
        synchronized (lock) {
            return table.get(id).orElseThrow(() -> new NotFoundException(ApiError.of(404, what + " " + id + " not found")));
        }
    }

    /** The next object id. */
    final long nextId() {
        return ids.incrementAndGet();
    }

    /** The next version stamp. */
    final String nextVersion() {
        return Long.toString(versions.incrementAndGet());
    }
}
