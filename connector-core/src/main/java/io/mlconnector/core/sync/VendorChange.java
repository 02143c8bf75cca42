package io.mlconnector.core.sync;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps vendor mappings current as vendors change on either side (renames, deactivations, new vendors).
 * <ul>
 *   <li>FreshBooks vendor, mapped: the mapping's label follows the name and active state ({@code MAPPING_CHANGED}).
 *       Procore's directory is not renamed: it may be maintained by other people and tools.</li>
 *   <li>FreshBooks vendor, not mapped: with {@link SyncPolicy#createMissingVendors()} it is created (upserted by
 *       origin id, so never twice) in Procore and mapped; otherwise it is listed as unmapped for alignment.</li>
 *   <li>Procore vendor: when it carries our origin id for this FreshBooks account and has no mapping, the mapping
 *       is restored from that id; a mapped one gets its label refreshed.</li>
 * </ul>
 */
final class VendorChange implements Flow {
    private final boolean freshBooksSide;

    VendorChange(boolean freshBooksSide) {
        this.freshBooksSide = freshBooksSide;
    }

    @Override
    public FlowResult process(FlowContext ctx) {
        return freshBooksSide ? fromFreshBooks(ctx) : fromProcore(ctx);
    }

    private FlowResult fromFreshBooks(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        Vendor v;
        try {
            v = ctx.accounting().fetchVendor(id);
        } catch (NotFoundException e) {
            return done(ctx, AuditOutcome.SKIPPED_NOT_APPLICABLE, "FreshBooks vendor " + id + " no longer exists", null);
        }
        ctx.source(v.ref().key(), v.updatedAt() == null ? null : v.updatedAt().toString());
        String label = label(v);
        Optional<Mapping> m = ctx.mappings().find(ctx.connectionId(), MappingKind.VENDOR, v.ref().id());
        if (m.isPresent() && m.get().isConfirmed()) {
            return relabel(ctx, m.get(), label, "FreshBooks vendor " + v.ref().id());
        }
        if (!ctx.policy().createMissingVendors() || !v.active()) {
            ctx.mappings().recordUnmapped(new UnmappedReference(ctx.connectionId(), MappingKind.VENDOR, v.ref().id(),
                    label, ctx.now()));
            return done(ctx, AuditOutcome.SKIPPED_NOT_APPLICABLE, "FreshBooks vendor " + v.ref().id() + " (" + label
                    + ") has no confirmed Procore vendor mapping; listed as unmapped for alignment", null);
        }
        String origin = OriginIds.forFreshBooks(ctx.accounting().accountId(), v.ref());
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
                Map.of(), MappingStatus.CONFIRMED, label, ctx.now()));
        return done(ctx, AuditOutcome.POSTED, "created Procore vendor " + created.ref().id() + " for FreshBooks vendor "
                + v.ref().id() + " (" + label + ") and mapped it", created.ref().key());
    }

    private FlowResult fromProcore(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ctx.source(ProcoreKeys.sourceKey(WorkType.PROCORE_VENDOR, id), null);
        Optional<Vendor> found = ctx.projects().listVendors().stream()
                .filter(v -> v.ref() != null && id.equals(v.ref().id())).findFirst();
        if (found.isEmpty()) {
            return done(ctx, AuditOutcome.SKIPPED_NOT_APPLICABLE, "Procore vendor " + id + " is not in the directory",
                    null);
        }
        Vendor v = found.get();
        String label = label(v);
        Optional<Mapping> m = ctx.mappings().findByTarget(ctx.connectionId(), MappingKind.VENDOR, id)
                .filter(Mapping::isConfirmed);
        if (m.isPresent()) {
            return relabel(ctx, m.get(), label, "Procore vendor " + id);
        }
        ExternalRef ours = OriginIds.parseFreshBooks(v.externalId(), ctx.accounting().accountId());
        if (ours != null) {
            Optional<Mapping> existing = ctx.mappings().find(ctx.connectionId(), MappingKind.VENDOR, ours.id());
            if (existing.isEmpty() || !existing.get().isConfirmed()) {
                ctx.mappings().put(new Mapping(ctx.connectionId(), MappingKind.VENDOR, ours.id(), id, Map.of(),
                        MappingStatus.CONFIRMED, label, ctx.now()));
                return done(ctx, AuditOutcome.MAPPING_CHANGED, "mapped FreshBooks vendor " + ours.id()
                        + " to Procore vendor " + id + " by the origin id it carries", v.ref().key());
            }
        }
        return done(ctx, AuditOutcome.SKIPPED_NOT_APPLICABLE, "Procore vendor " + id + " (" + label
                + ") is not mapped; alignment proposes matches", null);
    }

    private static FlowResult relabel(FlowContext ctx, Mapping m, String label, String who) {
        if (Objects.equals(m.label(), label)) {
            return done(ctx, AuditOutcome.SKIPPED_DUPLICATE, who + " unchanged (" + label + ")", null);
        }
        if (ctx.dryRun()) {
            return done(ctx, AuditOutcome.PREVIEW, "dry run: would relabel mapping VENDOR " + m.sourceId() + " → "
                    + m.targetId() + " as " + label, null);
        }
        ctx.mappings().put(new Mapping(m.connectionId(), m.kind(), m.sourceId(), m.targetId(), m.attributes(),
                m.status(), label, ctx.now()));
        return done(ctx, AuditOutcome.MAPPING_CHANGED, who + " changed: mapping VENDOR " + m.sourceId() + " → "
                + m.targetId() + " now labelled " + label, null);
    }

    private static String label(Vendor v) {
        return v.name() + (v.active() ? "" : " (inactive)");
    }

    private static FlowResult done(FlowContext ctx, AuditOutcome outcome, String reason, String target) {
        ctx.audit(Direction.REFERENCE_DATA, target, outcome, reason, Map.of());
        return new FlowResult.Completed(outcome);
    }
}
