package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.model.Systems;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Ledger keys of Procore records flowing to FreshBooks. A fetched record is keyed by its own ref
 * ({@code procore:change_order_package:5}), as the reconciler reads it. When there is nothing left to fetch (the
 * record was deleted), the key is found among the forms it may have been recorded under: the ref the webhook or poll
 * named, the same without a {@code type:} prefix in the id ({@code commitment_change_order:7}), and the generic
 * {@code procore:<change_order|direct_cost|budget_change|vendor|…>:<id>}.
 */
public final class ProjectKeys {
    private ProjectKeys() {
    }

    /** The generic key of a work type's record. */
    public static String sourceKey(WorkType type, String id) {
        return Systems.PROCORE + ":" + type.sourceType() + ":" + id;
    }

    /** The key a deleted record was recorded under: the first candidate with a ledger entry, else the first. */
    public static String ofGone(FlowContext ctx, WorkType type, String id) {
        Set<String> candidates = new LinkedHashSet<>();
        if (ctx.sourceKey() != null) {
            candidates.add(ctx.sourceKey());
        }
        int colon = id.lastIndexOf(':');
        if (colon > 0 && colon < id.length() - 1) {
            candidates.add(Systems.PROCORE + ":" + id.substring(0, colon) + ":" + id.substring(colon + 1));
        }
        candidates.add(sourceKey(type, id));
        for (String key : candidates) {
            if (ctx.state().ledger(ctx.connectionId(), key).isPresent()) {
                return key;
            }
        }
        return candidates.iterator().next();
    }
}
