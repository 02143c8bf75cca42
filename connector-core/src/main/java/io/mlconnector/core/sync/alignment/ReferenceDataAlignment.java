package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aligns the reference data of one connection — vendors, projects, and GL accounts (expense categories) with the cost
 * codes of mapped projects — and keeps the mapping table current afterwards.
 *
 * <p>{@link #align()} reads both sides and pairs records in this order: confirmed rows of the mapping table, then the
 * project-side record's origin id (a Procore vendor or project whose {@code origin_id} is the FreshBooks id, a cost
 * code whose origin id is the expense category id; written as confirmed), then earlier suggestions, then unique
 * normalised names ({@link NameNormalizer}) and, for GL accounts, account number = cost code. Name and code matches
 * are written as {@link MappingStatus#SUGGESTED} unless {@link AlignmentPolicy#autoConfirmNameMatches()}. Vendors
 * found on one side only are created on the side {@link AlignmentPolicy#createMissingVendorsIn()} names and mapped
 * as confirmed. Every GL account link also writes the reverse cost code → expense category mapping
 * ({@link MappingKind#COST_CODE_CATEGORY}) with the same status when that cost code has none. Every mapping write is
 * audited as {@code MAPPING_CHANGED}. Running it again changes nothing that is already aligned.
 *
 * <p>{@code applyChange(...)} keeps mappings current when a vendor, project, GL account or cost code change arrives
 * by webhook or poll: renames update names and labels, deactivations annotate the mapping (it stays in force for
 * history), and a new project-side record carrying an accounting id as origin id is linked.
 *
 * <p>Not thread-safe per instance: run one alignment per connection at a time (the engine's per-connection lease).
 */
public final class ReferenceDataAlignment {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataAlignment.class);
    /** Ref type used in audit events for cost codes, which mappings name by their full code. */
    static final String COST_CODE_TYPE = "cost_code";

    private final String connectionId;
    private final AccountingSystem accounting;
    private final ProjectSystem projectSystem;
    private final MappingStore mappings;
    private final Clock clock;
    private final AlignmentPolicy policy;
    private final MappingWriter writer;
    private final ReferenceChangeApplier changes;

    private ReferenceDataAlignment(Builder b) {
        this.connectionId = Objects.requireNonNull(b.connectionId, "connectionId");
        this.accounting = Objects.requireNonNull(b.accounting, "accountingSystem");
        this.projectSystem = Objects.requireNonNull(b.projectSystem, "projectSystem");
        this.mappings = Objects.requireNonNull(b.mappings, "mappingStore");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        AuditSink audit = Objects.requireNonNull(b.audit, "auditSink");
        this.writer = new MappingWriter(connectionId, mappings, audit, clock);
        this.changes = new ReferenceChangeApplier(connectionId, accounting, projectSystem, mappings, writer);
    }

    /**
     * A builder; every setter except {@code policy} (default {@link AlignmentPolicy#defaults()}) is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads both sides, writes the mappings the policy allows, creates missing vendors, and reports the outcome.
     *
     * @return the alignment report
     */
    public AlignmentReport align() {
        Instant started = clock.instant();
        Map<AlignmentKind, KindAlignment> kinds = new EnumMap<>(AlignmentKind.class);
        kinds.put(AlignmentKind.VENDOR, alignVendors());
        kinds.put(AlignmentKind.PROJECT, alignProjects());
        kinds.put(AlignmentKind.GL_ACCOUNT, alignGlAccounts());
        AlignmentReport report = new AlignmentReport(connectionId, started, clock.instant(), kinds);
        LOG.info("alignment of connection {}: vendors {}, projects {}, GL accounts {} (matched/suggested/created/unmatched)",
                connectionId, counts(report.vendors()), counts(report.projects()), counts(report.glAccounts()));
        return report;
    }

    /**
     * Applies a vendor change from either side (told apart by {@code vendor.ref().system()}).
     *
     * @param vendor the vendor
     * @return the mapping changes made, empty when none was needed
     */
    public List<MappingChange> applyChange(Vendor vendor) {
        return changes.vendor(vendor);
    }

    /**
     * Applies a project change from either side.
     *
     * @param project the project
     * @return the change
     */
    public List<MappingChange> applyChange(Project project) {
        return changes.project(project);
    }

    /**
     * Applies an accounting GL account (expense category) change.
     *
     * @param account the GL account
     * @return the change
     */
    public List<MappingChange> applyChange(GlAccount account) {
        return changes.glAccount(account);
    }

    /**
     * Applies a cost code change seen on a project.
     *
     * @param project the project
     * @param costCode the cost code
     * @return the change
     */
    public List<MappingChange> applyChange(ProjectRef project, CostCode costCode) {
        return changes.costCode(project, costCode);
    }

    /**
     * Notes that a vendor, project or GL account was deleted on one side (when the record can no longer be fetched):
     * the mapping stays and is annotated as inactive.
     *
     * @param kind the kind
     * @param ref the record (for audit)
     * @return the deletion
     */
    public List<MappingChange> applyDeletion(AlignmentKind kind, ExternalRef ref) {
        return changes.deletion(kind, ref);
    }

    // ------------------------------------------------------------------ vendors

    private KindAlignment alignVendors() {
        List<Candidate> acc = new ArrayList<>();
        for (Vendor v : accounting.listVendors()) {
            acc.add(new Candidate(v.ref(), v.ref().id(), v.name(), null, null, v.active()));
        }
        List<Candidate> proj = new ArrayList<>();
        for (Vendor v : projectSystem.listVendors()) {
            proj.add(new Candidate(v.ref(), v.ref().id(), v.name(), v.externalId(), null, v.active()));
        }
        Buckets out = apply(AlignmentKind.VENDOR, Matcher.match(acc, proj, mappings.list(connectionId, MappingKind.VENDOR)));
        List<MatchPlan.Single> rest = new ArrayList<>();
        List<Candidate> toProject = new ArrayList<>();
        List<Candidate> toAccounting = new ArrayList<>();
        for (MatchPlan.Single s : out.singles) {
            if (s.creatable() && s.accounting() && policy.createMissingVendorsIn() == VendorCreationSide.PROJECT_SYSTEM) {
                toProject.add(s.candidate());
            } else if (s.creatable() && !s.accounting()
                    && policy.createMissingVendorsIn() == VendorCreationSide.ACCOUNTING_SYSTEM) {
                toAccounting.add(s.candidate());
            } else {
                rest.add(s);
            }
        }
        out.singles.clear();
        out.singles.addAll(rest);
        createInProjectSystem(toProject, out);
        createInAccounting(toAccounting, out);
        return out.toKind(AlignmentKind.VENDOR);
    }

    private void createInProjectSystem(List<Candidate> missing, Buckets out) {
        for (int from = 0; from < missing.size(); from += policy.batchSize()) {
            List<Candidate> chunk = missing.subList(from, Math.min(missing.size(), from + policy.batchSize()));
            List<Vendor> batch = new ArrayList<>();
            Map<String, Candidate> byOrigin = new LinkedHashMap<>();
            for (Candidate c : chunk) {
                batch.add(new Vendor(null, c.name(), c.id(), null, true, null));
                byOrigin.put(c.id(), c);
            }
            BatchResult<Vendor> result;
            try {
                result = projectSystem.upsertVendors(batch);
            } catch (ConnectorException e) {
                String reason = "vendor batch refused by the project system: " + e.getMessage();
                for (Candidate c : chunk) {
                    writer.failed(c.ref(), reason, e.isRetryable());
                    out.singles.add(new MatchPlan.Single(c, true, reason, false));
                }
                continue;
            }
            for (Vendor v : result.succeeded()) {
                Candidate c = byOrigin.remove(v.externalId());
                if (c == null) {
                    continue;
                }
                writer.link(MappingKind.VENDOR, c.ref(), c.id(), c.name(), v.ref(), v.ref().id(), v.name(),
                        MappingStatus.CONFIRMED, "created vendor in the project system");
                out.created.add(new AlignmentItem(c.id(), c.name(), v.ref().id(), v.name(), MatchBasis.CREATED, null));
            }
            for (BatchResult.Failure<Vendor> f : result.failed()) {
                Candidate c = byOrigin.remove(f.item().externalId());
                if (c != null) {
                    String reason = "project system refused the vendor: " + f.reason();
                    writer.failed(c.ref(), reason, false);
                    out.singles.add(new MatchPlan.Single(c, true, reason, false));
                }
            }
            for (Candidate c : byOrigin.values()) {
                String reason = "the project system did not report this vendor in the batch result";
                writer.failed(c.ref(), reason, true);
                out.singles.add(new MatchPlan.Single(c, true, reason, false));
            }
        }
    }

    private void createInAccounting(List<Candidate> missing, Buckets out) {
        for (Candidate c : missing) {
            Vendor created;
            try {
                created = accounting.createVendor(new Vendor(null, c.name(), c.id(), null, true, null));
            } catch (ConnectorException e) {
                String reason = "accounting system refused the vendor: " + e.getMessage();
                writer.failed(c.ref(), reason, e.isRetryable());
                out.singles.add(new MatchPlan.Single(c, false, reason, false));
                continue;
            }
            writer.link(MappingKind.VENDOR, created.ref(), created.ref().id(), created.name(), c.ref(), c.id(), c.name(),
                    MappingStatus.CONFIRMED, "created vendor in the accounting system");
            out.created.add(new AlignmentItem(created.ref().id(), created.name(), c.id(), c.name(), MatchBasis.CREATED,
                    null));
        }
    }

    // ------------------------------------------------------------------ projects and GL accounts

    private KindAlignment alignProjects() {
        List<Candidate> acc = new ArrayList<>();
        for (Project p : accounting.listProjects()) {
            acc.add(new Candidate(p.ref(), p.ref().id(), p.name(), null, null, p.active()));
        }
        List<Candidate> proj = new ArrayList<>();
        for (Project p : projectSystem.listProjects()) {
            proj.add(new Candidate(p.ref(), p.ref().id(), p.name(), p.externalId(), null, p.active()));
        }
        return apply(AlignmentKind.PROJECT, Matcher.match(acc, proj, mappings.list(connectionId, MappingKind.PROJECT)))
                .toKind(AlignmentKind.PROJECT);
    }

    private KindAlignment alignGlAccounts() {
        List<Candidate> acc = new ArrayList<>();
        for (GlAccount g : accounting.listGlAccounts()) {
            acc.add(new Candidate(g.ref(), g.ref().id(), g.name(), null, g.number(), g.active()));
        }
        Map<String, Candidate> codes = new LinkedHashMap<>();
        for (Mapping m : mappings.list(connectionId, MappingKind.PROJECT)) {
            if (!m.isConfirmed()) {
                continue;
            }
            ProjectRef ref;
            try {
                ref = new ProjectRef(projectSystem.companyId(), Long.parseLong(m.targetId()));
            } catch (IllegalArgumentException e) {
                LOG.warn("connection {}: project mapping {} -> {} names no valid project id", connectionId,
                        m.sourceId(), m.targetId());
                continue;
            }
            List<CostCode> list;
            try {
                list = projectSystem.listCostCodes(ref);
            } catch (ConfigurationException e) {
                LOG.warn("connection {}: cost codes of {} not read: {}", connectionId, ref, e.getMessage());
                continue;
            }
            for (CostCode cc : list) {
                codes.putIfAbsent(cc.code(), new Candidate(ExternalRef.of(projectSystem.system(), COST_CODE_TYPE, cc.code()),
                        cc.code(), cc.name(), cc.externalId(), cc.code(), true));
            }
        }
        Buckets out = apply(AlignmentKind.GL_ACCOUNT, Matcher.match(acc, new ArrayList<>(codes.values()),
                mappings.list(connectionId, MappingKind.GL_ACCOUNT)));
        return out.toKind(AlignmentKind.GL_ACCOUNT);
    }

    // ------------------------------------------------------------------ plan → writes + buckets

    private final class Buckets {
        final List<AlignmentItem> matched = new ArrayList<>();
        final List<AlignmentItem> suggested = new ArrayList<>();
        final List<AlignmentItem> created = new ArrayList<>();
        final List<MatchPlan.Single> singles = new ArrayList<>();

        KindAlignment toKind(AlignmentKind kind) {
            List<AlignmentItem> unmatched = new ArrayList<>();
            for (MatchPlan.Single s : singles) {
                Candidate c = s.candidate();
                unmatched.add(s.accounting()
                        ? new AlignmentItem(c.id(), c.name(), null, null, MatchBasis.NONE, s.note())
                        : new AlignmentItem(null, null, c.id(), c.name(), MatchBasis.NONE, s.note()));
            }
            return new KindAlignment(kind, matched, suggested, created, unmatched);
        }
    }

    private Buckets apply(AlignmentKind kind, MatchPlan plan) {
        Buckets out = new Buckets();
        MappingKind mk = kind.mappingKind();
        for (MatchPlan.Pair p : plan.matched) {
            if (p.basis() == MatchBasis.MAPPING_TABLE) {
                refreshNames(p);
            } else {
                link(kind, p, MappingStatus.CONFIRMED, "linked by origin id");
            }
            out.matched.add(item(p, p.basis()));
        }
        for (MatchPlan.Pair p : plan.suggested) {
            if (policy.autoConfirmNameMatches()) {
                link(kind, p, MappingStatus.CONFIRMED, "matched by " + p.basis().name().toLowerCase()
                        + ", confirmed by policy");
                out.matched.add(item(p, p.basis()));
            } else {
                if (p.basis() != MatchBasis.EARLIER_SUGGESTION) {
                    link(kind, p, MappingStatus.SUGGESTED, "suggested by equal " + p.basis().name().toLowerCase());
                }
                out.suggested.add(item(p, p.basis()));
            }
        }
        out.singles.addAll(plan.unmatched);
        LOG.debug("connection {}: {} {} matched, {} suggested, {} unmatched", connectionId, mk,
                out.matched.size(), out.suggested.size(), out.singles.size());
        return out;
    }

    private void link(AlignmentKind kind, MatchPlan.Pair p, MappingStatus status, String reason) {
        Candidate a = p.accounting();
        Candidate t = p.project();
        writer.link(kind.mappingKind(), a.ref(), a.id(), a.name(), t.ref(), t.id(), t.name(), status, reason);
        if (kind == AlignmentKind.GL_ACCOUNT && mappings.find(connectionId, MappingKind.COST_CODE_CATEGORY, t.id()).isEmpty()) {
            writer.link(MappingKind.COST_CODE_CATEGORY, t.ref(), t.id(), t.name(), a.ref(), a.id(), a.name(), status,
                    "reverse of the GL account link");
        }
    }

    private void refreshNames(MatchPlan.Pair p) {
        Map<String, String> changes = new HashMap<>();
        changes.put(MappingWriter.SOURCE_NAME, p.accounting().name());
        changes.put(MappingWriter.TARGET_NAME, p.project().name());
        writer.update(p.existing(), changes, p.accounting().ref(), p.project().ref(), "names refreshed by alignment");
    }

    private static AlignmentItem item(MatchPlan.Pair p, MatchBasis basis) {
        return new AlignmentItem(p.accounting().id(), p.accounting().name(), p.project().id(), p.project().name(), basis,
                null);
    }

    private static String counts(KindAlignment k) {
        return k.matched().size() + "/" + k.suggested().size() + "/" + k.created().size() + "/" + k.unmatched().size();
    }

    /** Builds a {@link ReferenceDataAlignment} for one connection. */
    public static final class Builder {
        private String connectionId;
        private AccountingSystem accounting;
        private ProjectSystem projectSystem;
        private MappingStore mappings;
        private AuditSink audit;
        private Clock clock;
        private AlignmentPolicy policy = AlignmentPolicy.defaults();

        private Builder() {
        }

        /**
         * The connection whose mappings are aligned.
         *
         * @param connectionId the connection whose mappings are aligned
         * @return this builder
         */
        public Builder connectionId(String connectionId) {
            this.connectionId = connectionId;
            return this;
        }

        /**
         * The connection's accounting port.
         *
         * @param accounting the connection's accounting port
         * @return this builder
         */
        public Builder accountingSystem(AccountingSystem accounting) {
            this.accounting = accounting;
            return this;
        }

        /**
         * The connection's project-system port.
         *
         * @param projectSystem the connection's project-system port
         * @return this builder
         */
        public Builder projectSystem(ProjectSystem projectSystem) {
            this.projectSystem = projectSystem;
            return this;
        }

        /**
         * Where mappings are read and written.
         *
         * @param mappings where mappings are read and written
         * @return this builder
         */
        public Builder mappingStore(MappingStore mappings) {
            this.mappings = mappings;
            return this;
        }

        /**
         * Where mapping changes are audited.
         *
         * @param audit where mapping changes are audited
         * @return this builder
         */
        public Builder auditSink(AuditSink audit) {
            this.audit = audit;
            return this;
        }

        /**
         * Time source for mapping stamps and audit events.
         *
         * @param clock time source for mapping stamps and audit events
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * What alignment may do on its own.
         *
         * @param policy what alignment may do on its own
         * @return this builder
         */
        public Builder policy(AlignmentPolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * Builds the {@code ReferenceDataAlignment} from the settings given so far.
         *
         * @return the new {@code ReferenceDataAlignment}
         * @throws NullPointerException naming the first missing dependency
         */
        public ReferenceDataAlignment build() {
            return new ReferenceDataAlignment(this);
        }
    }
}
