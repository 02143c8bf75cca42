package io.mlconnector.jdbc;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditLog;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditQuery;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.jdbc.internal.ColumnLimits;
import io.mlconnector.jdbc.internal.JdbcAccess;
import io.mlconnector.jdbc.internal.SqlParams;
import io.mlconnector.jdbc.internal.StringMapJson;
import io.mlconnector.jdbc.internal.TablePrefix;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} in the {@code <prefix>audit_event} table. {@link #find(AuditQuery)} returns events oldest first
 * (by event time, then insertion order).
 *
 * <p>{@link #record(AuditEvent)} never throws for a database failure: the event is kept in a bounded in-memory
 * buffer (default 10,000 events; past that the oldest are dropped and counted) and written, in order, before the
 * next event or on {@link #flush()}. An event the database refuses for its own content (SQL state class 22 or 23)
 * is dropped with an error log instead, so it cannot block the events behind it. To keep such refusals rare,
 * references and connection ids longer than their columns are shortened with a trailing {@code …}, and NUL
 * characters (which PostgreSQL text cannot hold) become U+FFFD.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final String COLUMNS =
            "event_time_ns, connection_id, direction, source_ref, target_ref, outcome, reason, details";

    private final JdbcAccess db;
    private final StringMapJson json = new StringMapJson();
    private final String table;
    private final String insert;
    private final int bufferCapacity;
    private final ConcurrentLinkedDeque<AuditEvent> unsent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger unsentCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ReentrantLock flushLock = new ReentrantLock();
    private volatile boolean degraded;

    private JdbcAuditLog(Builder b) {
        TablePrefix prefix = b.prefix();
        this.db = JdbcAccess.of(b.requiredDataSource(), prefix, b.dialect());
        if (b.bufferCapacity < 0) {
            throw new IllegalArgumentException("bufferCapacity must not be negative");
        }
        this.bufferCapacity = b.bufferCapacity;
        this.table = prefix.table("audit_event");
        this.insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        AuditEvent fitted = fit(event);
        if (unsentCount.get() == 0) {
            try {
                insert(fitted);
            } catch (JdbcStoreException e) {
                if (isRefusedForContent(e)) {
                    drop(fitted, e);
                } else {
                    buffer(fitted, e);
                }
            }
            return;
        }
        buffer(fitted, null);
        flush();
    }

    /**
     * Writes buffered events, oldest first, stopping at the first failure.
     *
     * @return whether the buffer is now empty
     */
    public boolean flush() {
        flushLock.lock();
        try {
            AuditEvent head;
            while ((head = unsent.peekFirst()) != null) {
                try {
                    insert(head);
                } catch (JdbcStoreException e) {
                    if (!isRefusedForContent(e)) {
                        LOG.debug("audit events still cannot be written ({} buffered): {}", unsentCount.get(),
                                e.getMessage());
                        return false;
                    }
                    drop(head, e);
                }
                if (unsent.pollFirst() != null) {
                    unsentCount.decrementAndGet();
                }
            }
            if (degraded) {
                degraded = false;
                LOG.info("audit log {} writable again; buffered events written", table);
            }
            return true;
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Events waiting in memory because the database could not take them.
     *
     * @return the unsent count
     */
    public int unsentCount() {
        return unsentCount.get();
    }

    /**
     * Events dropped: the buffer was full while the database was unavailable, or the database refused them.
     *
     * @return the dropped count
     */
    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        if (unsentCount.get() > 0) {
            flush();
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        SqlParams params = SqlParams.of();
        if (query.connectionId() != null) {
            where.append(" AND connection_id = ?");
            params.text(query.connectionId());
        }
        if (query.sourceRef() != null) {
            where.append(" AND source_ref = ?");
            params.text(query.sourceRef());
        }
        if (query.since() != null) {
            where.append(" AND event_time_ns >= ?");
            params.instant(query.since());
        }
        if (!query.outcomes().isEmpty()) {
            where.append(" AND outcome IN (");
            List<AuditOutcome> outcomes = query.outcomes().stream().sorted().toList();
            for (int i = 0; i < outcomes.size(); i++) {
                where.append(i == 0 ? "?" : ", ?");
                params.text(outcomes.get(i).name());
            }
            where.append(')');
        }
        boolean limited = query.limit() > 0;
        String sql = "SELECT " + COLUMNS + " FROM " + table + where
                + (limited ? " ORDER BY event_time_ns DESC, id DESC LIMIT ?" : " ORDER BY event_time_ns, id");
        if (limited) {
            params.integer(query.limit());
        }
        List<AuditEvent> events = db.transaction("read audit log", c -> JdbcAccess.query(c, sql, params, this::read));
        if (limited) {
            List<AuditEvent> reversed = new ArrayList<>(events);
            Collections.reverse(reversed);
            return List.copyOf(reversed);
        }
        return List.copyOf(events);
    }

    /**
     * Deletes events older than {@code cutoff} (retention). Not part of the SPI: hosts call it periodically.
     *
     * @param cutoff the cutoff
     * @return how many events were deleted
     */
    public int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return db.transaction("delete old audit events", c -> JdbcAccess.update(c, "DELETE FROM " + table
                + " WHERE event_time_ns < ?", SqlParams.of().instant(cutoff)));
    }

    private void insert(AuditEvent e) {
        db.transaction("write audit event", c -> JdbcAccess.update(c, insert, SqlParams.of()
                .instant(e.time()).text(e.connectionId()).text(e.direction().name()).text(e.sourceRef())
                .text(e.targetRef()).text(e.outcome().name()).text(e.reason()).text(json.write(e.details()))));
    }

    private void buffer(AuditEvent event, JdbcStoreException cause) {
        if (cause != null && !degraded) {
            degraded = true;
            LOG.warn("audit log {} cannot be written; buffering up to {} events in memory: {}", table,
                    bufferCapacity, cause.getMessage());
        }
        if (bufferCapacity == 0) {
            dropped.incrementAndGet();
            return;
        }
        unsent.addLast(event);
        if (unsentCount.incrementAndGet() > bufferCapacity && unsent.pollFirst() != null) {
            unsentCount.decrementAndGet();
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("audit buffer full: {} events dropped so far", n);
            }
        }
    }

    /** SQL state class 22 (data exception) or 23 (integrity constraint): this event can never be written. */
    private static boolean isRefusedForContent(JdbcStoreException e) {
        String state = e.sqlState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void drop(AuditEvent event, JdbcStoreException cause) {
        dropped.incrementAndGet();
        LOG.error("audit event {} for {} refused by the database and dropped: {}", event.outcome(),
                event.sourceRef(), cause.getMessage());
    }

    private static AuditEvent fit(AuditEvent e) {
        String connection = clean(e.connectionId(), ColumnLimits.CONNECTION_ID);
        String source = clean(e.sourceRef(), ColumnLimits.REFERENCE);
        String target = clean(e.targetRef(), ColumnLimits.REFERENCE);
        String reason = clean(e.reason(), Integer.MAX_VALUE);
        if (Objects.equals(connection, e.connectionId()) && Objects.equals(source, e.sourceRef())
                && Objects.equals(target, e.targetRef()) && Objects.equals(reason, e.reason())) {
            return e;
        }
        return new AuditEvent(e.time(), connection, e.direction(), source, target, e.outcome(), reason,
                e.details());
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private AuditEvent read(ResultSet row) throws SQLException {
        return new AuditEvent(JdbcAccess.instant(row, "event_time_ns"), row.getString("connection_id"),
                Direction.valueOf(row.getString("direction")), row.getString("source_ref"),
                row.getString("target_ref"), AuditOutcome.valueOf(row.getString("outcome")), row.getString("reason"),
                json.read(row.getString("details")));
    }

    /** Builds a {@link JdbcAuditLog}. */
    public static final class Builder extends JdbcStoreBuilder<Builder, JdbcAuditLog> {
        private int bufferCapacity = 10_000;

        private Builder() {
        }

        /**
         * Events kept in memory while the database is unavailable (default 10,000; 0 = drop at once).
         *
         * @param bufferCapacity the buffer capacity
         * @return this builder
         */
        public Builder bufferCapacity(int bufferCapacity) {
            this.bufferCapacity = bufferCapacity;
            return this;
        }

        /** @throws IllegalArgumentException for an invalid table prefix or a negative capacity */
        @Override
        public JdbcAuditLog build() {
            return new JdbcAuditLog(this);
        }
    }
}
