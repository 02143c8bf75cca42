package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.ProjectKeys;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.sync.internal.plan.CostChange;
import java.util.List;

/**
 * An approved Procore commitment change order (or change order package on a commitment) becomes FreshBooks expenses
 * by expense category on the FreshBooks project; a revision adjusts the same expenses; a void (or a deleted change
 * order, or an approval withdrawn) sets them to zero. No budget is written: a FreshBooks budget is hours. See
 * {@link ExpensePosting}. Change orders on the prime contract are {@link PrimeChangeOrderFlow}'s. Ledger key:
 * the change order's ref ({@link ProjectKeys}).
 */
public final class ChangeOrderFlow implements Flow {

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ProjectRef project = new ProjectRef(ctx.projects().companyId(),
                Long.parseLong(ctx.payload().get(WorkPayload.PROJECT)));
        ChangeOrder co;
        try {
            co = ctx.projects().fetchChangeOrder(project, id);
        } catch (NotFoundException e) {
            String key = ProjectKeys.ofGone(ctx, WorkType.PROJECT_CHANGE_ORDER, id);
            return ExpensePosting.post(ctx, new CostChange(key, "change order " + id + " (deleted)", project, false,
                    true, null, List.of(), null, null, null, null, null));
        }
        String label = "change order " + (co.number() == null ? id : "#" + co.number())
                + (co.title() == null ? "" : " \"" + co.title() + "\"")
                + (co.revision() > 0 ? " (revision " + co.revision() + ")" : "") + " [" + co.status() + "]";
        boolean counts = co.approved() && !co.voided();
        return ExpensePosting.post(ctx, new CostChange(co.ref().key(), label, co.project() == null ? project : co.project(),
                counts, co.voided(), co.date(), co.lines(), co.amount(), co.version(), co.sourceApplicationId(),
                co.originId(), null));
    }
}
