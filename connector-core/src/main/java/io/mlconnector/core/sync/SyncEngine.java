package io.mlconnector.core.sync;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.ConnectorListeners;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.observe.LogContext;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;
import io.mlconnector.core.sync.alignment.VendorCreationSide;
import io.mlconnector.core.sync.internal.engine.ConnectionRegistry;
import io.mlconnector.core.sync.internal.engine.HealthReport;
import io.mlconnector.core.sync.internal.engine.MonthEndRuns;
import io.mlconnector.core.sync.internal.engine.PollSchedule;
import io.mlconnector.core.sync.internal.engine.QueueWorker;
import io.mlconnector.core.sync.internal.engine.StreamPoller;
import io.mlconnector.core.sync.internal.engine.WebhookIntake;
import io.mlconnector.core.sync.internal.flow.Auditor;
import io.mlconnector.core.sync.internal.flow.EngineObserver;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import io.mlconnector.core.sync.internal.flow.Enqueuer;
import io.mlconnector.core.sync.internal.flow.FlagRecorder;
import io.mlconnector.core.sync.internal.flow.HandshakeVault;
import io.mlconnector.core.sync.internal.flow.OriginIds;
import io.mlconnector.core.sync.internal.flow.PreviewBook;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.forward.PaymentFlow;
import io.mlconnector.core.sync.reconcile.Reconciler;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.core.webhook.WebhookRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps FreshBooks and Procore in sync for one or more {@link Connection}s: webhook intake that only verifies and
 * enqueues, a durable work queue processed by workers, polling as the safety net, and the flows that turn each
 * record into exactly one object on the other side (see DESIGN.md, "Which Procore object each record becomes").
 * Thread-safe; state lives in the {@link SyncStateStore}, so several engines (nodes) may share one store.
 *
 * <pre>{@code
 * FreshBooksClient fb = FreshBooksClient.builder()...build();      // credentials live in the two clients
 * ProcoreClient pc = ProcoreClient.builder()...build();
 * SyncEngine engine = SyncEngine.builder()
 *         .stateStore(stateStore)                                  // JDBC store, or new InMemorySyncStateStore()
 *         .mappingStore(mappingStore)
 *         .auditSink(auditLog)
 *         .freshBooksWebhookParser(new FreshBooksWebhookParser())
 *         .procoreWebhookParser(new ProcoreWebhookParser())
 *         .handshakeListener(myListener)                           // stores the FreshBooks callback verifier
 *         .connection(Connection.builder()
 *                 .id("acme")
 *                 .accounting(FreshBooksAccountingSystem.builder().client(fb).build())
 *                 .projects(ProcoreProjectSystem.builder(pc).build())
 *                 .accountingVerifier(FreshBooksWebhookVerifier.of(callbackVerifier))
 *                 .projectVerifier(ProcoreWebhookVerifier.builder().secret(hookSecret).build())
 *                 .policy(SyncPolicy.builder().dryRun(true).build())  // preview first, go live later
 *                 .build())
 *         .build();
 * engine.alignReferenceData("acme");                               // first sync: match vendors, projects, accounts
 * engine.start(scheduler);                                         // polls + workers; or pollOnce()/drain() yourself
 * // in the host's HTTP handler for POST /webhooks/freshbooks:
 * WebhookResponse r = engine.onFreshBooksWebhook(new WebhookRequest(headers, rawBody));
 * respond(r.status(), r.body());
 * }</pre>
 *
 * <p><b>Keys.</b> Ledger entries are keyed by the source record's {@code ExternalRef.key()}
 * ({@code freshbooks:bill:123}; Procore sources {@code procore:change_order:<id>},
 * {@code procore:prime_change_order:<id>}, {@code procore:direct_cost:<id>}). Objects created in Procore carry the
 * origin id
 * {@code fb:<accountId>:<type>:<id>}; FreshBooks expenses carry the marker {@code pc:<company>:<type>:<id>:<category>}.
 * Queue dedupe keys: FreshBooks {@code freshbooks:<resource>:<id>:<action>} (webhook and poll alike), Procore
 * webhooks {@code procore:event:<ulid|id>}.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** How long finished work items stay in the queue before {@link #purgeFinishedWork()} deletes them. */
    public static final java.time.Duration DONE_RETENTION = java.time.Duration.ofDays(7);
    /** How long dead-lettered work items are kept for people to look at before {@link #purgeFinishedWork} drops them. */
    public static final java.time.Duration DEAD_RETENTION = java.time.Duration.ofDays(30);
    /** How often {@link #start} checks whether a connection's month-end reconciliation is due (also once at start). */
    public static final java.time.Duration MONTH_END_CHECK_INTERVAL = java.time.Duration.ofMinutes(5);
    /** How many kept reconciliation reports {@link #reconciliationReports(String)} returns. */
    public static final int DEFAULT_REPORTS_LISTED = 12;

    private final EngineServices services;
    private final ConnectionRegistry connections;
    private final SyncPolicy defaults;
    private final QueueWorker worker;
    private final StreamPoller poller;
    private final WebhookIntake intake;
    private final PollSchedule polls;
    private final MonthEndRuns monthEnd;
    private final java.time.Duration queueLagThreshold;
    private final Object lifecycle = new Object();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean pumpAgain = new AtomicBoolean();
    /** A worker pass handed to the scheduler has not started yet (a poll task may start it first). */
    private final AtomicBoolean pumpWaiting = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    private SyncEngine(Builder b) {
        SyncStateStore state = Objects.requireNonNull(b.stateStore, "stateStore");
        MappingStore mappings = Objects.requireNonNull(b.mappingStore, "mappingStore");
        AuditSink audit = Objects.requireNonNull(b.auditSink, "auditSink");
        Clock clock = Objects.requireNonNull(b.clock, "clock");
        this.defaults = Objects.requireNonNull(b.defaultPolicy, "defaultPolicy");
        String nodeId = b.nodeId != null ? b.nodeId : "node-" + UUID.randomUUID();
        this.services = new EngineServices(state, mappings, audit, new Auditor(audit, clock), clock, nodeId,
                new PreviewBook(b.previewCapacity), new HandshakeVault(clock), b.handshakeListener,
                new EngineObserver(b.listeners, clock));
        this.queueLagThreshold = b.queueLagThreshold;
        ConnectionProvider provider = b.provider != null ? b.provider : InMemoryConnectionProvider.of(b.connections);
        this.connections = new ConnectionRegistry(provider, defaults);
        Enqueuer enqueuer = new Enqueuer(services);
        int batch = defaults.batchSize();
        int perConnection = b.maxInFlightPerConnection > 0 ? b.maxInFlightPerConnection
                : Math.max(1, batch * 3 / 4);
        this.worker = new QueueWorker(services, connections, defaults, Objects.requireNonNull(b.executor, "executor"),
                perConnection);
        this.poller = new StreamPoller(services, enqueuer, this::wakeUp);
        this.intake = new WebhookIntake(services, connections, b.accountingParser, b.projectParser, enqueuer,
                this::wakeUp);
        this.polls = new PollSchedule(connections, poller, nodeId, clock, this::runWaitingWorkerPass);
        this.monthEnd = new MonthEndRuns(services, this::reconcile);
        provider.onChange(polls::refresh);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- intake

    /**
     * Handles a FreshBooks webhook POST: parse, route by account id, verify the signature, enqueue, answer. A
     * verification handshake is answered 200 and a confirmation is queued (the host hears of it through its
     * {@link WebhookHandshakeListener}). Never calls a remote API.
     *
     * <p>Deliveries that arrive together are enqueued together (group commit): while one commit is in flight, the
     * deliveries that arrive wait, and the next commit writes all of them in one {@link SyncStateStore#enqueueAll}
     * (one transaction with the bundled stores). This call returns only after the commit that holds its item, so a
     * 200 is never sent for a delivery that is not durably queued; the calling thread may write other callers' items
     * meanwhile (there is no committing thread of its own).
     *
     * @param request the webhook request
     * @return the response to send: status and JSON body
     * @throws RuntimeException what the state store threw for the commit that held this delivery (every delivery of
     *         that commit gets it); answer with a retryable 5xx so the sender redelivers
     */
    public WebhookResponse onFreshBooksWebhook(WebhookRequest request) {
        try (LogContext log = LogContext.open()) {
            return WebhookIntake.now(intake.accounting(request, log, null));
        }
    }

    /**
     * {@link #onFreshBooksWebhook} for hosts with an asynchronous server: returns at once (verification and parsing
     * run on the calling thread, which never waits for the database) with a future that completes once the delivery
     * is committed. When no commit is in flight, the commit that holds this delivery runs on {@code commitExecutor}
     * (it blocks on the state store: give it a thread pool, not an event loop); otherwise the delivery joins the next
     * group. The future completes on the thread that ran the commit — use the {@code ...Async} stages to move on.
     *
     * @param request the webhook request
     * @param commitExecutor runs a commit this delivery has to lead (blocking state-store work)
     * @return a future of the response to send; it fails with what the state store threw for the commit that held
     *         this delivery (answer with a retryable 5xx)
     */
    public java.util.concurrent.CompletableFuture<WebhookResponse> onFreshBooksWebhookAsync(WebhookRequest request,
                                                                                            Executor commitExecutor) {
        Objects.requireNonNull(commitExecutor, "commitExecutor");
        try (LogContext log = LogContext.open()) {
            return intake.accounting(request, log, commitExecutor);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Handles a Procore webhook POST: parse, route by company id, verify the authorization header, drop our own
     * echoes ({@code source_application_id}), enqueue keyed by the event's ulid/id, answer. Never calls a remote API.
     * Group-committed like {@link #onFreshBooksWebhook}: returns only after the commit that holds its item.
     *
     * @param request the webhook request
     * @return the response to send: status and JSON body
     * @throws RuntimeException what the state store threw for the commit that held this delivery (every delivery of
     *         that commit gets it); answer with a retryable 5xx so the sender redelivers
     */
    public WebhookResponse onProcoreWebhook(WebhookRequest request) {
        try (LogContext log = LogContext.open()) {
            return WebhookIntake.now(intake.project(request, log, null));
        }
    }

    /**
     * {@link #onProcoreWebhook} for hosts with an asynchronous server; see {@link #onFreshBooksWebhookAsync}.
     *
     * @param request the webhook request
     * @param commitExecutor runs a commit this delivery has to lead (blocking state-store work)
     * @return a future of the response to send; it fails with what the state store threw for the commit that held
     *         this delivery (answer with a retryable 5xx)
     */
    public java.util.concurrent.CompletableFuture<WebhookResponse> onProcoreWebhookAsync(WebhookRequest request,
                                                                                         Executor commitExecutor) {
        Objects.requireNonNull(commitExecutor, "commitExecutor");
        try (LogContext log = LogContext.open()) {
            return intake.project(request, log, commitExecutor);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Enqueues the Procore webhook deliveries that failed or were discarded since {@code since} (after an outage;
     * Procore discards after 12 hours of failures). Returns how many items were added.
     *
     * @param connectionId the connection's id
     * @param since the earliest change time to include
     * @return the redrive undelivered
     */
    public int redriveUndelivered(String connectionId, Instant since) {
        Connection c = connections.require(connectionId);
        int added = 0;
        for (InboundEvent event : c.projects().undeliveredEvents(since)) {
            if (event == null || event.subject() == null) {
                continue;
            }
            if ("queued".equals(intake.enqueueProject(c, event, "redrive"))) {
                added++;
            }
        }
        return added;
    }

    // ---------------------------------------------------------------- polling

    /**
     * Walks every enabled stream of the connection once (see {@link SyncPolicy#enabledStreams()}).
     *
     * @param connectionId the connection's id
     * @return the poll once
     */
    public PollResult pollOnce(String connectionId) {
        return poller.pollOnce(connections.require(connectionId));
    }

    /**
     * Walks one stream of the connection once.
     *
     * @param connectionId the connection's id
     * @param stream the stream
     * @return the poll stream
     */
    public PollResult pollStream(String connectionId, SourceStream stream) {
        return poller.pollStream(connections.require(connectionId), stream);
    }

    /**
     * The poll health of every polled stream of every connection, as this engine saw its own polls (connection order,
     * then polling order). A stream whose polls failed {@link SyncPolicy#streamFailureThreshold()} times in a row is
     * {@link StreamHealth#failing() failing} until a poll of it succeeds; it was reported by a {@code STREAM_FAILING}
     * audit event, and its recovery is reported by {@code STREAM_RECOVERED}. Reads memory only (no remote call), so a
     * host's health endpoint may call it as often as it likes.
     *
     * @return the poll health of every polled stream of every connection, as this engine saw its own polls (connection
     *     order, then polling order)
     */
    public List<StreamHealth> streamHealth() {
        List<StreamHealth> out = new ArrayList<>();
        connections.all().forEach(c -> out.addAll(poller.health(c)));
        return List.copyOf(out);
    }

    /**
     * The poll health of the polled streams of one connection (see {@link #streamHealth()}).
     *
     * @param connectionId the connection's id
     * @return the poll health of the polled streams of one connection (see {@link #streamHealth()})
     */
    public List<StreamHealth> streamHealth(String connectionId) {
        return poller.health(connections.require(connectionId));
    }

    /**
     * The engine's health: per connection, each polled stream's last success, last error, consecutive failures and
     * lag (time since its last successful poll), whether the connection needs re-authorization (a
     * {@code ReauthorizationRequiredException} was seen and nothing of the connection succeeded since), and its queue
     * by status with the age of the oldest due ready item; overall {@code HEALTHY}, {@code DEGRADED} (a stream
     * failing, a connection needing re-authorization while others work, the oldest ready item older than
     * {@link Builder#queueLagThreshold}, a scheduled month-end reconciliation that failed and waits for its retry) or {@code DOWN} (state store unreadable, every connection down) with
     * reasons that name no ids and no business data. Reads memory and one queue query per connection, never a remote
     * API; dead letters and parked items are counted but do not degrade it (they wait for a person, not for the
     * engine).
     *
     * @return the health report, made now by the engine's clock
     */
    public EngineHealth health() {
        return HealthReport.of(services, connections.all(), poller::health, monthEnd::problem, queueLagThreshold);
    }

    // ---------------------------------------------------------------- workers

    /**
     * Claims one batch of ready work items (round robin across connections, each capped by
     * {@link Builder#maxInFlightPerConnection}), processes it on the worker executor and waits for it.
     *
     * @return the run pending
     */
    public RunSummary runPending() {
        return worker.runOnce();
    }

    /**
     * Works until no item is ready now (items retried later wait for their time), keeping up to a batch of items in
     * flight and claiming more as each settles (fairly across connections, each capped by
     * {@link Builder#maxInFlightPerConnection}), so one slow item does not hold back the rest.
     *
     * @return the drain
     */
    public RunSummary drain() {
        return worker.drain();
    }

    // ---------------------------------------------------------------- replay

    /**
     * Requeues the parked items of one source record (after its mapping was fixed), and the payments parked while
     * waiting for it. Returns how many items were requeued.
     *
     * @param connectionId the connection's id
     * @param sourceKey the source record ({@code freshbooks:bill:123})
     * @return the replay
     */
    public int replay(String connectionId, String sourceKey) {
        connections.require(connectionId);
        SyncStateStore state = services.state();
        Instant now = services.clock().instant();
        Set<String> ids = new LinkedHashSet<>();
        state.ledger(connectionId, sourceKey).map(e -> e.attribute(FlagRecorder.ATTR_WORK_ITEM)).ifPresent(ids::add);
        for (WorkItem w : state.items(connectionId, WorkStatus.PARKED)) {
            if (sourceKey.equals(WorkPayload.parse(w.payload()).get(WorkPayload.SOURCE))
                    || sourceKey.equals(w.waitingFor()) || parkedWaitingByOlderVersion(w, sourceKey)) {
                ids.add(w.id());
            }
        }
        int n = 0;
        for (String id : ids) {
            if (state.requeue(id, now)) {
                n++;
            }
        }
        if (n > 0) {
            wakeUp();
        }
        return n;
    }

    /**
     * An item parked before work items kept what they wait for ({@link WorkItem#waitingFor()}, JDBC schema V3) named
     * it only in its reason; such items are still found by it.
     */
    private static boolean parkedWaitingByOlderVersion(WorkItem w, String sourceKey) {
        return w.waitingFor() == null && w.lastError() != null
                && w.lastError().startsWith(PaymentFlow.WAITING_PREFIX + sourceKey + ":");
    }

    /**
     * Replays every record waiting for one mapping (after a person set it): each flagged ledger entry that noted the
     * mapping when it was flagged ({@link MappingRef#waitedForBy}) is replayed as by {@link #replay(String, String)}.
     *
     * @param connectionId the connection's id
     * @param mapping the mapping that was set
     * @return how many work items were requeued
     */
    public int replayWaitingFor(String connectionId, MappingRef mapping) {
        Objects.requireNonNull(mapping, "mapping");
        int n = 0;
        for (String key : keysWaitingFor(connectionId, mapping)) {
            n += replay(connectionId, key);
        }
        return n;
    }

    /**
     * The source keys of the flagged records waiting for one mapping, in ledger order.
     *
     * @param connectionId the connection's id
     * @param mapping the mapping
     * @return the keys of the ledger entries that are flagged and noted the mapping
     */
    public List<String> keysWaitingFor(String connectionId, MappingRef mapping) {
        List<String> keys = new ArrayList<>();
        for (LedgerEntry e : flagged(connectionId)) {
            if (MappingRef.waitedForBy(e).contains(mapping)) {
                keys.add(e.sourceKey());
            }
        }
        return keys;
    }

    /**
     * The ledger entries of records flagged for a person ({@code FLAGGED}), in ledger order.
     *
     * @param connectionId the connection's id
     * @return the flagged entries
     */
    public List<LedgerEntry> flagged(String connectionId) {
        connections.require(connectionId);
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : services.state().ledgerEntries(connectionId)) {
            if (e.state() == io.mlconnector.core.state.LedgerState.FLAGGED) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Requeues one parked or dead-lettered work item of the connection by its id (a record with no ledger entry,
     * e.g. one that failed before it was read).
     *
     * @param connectionId the connection's id
     * @param itemId the work item's id
     * @return whether it was requeued (false when it is not parked or dead, or belongs to another connection)
     */
    public boolean replayItem(String connectionId, String itemId) {
        connections.require(connectionId);
        SyncStateStore state = services.state();
        java.util.Optional<WorkItem> item = state.item(itemId);
        if (item.isEmpty() || !item.get().connectionId().equals(connectionId)) {
            return false;
        }
        boolean requeued = state.requeue(itemId, services.clock().instant());
        if (requeued) {
            wakeUp();
        }
        return requeued;
    }

    /**
     * Requeues every parked item of the connection. Returns how many.
     *
     * @param connectionId the connection's id
     * @return the replay all
     */
    public int replayAll(String connectionId) {
        return requeueAll(connectionId, WorkStatus.PARKED);
    }

    /**
     * Requeues every dead-lettered item of the connection (after the cause was fixed). Returns how many.
     *
     * @param connectionId the connection's id
     * @return the retry dead letters
     */
    public int retryDeadLetters(String connectionId) {
        return requeueAll(connectionId, WorkStatus.DEAD);
    }

    private int requeueAll(String connectionId, WorkStatus status) {
        connections.require(connectionId);
        Instant now = services.clock().instant();
        int n = 0;
        for (WorkItem w : services.state().items(connectionId, status)) {
            if (services.state().requeue(w.id(), now)) {
                n++;
            }
        }
        if (n > 0) {
            wakeUp();
        }
        return n;
    }

    /**
     * Items of the connection in a status (parked = flagged or waiting; dead = failed permanently).
     *
     * @param connectionId the connection's id
     * @param status the status
     * @return the work items
     */
    public List<WorkItem> items(String connectionId, WorkStatus status) {
        connections.require(connectionId);
        return services.state().items(connectionId, status);
    }

    /**
     * The ledger entry of a source record, if any.
     *
     * @param connectionId the connection's id
     * @param sourceKey the source record ({@code freshbooks:bill:123})
     * @return the ledger entry of a source record, if any
     */
    public java.util.Optional<LedgerEntry> ledger(String connectionId, String sourceKey) {
        connections.require(connectionId);
        return services.state().ledger(connectionId, sourceKey);
    }

    // ---------------------------------------------------------------- reference data

    /**
     * Aligns the connection's reference data (vendors, projects, GL accounts / cost codes) with
     * {@link ReferenceDataAlignment}: matches by id and origin id, suggests or confirms name matches and creates
     * missing vendors as the connection's {@link SyncPolicy#alignment()} says. Run it on the first sync and on demand.
     * In dry run nothing is created in either system (mappings are still written, they are local). One alignment per
     * connection at a time across nodes (named lease {@code align:<connection>}).
     *
     * @param connectionId the connection's id
     * @return the reference data
     * @throws IllegalStateException when another alignment of the connection is running
     */
    public AlignmentReport alignReferenceData(String connectionId) {
        Connection c = connections.require(connectionId);
        String lease = "align:" + connectionId;
        SyncStateStore state = services.state();
        if (!state.tryAcquireLease(lease, services.nodeId(), c.policy().leaseDuration().multipliedBy(5),
                services.clock().instant())) {
            throw new IllegalStateException("an alignment of connection " + connectionId + " is already running");
        }
        try {
            Connection effective = c;
            if (c.policy().dryRun()) {
                effective = c.withPolicy(c.policy().toBuilder()
                        .alignment(c.policy().alignment().withCreateMissingVendorsIn(VendorCreationSide.NONE)).build());
            }
            return services.alignment(effective).align();
        } finally {
            state.releaseLease(lease, services.nodeId());
        }
    }

    /**
     * Month-end reconciliation of the connection with {@link Reconciler}: per project and cost code, what FreshBooks
     * holds against what Procore holds for {@code period}, paired through the ledger, with differences, one-sided
     * records and records still flagged or waiting. Reads only; {@code toCsv()} and {@code toJson()} render the report.
     *
     * @param connectionId the connection's id
     * @param period the period month
     * @return month-end reconciliation of the connection with {@link Reconciler}: per project and cost code, what
     *     FreshBooks holds against what Procore holds for {@code period}, paired through the ledger, with differences,
     *     one-sided records and records still flagged or waiting
     */
    public ReconciliationReport reconcile(String connectionId, YearMonth period) {
        return reconcile(connections.require(connectionId), period);
    }

    private ReconciliationReport reconcile(Connection c, YearMonth period) {
        return Reconciler.builder().accountingSystem(c.accounting()).projectSystem(c.projects())
                .mappingStore(services.mappings()).stateStore(services.state()).clock(services.clock())
                .originIds(ref -> OriginIds.forAccountingRecord(c.accounting(), ref)).build()
                .reconcile(c.id(), period);
    }

    /**
     * Makes, now, the month-end reconciliation of every connection whose report is due by its
     * {@link SyncPolicy#monthEnd()} schedule and not kept yet (the latest closed month only), exactly as {@link #start}
     * does every {@link #MONTH_END_CHECK_INTERVAL}: one node per connection and month (named lease
     * {@code monthend:<connection>:<YYYY-MM>}), the report kept in the state store, a {@code RECONCILIATION_STORED}
     * audit event and one {@code RECONCILIATION_DIFFERENCE} per difference, a
     * {@link io.mlconnector.core.observe.ConnectorListener#onReconciliation} event. A run that fails keeps nothing,
     * is audited ({@code RECONCILIATION_FAILED}, once per month and node), shows in {@link #health()} and is tried
     * again after the schedule's retry delay. For hosts that schedule the engine themselves; a connection whose run
     * throws does not stop the others.
     *
     * @return the reports this call kept (empty when nothing was due, or another node made them)
     */
    public List<StoredReconciliation> runDueReconciliations() {
        List<StoredReconciliation> out = new ArrayList<>();
        for (Connection c : connections.all()) {
            try (LogContext log = LogContext.open()) {
                monthEnd.runIfDue(c).ifPresent(out::add);
            } catch (RuntimeException e) {
                LOG.warn("month-end reconciliation check of {} failed: {}", c.id(), e.toString());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The month-end reconciliation reports kept for the connection, latest month first (at most
     * {@link #DEFAULT_REPORTS_LISTED}). Reads the state store only.
     *
     * @param connectionId the connection's id
     * @return the latest reports, latest month first
     * @throws UnsupportedOperationException when the state store does not keep reports
     */
    public List<StoredReconciliation> reconciliationReports(String connectionId) {
        return reconciliationReports(connectionId, DEFAULT_REPORTS_LISTED);
    }

    /**
     * The month-end reconciliation reports kept for the connection, latest month first. Each holds the month, when it
     * was made, its difference count, its JSON and CSV; {@code ReconciliationReport.fromJson(r.json())} gives the
     * typed report. Reads the state store only.
     *
     * @param connectionId the connection's id
     * @param limit the most reports returned, at least 1
     * @return up to {@code limit} reports, latest month first
     * @throws IllegalArgumentException when {@code limit} is below 1
     * @throws UnsupportedOperationException when the state store does not keep reports
     */
    public List<StoredReconciliation> reconciliationReports(String connectionId, int limit) {
        connections.require(connectionId);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return services.state().reconciliations(connectionId, limit);
    }

    /**
     * The month-end reconciliation report kept for the connection and month. Reads the state store only; to compare
     * a month now (kept or not), call {@link #reconcile(String, YearMonth)}.
     *
     * @param connectionId the connection's id
     * @param period the month
     * @return the kept report, or empty when none is kept (not due yet, failed so far, or before the schedule ran)
     * @throws UnsupportedOperationException when the state store does not keep reports
     */
    public java.util.Optional<StoredReconciliation> reconciliationReport(String connectionId, YearMonth period) {
        connections.require(connectionId);
        return services.state().reconciliation(connectionId, Objects.requireNonNull(period, "period"));
    }

    // ---------------------------------------------------------------- dry run

    /**
     * The latest dry-run preview per source record of the connection (oldest first).
     *
     * @param connectionId the connection's id
     * @return the latest dry-run preview per source record of the connection (oldest first)
     */
    public List<Preview<?>> previews(String connectionId) {
        connections.require(connectionId);
        return services.previews().list(connectionId);
    }

    /**
     * Forgets the connection's previews.
     *
     * @param connectionId the connection's id
     */
    public void clearPreviews(String connectionId) {
        services.previews().clear(connectionId);
    }

    // ---------------------------------------------------------------- connections

    /**
     * The connection ids served.
     *
     * @return the connection ids served
     */
    public Set<String> connectionIds() {
        Set<String> ids = new LinkedHashSet<>();
        connections.all().forEach(c -> ids.add(c.id()));
        return ids;
    }

    /**
     * A connection as the engine uses it (policy resolved).
     *
     * @param connectionId the connection's id
     * @return a connection as the engine uses it (policy resolved)
     */
    public Connection connection(String connectionId) {
        return connections.require(connectionId);
    }

    /**
     * This engine's node id (lease owner).
     *
     * @return this engine's node id (lease owner)
     */
    public String nodeId() {
        return services.nodeId();
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Schedules, on the host's scheduler, each enabled stream of each connection at that connection's poll interval
     * (budget changes are never polled, see {@link SyncPolicy#ALL_STREAMS}), once per interval in a slot of its own:
     * a stable offset within the interval from a hash of the node id, connection id and stream, so many connections
     * are polled spread over the interval rather than all at its start; a poll a whole interval late is skipped, not
     * made up. Also schedules the queue workers at the default policy's worker interval (webhooks also wake the workers at once),
     * and the month-end reconciliation check at once and every {@link #MONTH_END_CHECK_INTERVAL}
     * ({@link #runDueReconciliations()}, per connection as its {@link SyncPolicy#monthEnd()} says). The
     * scheduler stays the host's (not shut down by {@link #stop()}).
     *
     * <p>Connections added to the {@link ConnectionProvider} later are polled from then on, removed ones no longer,
     * replaced ones with their new settings: at once when the provider reports the change ({@link
     * ConnectionProvider#onChange}), else at the next rescan (every worker interval).
     *
     * @param scheduler the scheduler service
     */
    public void start(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        synchronized (lifecycle) {
            if (this.scheduler != null) {
                throw new IllegalStateException("already started");
            }
            this.scheduler = scheduler;
            polls.start(scheduler);
            long tick = defaults.workerInterval().toMillis();
            scheduled.add(scheduler.scheduleWithFixedDelay(this::wakeUp, tick, tick, TimeUnit.MILLISECONDS));
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> safely("connection rescan", polls::refresh), tick,
                    tick, TimeUnit.MILLISECONDS));
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> safely("purge finished work", this::purgeFinishedWork),
                    1, 60, TimeUnit.MINUTES));
            long monthEndTick = MONTH_END_CHECK_INTERVAL.toMillis();
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> safely("month-end reconciliation",
                    this::runDueReconciliations), 0, monthEndTick, TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Deletes finished work items older than the retention ({@link #DONE_RETENTION}) and dead-lettered ones older
     * than {@link #DEAD_RETENTION}; the ledger keeps what was posted, so finished queue items are only history.
     * {@link #start} runs it hourly.
     *
     * @return how many items were deleted
     */
    public int purgeFinishedWork() {
        java.time.Instant now = services.clock().instant();
        return services.state().purgeDone(now.minus(DONE_RETENTION))
                + services.state().purgeDead(now.minus(DEAD_RETENTION));
    }

    /** Cancels what {@link #start} scheduled; work in progress finishes, queued work stays queued. */
    public void stop() {
        synchronized (lifecycle) {
            scheduled.forEach(f -> f.cancel(false));
            scheduled.clear();
            polls.stop();
            scheduler = null;
        }
        // hand poll leadership over now rather than after the leases expire
        poller.releaseLeases();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Asks for a worker pass on the scheduler when started; passes never overlap on one engine. The pass is handed to
     * the scheduler, and the next poll task to start runs it first ({@link #runWaitingWorkerPass}), so webhook work
     * never waits in the scheduler's queue behind polls that are due (a thousand connections keep it busy).
     */
    private void wakeUp() {
        worker.nudge();
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            return;
        }
        pumpAgain.set(true);
        if (pumping.compareAndSet(false, true)) {
            pumpWaiting.set(true);
            try {
                s.execute(this::runWaitingWorkerPass);
            } catch (RuntimeException e) {
                pumpWaiting.set(false);
                pumping.set(false);
                LOG.debug("worker pass not scheduled: {}", e.toString());
            }
        }
    }

    /** Runs the worker pass handed to the scheduler unless another thread started it already. */
    private void runWaitingWorkerPass() {
        if (pumpWaiting.compareAndSet(true, false)) {
            pump();
        }
    }

    private void pump() {
        try {
            do {
                pumpAgain.set(false);
                safely("workers", worker::drain);
            } while (pumpAgain.get() && scheduler != null);
        } finally {
            pumping.set(false);
        }
    }

    /**
     * Runs a scheduled task so that nothing it throws, not even an {@link Error}, cancels its schedule (a
     * {@code ScheduledExecutorService} silently stops a periodic task that throws). For the engine's own schedules.
     *
     * @param what what the task does, for the log
     * @param task the task
     */
    public static void safely(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
        } catch (Error e) {
            LOG.error("{} failed with {}; the schedule keeps running", what, e.toString(), e);
        }
    }

    /** Builder for {@link SyncEngine}. */
    public static final class Builder {
        private SyncStateStore stateStore;
        private MappingStore mappingStore;
        private AuditSink auditSink;
        private Clock clock = Clock.systemUTC();
        private Executor executor = Runnable::run;
        private String nodeId;
        private SyncPolicy defaultPolicy = SyncPolicy.defaults();
        private WebhookParser accountingParser;
        private WebhookParser projectParser;
        private WebhookHandshakeListener handshakeListener = WebhookHandshakeListener.none();
        private int previewCapacity = 10_000;
        private ConnectorListeners listeners = ConnectorListeners.none();
        private java.time.Duration queueLagThreshold = java.time.Duration.ofMinutes(15);
        private int maxInFlightPerConnection;
        private final List<Connection> connections = new ArrayList<>();
        private ConnectionProvider provider;

        private Builder() {
        }

        /**
         * Ledger, cursors, work queue and leases (shared by every node of a deployment). Required.
         *
         * @param value ledger, cursors, work queue and leases (shared by every node of a deployment)
         * @return this builder
         */
        public Builder stateStore(SyncStateStore value) {
            this.stateStore = value;
            return this;
        }

        /**
         * Mappings, per connection. Required.
         *
         * @param value mappings, per connection
         * @return this builder
         */
        public Builder mappingStore(MappingStore value) {
            this.mappingStore = value;
            return this;
        }

        /**
         * Where audit events go. Required.
         *
         * @param value where audit events go
         * @return this builder
         */
        public Builder auditSink(AuditSink value) {
            this.auditSink = value;
            return this;
        }

        /**
         * Clock for leases, cursors, backoff and audit times (default system UTC).
         *
         * @param value clock for leases, cursors, backoff and audit times
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Runs the items of a worker batch (default: the calling thread, one after the other).
         *
         * @param value the value
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /**
         * This node's id, owner of its leases; unique per running instance (default: random).
         *
         * @param value this node's id, owner of its leases
         * @return this builder
         */
        public Builder nodeId(String value) {
            this.nodeId = value;
            return this;
        }

        /**
         * The policy of connections built without one (default {@link SyncPolicy#defaults()}).
         *
         * @param value the policy of connections built without one
         * @return this builder
         */
        public Builder defaultPolicy(SyncPolicy value) {
            this.defaultPolicy = value;
            return this;
        }

        /**
         * Parses FreshBooks webhook bodies (from connector-freshbooks).
         *
         * @param value the value
         * @return this builder
         */
        public Builder freshBooksWebhookParser(WebhookParser value) {
            this.accountingParser = value;
            return this;
        }

        /**
         * Parses Procore webhook bodies (from connector-procore).
         *
         * @param value the value
         * @return this builder
         */
        public Builder procoreWebhookParser(WebhookParser value) {
            this.projectParser = value;
            return this;
        }

        /**
         * Told about FreshBooks verification handshakes (default: nobody).
         *
         * @param value told about FreshBooks verification handshakes
         * @return this builder
         */
        public Builder handshakeListener(WebhookHandshakeListener value) {
            this.handshakeListener = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Previews kept per connection in dry run (default 10 000).
         *
         * @param value the value
         * @return this builder
         */
        public Builder previewCapacity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("previewCapacity must be positive");
            }
            this.previewCapacity = value;
            return this;
        }

        /**
         * Adds a listener told of every poll, work outcome and re-authorization the engine sees; may be called several
         * times. HTTP attempts, retries, rate limits and token refreshes are reported by the clients' transports and
         * token managers: register the listener there too. A listener that throws is logged and ignored.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(ConnectorListener value) {
            this.listeners = listeners.and(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * How long the oldest due ready work item may wait before {@link SyncEngine#health()} reports the engine
         * degraded (workers are behind or stopped); default 15 minutes.
         *
         * @param value a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder queueLagThreshold(java.time.Duration value) {
            if (Objects.requireNonNull(value, "queueLagThreshold").isNegative() || value.isZero()) {
                throw new IllegalArgumentException("queueLagThreshold must be positive");
            }
            this.queueLagThreshold = value;
            return this;
        }

        /**
         * The most work items of one connection in flight at once, on all nodes together (its unexpired leases), so a
         * connection whose calls are slow (a remote that answers slowly, a rate budget it waits for) never holds every
         * worker: the rest stay free for the other connections. Default: three quarters of the default policy's
         * batch size, at least 1 (18 of 25); a host serving one connection may set the batch size to use every worker.
         * Claims also take the connections round robin ({@link SyncStateStore#claimFair}).
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder maxInFlightPerConnection(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxInFlightPerConnection must be at least 1");
            }
            this.maxInFlightPerConnection = value;
            return this;
        }

        /**
         * Adds a connection; call once per connection. The engine serves these (fixed) connections; for connections
         * added, updated and removed at run time use {@link #connections(ConnectionProvider)} instead.
         *
         * @throws ConfigurationException when a connection provider was given
         *
         * @param value a connection
         * @return this builder
         */
        public Builder connection(Connection value) {
            if (provider != null) {
                throw new ConfigurationException("connection(...) and connections(provider) exclude each other: add "
                        + "the connection to the provider");
            }
            connections.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * Where the engine finds its connections, looked up on every use (e.g. an {@link InMemoryConnectionProvider}
         * the host adds contractors to while the engine runs).
         *
         * @param value the connection provider
         * @return this builder
         * @throws ConfigurationException when connections were added with {@link #connection(Connection)}
         */
        public Builder connections(ConnectionProvider value) {
            if (!connections.isEmpty()) {
                throw new ConfigurationException("connection(...) and connections(provider) exclude each other: add "
                        + "the connections to the provider");
            }
            this.provider = Objects.requireNonNull(value, "provider");
            return this;
        }

        /**
         * Builds the {@code SyncEngine} from the settings given so far.
         *
         * @return the new {@code SyncEngine}
         */
        public SyncEngine build() {
            if (stateStore == null || mappingStore == null || auditSink == null) {
                throw new ConfigurationException("stateStore, mappingStore and auditSink are required");
            }
            return new SyncEngine(this);
        }
    }
}
