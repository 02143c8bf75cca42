package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.observe.ConnectorListeners;
import io.mlconnector.core.observe.PollEvent;
import io.mlconnector.core.observe.PollOutcome;
import io.mlconnector.core.observe.ReauthorizationEvent;
import io.mlconnector.core.observe.ReconciliationEvent;
import io.mlconnector.core.observe.WorkEvent;
import io.mlconnector.core.observe.WorkOutcome;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.PollResult;
import io.mlconnector.core.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of observability: turns polls and settled work items into listener events, and remembers per
 * connection that a grant was refused for good ({@link ReauthorizationRequiredException}) until something of that
 * connection succeeds again. Thread-safe.
 *
 * <p>Which success clears a refusal: the exception does not say which system refused, so a refusal seen by a poll
 * keeps the side of its stream (FreshBooks streams: accounting, Procore streams: projects) and is cleared by a
 * successful poll of that side; one seen by a worker (side unknown) by any successful poll; and either by a work item
 * that posted, updated or reversed something (both systems answered).
 */
public final class EngineObserver {
    private static final Logger LOG = LoggerFactory.getLogger(EngineObserver.class);

    /** Which system a poll or failure concerns. */
    public enum Side { ACCOUNTING, PROJECTS, BOTH, UNKNOWN }

    /** A refusal remembered for {@link SyncEngine#health()}. */
    public record Refusal(Instant since, Side side, String reason) {
    }

    private final ConnectorListeners listeners;
    private final Clock clock;
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

    public EngineObserver(ConnectorListeners listeners, Clock clock) {
        this.listeners = listeners;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- polls

    /** Reports one poll of a stream: its cursors' walks, or what it threw. */
    public void polled(Connection c, SourceStream stream, List<PollResult.StreamPoll> walks, Instant started,
                RuntimeException thrown) {
        String error = thrown != null ? thrown.getClass().getSimpleName() + ": " + thrown.getMessage()
                : walks.stream().filter(p -> p.error() != null).map(p -> p.cursor() + ": " + p.error()).findFirst()
                        .orElse(null);
        boolean led = walks.stream().anyMatch(p -> !p.notLeader());
        PollOutcome outcome = error != null ? PollOutcome.FAILED
                : !walks.isEmpty() && !led ? PollOutcome.NOT_LEADER : PollOutcome.SUCCEEDED;
        if (outcome == PollOutcome.SUCCEEDED && led) {
            succeeded(c.id(), side(stream));
        }
        if (listeners.isEmpty()) {
            return;
        }
        int found = walks.stream().mapToInt(PollResult.StreamPoll::seen).sum();
        int enqueued = walks.stream().mapToInt(PollResult.StreamPoll::enqueued).sum();
        listeners.onPoll(new PollEvent(c.id(), stream, outcome, found, enqueued, since(started), error));
    }

    public static Side side(SourceStream stream) {
        return switch (stream) {
            case BILLS, INVOICES, BILL_PAYMENTS, INVOICE_PAYMENTS -> Side.ACCOUNTING;
            case CHANGE_ORDERS, PRIME_CHANGE_ORDERS, DIRECT_COSTS, BUDGET_CHANGES -> Side.PROJECTS;
            case VENDORS, PROJECTS -> Side.BOTH;
        };
    }

    /**
     * The side a poll cursor reads: cursors of the accounting side hold its {@code system()} name and a dot
     * ({@code <accounting>.BILLS}); the others are the project side's ({@code dryrun:<project>.CHANGE_ORDERS:1}).
     */
    public static Side sideOfCursor(String cursorName, String accountingSystem) {
        return cursorName.contains(accountingSystem + ".") ? Side.ACCOUNTING : Side.PROJECTS;
    }

    // ---------------------------------------------------------------- work

    /** Reports a settled work item. */
    public void worked(String connectionId, String workType, String sourceKey, String workItemId, WorkOutcome outcome,
                int attempt, Instant started, String reason) {
        if (outcome == WorkOutcome.POSTED || outcome == WorkOutcome.UPDATED || outcome == WorkOutcome.REVERSED) {
            succeeded(connectionId, Side.BOTH);
        }
        if (listeners.isEmpty()) {
            return;
        }
        listeners.onWork(new WorkEvent(connectionId, workType, sourceKey, workItemId, outcome, attempt,
                started == null ? Duration.ZERO : since(started), reason));
    }

    /** Reports a webhook dropped at intake (an echo, or a duplicate of a pending item). */
    public void dropped(String connectionId, String workType, String sourceKey, WorkOutcome outcome) {
        worked(connectionId, workType, sourceKey, null, outcome, 0, null, null);
    }

    /** The work outcome of a flow's result, once the worker settled it. */
    public static WorkOutcome outcomeOf(Flow.Result result, boolean deadLettered) {
        if (result instanceof Flow.Result.Completed done) {
            return outcomeOf(done.outcome());
        }
        if (result instanceof Flow.Result.Flagged) {
            return WorkOutcome.FLAGGED;
        }
        if (result instanceof Flow.Result.Waiting) {
            return WorkOutcome.WAITING;
        }
        if (result instanceof Flow.Result.Busy || result instanceof Flow.Result.Deferred) {
            return WorkOutcome.DEFERRED;
        }
        return deadLettered ? WorkOutcome.DEAD_LETTERED : WorkOutcome.RETRIED;
    }

    public static WorkOutcome outcomeOf(AuditOutcome audited) {
        if (audited == null) {
            return WorkOutcome.COMPLETED;
        }
        return switch (audited) {
            case POSTED -> WorkOutcome.POSTED;
            case UPDATED -> WorkOutcome.UPDATED;
            case REVERSED -> WorkOutcome.REVERSED;
            case PREVIEW -> WorkOutcome.PREVIEWED;
            case SKIPPED_ECHO -> WorkOutcome.SKIPPED_ECHO;
            case SKIPPED_DUPLICATE -> WorkOutcome.SKIPPED_DUPLICATE;
            default -> WorkOutcome.COMPLETED;
        };
    }

    /** Why a flow's result was not a plain completion, or null. */
    public static String reasonOf(Flow.Result result) {
        if (result instanceof Flow.Result.Flagged f) {
            return f.flags().get(0).reason();
        }
        if (result instanceof Flow.Result.Waiting w) {
            return w.reason();
        }
        if (result instanceof Flow.Result.Busy b) {
            return b.reason();
        }
        if (result instanceof Flow.Result.Deferred d) {
            return d.reason();
        }
        if (result instanceof Flow.Result.Retry r) {
            return r.reason();
        }
        return null;
    }

    // ---------------------------------------------------------------- month-end reconciliation

    /** Reports a scheduled month-end reconciliation run to the listeners. */
    public void reconciled(ReconciliationEvent event) {
        if (!listeners.isEmpty()) {
            listeners.onReconciliation(event);
        }
    }

    // ---------------------------------------------------------------- re-authorization

    /** Looks for a {@link ReauthorizationRequiredException} in {@code failure}'s causes; remembers and reports it. */
    public void failed(String connectionId, Side side, Throwable failure) {
        ReauthorizationRequiredException refused = refusal(failure);
        if (refused == null) {
            return;
        }
        Instant now = clock.instant();
        refusals.merge(connectionId, new Refusal(now, side, refused.getMessage()),
                (old, fresh) -> new Refusal(old.since(), old.side() == fresh.side() ? old.side() : fresh.side(),
                        fresh.reason()));
        LOG.warn("connection {} needs re-authorization: {}", connectionId, refused.getMessage());
        listeners.onReauthorizationRequired(new ReauthorizationEvent(connectionId, refused.getMessage(), now));
    }

    private void succeeded(String connectionId, Side side) {
        refusals.computeIfPresent(connectionId, (id, r) -> r.side() == Side.UNKNOWN || side == Side.BOTH
                || r.side() == side || r.side() == Side.BOTH ? null : r);
    }

    /** The refusal remembered for a connection, if any. */
    public Optional<Refusal> refusal(String connectionId) {
        return Optional.ofNullable(refusals.get(connectionId));
    }

    private static ReauthorizationRequiredException refusal(Throwable t) {
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ReauthorizationRequiredException r) {
                return r;
            }
        }
        return null;
    }

    private Duration since(Instant started) {
        Duration d = Duration.between(started, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
