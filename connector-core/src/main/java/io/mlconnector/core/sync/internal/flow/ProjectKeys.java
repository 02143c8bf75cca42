package io.mlconnector.core.sync.internal.flow;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Ledger keys of project-side records flowing to the accounting side. A fetched record is keyed by its own ref
 * ({@code <project>:change_order_package:5}), as the reconciler reads it. When there is nothing left to fetch (the
 * record was deleted), the key is found among the forms it may have been recorded under: the ref the webhook or poll
 * named, the same without a {@code type:} prefix in the id ({@code commitment_change_order:7}), and the generic
 * {@code <project>:<change_order|direct_cost|budget_change|vendor|…>:<id>}, {@code <project>} being the
 * project side's {@code system()} name.
 */
public final class ProjectKeys {
    private ProjectKeys() {
    }

    /** The generic key of a work type's record. */
    public static String sourceKey(FlowContext ctx, WorkType type, String id) {
        return ctx.projects().system() + ":" + type.sourceType() + ":" + id;
    }

    /** The key a deleted record was recorded under: the first candidate with a ledger entry, else the first. */
    public static String ofGone(FlowContext ctx, WorkType type, String id) {
        Set<String> candidates = new LinkedHashSet<>();
        if (ctx.sourceKey() != null) {
            candidates.add(ctx.sourceKey());
        }
        int colon = id.lastIndexOf(':');
        if (colon > 0 && colon < id.length() - 1) {
            candidates.add(ctx.projects().system() + ":" + id.substring(0, colon) + ":" + id.substring(colon + 1));
        }
        candidates.add(sourceKey(ctx, type, id));
        for (String key : candidates) {
            if (ctx.state().ledger(ctx.connectionId(), key).isPresent()) {
                return key;
            }
        }
        return candidates.iterator().next();
    }
}
