package io.mlconnector.core.sync;

import io.mlconnector.core.model.Systems;

/**
 * Canonical ledger keys of Procore records flowing to FreshBooks: {@code procore:<change_order|direct_cost|
 * budget_change|vendor>:<id>}, the same whether the record arrived by webhook, poll, deliveries re-drive or as a
 * deletion (when there is nothing left to fetch).
 */
final class ProcoreKeys {
    private ProcoreKeys() {
    }

    static String sourceKey(WorkType type, String id) {
        return Systems.PROCORE + ":" + type.sourceType() + ":" + id;
    }
}
