package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.ProjectKeys;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.sync.internal.plan.CostChange;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A <b>direct cost</b> entered in Procore on a mapped project is a cost FreshBooks does not know yet: it becomes
 * expenses by category (see {@link ExpensePosting}); nothing else is written. Voided, rejected or deleted ones reverse
 * what was written; pending/draft ones wait. Direct costs that the connector itself created from FreshBooks bills are
 * recognised and skipped. (Budget changes write nothing: {@link BudgetChangeFlow}.) Ledger key: the record's ref
 * ({@link ProjectKeys}).
 */
public final class DirectCostFlow implements Flow {
    private static final Set<String> NOT_IN_FORCE = Set.of("pending", "draft", "rejected", "void", "voided",
            "deleted", "revise_and_resubmit", "under_review");

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ProjectRef project = new ProjectRef(ctx.projects().companyId(),
                Long.parseLong(ctx.payload().get(WorkPayload.PROJECT)));
        CostUpdate u;
        try {
            u = ctx.projects().fetchCostUpdate(project, CostUpdateKind.DIRECT_COST, id);
        } catch (NotFoundException e) {
            return ExpensePosting.post(ctx, new CostChange(ProjectKeys.ofGone(ctx, WorkType.PROJECT_DIRECT_COST, id),
                    "direct cost " + id + " (deleted)", project, false, true, null, List.of(), null, null, null, null,
                    guard(ctx, id)));
        }
        String status = u.status() == null ? "" : u.status().trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        boolean counts = !u.voided() && !NOT_IN_FORCE.contains(status);
        String label = "direct cost " + id + (u.description() == null ? "" : " \"" + u.description() + "\"")
                + (u.status() == null ? "" : " [" + u.status() + "]");
        return ExpensePosting.post(ctx, new CostChange(u.ref().key(), label, u.project() == null ? project : u.project(),
                counts, u.voided(), u.date(), u.lines(), u.total(), u.version(), u.sourceApplicationId(), u.originId(),
                guard(ctx, u.ref().id())));
    }

    private static String guard(FlowContext ctx, String id) {
        return ProjectPosting.targetKey(ctx, TargetKind.DIRECT_COST, id);
    }
}
