package io.mlconnector.benchmarks.world;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Audit outcomes recorded from a mark on, to check that a run synced what it was meant to sync. */
public final class Outcomes {
    private final InMemoryAuditLog log;
    private final int from;

    private Outcomes(InMemoryAuditLog log, int from) {
        this.log = log;
        this.from = from;
    }

    /** Marks the current end of the log. */
    public static Outcomes since(InMemoryAuditLog log) {
        return new Outcomes(log, log.all().size());
    }

    /** Counts per outcome since the mark. */
    public Map<AuditOutcome, Integer> counts() {
        List<AuditEvent> all = log.all();
        Map<AuditOutcome, Integer> out = new EnumMap<>(AuditOutcome.class);
        for (AuditEvent e : all.subList(Math.min(from, all.size()), all.size())) {
            out.merge(e.outcome(), 1, Integer::sum);
        }
        return out;
    }

    /** How many events of one outcome since the mark. */
    public int count(AuditOutcome outcome) {
        return counts().getOrDefault(outcome, 0);
    }

    /** Up to {@code n} reasons of events other than the given outcomes (for diagnosing a run). */
    public List<String> otherReasons(int n, AuditOutcome... expected) {
        List<AuditEvent> all = log.all();
        List<AuditOutcome> ok = List.of(expected);
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(e -> !ok.contains(e.outcome()))
                .limit(n).map(e -> e.outcome() + ": " + e.reason()).toList();
    }
}
