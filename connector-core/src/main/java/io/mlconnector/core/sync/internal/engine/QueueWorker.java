package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.observe.LogContext;
import io.mlconnector.core.observe.WorkOutcome;
import io.mlconnector.core.port.EditNotAllowedException;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.core.port.PostingBlockedException;
import io.mlconnector.core.state.LeaseLostException;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.RunSummary;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.internal.flow.EngineObserver;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import io.mlconnector.core.sync.internal.flow.Flag;
import io.mlconnector.core.sync.internal.flow.FlagRecorder;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.LeaseKeeper;
import io.mlconnector.core.sync.internal.flow.ReferenceDataFlow;
import io.mlconnector.core.sync.internal.flow.VendorFlow;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.sync.internal.flow.forward.BillFlow;
import io.mlconnector.core.sync.internal.flow.forward.InvoiceFlow;
import io.mlconnector.core.sync.internal.flow.forward.PaymentFlow;
import io.mlconnector.core.sync.internal.flow.reverse.BudgetChangeFlow;
import io.mlconnector.core.sync.internal.flow.reverse.ChangeOrderFlow;
import io.mlconnector.core.sync.internal.flow.reverse.DirectCostFlow;
import io.mlconnector.core.sync.internal.flow.reverse.PrimeChangeOrderFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims ready work items with a lease, runs each through its flow on the worker {@link Executor}, and settles it:
 * complete, retry at a backoff, park (flagged), or dead-letter (permanent failure or too many attempts).
 */
public final class QueueWorker {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    private static final int MAX_PASSES_PER_DRAIN = 10_000;

    /** How an item settled; {@code NUDGE} is no item: new work arrived, claim again. */
    private enum Settled { COMPLETED, RETRIED, PARKED, DEAD, LEASE_LOST, NUDGE }

    /** The settlement queues of the drains running now, told of new work by {@link #nudge()}. */
    private final java.util.Set<java.util.concurrent.BlockingQueue<Settled>> draining =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final EngineServices services;
    private final ConnectionRegistry connections;
    private final SyncPolicy defaults;
    private final Executor executor;
    private final Map<WorkType, Flow> flows = new EnumMap<>(WorkType.class);
    private final LeaseKeeper leases;
    private final int perConnection;

    public QueueWorker(EngineServices services, ConnectionRegistry connections, SyncPolicy defaults, Executor executor,
                int perConnection) {
        this.perConnection = perConnection;
        this.leases = new LeaseKeeper(services.state(), services.nodeId());
        this.services = services;
        this.connections = connections;
        this.defaults = defaults;
        this.executor = executor;
        flows.put(WorkType.ACCOUNTING_BILL, new BillFlow());
        flows.put(WorkType.ACCOUNTING_INVOICE, new InvoiceFlow());
        flows.put(WorkType.ACCOUNTING_BILL_PAYMENT, new PaymentFlow(true));
        flows.put(WorkType.ACCOUNTING_INVOICE_PAYMENT, new PaymentFlow(false));
        flows.put(WorkType.ACCOUNTING_VENDOR, new VendorFlow(true));
        flows.put(WorkType.ACCOUNTING_CONFIRM_WEBHOOK, new WebhookConfirmation());
        flows.put(WorkType.PROJECT_CHANGE_ORDER, new ChangeOrderFlow());
        flows.put(WorkType.PROJECT_PRIME_CHANGE_ORDER, new PrimeChangeOrderFlow());
        flows.put(WorkType.PROJECT_DIRECT_COST, new DirectCostFlow());
        flows.put(WorkType.PROJECT_BUDGET_CHANGE, new BudgetChangeFlow());
        flows.put(WorkType.PROJECT_VENDOR, new VendorFlow(false));
        flows.put(WorkType.ACCOUNTING_PROJECT, new ReferenceDataFlow(WorkType.ACCOUNTING_PROJECT));
        flows.put(WorkType.ACCOUNTING_CATEGORY, new ReferenceDataFlow(WorkType.ACCOUNTING_CATEGORY));
        flows.put(WorkType.PROJECT_PROJECT, new ReferenceDataFlow(WorkType.PROJECT_PROJECT));
        flows.put(WorkType.PROJECT_COST_CODE, new ReferenceDataFlow(WorkType.PROJECT_COST_CODE));
    }

    /** One pass: claim up to a batch and process it. */
    public RunSummary runOnce() {
        SyncStateStore state = services.state();
        List<WorkItem> items = state.claimFair(services.nodeId(), defaults.batchSize(), perConnection,
                defaults.leaseDuration(), services.clock().instant());
        if (items.isEmpty()) {
            return RunSummary.EMPTY;
        }
        List<CompletableFuture<Settled>> futures = new ArrayList<>(items.size());
        for (WorkItem item : items) {
            leases.itemClaimed(item.id());
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return process(item);
                } finally {
                    leases.itemSettled(item.id());
                }
            }, executor));
        }
        keepLeasesWhileInFlight(futures);
        int completed = 0;
        int retried = 0;
        int parked = 0;
        int dead = 0;
        int lost = 0;
        for (CompletableFuture<Settled> f : futures) {
            switch (f.join()) {
                case COMPLETED -> completed++;
                case RETRIED -> retried++;
                case PARKED -> parked++;
                case DEAD -> dead++;
                case LEASE_LOST, NUDGE -> lost++;
            }
        }
        return new RunSummary(items.size(), completed, retried, parked, dead, lost);
    }

    /**
     * Waits for the pass's items, renewing their leases (and the record leases their flows hold) every third of the
     * lease, so no item can be taken by another worker while its remote calls are slow.
     */
    private void keepLeasesWhileInFlight(List<CompletableFuture<Settled>> futures) {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        long beat = Math.max(1, defaults.leaseDuration().toMillis() / 3);
        while (!all.isDone()) {
            try {
                all.get(beat, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                leases.renew(defaults.leaseDuration(), services.clock().instant());
            } catch (java.util.concurrent.ExecutionException e) {
                return; // each item's own result is read (and its failure raised) by the caller
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Works until no item is ready now, keeping up to a batch of items in flight: whenever items settle, as many are
     * claimed as slots came free (fairly across connections, each connection capped, see
     * {@link SyncStateStore#claimFair}), so one slow item never holds the others back the way a pass that waits for
     * its whole batch would. Claims again only after an item settled when the last claim found fewer than it asked
     * for, so an idle queue is not polled in a loop.
     */
    public RunSummary drain() {
        java.util.concurrent.BlockingQueue<Settled> settled = new java.util.concurrent.LinkedBlockingQueue<>();
        draining.add(settled);
        try {
            return drain(settled);
        } finally {
            draining.remove(settled);
        }
    }

    /** New work was queued: running drains with free slots claim again now rather than at their next settlement. */
    public void nudge() {
        draining.forEach(q -> q.offer(Settled.NUDGE));
    }

    private RunSummary drain(java.util.concurrent.BlockingQueue<Settled> settled) {
        SyncStateStore state = services.state();
        int slots = defaults.batchSize();
        int running = 0;
        int claimed = 0;
        int[] tally = new int[Settled.values().length];
        long beat = Math.max(1, defaults.leaseDuration().toMillis() / 3);
        // an item whose processing threw (an Error the flow let through: the JVM is failing) ends the drain, as a
        // pass would have: nothing more is claimed, what is in flight settles, then the failure is raised
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int claims = 0; claims < MAX_PASSES_PER_DRAIN && failure.get() == null; ) {
            int free = slots - running;
            boolean exhausted = true; // the queue had nothing more for us (or we did not ask)
            if (free > 0) {
                List<WorkItem> items = state.claimFair(services.nodeId(), free, perConnection,
                        defaults.leaseDuration(), services.clock().instant());
                claims++;
                claimed += items.size();
                running += items.size();
                exhausted = items.size() < free;
                for (WorkItem item : items) {
                    leases.itemClaimed(item.id());
                    CompletableFuture.supplyAsync(() -> {
                        try {
                            return process(item);
                        } finally {
                            leases.itemSettled(item.id());
                        }
                    }, executor).whenComplete((r, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                        settled.add(r != null ? r : Settled.LEASE_LOST);
                    });
                }
            }
            if (running == 0 && exhausted) {
                break;
            }
            if (!exhausted && settled.isEmpty()) {
                continue; // a full claim: there may be more, and slots may still be free
            }
            try {
                Settled first = settled.poll(beat, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    leases.renew(defaults.leaseDuration(), services.clock().instant());
                    continue;
                }
                running -= count(first, tally);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            for (Settled more; (more = settled.poll()) != null; ) {
                running -= count(more, tally);
            }
        }
        // interrupted or at the claim limit: let what is in flight settle (its leases kept) before returning
        while (running > 0) {
            try {
                Settled s = settled.poll(beat, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (s == null) {
                    leases.renew(defaults.leaseDuration(), services.clock().instant());
                    continue;
                }
                running -= count(s, tally);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw failed instanceof java.util.concurrent.CompletionException ce ? ce
                    : new java.util.concurrent.CompletionException(failed);
        }
        return new RunSummary(claimed, tally[Settled.COMPLETED.ordinal()], tally[Settled.RETRIED.ordinal()],
                tally[Settled.PARKED.ordinal()], tally[Settled.DEAD.ordinal()], tally[Settled.LEASE_LOST.ordinal()]);
    }

    /** Counts a settlement; returns how many items it settled (0 for a nudge). */
    private static int count(Settled s, int[] tally) {
        if (s == Settled.NUDGE) {
            return 0;
        }
        tally[s.ordinal()]++;
        return 1;
    }

    /**
     * Processes one item with the connection id, source key and item id in the MDC (cleared afterwards), and reports
     * its outcome to the engine's listeners.
     */
    private Settled process(WorkItem item) {
        String sourceKey = sourceKeyOf(item);
        try (LogContext log = LogContext.open().connection(item.connectionId()).sourceKey(sourceKey)
                .workItem(item.id())) {
            Instant started = services.observer().now();
            Outcome[] outcome = new Outcome[1];
            Settled settled = process(item, outcome);
            Outcome o = outcome[0];
            WorkOutcome reported = settled == Settled.LEASE_LOST ? WorkOutcome.LEASE_LOST
                    : o == null ? WorkOutcome.DEAD_LETTERED : EngineObserver.outcomeOf(o.result, settled == Settled.DEAD);
            services.observer().worked(item.connectionId(), item.type(), o != null && o.sourceKey != null ? o.sourceKey
                    : sourceKey, item.id(), reported, item.attempts() + 1, started, o == null ? item.lastError()
                    : EngineObserver.reasonOf(o.result));
            return settled;
        }
    }

    /** The flow result an item was settled with (null when it never reached a flow). */
    private record Outcome(Flow.Result result, String sourceKey) {
    }

    private static String sourceKeyOf(WorkItem item) {
        try {
            return WorkPayload.parse(item.payload()).get(WorkPayload.SOURCE);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private Settled process(WorkItem item, Outcome[] outcome) {
        String owner = services.nodeId();
        Connection c = connections.byId(item.connectionId()).orElse(null);
        WorkType type = WorkType.ofCode(item.type()).orElse(null);
        try {
            if (c == null || type == null) {
                String why = c == null ? "unknown connection " + item.connectionId() : "unknown work type " + item.type();
                services.auditor().record(item.connectionId(), io.mlconnector.core.audit.Direction.INTAKE,
                        WorkPayload.parse(item.payload()).get(WorkPayload.SOURCE), null, AuditOutcome.FAILED_PERMANENT,
                        why, Map.of("workItem", item.id()));
                services.state().deadLetter(item.id(), owner, why);
                return Settled.DEAD;
            }
            FlowContext ctx = new FlowContext(services, c, c.policy(), item, leases);
            Flow.Result result;
            try {
                result = run(ctx, type);
            } catch (OutOfMemoryError | InternalError e) {
                // the JVM itself is failing: nothing more is attempted here; the item's lease runs out and another
                // worker takes it, as after a crash
                throw e;
            } catch (Error e) {
                // anything else (a StackOverflowError of one record included) must not loop for ever: settle it
                // never leave the item leased: settle it as a failed attempt (dead-lettered at the attempt limit)
                LOG.error("work item {} ({}) failed with {}", item.id(), ctx.sourceKey(), e.toString(), e);
                Flow.Result retry = new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_RETRYABLE,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                outcome[0] = new Outcome(retry, ctx.sourceKey());
                return settle(ctx, type, retry);
            }
            outcome[0] = new Outcome(result, ctx.sourceKey());
            return settle(ctx, type, result);
        } catch (LeaseLostException e) {
            LOG.info("lease lost on work item {}: {}", item.id(), e.getMessage());
            return Settled.LEASE_LOST;
        }
    }

    private Flow.Result run(FlowContext ctx, WorkType type) {
        try {
            return observed(ctx, type);
        } catch (OutcomeUncertainException e) {
            return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.OUTCOME_UNCERTAIN, "the outcome of a create is "
                    + "unknown (" + e.getMessage() + "); the retry looks the object up by its origin id first", null);
        } catch (InvalidProjectException e) {
            return Flow.Result.flagged(ctx.sourceKey(), ctx.sourceVersion(), Flag.of(AuditOutcome.FLAGGED_INVALID_COMPANY,
                    "the project system rejected " + e.project() + ": " + e.getMessage()));
        } catch (PostingBlockedException e) {
            return Flow.Result.flagged(ctx.sourceKey(), ctx.sourceVersion(), Flag.of(AuditOutcome.FLAGGED_TARGET_SETUP,
                    "the project system cannot take " + ctx.sourceKey() + " yet: " + e.getMessage()));
        } catch (EditNotAllowedException e) {
            return Flow.Result.flagged(ctx.sourceKey(), ctx.sourceVersion(), Flag.of(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED,
                    ctx.sourceKey() + " changed but its target can no longer be edited: " + e.getMessage()));
        } catch (RateLimitedException e) {
            if (e.retryAfter().isPresent()) {
                return new Flow.Result.Deferred(ctx.sourceKey(), "rate limited: " + e.getMessage(),
                        e.retryAfter().get());
            }
            return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_RETRYABLE, "rate limited: "
                    + e.getMessage(), null);
        } catch (AuthenticationException | ReauthorizationRequiredException e) {
            // credentials can be fixed without touching the record: keep it, within the attempt limit
            return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_RETRYABLE, "credentials refused: "
                    + e.getMessage(), null);
        } catch (ConnectorException e) {
            if (e.isRetryable()) {
                return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_RETRYABLE, e.getMessage(), null);
            }
            return dead(ctx, e);
        } catch (RuntimeException e) {
            return dead(ctx, e);
        }
    }

    /** Runs the flow; a failure is shown to the observer first (it remembers a refused grant). */
    private Flow.Result observed(FlowContext ctx, WorkType type) {
        try {
            return flows.get(type).process(ctx);
        } catch (RuntimeException e) {
            services.observer().failed(ctx.connectionId(), EngineObserver.Side.UNKNOWN, e);
            throw e;
        }
    }

    private static Flow.Result dead(FlowContext ctx, RuntimeException e) {
        LOG.warn("work item {} ({}) failed permanently: {}", ctx.item().id(), ctx.sourceKey(), e.toString());
        return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_PERMANENT,
                e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }

    private Settled settle(FlowContext ctx, WorkType type, Flow.Result result) {
        SyncStateStore state = services.state();
        String owner = services.nodeId();
        WorkItem item = ctx.item();
        Instant now = services.clock().instant();
        if (result instanceof Flow.Result.Completed) {
            state.complete(item.id(), owner);
            return Settled.COMPLETED;
        }
        if (result instanceof Flow.Result.Flagged f) {
            String reason = FlagRecorder.apply(ctx, type, f);
            state.park(item.id(), owner, reason);
            return Settled.PARKED;
        }
        if (result instanceof Flow.Result.Waiting w) {
            audit(ctx, type, w.sourceKey(), AuditOutcome.FAILED_RETRYABLE, "parked: " + w.reason());
            state.park(item.id(), owner, w.reason(), w.waitingFor());
            return Settled.PARKED;
        }
        if (result instanceof Flow.Result.Busy b) {
            // not a failure: another worker holds the record; waiting costs no attempt
            LOG.debug("{}: {}; retrying after the lease", b.sourceKey(), b.reason());
            state.defer(item.id(), owner, now.plus(ctx.policy().leaseDuration()), b.reason());
            return Settled.RETRIED;
        }
        if (result instanceof Flow.Result.Deferred d) {
            Instant when = now.plus(d.after());
            audit(ctx, type, d.sourceKey(), AuditOutcome.FAILED_RETRYABLE, d.reason() + " (requeued for " + when
                    + "; not counted as an attempt)");
            state.defer(item.id(), owner, when, d.reason());
            return Settled.RETRIED;
        }
        Flow.Result.Retry r = (Flow.Result.Retry) result;
        if (r.outcome() == AuditOutcome.FAILED_PERMANENT) {
            audit(ctx, type, r.sourceKey(), AuditOutcome.FAILED_PERMANENT, r.reason());
            state.deadLetter(item.id(), owner, r.reason());
            return Settled.DEAD;
        }
        int attempts = item.attempts() + 1;
        if (attempts >= ctx.policy().maxAttempts()) {
            audit(ctx, type, r.sourceKey(), r.outcome(), r.reason());
            String why = "gave up after " + attempts + " attempts: " + r.reason();
            audit(ctx, type, r.sourceKey(), AuditOutcome.FAILED_PERMANENT, why);
            state.deadLetter(item.id(), owner, why);
            return Settled.DEAD;
        }
        Duration delay = Backoff.delay(ctx.policy(), item.attempts(), r.atLeast());
        audit(ctx, type, r.sourceKey(), r.outcome(), r.reason() + " (attempt " + attempts + " of "
                + ctx.policy().maxAttempts() + ", next in " + delay + ")");
        state.retryAt(item.id(), owner, now.plus(delay), r.reason());
        return Settled.RETRIED;
    }

    private void audit(FlowContext ctx, WorkType type, String sourceKey, AuditOutcome outcome, String reason) {
        services.auditor().record(ctx.connectionId(), type.direction(), sourceKey, null, outcome, reason,
                Map.of("workItem", ctx.item().id(), "attempts", String.valueOf(ctx.item().attempts() + 1)));
    }
}
