package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.ProjectKeys;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import java.util.Map;

/**
 * A Procore budget change (delivered by webhook) writes nothing to FreshBooks: a FreshBooks project budget is a
 * number of hours, and a change of plan is not a cost. The record is audited {@code SKIPPED_NOT_APPLICABLE} with that
 * reason, without calling either system; the revised budget per cost code appears in the month-end reconciliation
 * ({@link io.mlconnector.core.sync.reconcile.Reconciler}) next to the FreshBooks actuals. The engine does not poll
 * budget changes.
 */
public final class BudgetChangeFlow implements Flow {

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        String key = ctx.sourceKey() != null ? ctx.sourceKey() : ProjectKeys.sourceKey(ctx, WorkType.PROJECT_BUDGET_CHANGE, id);
        ctx.source(key, null);
        ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_NOT_APPLICABLE, "budget change " + id
                + " on Procore project " + ctx.payload().get(WorkPayload.PROJECT) + ": nothing is written to FreshBooks"
                + " (a FreshBooks project budget is hours, not money); the revised budget per cost code is shown in"
                + " the reconciliation", Map.of());
        return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
    }
}
