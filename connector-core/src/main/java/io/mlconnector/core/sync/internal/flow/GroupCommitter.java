package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the work queue: items that arrive while the commits in flight are busy wait, and the next commit
 * writes all of them (up to {@code maxGroup}) with one {@link SyncStateStore#enqueueAll} — one transaction instead of
 * one per item. At most {@code maxInFlight} commits run at once (a few, so one slow commit or a thread the OS has not
 * scheduled yet does not stall the intake); below that a caller commits at once, alone, so a lone delivery waits for
 * nothing. No thread of its own and no timer: a waiting caller that holds a lead writes the group at the head of the
 * queue, then hands its lead to the next waiting caller; the others sleep on their own condition until their group is
 * written. A caller learns its result only after the {@code enqueueAll} that holds its item returned, so nothing is
 * acknowledged before it is committed; when that call throws, every caller of the group gets the failure.
 *
 * <p>An item the store refuses as invalid ({@link IllegalArgumentException}, {@link NullPointerException}: a key over
 * a column's length) must not fail the deliveries that happened to be grouped with it: such a group is written again
 * one item per call, so only the refused item's caller fails.
 *
 * <p>Asynchronous callers ({@link #enqueueAsync}) do not block: when one of them has to lead, the commit runs on the
 * executor it passed; its future completes on the thread that ran the commit (which may be another caller's).
 */
public final class GroupCommitter {
    /** Most items written by one commit. */
    static final int DEFAULT_MAX_GROUP = 256;
    /** Most commits in flight at once. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    private final SyncStateStore store;
    private final int maxGroup;
    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /**
     * Guarded by {@code lock}: leads handed out (a lead is held by a waiting caller, a task on an executor, or the
     * thread committing with it) — at most {@code maxInFlight}; given back when the queue is empty.
     */
    private int leads;

    /** One caller's item; fields other than {@code future} guarded by {@code lock}. */
    private static final class Pending {
        final WorkItem item;
        /** Wakes a blocked (synchronous) caller; null for an asynchronous one. */
        final Condition turn;
        /** Where an asynchronous caller's lead runs; null for a synchronous one. */
        final Executor executor;
        final CompletableFuture<EnqueueResult> future = new CompletableFuture<>();
        boolean lead;
        boolean done;
        EnqueueResult result;
        Throwable failure;

        Pending(WorkItem item, Condition turn, Executor executor) {
            this.item = item;
            this.turn = turn;
            this.executor = executor;
        }
    }

    public GroupCommitter(SyncStateStore store, int maxGroup, int maxInFlight) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxGroup < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxGroup and maxInFlight must be at least 1, were " + maxGroup + " and "
                    + maxInFlight);
        }
        this.maxGroup = maxGroup;
        this.maxInFlight = maxInFlight;
    }

    /**
     * Enqueues {@code item} and returns once the commit that holds it is done; the calling thread may write other
     * callers' items meanwhile (it leads when fewer than {@code maxInFlight} commits are in flight, or is handed a
     * lead by a commit that finished).
     *
     * @throws RuntimeException what the store threw for the commit that held the item
     */
    public EnqueueResult enqueue(WorkItem item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        Pending p = new Pending(item, lock.newCondition(), null);
        try {
            waiting.add(p);
            if (leads < maxInFlight) {
                leads++;
                p.lead = true;
            }
            // a caller whose item another lead committed meanwhile still uses (or gives back) its own lead
            while (!p.done || p.lead) {
                if (p.lead) {
                    p.lead = false;
                    lock.unlock();
                    try {
                        commitNextGroup();
                    } finally {
                        lock.lock();
                    }
                } else {
                    p.turn.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (p.failure != null) {
            throw rethrowable(p.failure);
        }
        return p.result;
    }

    /**
     * Enqueues {@code item} without blocking; the future completes once the commit that holds it is done, or fails
     * with what the store threw for it.
     *
     * @param executor runs the commit when this caller has to lead one (JDBC work: not an event-loop thread)
     */
    public CompletableFuture<EnqueueResult> enqueueAsync(WorkItem item, Executor executor) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(executor, "executor");
        Pending p = new Pending(item, null, executor);
        boolean lead;
        lock.lock();
        try {
            waiting.add(p);
            lead = leads < maxInFlight;
            if (lead) {
                leads++;
            }
        } finally {
            lock.unlock();
        }
        if (lead) {
            launch(executor);
        }
        return p.future;
    }

    /** How many items wait for a commit (not yet taken into one); for tests. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Uses one lead: writes the group at the head of the queue, settles its callers and hands the lead to the first
     * waiting caller that holds none (gives it back when nobody waits).
     */
    private void commitNextGroup() {
        List<Pending> group = new ArrayList<>();
        lock.lock();
        try {
            while (group.size() < maxGroup && !waiting.isEmpty()) {
                group.add(waiting.poll());
            }
            if (group.isEmpty()) {
                leads--; // other leads took everything meanwhile
                return;
            }
        } finally {
            lock.unlock();
        }
        EnqueueResult[] results = new EnqueueResult[group.size()];
        Throwable[] failures = new Throwable[group.size()];
        write(group, results, failures);
        Executor next = null;
        lock.lock();
        try {
            for (int i = 0; i < group.size(); i++) {
                Pending p = group.get(i);
                p.result = results[i];
                p.failure = failures[i];
                p.done = true;
                if (p.turn != null) {
                    p.turn.signal();
                }
            }
            Pending heir = null;
            for (Pending w : waiting) {
                if (w.turn == null || !w.lead) {
                    heir = w;
                    break;
                }
            }
            if (heir == null) {
                leads--;
            } else if (heir.turn != null) {
                heir.lead = true;
                heir.turn.signal();
            } else {
                next = heir.executor;
            }
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            if (p.turn == null) {
                if (failures[i] != null) {
                    p.future.completeExceptionally(failures[i]);
                } else {
                    p.future.complete(results[i]);
                }
            }
        }
        if (next != null) {
            launch(next);
        }
    }

    private void write(List<Pending> group, EnqueueResult[] results, Throwable[] failures) {
        List<WorkItem> items = new ArrayList<>(group.size());
        group.forEach(p -> items.add(p.item));
        try {
            fill(store.enqueueAll(items), results);
        } catch (IllegalArgumentException | NullPointerException refused) {
            if (group.size() == 1) {
                failures[0] = refused;
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                EnqueueResult[] one = new EnqueueResult[1];
                try {
                    fill(store.enqueueAll(List.of(items.get(i))), one);
                    results[i] = one[0];
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
                }
            }
        } catch (RuntimeException | Error e) {
            java.util.Arrays.fill(failures, e);
        }
    }

    private static void fill(List<EnqueueResult> answer, EnqueueResult[] results) {
        if (answer == null || answer.size() != results.length) {
            throw new IllegalStateException("the state store's enqueueAll answered "
                    + (answer == null ? "null" : answer.size() + " results") + " for " + results.length + " items");
        }
        for (int i = 0; i < results.length; i++) {
            results[i] = answer.get(i);
            if (results[i] == null) {
                throw new IllegalStateException("the state store's enqueueAll answered no result for item " + i);
            }
        }
    }

    /** Runs the next lead on {@code executor}; on this thread if the executor refuses it (nothing waits forever). */
    private void launch(Executor executor) {
        try {
            executor.execute(this::commitNextGroup);
        } catch (RejectedExecutionException e) {
            commitNextGroup();
        }
    }

    private static RuntimeException rethrowable(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }
}
