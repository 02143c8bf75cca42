package io.mlconnector.jdbc;

import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.state.LeaseLostException;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.QueueStats;
import io.mlconnector.core.state.StoredReconciliation;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.jdbc.internal.ColumnLimits;
import io.mlconnector.jdbc.internal.JdbcAccess;
import io.mlconnector.jdbc.internal.SqlParams;
import io.mlconnector.jdbc.internal.StringMapJson;
import io.mlconnector.jdbc.internal.TablePrefix;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SyncStateStore} shared by every node using the same database: the ledger ({@code <prefix>ledger}, unique
 * per connection and source key), polling cursors ({@code <prefix>sync_cursor}), the work queue
 * ({@code <prefix>work_item}), named leases for poll leadership ({@code <prefix>named_lease}) and the month-end
 * reconciliation reports ({@code <prefix>reconciliation_report}, one per connection and month, never replaced).
 *
 * <p>Every method is one short transaction; nothing locks a table. Claims on PostgreSQL take rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers never wait for or get the same item; on H2 a claim is an
 * optimistic {@code UPDATE ... WHERE seq = ? AND <still claimable>} checked by its row count. A lease that expires
 * (its node died or stalled) makes the item claimable again; the old owner then gets {@link LeaseLostException}
 * when it tries to settle it. A dedupe key blocks another enqueue only while an item holding it is pending (ready,
 * leased or parked): a partial unique index enforces this on PostgreSQL, a unique index over a generated column
 * on H2.
 *
 * <p>Times come from the caller ({@code now} arguments, record fields), never from the database clock, so a fake
 * {@link java.time.Clock} drives expiry in tests and nodes agree as far as their clocks do.
 */
public final class JdbcSyncStateStore implements SyncStateStore {
    private static final String LEDGER_COLUMNS = "connection_id, source_key, source_version, target_kind, target_id,"
            + " state, fingerprint, attributes, updated_at_ns";
    private static final String ITEM_COLUMNS = "seq, id, connection_id, dedupe_key, item_type, payload, status,"
            + " attempts, available_at_ns, lease_owner, lease_until_ns, last_error, created_at_ns, waiting_for";
    private static final String REPORT_COLUMNS = "connection_id, period, generated_at_ns, difference_count,"
            + " report_json, report_csv";
    private static final String PENDING = "('READY', 'LEASED', 'PARKED')";
    private static final String CLAIMABLE =
            "((status = 'READY' AND available_at_ns <= ?) OR (status = 'LEASED' AND lease_until_ns <= ?))";
    private static final String ITEM_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ITEM_VALUES = " VALUES " + ITEM_ROW;
    /** Items per multi-row insert: 12 parameters each, well under PostgreSQL's 32,767 per statement. */
    private static final int ROWS_PER_INSERT = 500;
    private static final String CLAIMABLE_I = "((i.status = 'READY' AND i.available_at_ns <= ?)"
            + " OR (i.status = 'LEASED' AND i.lease_until_ns <= ?))";
    /** Rounds an H2 claim retries when other claimers took its candidates. */
    private static final int H2_CLAIM_ROUNDS = 3;

    /** A work item row: its sequence number, the item, and its rank in a claim (0 outside claims). */
    private record Row(long seq, WorkItem item, int rank) {
        Row(long seq, WorkItem item) {
            this(seq, item, 0);
        }
    }

    private final String insertItem;
    private final JdbcAccess db;
    private final StringMapJson json = new StringMapJson();
    private final String ledger;
    private final String cursor;
    private final String items;
    private final String leases;
    private final String reports;

    private JdbcSyncStateStore(Builder b) {
        TablePrefix prefix = b.prefix();
        this.db = JdbcAccess.of(b.requiredDataSource(), prefix, b.dialect());
        this.ledger = prefix.table("ledger");
        this.cursor = prefix.table("sync_cursor");
        this.items = prefix.table("work_item");
        this.leases = prefix.table("named_lease");
        this.reports = prefix.table("reconciliation_report");
        this.insertItem = "INSERT INTO " + items + " (id, connection_id, dedupe_key, item_type, payload, status,"
                + " attempts, available_at_ns, lease_owner, lease_until_ns, last_error, created_at_ns)";
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- ledger

    @Override
    public Optional<LedgerEntry> ledger(String connectionId, String sourceKey) {
        return db.transaction("read ledger entry", c -> JdbcAccess.queryFirst(c, "SELECT " + LEDGER_COLUMNS + " FROM "
                        + ledger + " WHERE connection_id = ? AND source_key = ?",
                SqlParams.of().text(connectionId).text(sourceKey), this::readLedger));
    }

    @Override
    public boolean ledgerInsertIfAbsent(LedgerEntry entry) {
        SqlParams params = ledgerParams(entry);
        return db.transaction("insert ledger entry", c -> {
            String sql = "INSERT INTO " + ledger + " (" + LEDGER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                return JdbcAccess.update(c, sql + " ON CONFLICT (connection_id, source_key) DO NOTHING", params) == 1;
            }
            return JdbcAccess.insertUnlessDuplicate(c, sql, params) == 1;
        });
    }

    @Override
    public void ledgerPut(LedgerEntry entry) {
        SqlParams params = ledgerParams(entry);
        db.transaction("put ledger entry", c -> {
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                JdbcAccess.update(c, "INSERT INTO " + ledger + " (" + LEDGER_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, source_key) DO UPDATE SET"
                        + " source_version = EXCLUDED.source_version, target_kind = EXCLUDED.target_kind,"
                        + " target_id = EXCLUDED.target_id, state = EXCLUDED.state,"
                        + " fingerprint = EXCLUDED.fingerprint, attributes = EXCLUDED.attributes,"
                        + " updated_at_ns = EXCLUDED.updated_at_ns", params);
            } else {
                mergeH2(c, "MERGE INTO " + ledger + " (" + LEDGER_COLUMNS + ") KEY (connection_id, source_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
            }
            return null;
        });
    }

    @Override
    public List<LedgerEntry> ledgerEntries(String connectionId) {
        return db.transaction("list ledger entries", c -> JdbcAccess.query(c, "SELECT " + LEDGER_COLUMNS + " FROM "
                        + ledger + " WHERE connection_id = ?", SqlParams.of().text(connectionId), this::readLedger))
                .stream().sorted(Comparator.comparing(LedgerEntry::sourceKey)).toList();
    }

    // ---- cursors

    @Override
    public Optional<Cursor> cursor(String connectionId, String stream) {
        return db.transaction("read cursor", c -> JdbcAccess.queryFirst(c, "SELECT connection_id, stream,"
                        + " position_ns, updated_at_ns FROM " + cursor + " WHERE connection_id = ? AND stream = ?",
                SqlParams.of().text(connectionId).text(stream),
                row -> new Cursor(row.getString("connection_id"), row.getString("stream"),
                        JdbcAccess.instant(row, "position_ns"), JdbcAccess.instant(row, "updated_at_ns"))));
    }

    @Override
    public void saveCursor(Cursor value) {
        Objects.requireNonNull(value, "cursor");
        ColumnLimits.required("connectionId", value.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("stream", value.stream(), ColumnLimits.KEY);
        SqlParams params = SqlParams.of().text(value.connectionId()).text(value.stream()).instant(value.position())
                .instant(value.updatedAt());
        db.transaction("save cursor", c -> {
            String columns = "connection_id, stream, position_ns, updated_at_ns";
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                JdbcAccess.update(c, "INSERT INTO " + cursor + " (" + columns + ") VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (connection_id, stream) DO UPDATE SET position_ns = EXCLUDED.position_ns,"
                        + " updated_at_ns = EXCLUDED.updated_at_ns", params);
            } else {
                mergeH2(c, "MERGE INTO " + cursor + " (" + columns + ") KEY (connection_id, stream)"
                        + " VALUES (?, ?, ?, ?)", params);
            }
            return null;
        });
    }

    // ---- work queue

    @Override
    public boolean enqueue(WorkItem item) {
        checkItem(item);
        SqlParams params = itemParams(SqlParams.of(), item);
        return db.transaction("enqueue work item", c -> {
            String sql = insertItem + ITEM_VALUES;
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                // no conflict target: skips on the id key and on the partial pending-dedupe index alike
                return JdbcAccess.update(c, sql + " ON CONFLICT DO NOTHING", params) == 1;
            }
            return JdbcAccess.insertUnlessDuplicate(c, sql, params) == 1;
        });
    }

    /**
     * One transaction (one commit) for the whole list; every item is checked before anything is written. A later
     * item with the id, or the connection and dedupe key, of an earlier one in the list is a duplicate without a trip
     * to the database. PostgreSQL: one multi-row {@code INSERT ... ON CONFLICT DO NOTHING RETURNING id} per
     * {@value #ROWS_PER_INSERT} items, so an item that collides with a pending one is skipped without aborting the
     * transaction; H2: one insert per item (a unique violation there fails the statement, not the transaction). Rows
     * are written in (connection, dedupe key) order, so concurrent lists that share keys cannot deadlock.
     *
     * @param batch the work items, in the order they arrived
     * @return one result per item, in the same order
     * @throws IllegalArgumentException when an item does not fit the columns (nothing is written)
     * @throws JdbcStoreException when the database fails (nothing is written)
     */
    @Override
    public List<EnqueueResult> enqueueAll(List<WorkItem> batch) {
        Objects.requireNonNull(batch, "items");
        batch.forEach(JdbcSyncStateStore::checkItem);
        EnqueueResult[] out = new EnqueueResult[batch.size()];
        List<Integer> fresh = new ArrayList<>(batch.size());
        Set<String> ids = new HashSet<>();
        Set<List<String>> keys = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            WorkItem w = batch.get(i);
            List<String> key = List.of(w.connectionId(), w.dedupeKey());
            if (ids.contains(w.id()) || keys.contains(key)) {
                out[i] = EnqueueResult.DUPLICATE;
            } else {
                ids.add(w.id());
                keys.add(key);
                fresh.add(i);
            }
        }
        // one order for every writer: two nodes' lists with common keys wait for each other, never deadlock
        fresh.sort(Comparator.comparing((Integer i) -> batch.get(i).connectionId())
                .thenComparing(i -> batch.get(i).dedupeKey()));
        if (!fresh.isEmpty()) {
            db.transaction("enqueue " + fresh.size() + " work items", c -> {
                if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                    for (int from = 0; from < fresh.size(); from += ROWS_PER_INSERT) {
                        insertPostgres(c, batch, fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_INSERT)),
                                out);
                    }
                } else {
                    for (int i : fresh) {
                        out[i] = EnqueueResult.of(JdbcAccess.insertUnlessDuplicate(c, insertItem + ITEM_VALUES,
                                itemParams(SqlParams.of(), batch.get(i))) == 1);
                    }
                }
                return null;
            });
        }
        return List.of(out);
    }

    private void insertPostgres(Connection c, List<WorkItem> batch, List<Integer> rows, EnqueueResult[] out)
            throws SQLException {
        StringBuilder sql = new StringBuilder(insertItem).append(" VALUES ");
        SqlParams params = SqlParams.of();
        for (int k = 0; k < rows.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(ITEM_ROW);
            itemParams(params, batch.get(rows.get(k)));
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING id");
        Set<String> inserted = new HashSet<>(JdbcAccess.query(c, sql.toString(), params, row -> row.getString(1)));
        for (int i : rows) {
            out[i] = inserted.contains(batch.get(i).id()) ? EnqueueResult.ADDED : EnqueueResult.DUPLICATE;
        }
    }

    private static void checkItem(WorkItem item) {
        Objects.requireNonNull(item, "item");
        ColumnLimits.required("id", item.id(), ColumnLimits.KEY);
        ColumnLimits.required("connectionId", item.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("dedupeKey", item.dedupeKey(), ColumnLimits.KEY);
        ColumnLimits.required("type", item.type(), ColumnLimits.NAME);
        ColumnLimits.optional("leaseOwner", item.leaseOwner(), ColumnLimits.OWNER);
        Objects.requireNonNull(item.availableAt(), "availableAt");
        Objects.requireNonNull(item.createdAt(), "createdAt");
    }

    private static SqlParams itemParams(SqlParams params, WorkItem item) {
        return params.text(item.id()).text(item.connectionId()).text(item.dedupeKey())
                .text(item.type()).text(item.payload()).text(item.status().name()).integer(item.attempts())
                .instant(item.availableAt()).text(item.leaseOwner()).instant(item.leaseUntil()).text(item.lastError())
                .instant(item.createdAt());
    }

    @Override
    public List<WorkItem> claim(String owner, int max, Duration lease, Instant now) {
        return claimFair(owner, max, Integer.MAX_VALUE, lease, now);
    }

    /**
     * One statement ranks each connection's claimable items ({@code ROW_NUMBER() OVER (PARTITION BY connection_id
     * ...)}), drops those beyond the connection's cap (its unexpired leases counted), and takes the lowest ranks
     * first: round robin across connections.
     */
    @Override
    public List<WorkItem> claimFair(String owner, int max, int perConnection, Duration lease, Instant now) {
        ColumnLimits.required("owner", owner, ColumnLimits.OWNER);
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        if (perConnection < 1) {
            throw new IllegalArgumentException("perConnection must be at least 1");
        }
        if (max <= 0) {
            return List.of();
        }
        Instant until = now.plus(lease);
        List<Row> claimed = db.transaction("claim work items", c -> db.dialect(c) == JdbcDialect.POSTGRESQL
                ? claimPostgres(c, owner, max, perConnection, until, now)
                : claimH2(c, owner, max, perConnection, until, now));
        return claimed.stream().sorted(Comparator.comparingInt(Row::rank)
                        .thenComparing((Row r) -> r.item().availableAt())
                        .thenComparing(r -> r.item().createdAt()).thenComparingLong(Row::seq))
                .map(Row::item).toList();
    }

    /**
     * The claimable items ranked round robin across connections, with at most {@code perConnection} minus the
     * connection's unexpired leases held by the claiming owner from each; parameters: now, now, now (leases), owner,
     * cap.
     */
    private String rankedCandidates() {
        return "SELECT r.seq, r.rn, r.available_at_ns, r.created_at_ns FROM (SELECT seq, connection_id,"
                + " available_at_ns, created_at_ns, ROW_NUMBER() OVER (PARTITION BY connection_id ORDER BY"
                + " available_at_ns, created_at_ns, seq) AS rn FROM " + items + " WHERE " + CLAIMABLE + ") r"
                + " LEFT JOIN (SELECT connection_id, COUNT(*) AS n FROM " + items + " WHERE status = 'LEASED'"
                + " AND lease_until_ns > ? AND lease_owner = ? GROUP BY connection_id) busy ON busy.connection_id = r.connection_id"
                + " WHERE r.rn + COALESCE(busy.n, 0) <= ?";
    }

    private List<Row> claimPostgres(Connection c, String owner, int max, int perConnection, Instant until,
                                    Instant now) throws SQLException {
        // FOR UPDATE cannot sit next to a window function: rank in a subquery, lock the rows it names
        String sql = "UPDATE " + items + " w SET status = 'LEASED', lease_owner = ?, lease_until_ns = ?"
                + " FROM (SELECT i.seq, ranked.rn FROM " + items + " i JOIN (" + rankedCandidates() + ") ranked"
                + " ON ranked.seq = i.seq WHERE " + CLAIMABLE_I + " ORDER BY ranked.rn, ranked.available_at_ns, ranked.created_at_ns, ranked.seq"
                + " LIMIT ? FOR UPDATE OF i SKIP LOCKED) picked WHERE w.seq = picked.seq"
                + " RETURNING picked.rn, " + qualified("w", ITEM_COLUMNS);
        return JdbcAccess.query(c, sql, SqlParams.of().text(owner).instant(until).instant(now).instant(now)
                .instant(now).text(owner).integer(perConnection).instant(now).instant(now).integer(max),
                this::readRankedItem);
    }

    /*
     * H2 has no SKIP LOCKED: read the ranked candidates, then take each with a conditional UPDATE committed on its
     * own, so a claimer never holds more than one row lock and a candidate another claimer took meanwhile is simply
     * skipped.
     */
    private List<Row> claimH2(Connection c, String owner, int max, int perConnection, Instant until, Instant now)
            throws SQLException {
        List<Row> out = new ArrayList<>();
        String take = "UPDATE " + items + " SET status = 'LEASED', lease_owner = ?, lease_until_ns = ?"
                + " WHERE seq = ? AND " + CLAIMABLE;
        for (int round = 0; round < H2_CLAIM_ROUNDS && out.size() < max; round++) {
            List<Row> candidates = JdbcAccess.query(c, "SELECT ranked.rn, " + qualified("w", ITEM_COLUMNS) + " FROM "
                    + items + " w JOIN (" + rankedCandidates() + ") ranked ON ranked.seq = w.seq"
                    + " ORDER BY ranked.rn, ranked.available_at_ns, ranked.created_at_ns, ranked.seq LIMIT ?",
                    SqlParams.of().instant(now).instant(now).instant(now).text(owner).integer(perConnection)
                            .integer(max - out.size()), this::readRankedItem);
            c.commit();
            boolean lostAny = false;
            for (Row candidate : candidates) {
                int taken = JdbcAccess.update(c, take, SqlParams.of().text(owner).instant(until)
                        .bigint(candidate.seq()).instant(now).instant(now));
                c.commit();
                if (taken == 1) {
                    out.add(new Row(candidate.seq(), leased(candidate.item(), owner, until), candidate.rank()));
                } else {
                    lostAny = true;
                }
            }
            if (!lostAny) {
                break;
            }
        }
        return out;
    }

    @Override
    public void complete(String itemId, String owner) {
        settle("complete work item", itemId, owner, "status = 'DONE'", SqlParams.of());
    }

    @Override
    public void retryAt(String itemId, String owner, Instant when, String error) {
        Objects.requireNonNull(when, "when");
        settle("retry work item", itemId, owner,
                "status = 'READY', attempts = attempts + 1, available_at_ns = ?, last_error = ?",
                SqlParams.of().instant(when).text(error));
    }

    @Override
    public boolean extendClaim(String itemId, String owner, Instant until) {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
        return db.transaction("extend work item lease", c -> JdbcAccess.update(c, "UPDATE " + items
                + " SET lease_until_ns = ? WHERE id = ? AND status = 'LEASED' AND lease_owner = ?",
                SqlParams.of().instant(until).text(itemId).text(owner))) == 1;
    }

    @Override
    public void defer(String itemId, String owner, Instant when, String reason) {
        Objects.requireNonNull(when, "when");
        settle("defer work item", itemId, owner, "status = 'READY', available_at_ns = ?, last_error = ?",
                SqlParams.of().instant(when).text(reason));
    }

    @Override
    public void park(String itemId, String owner, String reason) {
        park(itemId, owner, reason, null);
    }

    @Override
    public void park(String itemId, String owner, String reason, String waitingFor) {
        ColumnLimits.optional("waitingFor", waitingFor, ColumnLimits.KEY);
        settle("park work item", itemId, owner, "status = 'PARKED', last_error = ?, waiting_for = ?",
                SqlParams.of().text(reason).text(waitingFor));
    }

    @Override
    public void deadLetter(String itemId, String owner, String error) {
        settle("dead-letter work item", itemId, owner, "status = 'DEAD', attempts = attempts + 1, last_error = ?",
                SqlParams.of().text(error));
    }

    private void settle(String operation, String itemId, String owner, String assignments, SqlParams params) {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(owner, "owner");
        params.text(itemId).text(owner);
        int updated = db.transaction(operation, c -> JdbcAccess.update(c, "UPDATE " + items + " SET " + assignments
                + ", lease_owner = NULL, lease_until_ns = NULL WHERE id = ? AND status = 'LEASED' AND lease_owner = ?",
                params));
        if (updated != 1) {
            throw new LeaseLostException(itemId, owner);
        }
    }

    @Override
    public boolean requeue(String itemId, Instant now) {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(now, "now");
        SqlParams params = SqlParams.of().instant(now).text(itemId);
        return db.transaction("requeue work item", c -> {
            String sql = "UPDATE " + items + " w SET status = 'READY', attempts = 0, available_at_ns = ?,"
                    + " lease_owner = NULL, lease_until_ns = NULL WHERE w.id = ? AND w.status IN ('PARKED', 'DEAD')"
                    + " AND NOT EXISTS (SELECT 1 FROM " + items + " o WHERE o.connection_id = w.connection_id"
                    + " AND o.dedupe_key = w.dedupe_key AND o.seq <> w.seq AND o.status IN " + PENDING + ")";
            try {
                return JdbcAccess.update(c, sql, params) == 1;
            } catch (SQLException e) {
                // a concurrent enqueue of the same key won between the check and the write
                if (!JdbcAccess.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();
                return false;
            }
        });
    }

    @Override
    public Optional<WorkItem> item(String itemId) {
        return db.transaction("read work item", c -> JdbcAccess.queryFirst(c, "SELECT " + ITEM_COLUMNS + " FROM "
                + items + " WHERE id = ?", SqlParams.of().text(itemId), this::readItem)).map(Row::item);
    }

    @Override
    public List<WorkItem> items(String connectionId, WorkStatus status) {
        Objects.requireNonNull(status, "status");
        return db.transaction("list work items", c -> JdbcAccess.query(c, "SELECT " + ITEM_COLUMNS + " FROM " + items
                        + " WHERE connection_id = ? AND status = ? ORDER BY created_at_ns, seq",
                SqlParams.of().text(connectionId).text(status.name()), this::readItem))
                .stream().map(Row::item).toList();
    }

    @Override
    public long count(WorkStatus status) {
        Objects.requireNonNull(status, "status");
        return db.transaction("count work items", c -> JdbcAccess.queryFirst(c, "SELECT COUNT(*) FROM " + items
                + " WHERE status = ?", SqlParams.of().text(status.name()), row -> row.getLong(1)).orElse(0L));
    }

    /** One grouped count over the connection's items and one {@code MIN} over its due ready items. */
    @Override
    public QueueStats queueStats(String connectionId, Instant now) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(now, "now");
        return db.transaction("queue stats", c -> {
            Map<WorkStatus, Long> counts = new EnumMap<>(WorkStatus.class);
            JdbcAccess.query(c, "SELECT status, COUNT(*) FROM " + items + " WHERE connection_id = ? GROUP BY status",
                    SqlParams.of().text(connectionId), row -> {
                        counts.put(WorkStatus.valueOf(row.getString(1)), row.getLong(2));
                        return null;
                    });
            Instant oldest = JdbcAccess.queryFirst(c, "SELECT MIN(available_at_ns) AS oldest FROM " + items
                            + " WHERE connection_id = ? AND status = 'READY' AND available_at_ns <= ?",
                    SqlParams.of().text(connectionId).instant(now), row -> Optional.ofNullable(
                            JdbcAccess.instant(row, "oldest"))).flatMap(o -> o).orElse(null); // MIN of none: NULL
            return new QueueStats(counts, oldest);
        });
    }

    /**
     * Deletes finished ({@link WorkStatus#DONE}) items enqueued before {@code createdBefore}; parked and dead items
     * are kept for people to look at; the engine calls it periodically to keep the queue table small.
     *
     * @return how many items were deleted
     */
    @Override
    public int purgeDone(Instant createdBefore) {
        Objects.requireNonNull(createdBefore, "createdBefore");
        return db.transaction("purge finished work items", c -> JdbcAccess.update(c, "DELETE FROM " + items
                + " WHERE status = 'DONE' AND created_at_ns < ?", SqlParams.of().instant(createdBefore)));
    }

    @Override
    public int purgeDead(Instant createdBefore) {
        Objects.requireNonNull(createdBefore, "createdBefore");
        return db.transaction("purge dead work items", c -> JdbcAccess.update(c, "DELETE FROM " + items
                + " WHERE status = 'DEAD' AND created_at_ns < ?", SqlParams.of().instant(createdBefore)));
    }

    // ---- named leases

    @Override
    public boolean tryAcquireLease(String name, String owner, Duration ttl, Instant now) {
        ColumnLimits.required("name", name, ColumnLimits.KEY);
        ColumnLimits.required("owner", owner, ColumnLimits.OWNER);
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(now, "now");
        Instant until = now.plus(ttl);
        return db.transaction("acquire lease " + name, c -> {
            int renewed = JdbcAccess.update(c, "UPDATE " + leases + " SET owner = ?, expires_at_ns = ?"
                            + " WHERE name = ? AND (owner = ? OR expires_at_ns <= ?)",
                    SqlParams.of().text(owner).instant(until).text(name).text(owner).instant(now));
            if (renewed == 1) {
                return true;
            }
            String insert = "INSERT INTO " + leases + " (name, owner, expires_at_ns) VALUES (?, ?, ?)";
            SqlParams params = SqlParams.of().text(name).text(owner).instant(until);
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                return JdbcAccess.update(c, insert + " ON CONFLICT (name) DO NOTHING", params) == 1;
            }
            return JdbcAccess.insertUnlessDuplicate(c, insert, params) == 1;
        });
    }

    @Override
    public void releaseLease(String name, String owner) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        db.transaction("release lease " + name, c -> JdbcAccess.update(c, "DELETE FROM " + leases
                + " WHERE name = ? AND owner = ?", SqlParams.of().text(name).text(owner)));
    }

    // ---- month-end reconciliation reports

    @Override
    public boolean saveReconciliation(StoredReconciliation report) {
        Objects.requireNonNull(report, "report");
        ColumnLimits.required("connectionId", report.connectionId(), ColumnLimits.CONNECTION_ID);
        SqlParams params = SqlParams.of().text(report.connectionId()).text(period(report.period()))
                .instant(report.generatedAt()).integer(report.differenceCount()).text(report.json())
                .text(report.csv());
        return db.transaction("save reconciliation report", c -> {
            String sql = "INSERT INTO " + reports + " (" + REPORT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
            if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
                return JdbcAccess.update(c, sql + " ON CONFLICT (connection_id, period) DO NOTHING", params) == 1;
            }
            return JdbcAccess.insertUnlessDuplicate(c, sql, params) == 1;
        });
    }

    @Override
    public Optional<StoredReconciliation> reconciliation(String connectionId, YearMonth period) {
        Objects.requireNonNull(connectionId, "connectionId");
        String month = period(period);
        return db.transaction("read reconciliation report", c -> JdbcAccess.queryFirst(c, "SELECT " + REPORT_COLUMNS
                + " FROM " + reports + " WHERE connection_id = ? AND period = ?",
                SqlParams.of().text(connectionId).text(month), JdbcSyncStateStore::readReport));
    }

    @Override
    public List<StoredReconciliation> reconciliations(String connectionId, int limit) {
        Objects.requireNonNull(connectionId, "connectionId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return db.transaction("list reconciliation reports", c -> JdbcAccess.query(c, "SELECT " + REPORT_COLUMNS
                + " FROM " + reports + " WHERE connection_id = ? ORDER BY period DESC LIMIT ?",
                SqlParams.of().text(connectionId).integer(limit), JdbcSyncStateStore::readReport));
    }

    /** A month as {@code YYYY-MM}, which sorts as text; years outside 0 to 9999 would not. */
    private static String period(YearMonth period) {
        Objects.requireNonNull(period, "period");
        if (period.getYear() < 0 || period.getYear() > 9999) {
            throw new IllegalArgumentException("period year must be between 0 and 9999: " + period);
        }
        return period.toString();
    }

    private static StoredReconciliation readReport(ResultSet row) throws SQLException {
        return new StoredReconciliation(row.getString("connection_id"), YearMonth.parse(row.getString("period")),
                JdbcAccess.instant(row, "generated_at_ns"), row.getInt("difference_count"),
                row.getString("report_json"), row.getString("report_csv"));
    }

    // ---- rows

    private SqlParams ledgerParams(LedgerEntry e) {
        Objects.requireNonNull(e, "entry");
        ColumnLimits.required("connectionId", e.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("sourceKey", e.sourceKey(), ColumnLimits.KEY);
        ColumnLimits.optional("targetKind", e.targetKind(), ColumnLimits.NAME);
        ColumnLimits.optional("targetId", e.targetId(), ColumnLimits.KEY);
        return SqlParams.of().text(e.connectionId()).text(e.sourceKey()).text(e.sourceVersion()).text(e.targetKind())
                .text(e.targetId()).text(e.state().name()).text(e.fingerprint()).text(json.write(e.attributes()))
                .instant(e.updatedAt());
    }

    private LedgerEntry readLedger(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString("connection_id"), row.getString("source_key"),
                row.getString("source_version"), row.getString("target_kind"), row.getString("target_id"),
                LedgerState.valueOf(row.getString("state")), row.getString("fingerprint"),
                json.read(row.getString("attributes")), JdbcAccess.instant(row, "updated_at_ns"));
    }

    /** A claimed row of {@code RETURNING picked.rn, w.*}: its rank is the connection rank, refined by the order. */
    private Row readRankedItem(ResultSet row) throws SQLException {
        Row r = readItem(row);
        return new Row(r.seq(), r.item(), (int) Math.min(Integer.MAX_VALUE, row.getLong("rn")));
    }

    private Row readItem(ResultSet row) throws SQLException {
        return new Row(row.getLong("seq"), new WorkItem(row.getString("id"), row.getString("connection_id"),
                row.getString("dedupe_key"), row.getString("item_type"), row.getString("payload"),
                WorkStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                JdbcAccess.instant(row, "available_at_ns"), row.getString("lease_owner"),
                JdbcAccess.instant(row, "lease_until_ns"), row.getString("last_error"),
                JdbcAccess.instant(row, "created_at_ns"), row.getString("waiting_for")));
    }

    private static WorkItem leased(WorkItem w, String owner, Instant until) {
        return new WorkItem(w.id(), w.connectionId(), w.dedupeKey(), w.type(), w.payload(), WorkStatus.LEASED,
                w.attempts(), w.availableAt(), owner, until, w.lastError(), w.createdAt(), w.waitingFor());
    }

    private static String qualified(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(alias).append('.').append(column.strip());
        }
        return out.toString();
    }

    /** H2's MERGE can collide with a concurrent insert of the same key; the retry then updates the new row. */
    private static void mergeH2(Connection c, String sql, SqlParams params) throws SQLException {
        if (JdbcAccess.insertUnlessDuplicate(c, sql, params) == 0) {
            JdbcAccess.update(c, sql, params);
        }
    }

    /** Builds a {@link JdbcSyncStateStore}. */
    public static final class Builder extends JdbcStoreBuilder<Builder, JdbcSyncStateStore> {

        private Builder() {
        }

        /** @throws IllegalArgumentException for an invalid table prefix */
        @Override
        public JdbcSyncStateStore build() {
            return new JdbcSyncStateStore(this);
        }
    }
}
