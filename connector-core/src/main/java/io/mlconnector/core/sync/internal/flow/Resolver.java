package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.core.sync.ResolvedMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up the mappings a record needs, collecting every problem (rather than stopping at the first) so a person
 * sees all missing mappings of a record at once. Only confirmed mappings are used; a suggestion counts as missing.
 */
public final class Resolver {
    private final FlowContext ctx;
    private final List<Flag> flags = new ArrayList<>();
    private final List<ResolvedMapping> used = new ArrayList<>();

    public Resolver(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** The confirmed mapping of a source id, noted as used. */
    public Optional<Mapping> confirmed(MappingKind kind, String sourceId) {
        if (sourceId == null) {
            return Optional.empty();
        }
        Optional<Mapping> m = ctx.mappings().find(ctx.connectionId(), kind, sourceId).filter(Mapping::isConfirmed);
        m.ifPresent(this::use);
        return m;
    }

    /** The confirmed mapping whose target is {@code targetId} (reverse direction), noted as used. */
    public Optional<Mapping> confirmedByTarget(MappingKind kind, String targetId) {
        if (targetId == null) {
            return Optional.empty();
        }
        Optional<Mapping> m = ctx.mappings().findByTarget(ctx.connectionId(), kind, targetId)
                .filter(Mapping::isConfirmed);
        m.ifPresent(this::use);
        return m;
    }

    private void use(Mapping m) {
        ResolvedMapping r = new ResolvedMapping(m.kind(), m.sourceId(), m.targetId(), m.attribute("costType"));
        if (!used.contains(r)) {
            used.add(r);
        }
    }

    public void flag(Flag flag) {
        flags.add(flag);
    }

    public boolean hasFlags() {
        return !flags.isEmpty();
    }

    public List<Flag> flags() {
        return List.copyOf(flags);
    }

    public List<ResolvedMapping> used() {
        return List.copyOf(used);
    }

    /**
     * The project a document goes to.
     *
     * @param what          the document, for messages ({@code bill 123 (#B-7)})
     * @param named         FreshBooks projects named on the document and its lines (nulls ignored)
     * @param fallbackKind  {@link MappingKind#VENDOR_PROJECT} (bills) or {@link MappingKind#CLIENT_PROJECT} (invoices)
     * @param fallbackId    the vendor or client id used when no project is named
     * @return the project, or null with flags added
     */
    public ProjectChoice project(String what, List<ExternalRef> named, MappingKind fallbackKind, String fallbackId) {
        Set<String> ids = new LinkedHashSet<>();
        for (ExternalRef r : named) {
            if (r != null) {
                ids.add(r.id());
            }
        }
        if (!ids.isEmpty()) {
            Map<String, String> targets = new LinkedHashMap<>();
            boolean missing = false;
            for (String id : ids) {
                Optional<Mapping> m = confirmed(MappingKind.PROJECT, id);
                if (m.isEmpty()) {
                    missing = true;
                    flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, "FreshBooks project " + id + " named on "
                                    + what + " has no confirmed Procore project mapping (PROJECT " + id + ")",
                            MappingKind.PROJECT, id, "FreshBooks project " + id));
                } else {
                    targets.put(id, m.get().targetId());
                }
            }
            if (missing) {
                return null;
            }
            Set<String> distinct = new LinkedHashSet<>(targets.values());
            if (distinct.size() > 1) {
                flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, what + " names FreshBooks projects " + targets.keySet()
                        + " which map to different Procore projects " + distinct
                        + "; one document posts to one project, split it in FreshBooks"));
                return null;
            }
            String sourceId = targets.keySet().iterator().next();
            return toRef(what, MappingKind.PROJECT, sourceId, targets.get(sourceId));
        }
        String side = fallbackKind == MappingKind.VENDOR_PROJECT ? "vendor" : "client";
        if (fallbackId == null) {
            flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, what + " names no project and no " + side
                    + ", so no Procore project can be chosen"));
            return null;
        }
        Optional<Mapping> m = confirmed(fallbackKind, fallbackId);
        if (m.isEmpty()) {
            flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, what + " names no project and FreshBooks " + side
                            + " " + fallbackId + " has no confirmed " + fallbackKind + " mapping to a Procore project",
                    fallbackKind, fallbackId, "FreshBooks " + side + " " + fallbackId));
            return null;
        }
        return toRef(what, fallbackKind, fallbackId, m.get().targetId());
    }

    private ProjectChoice toRef(String what, MappingKind kind, String sourceId, String targetId) {
        try {
            ProjectRef ref = new ProjectRef(ctx.projects().companyId(), Long.parseLong(targetId.trim()));
            return new ProjectChoice(ref, kind, sourceId);
        } catch (IllegalArgumentException e) {
            flag(Flag.unmapped(AuditOutcome.FLAGGED_INVALID_COMPANY, "mapping " + kind + " " + sourceId + " → '"
                    + targetId + "' used by " + what + " is not a Procore project id of company "
                    + ctx.projects().companyId(), kind, sourceId, "FreshBooks " + sourceId));
            return null;
        }
    }

    /**
     * Validates the chosen project with the project system; a bad company/project pair becomes a
     * {@code FLAGGED_INVALID_COMPANY} naming the mapping to fix. Returns whether it is valid.
     */
    public boolean validate(String what, ProjectChoice choice) {
        try {
            ctx.projects().validateProject(choice.ref());
            return true;
        } catch (InvalidProjectException e) {
            flag(Flag.unmapped(AuditOutcome.FLAGGED_INVALID_COMPANY, what + " maps through " + choice.kind() + " "
                            + choice.sourceId() + " to " + choice.ref() + ", which the project system rejects: "
                            + e.getMessage(), choice.kind(), choice.sourceId(),
                    "FreshBooks " + choice.sourceId() + " → invalid " + choice.ref()));
            return false;
        }
    }

    /**
     * A resolved project and the mapping that chose it.
     *
     * @param ref      the Procore project
     * @param kind     the mapping kind used
     * @param sourceId the FreshBooks id looked up
     */
    public record ProjectChoice(ProjectRef ref, MappingKind kind, String sourceId) {
    }
}
