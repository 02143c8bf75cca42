package io.mlconnector.jdbc.e2e;

import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The test's own read-only view of what the nodes share in PostgreSQL (ledger, queue, audit log). */
final class SharedState {
    static final String BILL_KEY_PREFIX = "freshbooks:bill:";

    private final TestDatabase db;
    private final JdbcSyncStateStore store;

    SharedState(TestDatabase db) {
        this.db = db;
        this.store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }

    /** Ledger entries of bills, by source key. */
    Map<String, LedgerEntry> billLedger() {
        return store.ledgerEntries(BillWorld.CONNECTION).stream().filter(e -> e.sourceKey().startsWith(BILL_KEY_PREFIX))
                .collect(Collectors.toMap(LedgerEntry::sourceKey, e -> e));
    }

    long postedBills() {
        return billLedger().values().stream().filter(e -> e.state() == LedgerState.POSTED).count();
    }

    /** Work items per status (every status present, zero when none). */
    Map<WorkStatus, Long> itemsByStatus() {
        Map<WorkStatus, Long> out = new EnumMap<>(WorkStatus.class);
        for (WorkStatus s : WorkStatus.values()) {
            out.put(s, store.count(s));
        }
        return out;
    }

    /** Items still to do or being done (ready, leased). */
    long openItems() {
        Map<WorkStatus, Long> by = itemsByStatus();
        return by.get(WorkStatus.READY) + by.get(WorkStatus.LEASED);
    }

    List<WorkItem> items(WorkStatus status) {
        return store.items(BillWorld.CONNECTION, status);
    }

    java.util.Optional<WorkItem> item(String id) {
        return store.item(id);
    }

    /** Audit events per outcome. */
    Map<String, Long> auditOutcomes() {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT outcome, COUNT(*) FROM " + db.tablePrefix()
                     + "audit_event GROUP BY outcome");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The reasons of the audit events with an outcome. */
    List<String> auditReasons(String outcome) {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT reason FROM " + db.tablePrefix()
                     + "audit_event WHERE outcome = ?")) {
            ps.setString(1, outcome);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Which node an entry was posted by (the ledger records the owner {@code <node>/<work item>}). */
    static String postedBy(LedgerEntry e) {
        String owner = e.attribute("owner");
        return owner == null ? "?" : owner.substring(0, owner.indexOf('/') < 0 ? owner.length() : owner.indexOf('/'));
    }
}
