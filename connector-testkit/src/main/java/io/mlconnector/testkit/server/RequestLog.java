package io.mlconnector.testkit.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/** Every request a sandbox answered (bounded history) plus unbounded per-endpoint counters. */
public final class RequestLog {

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    /**
     * A log keeping at most {@code capacity} entries (counters are never dropped).
     *
     * @param capacity the capacity
     */
    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds one entry.
     *
     * @param request the recorded request
     */
    public void record(RecordedRequest request) {
        synchronized (entries) {
            entries.addLast(request);
            while (entries.size() > capacity) {
                entries.removeFirst();
            }
        }
        counters.computeIfAbsent(request.endpoint(), k -> new LongAdder()).increment();
        total.increment();
    }

    /**
     * The retained entries, oldest first.
     *
     * @return the retained entries, oldest first
     */
    public List<RecordedRequest> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /**
     * Retained entries matching a predicate.
     *
     * @param filter the filter
     * @return the recorded requests
     */
    public List<RecordedRequest> entries(Predicate<RecordedRequest> filter) {
        return entries().stream().filter(filter).toList();
    }

    /**
     * Total requests seen since start or the last {@link #clear()}.
     *
     * @return total requests seen since start or the last {@link #clear()}
     */
    public long total() {
        return total.sum();
    }

    /**
     * Calls per endpoint ({@code "GET /accounting/account/{accountId}/bills/bills"}), sorted by endpoint.
     *
     * @return the counts by endpoint
     */
    public Map<String, Long> countsByEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Calls to one endpoint: method and route template, e.g. {@code count("POST", "/oauth/token")}.
     *
     * @param method HTTP method
     * @param template the template
     * @return the count
     */
    public long count(String method, String template) {
        LongAdder adder = counters.get(method + " " + template);
        return adder == null ? 0 : adder.sum();
    }

    /** Forgets everything. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
        counters.clear();
        total.reset();
    }
}
