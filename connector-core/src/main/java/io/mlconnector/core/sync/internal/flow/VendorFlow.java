package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.Preview;
import io.mlconnector.core.sync.PreviewAction;
import io.mlconnector.core.sync.alignment.AlignmentKind;
import io.mlconnector.core.sync.alignment.MappingChange;
import io.mlconnector.core.sync.alignment.ReferenceDataAlignment;
import io.mlconnector.core.sync.alignment.VendorCreationSide;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps vendor mappings current as vendors change on either side, through
 * {@link ReferenceDataAlignment#applyChange(Vendor)} (renames follow, deactivations annotate the mapping, a Procore
 * vendor carrying a FreshBooks id as origin id is linked; each mapping write audited {@code MAPPING_CHANGED}).
 * A new FreshBooks vendor with no mapping is created in Procore and mapped when the connection's alignment policy
 * creates missing vendors in the project system; otherwise it is listed as unmapped for the next alignment. Like
 * alignment, it gives the Procore vendor the FreshBooks vendor id as origin id and upserts by it, so a vendor is never
 * created twice.
 */
public final class VendorFlow implements Flow {
    private final boolean accountingSide;

    public VendorFlow(boolean accountingSide) {
        this.accountingSide = accountingSide;
    }

    @Override
    public Flow.Result process(FlowContext ctx) {
        return accountingSide ? fromAccountingSide(ctx) : fromProjectSide(ctx);
    }

    private Flow.Result fromAccountingSide(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ReferenceDataAlignment alignment = ctx.services().alignment(ctx.connection());
        Vendor v;
        try {
            v = ctx.accounting().fetchVendor(id);
        } catch (NotFoundException e) {
            ExternalRef ref = new ExternalRef(ctx.accounting().system(), WorkType.ACCOUNTING_VENDOR.sourceType(), id);
            return applied(ctx, alignment.applyDeletion(AlignmentKind.VENDOR, ref), "FreshBooks vendor " + id
                    + " no longer exists");
        }
        ctx.source(v.ref().key(), v.updatedAt() == null ? null : v.updatedAt().toString());
        Optional<Mapping> m = ctx.mappings().find(ctx.connectionId(), MappingKind.VENDOR, v.ref().id())
                .filter(Mapping::isConfirmed);
        if (m.isPresent()) {
            return applied(ctx, alignment.applyChange(v), "FreshBooks vendor " + v.ref().id() + " (" + v.name() + ")");
        }
        boolean create = ctx.policy().alignment().createMissingVendorsIn() == VendorCreationSide.PROJECT_SYSTEM;
        if (!create || !v.active()) {
            ctx.mappings().recordUnmapped(new UnmappedReference(ctx.connectionId(), MappingKind.VENDOR, v.ref().id(),
                    v.name(), ctx.now()));
            return done(ctx, AuditOutcome.SKIPPED_NOT_APPLICABLE, "FreshBooks vendor " + v.ref().id() + " (" + v.name()
                    + ") has no confirmed Procore vendor mapping; listed as unmapped for alignment", null);
        }
        // same convention as alignment's vendor creation: the Procore vendor's origin id is the FreshBooks vendor id
        String origin = v.ref().id();
        Vendor draft = new Vendor(null, v.name(), origin, v.externalCode(), true, null);
        if (ctx.dryRun()) {
            ctx.services().previews().put(new Preview<>(ctx.connectionId(), v.ref().key(), ctx.sourceVersion(),
                    PreviewAction.CREATE, "VENDOR", null, "procore company " + ctx.projects().companyId(), draft,
                    List.of(), ctx.now()));
            return done(ctx, AuditOutcome.PREVIEW, "dry run: would create Procore vendor " + v.name()
                    + " with origin id " + origin, null);
        }
        BatchResult<Vendor> result = ctx.projects().upsertVendors(List.of(draft));
        if (!result.failed().isEmpty() || result.succeeded().isEmpty()) {
            throw new IllegalStateException("Procore refused vendor " + v.name() + ": "
                    + (result.failed().isEmpty() ? "no result" : result.failed().get(0).reason()));
        }
        Vendor created = result.succeeded().get(0);
        ctx.mappings().put(new Mapping(ctx.connectionId(), MappingKind.VENDOR, v.ref().id(), created.ref().id(),
                Map.of(), MappingStatus.CONFIRMED, v.name(), ctx.now()));
        return done(ctx, AuditOutcome.POSTED, "created Procore vendor " + created.ref().id() + " for FreshBooks vendor "
                + v.ref().id() + " (" + v.name() + ") with origin id " + origin + " and mapped it", created.ref().key());
    }

    private Flow.Result fromProjectSide(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ctx.source(ProjectKeys.sourceKey(ctx, WorkType.PROJECT_VENDOR, id), null);
        ReferenceDataAlignment alignment = ctx.services().alignment(ctx.connection());
        Optional<Vendor> found = ctx.projects().listVendors().stream()
                .filter(v -> v.ref() != null && id.equals(v.ref().id())).findFirst();
        if (found.isEmpty()) {
            return applied(ctx, alignment.applyDeletion(AlignmentKind.VENDOR,
                    new ExternalRef(ctx.projects().system(), WorkType.PROJECT_VENDOR.sourceType(), id)),
                    "Procore vendor " + id + " is no longer in the directory");
        }
        return applied(ctx, alignment.applyChange(found.get()), "Procore vendor " + id + " (" + found.get().name() + ")");
    }

    private static Flow.Result applied(FlowContext ctx, List<MappingChange> changes, String who) {
        return ReferenceDataFlow.applied(changes, who);
    }

    private static Flow.Result done(FlowContext ctx, AuditOutcome outcome, String reason, String target) {
        ctx.audit(Direction.REFERENCE_DATA, target, outcome, reason, Map.of());
        return new Flow.Result.Completed(outcome);
    }
}
