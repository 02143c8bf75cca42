package io.mlconnector.core.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Bounded, thread-safe in-memory {@link AuditLog}; the oldest events are dropped past the capacity. */
public final class InMemoryAuditLog implements AuditLog {
    private final int capacity;
    private final Deque<AuditEvent> events = new ArrayDeque<>();

    /** Creates an empty {@code InMemoryAuditLog}. */
    public InMemoryAuditLog() {
        this(100_000);
    }

    /**
     * Creates a {@code InMemoryAuditLog}.
     *
     * @param capacity the capacity
     */
    public InMemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        events.addLast(event);
        while (events.size() > capacity) {
            events.removeFirst();
        }
    }

    @Override
    public synchronized List<AuditEvent> find(AuditQuery query) {
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent e : events) {
            if (query.matches(e)) {
                out.add(e);
            }
        }
        if (query.limit() > 0 && out.size() > query.limit()) {
            return List.copyOf(out.subList(out.size() - query.limit(), out.size()));
        }
        return out;
    }

    /**
     * All events held, oldest first.
     *
     * @return all events held, oldest first
     */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
