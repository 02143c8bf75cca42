package io.mlconnector.core.state;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * SPI: the engine's durable state — the ledger, the polling cursors, the work queue with leases and dead
 * letters, named leases for poll leadership, and the month-end reconciliation reports. Every implementation passes
 * connector-testkit's {@code SyncStateStoreContract}, including its concurrency cases (two claimers, one winner).
 */
public interface SyncStateStore {

    // ---- ledger

    /**
     * The ledger entry of a source record.
     *
     * @param connectionId the connection's id
     * @param sourceKey the source record's key, e.g. {@code freshbooks:bill:123}
     * @return the entry, or empty when the record was never handled
     */
    Optional<LedgerEntry> ledger(String connectionId, String sourceKey);

    /**
     * Inserts the entry only if none exists for its source key; returns whether it was inserted.
     *
     * @param entry the ledger entry
     * @return whether it was inserted
     */
    boolean ledgerInsertIfAbsent(LedgerEntry entry);

    /**
     * Inserts or replaces the entry for its source key.
     *
     * @param entry the ledger entry
     */
    void ledgerPut(LedgerEntry entry);

    /**
     * All ledger entries of a connection.
     *
     * @param connectionId the connection's id
     * @return all ledger entries of a connection
     */
    List<LedgerEntry> ledgerEntries(String connectionId);

    // ---- cursors

    /**
     * The polling cursor of a stream.
     *
     * @param connectionId the connection's id
     * @param stream the stream's name
     * @return the cursor, or empty before the first poll
     */
    Optional<Cursor> cursor(String connectionId, String stream);

    /**
     * Inserts or replaces the cursor of its connection and stream.
     *
     * @param cursor the cursor
     */
    void saveCursor(Cursor cursor);

    // ---- work queue

    /**
     * Adds an item unless a pending item with the same dedupe key exists; returns whether it was added.
     *
     * @param item the work item
     * @return whether it was added
     */
    boolean enqueue(WorkItem item);

    /**
     * Adds several items at once, in list order, each under the rule of {@link #enqueue}: an item is dropped
     * ({@link EnqueueResult#DUPLICATE}) when a pending item with its connection and dedupe key exists — including one
     * added earlier in the same list — or an item with its id. The engine's intake calls it with every delivery
     * waiting at one moment (group commit) and acknowledges each delivery only after this call returned.
     *
     * <p>Implementations should write the whole list in one transaction: every item or, when the call throws, none
     * (the bundled stores do). The default calls {@link #enqueue} for each item in turn, so a store written before this
     * method existed keeps working, one commit per item; it is not atomic: when it throws part way, the items before
     * the failing one stay queued (their deliveries are failed all the same, and when redelivered they are dropped as
     * duplicates of those pending items: nothing is lost or queued twice).
     *
     * @param items the work items, in the order they arrived
     * @return one result per item, in the same order
     * @throws IllegalArgumentException when an item does not fit the store (e.g. a key over a column's length)
     */
    default List<EnqueueResult> enqueueAll(List<WorkItem> items) {
        List<EnqueueResult> out = new java.util.ArrayList<>(items.size());
        for (WorkItem item : items) {
            out.add(EnqueueResult.of(enqueue(item)));
        }
        return out;
    }

    /**
     * Claims up to {@code max} items that are ready and available at {@code now} (or leased with an expired
     * lease), leasing them to {@code owner} until {@code now + lease}, earliest {@code availableAt} first; the bundled
     * stores spread the batch across connections (round robin, see {@link #claimFair}). Each item is claimed by one
     * owner only, however many workers claim at once.
     *
     * @param owner the worker that holds the lease
     * @param max the max
     * @param lease the lease
     * @param now the current time
     * @return the work items
     */
    List<WorkItem> claim(String owner, int max, Duration lease, Instant now);

    /**
     * Claims like {@link #claim(String, int, Duration, Instant)}, fairly across connections: each connection's
     * claimable items are ranked by {@code availableAt} (then creation), and the batch takes every connection's first
     * item before any connection's second (round robin), so one connection's backlog never pushes another's items
     * back; and a connection that already has {@code perConnection} unexpired items leased to {@code owner} (its work
     * in flight on this node) gets none, one that has fewer gets at most the difference. The cap is per owner so that
     * one node claiming ahead of its workers never leaves another node idle with work waiting. The cap is checked
     * against the leases when the claim starts: claims running at the same moment may together exceed it. The
     * default ignores the cap and the fairness (it delegates to {@code claim}); the bundled stores implement both.
     *
     * @param owner         the worker that holds the lease
     * @param max           the most items to claim
     * @param perConnection the most items of one connection leased at once (at least 1)
     * @param lease         how long the items stay leased
     * @param now           the current time
     * @return the claimed items, in the order they were ranked
     * @throws IllegalArgumentException when {@code perConnection} is below 1
     */
    default List<WorkItem> claimFair(String owner, int max, int perConnection, Duration lease, Instant now) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection must be at least 1");
        }
        return claim(owner, max, lease, now);
    }

    /**
     * Marks a leased item done. This and the other settling methods ({@link #retryAt}, {@link #park},
     * {@link #deadLetter}) throw {@link LeaseLostException} if {@code owner} does not hold the item's lease (another
     * worker reclaimed it after expiry, it was already settled, or the id is unknown).
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     */
    void complete(String itemId, String owner);

    /**
     * Returns a leased item to the queue, available again at {@code when}, with attempts + 1.
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     * @param when the when
     * @param error the error
     */
    void retryAt(String itemId, String owner, Instant when, String error);

    /**
     * Returns a leased item to the queue, available again at {@code when}, <em>without</em> counting an attempt: the
     * item did not fail, it had to wait (another worker holds its record, the API asked to come back later). The
     * default counts an attempt ({@link #retryAt}); the bundled stores override it.
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     * @param when the when
     * @param reason the reason
     */
    default void defer(String itemId, String owner, Instant when, String reason) {
        retryAt(itemId, owner, when, reason);
    }

    /**
     * Extends the lease of an item {@code owner} holds to {@code until}, while its work is still in flight (a slow
     * remote call must not let another worker take it).
     *
     * @param itemId the work item
     * @param owner  the worker that claimed it
     * @param until  the new end of its lease
     * @return whether the item was still leased by {@code owner} and is now extended; the default extends nothing
     *         (the bundled stores override it)
     */
    default boolean extendClaim(String itemId, String owner, Instant until) {
        return false;
    }

    /**
     * Parks a leased item until it is replayed (flagged record).
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     * @param reason the reason
     */
    void park(String itemId, String owner, String reason);

    /**
     * Parks a leased item that waits for another record to be posted first, keeping that record's key on the item
     * ({@link WorkItem#waitingFor()}) so a replay of the record finds it. A store that cannot keep it parks the item
     * as {@link #park(String, String, String)} does (the default).
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     * @param reason the reason, for people
     * @param waitingFor the source key of the record the item waits for
     */
    default void park(String itemId, String owner, String reason, String waitingFor) {
        park(itemId, owner, reason);
    }

    /**
     * Moves a leased item to the dead letters.
     *
     * @param itemId the item id
     * @param owner the worker that holds the lease
     * @param error the error
     */
    void deadLetter(String itemId, String owner, String error);

    /**
     * Makes a parked or dead item ready again at {@code now} (replay); returns whether it was requeued. Refused
     * (false) for items in any other status, unknown ids, and while another pending item holds the same dedupe key.
     *
     * @param itemId the item id
     * @param now the current time
     * @return whether it was requeued
     */
    boolean requeue(String itemId, Instant now);

    /**
     * A work item by id, in any status.
     *
     * @param itemId the work item's id
     * @return the item, or empty when there is none
     */
    Optional<WorkItem> item(String itemId);

    /**
     * Items of a connection in a status, oldest first.
     *
     * @param connectionId the connection's id
     * @param status the status
     * @return the work items
     */
    List<WorkItem> items(String connectionId, WorkStatus status);

    /**
     * Count of items in a status across connections.
     *
     * @param status the status
     * @return count of items in a status across connections
     */
    long count(WorkStatus status);

    /**
     * Deletes finished ({@link WorkStatus#DONE}) items enqueued before {@code createdBefore}; parked and dead items are
     * kept for people to look at. The engine calls it from {@code start(...)} so the queue does not grow forever.
     *
     * @param createdBefore the created before
     * @return how many items were deleted
     */
    int purgeDone(Instant createdBefore);

    /**
     * Deletes dead-lettered ({@link WorkStatus#DEAD}) items enqueued before {@code createdBefore}: after their
     * retention nobody will look at them, and a flood of unauthenticated requests that ended dead must not stay for
     * ever. The engine calls it with a longer retention than {@link #purgeDone}. The default deletes nothing;
     * implementations override it.
     *
     * @param createdBefore the created before
     * @return how many items were deleted
     */
    default int purgeDead(Instant createdBefore) {
        return 0;
    }

    /**
     * The shape of a connection's queue at {@code now}: items per status and the {@code availableAt} of the oldest
     * ready item that is due ({@link QueueStats}). For health checks, so it must not load items: the default walks
     * {@link #items(String, WorkStatus)} and is only fit for small queues; the bundled stores answer with counts
     * (JDBC: one grouped count and one {@code MIN}).
     *
     * @param connectionId the connection whose queue is read
     * @param now the instant that decides which ready items are due
     * @return the counts per status and the oldest due ready item's {@code availableAt}
     */
    default QueueStats queueStats(String connectionId, Instant now) {
        java.util.Map<WorkStatus, Long> counts = new java.util.EnumMap<>(WorkStatus.class);
        Instant oldest = null;
        for (WorkStatus s : WorkStatus.values()) {
            List<WorkItem> list = items(connectionId, s);
            counts.put(s, (long) list.size());
            if (s == WorkStatus.READY) {
                for (WorkItem w : list) {
                    Instant at = w.availableAt();
                    if (at != null && !at.isAfter(now) && (oldest == null || at.isBefore(oldest))) {
                        oldest = at;
                    }
                }
            }
        }
        return new QueueStats(counts, oldest);
    }

    // ---- month-end reconciliation reports

    /**
     * Keeps a month-end reconciliation report unless one is already kept for its connection and month; never
     * replaces one, so two nodes that both finish a run keep exactly one report and only the one whose save returned
     * {@code true} reports its differences. The engine calls it from its month-end schedule.
     *
     * <p>The default throws {@link UnsupportedOperationException}, so a store written before reports existed still
     * compiles and the engine says once, in its log, that automatic month-end reconciliation needs a store that keeps
     * reports (it then does not run it rather than compare both systems every few minutes for a report it cannot
     * keep). The bundled stores implement it; so must every store that passes connector-testkit's contract.
     *
     * @param report the report with its renderings
     * @return true when it was kept, false when a report for the same connection and month was already kept
     * @throws UnsupportedOperationException when the store does not keep reports (the default)
     */
    default boolean saveReconciliation(StoredReconciliation report) {
        throw reportsUnsupported(this);
    }

    /**
     * The report kept for a connection and month.
     *
     * @param connectionId the connection's id
     * @param period the month
     * @return the report, or empty when none is kept
     * @throws UnsupportedOperationException when the store does not keep reports (the default)
     */
    default Optional<StoredReconciliation> reconciliation(String connectionId, YearMonth period) {
        throw reportsUnsupported(this);
    }

    /**
     * The latest reports kept for a connection, latest month first.
     *
     * @param connectionId the connection's id
     * @param limit the most reports returned, at least 1
     * @return up to {@code limit} reports, latest month first
     * @throws IllegalArgumentException when {@code limit} is below 1
     * @throws UnsupportedOperationException when the store does not keep reports (the default)
     */
    default List<StoredReconciliation> reconciliations(String connectionId, int limit) {
        throw reportsUnsupported(this);
    }

    private static UnsupportedOperationException reportsUnsupported(SyncStateStore store) {
        return new UnsupportedOperationException(store.getClass().getName() + " does not keep month-end"
                + " reconciliation reports (implement saveReconciliation, reconciliation and reconciliations)");
    }

    // ---- named leases (poll leadership)

    /**
     * Acquires or renews the named lease for {@code owner} until {@code now + ttl}; succeeds when the lease is free,
     * expired, or already held by {@code owner}.
     *
     * @param name the name
     * @param owner the worker that holds the lease
     * @param ttl the ttl
     * @param now the current time
     * @return true when acquires or renews the named lease for {@code owner} until {@code now + ttl}; succeeds when the
     *     lease is free, expired, or already held by {@code owner}
     */
    boolean tryAcquireLease(String name, String owner, Duration ttl, Instant now);

    /**
     * Releases the lease if {@code owner} holds it.
     *
     * @param name the name
     * @param owner the worker that holds the lease
     */
    void releaseLease(String name, String owner);
}
