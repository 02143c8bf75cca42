package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies single reference-data changes (webhook or poll) to the mapping table for {@link ReferenceDataAlignment}. */
final class ReferenceChangeApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceChangeApplier.class);

    private final String connectionId;
    private final AccountingSystem accounting;
    private final ProjectSystem projectSystem;
    private final MappingStore mappings;
    private final MappingWriter writer;

    ReferenceChangeApplier(String connectionId, AccountingSystem accounting, ProjectSystem projectSystem,
                           MappingStore mappings, MappingWriter writer) {
        this.connectionId = connectionId;
        this.accounting = accounting;
        this.projectSystem = projectSystem;
        this.mappings = mappings;
        this.writer = writer;
    }

    List<MappingChange> vendor(Vendor v) {
        Objects.requireNonNull(v, "vendor");
        Objects.requireNonNull(v.ref(), "vendor.ref");
        if (isAccounting(v.ref())) {
            Optional<Mapping> m = mappings.find(connectionId, MappingKind.VENDOR, v.ref().id());
            if (m.isPresent()) {
                return one(sideChanged(m.get(), true, v.name(), v.active(), v.ref()));
            }
            Optional<PostedObject> linked = projectSystem.findByOrigin(null, TargetKind.VENDOR, v.ref().id());
            return linked.map(p -> List.of(linked(MappingKind.VENDOR, v.ref(), v.name(),
                    ExternalRef.of(projectSystem.system(), v.ref().type(), p.id()), null))).orElse(List.of());
        }
        requireProjectSide(v.ref());
        return projectSideChanged(MappingKind.VENDOR, v.ref(), v.name(), v.active(), v.externalId(), () -> {
            Vendor a = accounting.fetchVendor(v.externalId());
            return new Named(a.ref(), a.name());
        });
    }

    List<MappingChange> project(Project p) {
        Objects.requireNonNull(p, "project");
        Objects.requireNonNull(p.ref(), "project.ref");
        if (isAccounting(p.ref())) {
            return mappings.find(connectionId, MappingKind.PROJECT, p.ref().id())
                    .map(m -> one(sideChanged(m, true, p.name(), p.active(), p.ref())))
                    .orElse(List.of());
        }
        requireProjectSide(p.ref());
        return projectSideChanged(MappingKind.PROJECT, p.ref(), p.name(), p.active(), p.externalId(), () -> {
            Project a = accounting.fetchProject(p.externalId());
            return new Named(a.ref(), a.name());
        });
    }

    List<MappingChange> glAccount(GlAccount g) {
        Objects.requireNonNull(g, "account");
        List<MappingChange> out = new ArrayList<>();
        mappings.find(connectionId, MappingKind.GL_ACCOUNT, g.ref().id())
                .ifPresent(m -> add(out, sideChanged(m, true, g.name(), g.active(), g.ref())));
        for (Mapping m : mappings.list(connectionId, MappingKind.COST_CODE_CATEGORY)) {
            if (m.targetId().equals(g.ref().id())) {
                add(out, sideChanged(m, false, g.name(), g.active(), g.ref()));
            }
        }
        return out;
    }

    List<MappingChange> costCode(ProjectRef project, CostCode cc) {
        Objects.requireNonNull(cc, "costCode");
        ExternalRef codeRef = ExternalRef.of(projectSystem.system(), ReferenceDataAlignment.COST_CODE_TYPE, cc.code());
        List<MappingChange> out = new ArrayList<>();
        for (Mapping m : mappings.list(connectionId, MappingKind.GL_ACCOUNT)) {
            if (m.targetId().equals(cc.code())) {
                add(out, sideChanged(m, false, cc.name(), true, codeRef));
            }
        }
        mappings.find(connectionId, MappingKind.COST_CODE_CATEGORY, cc.code())
                .ifPresent(m -> add(out, sideChanged(m, true, cc.name(), true, codeRef)));
        String origin = cc.externalId();
        if (origin != null && !origin.isBlank() && mappings.find(connectionId, MappingKind.GL_ACCOUNT, origin).isEmpty()) {
            accounting.listGlAccounts().stream().filter(g -> g.ref().id().equals(origin)).findFirst().ifPresent(g -> {
                out.add(linked(MappingKind.GL_ACCOUNT, g.ref(), g.name(), codeRef, cc.name()));
                if (mappings.find(connectionId, MappingKind.COST_CODE_CATEGORY, cc.code()).isEmpty()) {
                    writer.link(MappingKind.COST_CODE_CATEGORY, codeRef, cc.code(), cc.name(), g.ref(), g.ref().id(),
                            g.name(), MappingStatus.CONFIRMED, "reverse of the GL account link");
                }
            });
        }
        LOG.debug("connection {}: cost code {} of {} changed: {} mapping changes", connectionId, cc.code(), project,
                out.size());
        return out;
    }

    List<MappingChange> deletion(AlignmentKind kind, ExternalRef ref) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        MappingKind mk = kind.mappingKind();
        List<MappingChange> out = new ArrayList<>();
        if (isAccounting(ref)) {
            mappings.find(connectionId, mk, ref.id()).ifPresent(m -> add(out, sideChanged(m, true, null, false, ref)));
        } else {
            requireProjectSide(ref);
            for (Mapping m : mappings.list(connectionId, mk)) {
                if (m.targetId().equals(ref.id())) {
                    add(out, sideChanged(m, false, null, false, ref));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private record Named(ExternalRef ref, String name) {
    }

    @FunctionalInterface
    private interface Fetch {
        Named get();
    }

    private List<MappingChange> projectSideChanged(MappingKind kind, ExternalRef ref, String name, boolean active,
                                                   String originId, Fetch accountingRecord) {
        List<MappingChange> out = new ArrayList<>();
        if (originId != null && !originId.isBlank()) {
            Optional<Mapping> bySource = mappings.find(connectionId, kind, originId);
            if (bySource.isEmpty()) {
                Named a;
                try {
                    a = accountingRecord.get();
                } catch (NotFoundException e) {
                    LOG.info("connection {}: {} carries origin id {}, which names no accounting record", connectionId,
                            ref, originId);
                    return out;
                }
                out.add(linked(kind, a.ref(), a.name(), ref, name));
                return out;
            }
            if (!bySource.get().targetId().equals(ref.id())) {
                LOG.warn("connection {}: {} carries origin id {}, which is mapped to {}; mapping left unchanged",
                        connectionId, ref, originId, bySource.get().targetId());
            }
        }
        for (Mapping m : mappings.list(connectionId, kind)) {
            if (m.targetId().equals(ref.id())) {
                add(out, sideChanged(m, false, name, active, ref));
            }
        }
        return out;
    }

    private MappingChange linked(MappingKind kind, ExternalRef accountingRef, String accountingName,
                                 ExternalRef projectRef, String projectName) {
        Mapping m = writer.link(kind, accountingRef, accountingRef.id(), accountingName, projectRef, projectRef.id(),
                projectName, MappingStatus.CONFIRMED, "new record linked by origin id");
        return new MappingChange(MappingChange.Action.LINKED, m);
    }

    /**
     * Updates the name / activity of one side of a mapping. {@code sourceSide} says whether the changed record is the
     * mapping's source (for {@code COST_CODE_CATEGORY} the source is the cost code, the target the expense category).
     */
    private MappingChange sideChanged(Mapping m, boolean sourceSide, String name, boolean active, ExternalRef ref) {
        String nameKey = sourceSide ? MappingWriter.SOURCE_NAME : MappingWriter.TARGET_NAME;
        String activeKey = sourceSide ? MappingWriter.SOURCE_ACTIVE : MappingWriter.TARGET_ACTIVE;
        boolean wasActive = !"false".equals(m.attribute(activeKey));
        Map<String, String> changes = new HashMap<>();
        if (name != null) {
            changes.put(nameKey, name);
        }
        changes.put(activeKey, active ? null : "false");
        MappingChange.Action action = wasActive && !active ? MappingChange.Action.DEACTIVATED
                : !wasActive && active ? MappingChange.Action.REACTIVATED : MappingChange.Action.RENAMED;
        String reason = switch (action) {
            case DEACTIVATED -> "record deactivated; mapping kept for history";
            case REACTIVATED -> "record active again";
            default -> "record renamed";
        };
        Mapping updated = writer.update(m, changes, sourceSide ? ref : null, sourceSide ? null : ref, reason);
        return updated == null ? null : new MappingChange(action, updated);
    }

    private boolean isAccounting(ExternalRef ref) {
        return ref.system().equals(accounting.system());
    }

    private void requireProjectSide(ExternalRef ref) {
        if (!ref.system().equals(projectSystem.system())) {
            throw new IllegalArgumentException(ref + " belongs to neither " + accounting.system() + " nor "
                    + projectSystem.system());
        }
    }

    private static List<MappingChange> one(MappingChange c) {
        return c == null ? List.of() : List.of(c);
    }

    private static void add(List<MappingChange> out, MappingChange c) {
        if (c != null) {
            out.add(c);
        }
    }
}
