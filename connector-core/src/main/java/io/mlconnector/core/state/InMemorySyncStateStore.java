package io.mlconnector.core.state;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Thread-safe in-process {@link SyncStateStore} (one lock; simple and correct, fine for a single node). */
public final class InMemorySyncStateStore implements SyncStateStore {
    private record Key(String connectionId, String name) {
    }

    private record Lease(String owner, Instant until) {
    }

    private final Object lock = new Object();
    private final Map<Key, LedgerEntry> ledger = new HashMap<>();
    private final Map<Key, Cursor> cursors = new HashMap<>();
    private final Map<String, WorkItem> items = new LinkedHashMap<>();
    private final Map<Key, String> pendingByDedupe = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private final Map<Key, StoredReconciliation> reports = new HashMap<>();

    @Override
    public Optional<LedgerEntry> ledger(String connectionId, String sourceKey) {
        synchronized (lock) {
            return Optional.ofNullable(ledger.get(new Key(connectionId, sourceKey)));
        }
    }

    @Override
    public boolean ledgerInsertIfAbsent(LedgerEntry entry) {
        synchronized (lock) {
            return ledger.putIfAbsent(new Key(entry.connectionId(), entry.sourceKey()), entry) == null;
        }
    }

    @Override
    public void ledgerPut(LedgerEntry entry) {
        synchronized (lock) {
            ledger.put(new Key(entry.connectionId(), entry.sourceKey()), entry);
        }
    }

    @Override
    public List<LedgerEntry> ledgerEntries(String connectionId) {
        synchronized (lock) {
            List<LedgerEntry> out = new ArrayList<>();
            ledger.values().forEach(e -> {
                if (e.connectionId().equals(connectionId)) {
                    out.add(e);
                }
            });
            out.sort(Comparator.comparing(LedgerEntry::sourceKey));
            return out;
        }
    }

    @Override
    public Optional<Cursor> cursor(String connectionId, String stream) {
        synchronized (lock) {
            return Optional.ofNullable(cursors.get(new Key(connectionId, stream)));
        }
    }

    @Override
    public void saveCursor(Cursor cursor) {
        synchronized (lock) {
            cursors.put(new Key(cursor.connectionId(), cursor.stream()), cursor);
        }
    }

    @Override
    public boolean enqueue(WorkItem item) {
        synchronized (lock) {
            Key dk = new Key(item.connectionId(), item.dedupeKey());
            String existing = pendingByDedupe.get(dk);
            if (existing != null && items.get(existing).isPending()) {
                return false;
            }
            if (items.containsKey(item.id())) {
                return false;
            }
            items.put(item.id(), item);
            pendingByDedupe.put(dk, item.id());
            return true;
        }
    }

    /**
     * All items under one lock: other callers see all of them or none.
     *
     * @param batch the work items, in the order they arrived
     * @return one result per item, in the same order
     */
    @Override
    public List<EnqueueResult> enqueueAll(List<WorkItem> batch) {
        synchronized (lock) {
            List<EnqueueResult> out = new ArrayList<>(batch.size());
            for (WorkItem item : batch) {
                out.add(EnqueueResult.of(enqueue(item)));
            }
            return out;
        }
    }

    @Override
    public List<WorkItem> claim(String owner, int max, Duration lease, Instant now) {
        return claimFair(owner, max, Integer.MAX_VALUE, lease, now);
    }

    /** Round robin over the connections' ranked items, each connection capped by its unexpired leases to {@code owner}. */
    @Override
    public List<WorkItem> claimFair(String owner, int max, int perConnection, Duration lease, Instant now) {
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection must be at least 1");
        }
        synchronized (lock) {
            List<WorkItem> candidates = new ArrayList<>();
            Map<String, Integer> leased = new HashMap<>();
            for (WorkItem w : items.values()) {
                boolean ready = w.status() == WorkStatus.READY && !w.availableAt().isAfter(now);
                boolean expired = w.status() == WorkStatus.LEASED && w.leaseUntil() != null && !w.leaseUntil().isAfter(now);
                if (ready || expired) {
                    candidates.add(w);
                } else if (w.status() == WorkStatus.LEASED && owner.equals(w.leaseOwner())) {
                    leased.merge(w.connectionId(), 1, Integer::sum);
                }
            }
            Comparator<WorkItem> order = Comparator.comparing(WorkItem::availableAt)
                    .thenComparing(WorkItem::createdAt);
            candidates.sort(order);
            Map<String, Integer> rank = new HashMap<>();
            List<Ranked> ranked = new ArrayList<>();
            for (WorkItem w : candidates) {
                int r = rank.merge(w.connectionId(), 1, Integer::sum);
                if ((long) r + leased.getOrDefault(w.connectionId(), 0) <= perConnection) {
                    ranked.add(new Ranked(r, w));
                }
            }
            ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::item, order));
            List<WorkItem> out = new ArrayList<>();
            for (Ranked c : ranked) {
                if (out.size() >= max) {
                    break;
                }
                WorkItem w = c.item();
                WorkItem taken = new WorkItem(w.id(), w.connectionId(), w.dedupeKey(), w.type(), w.payload(),
                        WorkStatus.LEASED, w.attempts(), w.availableAt(), owner, now.plus(lease), w.lastError(),
                        w.createdAt(), w.waitingFor());
                items.put(w.id(), taken);
                out.add(taken);
            }
            return out;
        }
    }

    /** A claimable item and its place among its connection's claimable items (1 = first). */
    private record Ranked(int rank, WorkItem item) {
    }

    @Override
    public void complete(String itemId, String owner) {
        settle(itemId, owner, w -> with(w, WorkStatus.DONE, w.attempts(), w.availableAt(), w.lastError()));
    }

    @Override
    public void retryAt(String itemId, String owner, Instant when, String error) {
        settle(itemId, owner, w -> with(w, WorkStatus.READY, w.attempts() + 1, when, error));
    }

    @Override
    public boolean extendClaim(String itemId, String owner, Instant until) {
        synchronized (lock) {
            WorkItem w = items.get(itemId);
            if (w == null || w.status() != WorkStatus.LEASED || !owner.equals(w.leaseOwner())) {
                return false;
            }
            items.put(itemId, new WorkItem(w.id(), w.connectionId(), w.dedupeKey(), w.type(), w.payload(),
                    WorkStatus.LEASED, w.attempts(), w.availableAt(), owner, until, w.lastError(), w.createdAt(),
                    w.waitingFor()));
            return true;
        }
    }

    @Override
    public void defer(String itemId, String owner, Instant when, String reason) {
        settle(itemId, owner, w -> with(w, WorkStatus.READY, w.attempts(), when, reason));
    }

    @Override
    public void park(String itemId, String owner, String reason) {
        park(itemId, owner, reason, null);
    }

    @Override
    public void park(String itemId, String owner, String reason, String waitingFor) {
        settle(itemId, owner, w -> with(w, WorkStatus.PARKED, w.attempts(), w.availableAt(), reason, waitingFor));
    }

    @Override
    public void deadLetter(String itemId, String owner, String error) {
        settle(itemId, owner, w -> with(w, WorkStatus.DEAD, w.attempts() + 1, w.availableAt(), error));
    }

    @Override
    public boolean requeue(String itemId, Instant now) {
        synchronized (lock) {
            WorkItem w = items.get(itemId);
            if (w == null || (w.status() != WorkStatus.PARKED && w.status() != WorkStatus.DEAD)) {
                return false;
            }
            Key dk = new Key(w.connectionId(), w.dedupeKey());
            String other = pendingByDedupe.get(dk);
            if (other != null && !other.equals(itemId) && items.get(other).isPending()) {
                return false;
            }
            items.put(itemId, with(w, WorkStatus.READY, 0, now, w.lastError()));
            pendingByDedupe.put(dk, itemId);
            return true;
        }
    }

    @Override
    public Optional<WorkItem> item(String itemId) {
        synchronized (lock) {
            return Optional.ofNullable(items.get(itemId));
        }
    }

    @Override
    public List<WorkItem> items(String connectionId, WorkStatus status) {
        synchronized (lock) {
            List<WorkItem> out = new ArrayList<>();
            for (WorkItem w : items.values()) {
                if (w.connectionId().equals(connectionId) && w.status() == status) {
                    out.add(w);
                }
            }
            out.sort(Comparator.comparing(WorkItem::createdAt));
            return out;
        }
    }

    /** One pass over the items, no copies. */
    @Override
    public QueueStats queueStats(String connectionId, Instant now) {
        synchronized (lock) {
            long[] counts = new long[WorkStatus.values().length];
            Instant oldest = null;
            for (WorkItem w : items.values()) {
                if (!w.connectionId().equals(connectionId)) {
                    continue;
                }
                counts[w.status().ordinal()]++;
                if (w.status() == WorkStatus.READY && w.availableAt() != null && !w.availableAt().isAfter(now)
                        && (oldest == null || w.availableAt().isBefore(oldest))) {
                    oldest = w.availableAt();
                }
            }
            java.util.Map<WorkStatus, Long> byStatus = new java.util.EnumMap<>(WorkStatus.class);
            for (WorkStatus s : WorkStatus.values()) {
                byStatus.put(s, counts[s.ordinal()]);
            }
            return new QueueStats(byStatus, oldest);
        }
    }

    @Override
    public long count(WorkStatus status) {
        synchronized (lock) {
            return items.values().stream().filter(w -> w.status() == status).count();
        }
    }

    @Override
    public int purgeDone(Instant createdBefore) {
        synchronized (lock) {
            int before = items.size();
            items.values().removeIf(w -> w.status() == WorkStatus.DONE && w.createdAt().isBefore(createdBefore));
            pendingByDedupe.values().removeIf(id -> !items.containsKey(id));
            return before - items.size();
        }
    }

    @Override
    public int purgeDead(Instant createdBefore) {
        synchronized (lock) {
            int before = items.size();
            items.values().removeIf(w -> w.status() == WorkStatus.DEAD && w.createdAt().isBefore(createdBefore));
            pendingByDedupe.values().removeIf(id -> !items.containsKey(id));
            return before - items.size();
        }
    }

    @Override
    public boolean tryAcquireLease(String name, String owner, Duration ttl, Instant now) {
        synchronized (lock) {
            Lease cur = leases.get(name);
            if (cur == null || cur.owner().equals(owner) || !cur.until().isAfter(now)) {
                leases.put(name, new Lease(owner, now.plus(ttl)));
                return true;
            }
            return false;
        }
    }

    @Override
    public void releaseLease(String name, String owner) {
        synchronized (lock) {
            Lease cur = leases.get(name);
            if (cur != null && cur.owner().equals(owner)) {
                leases.remove(name);
            }
        }
    }

    @Override
    public boolean saveReconciliation(StoredReconciliation report) {
        Objects.requireNonNull(report, "report");
        synchronized (lock) {
            return reports.putIfAbsent(new Key(report.connectionId(), report.period().toString()), report) == null;
        }
    }

    @Override
    public Optional<StoredReconciliation> reconciliation(String connectionId, YearMonth period) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(period, "period");
        synchronized (lock) {
            return Optional.ofNullable(reports.get(new Key(connectionId, period.toString())));
        }
    }

    @Override
    public List<StoredReconciliation> reconciliations(String connectionId, int limit) {
        Objects.requireNonNull(connectionId, "connectionId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        synchronized (lock) {
            return reports.values().stream().filter(r -> r.connectionId().equals(connectionId))
                    .sorted(Comparator.comparing(StoredReconciliation::period).reversed()).limit(limit).toList();
        }
    }

    private interface Change {
        WorkItem apply(WorkItem w);
    }

    private void settle(String itemId, String owner, Change change) {
        synchronized (lock) {
            WorkItem w = items.get(itemId);
            if (w == null || w.status() != WorkStatus.LEASED || !owner.equals(w.leaseOwner())) {
                throw new LeaseLostException(itemId, owner);
            }
            items.put(itemId, change.apply(w));
        }
    }

    private static WorkItem with(WorkItem w, WorkStatus status, int attempts, Instant availableAt, String error) {
        return with(w, status, attempts, availableAt, error, w.waitingFor());
    }

    private static WorkItem with(WorkItem w, WorkStatus status, int attempts, Instant availableAt, String error,
                                 String waitingFor) {
        return new WorkItem(w.id(), w.connectionId(), w.dedupeKey(), w.type(), w.payload(), status, attempts,
                availableAt, null, null, error, w.createdAt(), waitingFor);
    }
}
