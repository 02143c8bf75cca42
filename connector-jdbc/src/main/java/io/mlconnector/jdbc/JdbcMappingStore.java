package io.mlconnector.jdbc;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.jdbc.internal.ColumnLimits;
import io.mlconnector.jdbc.internal.JdbcAccess;
import io.mlconnector.jdbc.internal.SqlParams;
import io.mlconnector.jdbc.internal.StringMapJson;
import io.mlconnector.jdbc.internal.TablePrefix;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MappingStore} in the {@code <prefix>mapping} and {@code <prefix>unmapped} tables, shared by every node
 * using the same database. Lists are sorted in Java (by source id, as the in-memory store does), so the order does
 * not depend on the database collation.
 */
public final class JdbcMappingStore implements MappingStore {
    private static final String COLUMNS =
            "connection_id, kind, source_id, target_id, attributes, status, label, updated_at_ns";

    private final JdbcAccess db;
    private final StringMapJson json = new StringMapJson();
    private final String mapping;
    private final String unmapped;

    private JdbcMappingStore(Builder b) {
        TablePrefix prefix = b.prefix();
        this.db = JdbcAccess.of(b.requiredDataSource(), prefix, b.dialect());
        this.mapping = prefix.table("mapping");
        this.unmapped = prefix.table("unmapped");
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
    public Optional<Mapping> find(String connectionId, MappingKind kind, String sourceId) {
        Objects.requireNonNull(kind, "kind");
        return db.transaction("find mapping", c -> JdbcAccess.queryFirst(c, "SELECT " + COLUMNS + " FROM " + mapping
                        + " WHERE connection_id = ? AND kind = ? AND source_id = ?",
                SqlParams.of().text(connectionId).text(kind.name()).text(sourceId), this::readMapping));
    }

    @Override
    public Optional<Mapping> findByTarget(String connectionId, MappingKind kind, String targetId) {
        Objects.requireNonNull(kind, "kind");
        return db.transaction("find mapping by target", c -> JdbcAccess.query(c, "SELECT " + COLUMNS + " FROM "
                        + mapping + " WHERE connection_id = ? AND kind = ? AND target_id = ?",
                SqlParams.of().text(connectionId).text(kind.name()).text(targetId), this::readMapping))
                .stream().min(Comparator.comparing(Mapping::sourceId));
    }

    @Override
    public void put(Mapping m) {
        Objects.requireNonNull(m, "mapping");
        ColumnLimits.required("connectionId", m.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("sourceId", m.sourceId(), ColumnLimits.KEY);
        ColumnLimits.required("targetId", m.targetId(), ColumnLimits.KEY);
        SqlParams params = SqlParams.of().text(m.connectionId()).text(m.kind().name()).text(m.sourceId())
                .text(m.targetId()).text(json.write(m.attributes())).text(m.status().name()).text(m.label())
                .instant(m.updatedAt());
        db.transaction("put mapping", c -> {
            String sql = db.dialect(c) == JdbcDialect.POSTGRESQL
                    ? "INSERT INTO " + mapping + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (connection_id, kind, source_id) DO UPDATE SET target_id = EXCLUDED.target_id,"
                    + " attributes = EXCLUDED.attributes, status = EXCLUDED.status, label = EXCLUDED.label,"
                    + " updated_at_ns = EXCLUDED.updated_at_ns"
                    : "MERGE INTO " + mapping + " (" + COLUMNS + ") KEY (connection_id, kind, source_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            upsert(c, sql, params);
            if (m.isConfirmed()) {
                JdbcAccess.update(c, "DELETE FROM " + unmapped + " WHERE connection_id = ? AND kind = ?"
                        + " AND source_id = ?", SqlParams.of().text(m.connectionId()).text(m.kind().name())
                        .text(m.sourceId()));
            }
            return null;
        });
    }

    @Override
    public boolean remove(String connectionId, MappingKind kind, String sourceId) {
        Objects.requireNonNull(kind, "kind");
        return db.transaction("remove mapping", c -> JdbcAccess.update(c, "DELETE FROM " + mapping
                        + " WHERE connection_id = ? AND kind = ? AND source_id = ?",
                SqlParams.of().text(connectionId).text(kind.name()).text(sourceId)) > 0);
    }

    @Override
    public List<Mapping> list(String connectionId, MappingKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.transaction("list mappings", c -> JdbcAccess.query(c, "SELECT " + COLUMNS + " FROM " + mapping
                        + " WHERE connection_id = ? AND kind = ?",
                SqlParams.of().text(connectionId).text(kind.name()), this::readMapping))
                .stream().sorted(Comparator.comparing(Mapping::sourceId)).toList();
    }

    /**
     * Records the reference unless a confirmed mapping exists for it. {@link #unmapped(String)} also hides any
     * reference whose mapping was confirmed concurrently, so a race between the two leaves no stale flag visible.
     */
    @Override
    public void recordUnmapped(UnmappedReference r) {
        Objects.requireNonNull(r, "reference");
        Objects.requireNonNull(r.kind(), "kind");
        ColumnLimits.required("connectionId", r.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("sourceId", r.sourceId(), ColumnLimits.KEY);
        String notConfirmed = " WHERE NOT EXISTS (SELECT 1 FROM " + mapping + " m WHERE m.connection_id = ?"
                + " AND m.kind = ? AND m.source_id = ? AND m.status = 'CONFIRMED')";
        SqlParams params = SqlParams.of().text(r.connectionId()).text(r.kind().name()).text(r.sourceId())
                .text(r.label()).instant(r.lastSeen())
                .text(r.connectionId()).text(r.kind().name()).text(r.sourceId());
        db.transaction("record unmapped reference", c -> {
            String columns = "connection_id, kind, source_id, label, last_seen_ns";
            String sql = db.dialect(c) == JdbcDialect.POSTGRESQL
                    ? "INSERT INTO " + unmapped + " (" + columns + ") SELECT ?, ?, ?, ?, ?" + notConfirmed
                    + " ON CONFLICT (connection_id, kind, source_id) DO UPDATE SET label = EXCLUDED.label,"
                    + " last_seen_ns = EXCLUDED.last_seen_ns"
                    : "MERGE INTO " + unmapped + " (" + columns + ") KEY (connection_id, kind, source_id)"
                    + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                    + " CAST(? AS BIGINT) FROM (VALUES (0))" + notConfirmed;
            upsert(c, sql, params);
            return null;
        });
    }

    @Override
    public List<UnmappedReference> unmapped(String connectionId) {
        return db.transaction("list unmapped references", c -> JdbcAccess.query(c,
                        "SELECT u.connection_id, u.kind, u.source_id, u.label, u.last_seen_ns FROM " + unmapped + " u"
                        + " WHERE u.connection_id = ? AND NOT EXISTS (SELECT 1 FROM " + mapping + " m"
                        + " WHERE m.connection_id = u.connection_id AND m.kind = u.kind AND m.source_id = u.source_id"
                        + " AND m.status = 'CONFIRMED')",
                        SqlParams.of().text(connectionId),
                        row -> new UnmappedReference(row.getString("connection_id"),
                                MappingKind.valueOf(row.getString("kind")), row.getString("source_id"),
                                row.getString("label"), JdbcAccess.instant(row, "last_seen_ns"))))
                .stream()
                .sorted(Comparator.comparing((UnmappedReference u) -> u.kind().name())
                        .thenComparing(UnmappedReference::sourceId))
                .toList();
    }

    /** H2's MERGE can collide with a concurrent insert of the same key; the retry then updates the new row. */
    private static void upsert(Connection c, String sql, SqlParams params) throws SQLException {
        try {
            JdbcAccess.update(c, sql, params);
        } catch (SQLException e) {
            if (!JdbcAccess.isUniqueViolation(e)) {
                throw e;
            }
            JdbcAccess.update(c, sql, params);
        }
    }

    private Mapping readMapping(ResultSet row) throws SQLException {
        return new Mapping(row.getString("connection_id"), MappingKind.valueOf(row.getString("kind")),
                row.getString("source_id"), row.getString("target_id"), json.read(row.getString("attributes")),
                MappingStatus.valueOf(row.getString("status")), row.getString("label"),
                JdbcAccess.instant(row, "updated_at_ns"));
    }

    /** Builds a {@link JdbcMappingStore}. */
    public static final class Builder extends JdbcStoreBuilder<Builder, JdbcMappingStore> {

        private Builder() {
        }

        /** @throws IllegalArgumentException for an invalid table prefix */
        @Override
        public JdbcMappingStore build() {
            return new JdbcMappingStore(this);
        }
    }
}
