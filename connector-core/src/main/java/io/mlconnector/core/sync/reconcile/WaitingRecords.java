package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the records waiting for a person: ledger entries in {@link LedgerState#FLAGGED} and work items
 * {@link WorkStatus#PARKED} or {@link WorkStatus#DEAD}. A work item whose dedupe key is the ledger key, or starts
 * with it followed by {@code :} (e.g. {@code freshbooks:bill:12:update}), is reported on the ledger key's line.
 */
final class WaitingRecords {
    private WaitingRecords() {
    }

    static List<WaitingRecord> collect(SyncStateStore state, String connectionId, List<LedgerEntry> ledger) {
        Map<String, WaitingRecord> byKey = new LinkedHashMap<>();
        for (LedgerEntry e : ledger) {
            if (e.state() == LedgerState.FLAGGED) {
                byKey.put(e.sourceKey(), new WaitingRecord(e.sourceKey(), true, null, reasonOf(e), e.updatedAt()));
            }
        }
        List<WorkItem> items = new ArrayList<>(state.items(connectionId, WorkStatus.PARKED));
        items.addAll(state.items(connectionId, WorkStatus.DEAD));
        for (WorkItem w : items) {
            String key = ledgerKeyOf(w.dedupeKey(), byKey);
            WaitingRecord existing = key == null ? null : byKey.get(key);
            if (existing != null) {
                byKey.put(key, new WaitingRecord(key, existing.ledgerFlagged(), w.status().name(),
                        w.lastError() != null ? w.lastError() : existing.reason(), existing.since()));
            } else {
                byKey.put(w.dedupeKey(), new WaitingRecord(w.dedupeKey(), false, w.status().name(), w.lastError(),
                        w.availableAt() != null ? w.availableAt() : w.createdAt()));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The flag reason the engine stored on a ledger entry, if any. */
    static String reasonOf(LedgerEntry e) {
        String r = e.attribute("reason");
        return r != null ? r : e.attribute("flagReason");
    }

    private static String ledgerKeyOf(String dedupeKey, Map<String, WaitingRecord> byKey) {
        if (byKey.containsKey(dedupeKey)) {
            return dedupeKey;
        }
        for (String key : byKey.keySet()) {
            if (dedupeKey.startsWith(key + ":")) {
                return key;
            }
        }
        return null;
    }
}
