package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.PostingBlockedException;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Preview;
import io.mlconnector.core.sync.PreviewAction;
import io.mlconnector.core.sync.ResolvedMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Posts one planned object to the project system exactly once, whatever happens around it (redelivery, poll
 * overlap, crashes, two nodes). The protocol, per source record:
 * <ol>
 *   <li>Take the record's named lease in the state store ({@code record:<connection>:<sourceKey>}), so only one
 *       worker on any node handles the record at a time; if another holds it, retry later.</li>
 *   <li>Ledger entry with a target: same fingerprint → {@code SKIPPED_DUPLICATE}, no write; otherwise update the
 *       same target ({@code UPDATED}), or flag when the target kind cannot be edited.</li>
 *   <li>No ledger entry: insert a {@code PENDING} entry (owner + time) with {@code ledgerInsertIfAbsent}. Having
 *       inserted it ourselves proves no earlier attempt exists, so we create <b>without</b> an origin lookup — the
 *       steady state costs one write in the project system.</li>
 *   <li>An entry without a target ({@code PENDING} left by a crash or an uncertain outcome, {@code FLAGGED},
 *       {@code FAILED}): an earlier attempt may have created the object, so look it up by origin id first and adopt
 *       it; only when nothing carries our origin id, create.</li>
 *   <li>Record {@code POSTED} (target id, fingerprint, source version) and an echo guard entry keyed by the target
 *       ({@code procore:<kind>:<id>}) so the project system's webhook about our own write is recognised.</li>
 * </ol>
 * An {@link io.mlconnector.core.error.OutcomeUncertainException} on the create leaves the {@code PENDING} entry, so
 * the retry goes through step 4. A create the project system refuses (it keeps origin ids unique) after a fresh
 * insert is checked once by origin id too: a ledger that was lost (in-memory store, restored backup) then adopts the
 * existing object instead of failing or duplicating it.
 */
public final class ProjectPosting {
    public static final String ATTR_OWNER = "owner";
    static final String ATTR_ORIGIN = "originId";
    public static final String ATTR_PROJECT_COMPANY = "companyId";
    public static final String ATTR_PROJECT = "projectId";
    public static final String ATTR_TOTAL = "total";
    public static final String ATTR_CURRENCY = "currency";
    public static final String ATTR_ECHO_OF = "echoOf";
    public static final String TARGET_KIND_SOURCE = TargetKind.SOURCE.name();

    private ProjectPosting() {
    }

    /**
     * One object to post.
     *
     * @param sourceKey          ledger key
     * @param sourceVersion      source change stamp
     * @param kind               target kind
     * @param project            target project
     * @param draft              the draft sent
     * @param originId           our origin id on the object
     * @param total              the draft's total
     * @param fingerprint        digest of the draft's content
     * @param attributes         extra ledger attributes (commitment id, document number…)
     * @param mappings           mappings used
     * @param create             creates the object
     * @param update             updates the object by id, or null when this kind cannot be updated
     * @param notUpdatableReason why, when {@code update} is null
     */
    public record Plan(String sourceKey, String sourceVersion, TargetKind kind, ProjectRef project, Object draft,
                String originId, Money total, String fingerprint, Map<String, String> attributes,
                List<ResolvedMapping> mappings, Supplier<PostedObject> create, Function<String, PostedObject> update,
                String notUpdatableReason) {
    }

    public static String targetKey(FlowContext ctx, TargetKind kind, String id) {
        return ctx.projects().system() + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    public static Flow.Result post(FlowContext ctx, Plan plan) {
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        if (ctx.dryRun()) {
            return preview(ctx, plan, state.ledger(conn, plan.sourceKey()).orElse(null));
        }
        String leaseName = "record:" + conn + ":" + plan.sourceKey();
        if (!ctx.acquireLease(leaseName)) {
            return new Flow.Result.Busy(plan.sourceKey(), "another worker is processing " + plan.sourceKey());
        }
        try {
            LedgerEntry e = state.ledger(conn, plan.sourceKey()).orElse(null);
            if (e != null && e.targetId() != null) {
                return updateExisting(ctx, plan, e);
            }
            boolean fresh = false;
            if (e == null) {
                fresh = state.ledgerInsertIfAbsent(pending(ctx, plan, null));
                if (!fresh) {
                    e = state.ledger(conn, plan.sourceKey()).orElseThrow();
                    if (e.targetId() != null) {
                        return updateExisting(ctx, plan, e);
                    }
                }
            }
            if (!fresh) {
                // an earlier attempt may have created the object and died before recording it
                state.ledgerPut(pending(ctx, plan, e));
                Optional<PostedObject> found = ctx.projects().findByOrigin(plan.project(), plan.kind(),
                        plan.originId());
                if (found.isPresent()) {
                    return adopt(ctx, plan, found.get());
                }
            }
            PostedObject created;
            try {
                created = Objects.requireNonNull(plan.create().get(), "create returned null");
            } catch (ValidationException | PostingBlockedException refused) {
                // the project system refuses a second object with our origin id: if one exists, a ledger that was
                // lost (in-memory store restarted, restored backup) is the reason — adopt it instead of failing
                if (fresh) {
                    Optional<PostedObject> existing = ctx.projects().findByOrigin(plan.project(), plan.kind(),
                            plan.originId());
                    if (existing.isPresent()) {
                        return adopt(ctx, plan, existing.get());
                    }
                }
                throw refused;
            }
            return recorded(ctx, plan, created, AuditOutcome.POSTED, "created " + describe(plan, created), true);
        } finally {
            ctx.releaseLease(leaseName);
        }
    }

    private static Flow.Result updateExisting(FlowContext ctx, Plan plan, LedgerEntry e) {
        String targetRef = targetKey(ctx, plan.kind(), e.targetId());
        if (e.targetKind() != null && plan.kind() != e.kind()) {
            String postedRef = posted(ctx, e);
            if (e.state() == LedgerState.POSTED && Objects.equals(e.sourceVersion(), plan.sourceVersion())) {
                ctx.audit(Direction.ACCOUNTING_TO_PROJECT, postedRef, AuditOutcome.SKIPPED_DUPLICATE,
                        "already posted as " + postedRef + " (this version would now be a "
                                + plan.kind().name().toLowerCase(Locale.ROOT) + "; left as posted)", Map.of());
                return new Flow.Result.Completed(AuditOutcome.SKIPPED_DUPLICATE);
            }
            return Flow.Result.flagged(plan.sourceKey(), plan.sourceVersion(), Flag.of(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED,
                    plan.sourceKey() + " changed after it was posted as " + postedRef + ", and it would now be a "
                            + plan.kind().name().toLowerCase(Locale.ROOT) + " on " + plan.project()
                            + "; the connector does not turn one kind of Procore object into another, correct it by hand"));
        }
        if (plan.fingerprint().equals(e.fingerprint())) {
            boolean sameVersion = Objects.equals(e.sourceVersion(), plan.sourceVersion());
            if (e.state() != LedgerState.POSTED || !sameVersion) {
                ctx.state().ledgerPut(new LedgerEntry(e.connectionId(), e.sourceKey(), plan.sourceVersion(),
                        e.targetKind(), e.targetId(), LedgerState.POSTED, e.fingerprint(),
                        FlagRecorder.withoutFlag(e.attributes()), ctx.now()));
            }
            ctx.audit(Direction.ACCOUNTING_TO_PROJECT, targetRef, AuditOutcome.SKIPPED_DUPLICATE,
                    sameVersion ? "already posted as " + targetRef
                            : "source changed (version " + plan.sourceVersion() + ") but what would be posted did not; "
                            + targetRef + " left as is", Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_DUPLICATE);
        }
        if (plan.update() == null) {
            return Flow.Result.flagged(plan.sourceKey(), plan.sourceVersion(), Flag.of(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED,
                    plan.sourceKey() + " changed after it was posted as " + targetRef + ", and "
                            + plan.notUpdatableReason() + "; correct it in Procore by hand"));
        }
        PostedObject updated = Objects.requireNonNull(plan.update().apply(e.targetId()), "update returned null");
        return recorded(ctx, plan, updated, AuditOutcome.UPDATED, "updated " + describe(plan, updated), false);
    }

    private static Flow.Result adopt(FlowContext ctx, Plan plan, PostedObject found) {
        if (plan.update() != null && (found.total() == null || !found.total().sameValueAs(plan.total()))) {
            PostedObject updated = Objects.requireNonNull(plan.update().apply(found.id()), "update returned null");
            return recorded(ctx, plan, updated, AuditOutcome.UPDATED, "adopted " + describe(plan, found)
                    + " found by origin id " + plan.originId() + " (created by an earlier attempt) and updated it", true);
        }
        return recorded(ctx, plan, found, AuditOutcome.POSTED, "adopted " + describe(plan, found)
                + " found by origin id " + plan.originId() + " (created by an earlier attempt); nothing created", true);
    }

    private static Flow.Result recorded(FlowContext ctx, Plan plan, PostedObject target, AuditOutcome outcome,
                                       String reason, boolean newTarget) {
        Map<String, String> attrs = baseAttributes(ctx, plan);
        ctx.state().ledgerPut(new LedgerEntry(ctx.connectionId(), plan.sourceKey(), plan.sourceVersion(),
                plan.kind().name(), target.id(), LedgerState.POSTED, plan.fingerprint(), attrs, ctx.now()));
        String targetRef = targetKey(ctx, plan.kind(), target.id());
        if (newTarget) {
            ctx.state().ledgerPut(new LedgerEntry(ctx.connectionId(), targetRef, null, TARGET_KIND_SOURCE,
                    plan.sourceKey(), LedgerState.POSTED, null, Map.of(ATTR_ECHO_OF, plan.sourceKey()), ctx.now()));
        }
        Map<String, String> details = new HashMap<>();
        details.put("total", plan.total().toString());
        details.put("project", plan.project().toString());
        details.put("kind", plan.kind().name());
        details.put("originId", plan.originId());
        ctx.audit(Direction.ACCOUNTING_TO_PROJECT, targetRef, outcome, reason, details);
        return new Flow.Result.Completed(outcome);
    }

    private static Map<String, String> baseAttributes(FlowContext ctx, Plan plan) {
        Map<String, String> attrs = new HashMap<>(plan.attributes());
        attrs.put(ATTR_OWNER, ctx.owner());
        attrs.put(ATTR_ORIGIN, plan.originId());
        attrs.put(ATTR_PROJECT_COMPANY, String.valueOf(plan.project().companyId()));
        attrs.put(ATTR_PROJECT, String.valueOf(plan.project().projectId()));
        attrs.put(ATTR_TOTAL, plan.total().amount().toPlainString());
        attrs.put(ATTR_CURRENCY, plan.total().currency());
        return attrs;
    }

    private static LedgerEntry pending(FlowContext ctx, Plan plan, LedgerEntry previous) {
        Map<String, String> attrs = previous == null ? new HashMap<>() : new HashMap<>(previous.attributes());
        attrs.putAll(baseAttributes(ctx, plan));
        return new LedgerEntry(ctx.connectionId(), plan.sourceKey(), plan.sourceVersion(), plan.kind().name(), null,
                LedgerState.PENDING, plan.fingerprint(), attrs, ctx.now());
    }

    private static Flow.Result preview(FlowContext ctx, Plan plan, LedgerEntry e) {
        PreviewAction action;
        String targetId = null;
        if (e == null || e.targetId() == null) {
            action = PreviewAction.CREATE;
        } else {
            targetId = e.targetId();
            action = plan.fingerprint().equals(e.fingerprint()) ? PreviewAction.NONE : PreviewAction.UPDATE;
        }
        ctx.services().previews().put(new Preview<>(ctx.connectionId(), plan.sourceKey(), plan.sourceVersion(), action,
                plan.kind().name(), targetId, plan.project().toString(), plan.draft(), plan.mappings(), ctx.now()));
        Map<String, String> details = new HashMap<>();
        details.put("action", action.name());
        details.put("kind", plan.kind().name());
        details.put("total", plan.total().toString());
        details.put("project", plan.project().toString());
        for (ResolvedMapping m : plan.mappings()) {
            details.put("mapping." + m.kind().name() + "." + m.sourceId(), m.targetId());
        }
        ctx.audit(Direction.ACCOUNTING_TO_PROJECT, targetId == null ? null : targetKey(ctx, plan.kind(), targetId),
                AuditOutcome.PREVIEW, "dry run: would " + action.name().toLowerCase(Locale.ROOT) + " "
                        + plan.kind().name().toLowerCase(Locale.ROOT) + " of " + plan.total() + " on " + plan.project(),
                details);
        return new Flow.Result.Completed(AuditOutcome.PREVIEW);
    }

    private static String posted(FlowContext ctx, LedgerEntry e) {
        TargetKind kind = e.kind();
        return kind != null && kind.isProjectObject() ? targetKey(ctx, kind, e.targetId())
                : e.targetKind() + " " + e.targetId();
    }

    private static String describe(Plan plan, PostedObject target) {
        return plan.kind().name().toLowerCase(Locale.ROOT) + " " + target.id() + " (" + plan.total() + ") on "
                + plan.project();
    }
}
