package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.sync.alignment.AlignmentKind;
import io.mlconnector.core.sync.alignment.MappingChange;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps project, expense-category and cost-code mappings current when those records change on either side (renames,
 * deactivations, new project-side records carrying an accounting id as origin id), through
 * {@link ReferenceDataAlignment}'s {@code applyChange}/{@code applyDeletion}, which audit every mapping write as
 * {@code MAPPING_CHANGED}. A change that needs no mapping write (our own budget update echoing back as a FreshBooks
 * {@code project.update}, for one) is logged, not audited.
 */
public final class ReferenceDataFlow implements Flow {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataFlow.class);
    private final WorkType type;

    public ReferenceDataFlow(WorkType type) {
        this.type = type;
    }

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ReferenceDataAlignment alignment = ctx.services().alignment(ctx.connection());
        String system = type.fromProjectSide() ? ctx.projects().system() : ctx.accounting().system();
        ExternalRef ref = new ExternalRef(system, type.sourceType(), id);
        ctx.source(ref.key(), null);
        return switch (type) {
            case ACCOUNTING_PROJECT -> {
                try {
                    Project p = ctx.accounting().fetchProject(id);
                    yield applied(alignment.applyChange(p), "FreshBooks project " + id);
                } catch (NotFoundException e) {
                    yield applied(alignment.applyDeletion(AlignmentKind.PROJECT, ref), "FreshBooks project " + id);
                }
            }
            case ACCOUNTING_CATEGORY -> {
                Optional<GlAccount> gl = ctx.accounting().listGlAccounts().stream()
                        .filter(a -> a.ref() != null && id.equals(a.ref().id())).findFirst();
                yield gl.isPresent() ? applied(alignment.applyChange(gl.get()), "FreshBooks category " + id)
                        : applied(alignment.applyDeletion(AlignmentKind.GL_ACCOUNT, ref), "FreshBooks category " + id);
            }
            case PROJECT_PROJECT -> {
                Optional<Project> p = ctx.projects().listProjects().stream()
                        .filter(x -> x.ref() != null && id.equals(x.ref().id())).findFirst();
                yield p.isPresent() ? applied(alignment.applyChange(p.get()), "Procore project " + id)
                        : applied(alignment.applyDeletion(AlignmentKind.PROJECT, ref), "Procore project " + id);
            }
            case PROJECT_COST_CODE -> {
                ProjectRef project = new ProjectRef(ctx.projects().companyId(),
                        Long.parseLong(ctx.payload().get(WorkPayload.PROJECT)));
                Optional<CostCode> cc = ctx.projects().listCostCodes(project).stream()
                        .filter(x -> x.ref() != null && id.equals(x.ref().id())).findFirst();
                yield cc.isPresent() ? applied(alignment.applyChange(project, cc.get()), "Procore cost code " + id)
                        : applied(List.of(), "Procore cost code " + id + " (no longer listed)");
            }
            default -> throw new IllegalArgumentException("not a reference-data change: " + type);
        };
    }

    static Flow.Result applied(List<MappingChange> changes, String who) {
        if (changes.isEmpty()) {
            LOG.debug("{}: no mapping change needed", who);
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", who, changes.stream().map(c -> c.action() + " " + c.mapping().kind() + " "
                    + c.mapping().sourceId() + " → " + c.mapping().targetId()).collect(Collectors.joining("; ")));
        }
        return new Flow.Result.Completed(AuditOutcome.MAPPING_CHANGED);
    }
}
