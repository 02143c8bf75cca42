package io.mlconnector.core.sync;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Procore cost update on a mapped project. A <b>direct cost</b> entered in Procore is a cost FreshBooks does not
 * know yet: it becomes expenses by category (it does not change the plan, so the budget is left alone). A
 * <b>budget change</b> changes the plan, not the costs: it moves the FreshBooks project's budget and writes no
 * expense. Voided, rejected or deleted ones reverse what was written; pending/draft ones wait. Direct costs that the
 * connector itself created from FreshBooks bills are recognised and skipped. Ledger key: the record's ref
 * ({@link ProcoreKeys}).
 */
final class CostUpdateToFreshBooks implements Flow {
    private static final Set<String> NOT_IN_FORCE = Set.of("pending", "draft", "rejected", "void", "voided",
            "deleted", "revise_and_resubmit", "under_review");
    private final CostUpdateKind kind;

    CostUpdateToFreshBooks(CostUpdateKind kind) {
        this.kind = kind;
    }

    @Override
    public FlowResult process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ProjectRef project = new ProjectRef(ctx.projects().companyId(),
                Long.parseLong(ctx.payload().get(WorkPayload.PROJECT)));
        WorkType type = kind == CostUpdateKind.DIRECT_COST ? WorkType.PROCORE_DIRECT_COST
                : WorkType.PROCORE_BUDGET_CHANGE;
        boolean expense = kind == CostUpdateKind.DIRECT_COST;
        String noun = kind == CostUpdateKind.DIRECT_COST ? "direct cost " : "budget change ";
        CostUpdate u;
        try {
            u = ctx.projects().fetchCostUpdate(project, kind, id);
        } catch (NotFoundException e) {
            return ExpensePosting.post(ctx, new CostChange(ProcoreKeys.ofGone(ctx, type, id), noun + id + " (deleted)", project, false, true, null,
                    List.of(), null, null, null, null, expense, !expense, guard(id)));
        }
        String status = u.status() == null ? "" : u.status().trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        boolean counts = !u.voided() && !NOT_IN_FORCE.contains(status);
        String label = noun + id + (u.description() == null ? "" : " \"" + u.description() + "\"")
                + (u.status() == null ? "" : " [" + u.status() + "]");
        return ExpensePosting.post(ctx, new CostChange(u.ref().key(), label, u.project() == null ? project : u.project(), counts,
                u.voided(), u.date(), u.lines(), u.total(), u.version(), u.sourceApplicationId(), u.originId(),
                expense, !expense, guard(u.ref().id())));
    }

    private String guard(String id) {
        return kind == CostUpdateKind.DIRECT_COST ? ProjectPosting.targetKey(TargetKind.DIRECT_COST, id) : null;
    }
}
