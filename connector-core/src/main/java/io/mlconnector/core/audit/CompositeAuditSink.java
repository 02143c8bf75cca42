package io.mlconnector.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every event out to several sinks, in order. A sink that throws does not stop the others: the failure is
 * logged (outcome and source ref only) and counted, and the event still reaches the remaining sinks. Thread-safe
 * when its sinks are.
 */
public final class CompositeAuditSink implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeAuditSink.class);

    private final List<AuditSink> sinks;
    private final AtomicLong failures = new AtomicLong();

    private CompositeAuditSink(List<AuditSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /**
     * A sink writing to each of {@code sinks}.
     *
     * @param sinks the sinks
     * @return the {@code CompositeAuditSink}
     */
    public static CompositeAuditSink of(AuditSink... sinks) {
        return of(List.of(sinks));
    }

    /**
     * A sink writing to each of {@code sinks}.
     *
     * @param sinks the sinks
     * @return the {@code CompositeAuditSink}
     */
    public static CompositeAuditSink of(List<AuditSink> sinks) {
        Objects.requireNonNull(sinks, "sinks").forEach(s -> Objects.requireNonNull(s, "sink"));
        return new CompositeAuditSink(sinks);
    }

    @Override
    public void record(AuditEvent event) {
        for (AuditSink sink : sinks) {
            try {
                sink.record(event);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                LOG.warn("audit sink {} failed to record {} for {}; the other sinks still got it: {}",
                        sink.getClass().getName(), event.outcome(), event.sourceRef(), e.toString());
            }
        }
    }

    /**
     * The sinks, in the order they are written to.
     *
     * @return the sinks, in the order they are written to
     */
    public List<AuditSink> sinks() {
        return sinks;
    }

    /**
     * How many times a sink has thrown.
     *
     * @return how many times a sink has thrown
     */
    public long failureCount() {
        return failures.get();
    }
}
