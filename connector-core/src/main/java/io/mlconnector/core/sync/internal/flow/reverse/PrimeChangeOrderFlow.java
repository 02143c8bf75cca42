package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.FixedPriceMove;
import io.mlconnector.core.sync.Preview;
import io.mlconnector.core.sync.PreviewAction;
import io.mlconnector.core.sync.internal.flow.Flag;
import io.mlconnector.core.sync.internal.flow.FlagRecorder;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.ProjectKeys;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.Resolver;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.sync.internal.plan.Fingerprint;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An approved Procore <b>prime contract</b> change order changes what the owner is charged, not the cost. On a
 * FreshBooks project billed at a fixed price it moves {@code fixed_price} by the change order's amount; a revision
 * moves it by the difference from what was applied last; a void, a deletion or an approval withdrawn moves it back.
 * On a project not billed at a fixed price nothing is written: the record is audited {@code SKIPPED_NOT_APPLICABLE}
 * with the reason, and the reconciliation shows it. No expense and no budget is written.
 *
 * <p><b>Exactly once.</b> Under the record's lease, the ledger entry (keyed by the change order's ref, target kind
 * {@code FIXED_PRICE}, target id the FreshBooks project) holds the amount applied ({@code fixedPrice.applied}); only
 * the difference between what counts now and what was applied is ever written, so redeliveries, poll overlap and
 * replays write nothing. Before each write an intent is recorded ({@code fixedPrice.after}: the price written,
 * {@code fixedPrice.for}: the amount it applies); an attempt that finds an intent (a crash, a lost answer) reads the
 * project's fixed price: equal to the intended price means the write landed and is not repeated.
 *
 * <p>Ledger attributes: {@code fixedPrice.applied}, {@code currency}, {@code freshbooksProject}, {@code companyId},
 * {@code projectId}, {@code total} (= applied), and {@code skipped} (why nothing was written) for a project not
 * billed at a fixed price.
 */
public final class PrimeChangeOrderFlow implements Flow {
    static final String TARGET_KIND = TargetKind.FIXED_PRICE.name();
    static final String ATTR_APPLIED = "fixedPrice.applied";
    static final String ATTR_AFTER = "fixedPrice.after";
    static final String ATTR_FOR = "fixedPrice.for";
    /** The fixed price the project held when an attempt recorded its intent (to tell "not written" from "moved"). */
    static final String ATTR_BEFORE = "fixedPrice.before";
    static final String ATTR_SKIPPED = "skipped";

    /** The change order reduced to what the fixed price needs. */
    private record PrimeChange(String key, String label, ProjectRef project, boolean counts, boolean voided,
                               Money amount, String version) {
    }

    @Override
    public Flow.Result process(FlowContext ctx) {
        String id = ctx.payload().get(WorkPayload.ID);
        ProjectRef project = new ProjectRef(ctx.projects().companyId(),
                Long.parseLong(ctx.payload().get(WorkPayload.PROJECT)));
        PrimeChange c;
        try {
            ChangeOrder co = ctx.projects().fetchPrimeChangeOrder(project, id);
            String label = "prime contract change order " + (co.number() == null ? id : "#" + co.number())
                    + (co.title() == null ? "" : " \"" + co.title() + "\"")
                    + (co.revision() > 0 ? " (revision " + co.revision() + ")" : "") + " [" + co.status() + "]";
            c = new PrimeChange(co.ref().key(), label, co.project() == null ? project : co.project(),
                    co.approved() && !co.voided(), co.voided(), co.amount(), co.version());
        } catch (NotFoundException e) {
            c = new PrimeChange(ProjectKeys.ofGone(ctx, WorkType.PROJECT_PRIME_CHANGE_ORDER, id),
                    "prime contract change order " + id + " (deleted)", project, false, true, null, null);
        }
        ctx.source(c.key(), c.version());
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        LedgerEntry existing = state.ledger(conn, c.key()).orElse(null);
        String currency = c.amount() != null ? c.amount().currency()
                : existing == null ? null : existing.attribute(ProjectPosting.ATTR_CURRENCY);
        if (currency == null) {
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_NOT_APPLICABLE, c.label()
                    + " is gone and nothing was applied for it", Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        Money wanted = c.counts() ? c.amount() : Money.zero(currency);
        Money applied = money(existing == null ? null : existing.attribute(ATTR_APPLIED), currency);
        boolean intent = existing != null && existing.attribute(ATTR_AFTER) != null;
        if (!intent && existing != null && existing.attribute(ATTR_SKIPPED) != null
                && Objects.equals(existing.sourceVersion(), c.version())) {
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_DUPLICATE, c.label()
                    + " was handled already: " + existing.attribute(ATTR_SKIPPED), Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_DUPLICATE);
        }
        if (!intent && wanted.sameValueAs(applied)) {
            boolean nothingApplied = applied.isZero() && (existing == null || existing.attribute(ATTR_SKIPPED) != null
                    || (existing.state() != LedgerState.POSTED && existing.state() != LedgerState.REVERSED));
            AuditOutcome outcome = nothingApplied ? AuditOutcome.SKIPPED_NOT_APPLICABLE : AuditOutcome.SKIPPED_DUPLICATE;
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, outcome, c.label() + (nothingApplied
                    ? (c.counts() ? " has no amount" : c.voided() ? " is void" : " is not approved")
                    + " and nothing was applied for it"
                    : " is already reflected in FreshBooks (fixed price moved by " + applied + ")"), Map.of());
            if (!ctx.dryRun() && existing != null && existing.state() != LedgerState.FLAGGED
                    && !Objects.equals(existing.sourceVersion(), c.version())) {
                state.ledgerPut(new LedgerEntry(conn, c.key(), c.version(), existing.targetKind(), existing.targetId(),
                        existing.state(), existing.fingerprint(), existing.attributes(), ctx.now()));
            }
            return new Flow.Result.Completed(outcome);
        }
        Resolver r = new Resolver(ctx);
        String projectSideProject = String.valueOf(c.project().projectId());
        Optional<Mapping> mapping = r.confirmedByTarget(MappingKind.PROJECT, projectSideProject);
        if (mapping.isEmpty()) {
            return Flow.Result.flagged(c.key(), c.version(), Flag.of(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, c.label()
                    + " is on Procore project " + projectSideProject + ", which no confirmed PROJECT mapping links to a"
                    + " FreshBooks project (whose fixed price it would move)"));
        }
        ExternalRef fbProject = new ExternalRef(ctx.accounting().system(), "project", mapping.get().sourceId());
        if (ctx.dryRun()) {
            return preview(ctx, c, fbProject, wanted, applied, r);
        }
        String leaseName = "record:" + conn + ":" + c.key();
        if (!ctx.acquireLease(leaseName)) {
            return new Flow.Result.Busy(c.key(), "another worker is processing " + c.key());
        }
        try {
            // several change orders move the same fixed price: one read-modify-write per FreshBooks project at a time
            String projectLease = "fixed-price:" + conn + ":" + fbProject.id();
            if (!ctx.acquireLease(projectLease)) {
                return new Flow.Result.Busy(c.key(), "another worker is moving the fixed price of FreshBooks project "
                        + fbProject.id());
            }
            try {
                return write(ctx, c, fbProject, currency, wanted);
            } finally {
                ctx.releaseLease(projectLease);
            }
        } finally {
            ctx.releaseLease(leaseName);
        }
    }

    private static Flow.Result write(FlowContext ctx, PrimeChange c, ExternalRef fbProject, String currency,
                                    Money wanted) {
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        // re-read under the lease: another worker may have written since
        LedgerEntry e = state.ledger(conn, c.key()).orElse(null);
        Map<String, String> attrs = e == null ? new HashMap<>() : new HashMap<>(FlagRecorder.withoutFlag(e.attributes()));
        attrs.put(ProjectPosting.ATTR_OWNER, ctx.owner());
        attrs.put(ProjectPosting.ATTR_CURRENCY, currency);
        attrs.put(ProjectPosting.ATTR_PROJECT_COMPANY, String.valueOf(c.project().companyId()));
        attrs.put(ProjectPosting.ATTR_PROJECT, String.valueOf(c.project().projectId()));
        attrs.put(ExpensePosting.ATTR_FB_PROJECT, fbProject.id());
        Money applied = money(attrs.get(ATTR_APPLIED), currency);
        Money before = applied;
        String appliedOn = e == null ? null : e.attribute(ExpensePosting.ATTR_FB_PROJECT);
        if (appliedOn != null && !appliedOn.equals(fbProject.id()) && !applied.isZero()) {
            return Flow.Result.flagged(c.key(), c.version(), Flag.of(AuditOutcome.FLAGGED_NEEDS_REVIEW, c.label()
                    + " moved the fixed price of FreshBooks project " + appliedOn + " by " + applied + ", but the"
                    + " project mapping now points to FreshBooks project " + fbProject.id() + "; move it back on "
                    + appliedOn + " (or restore the mapping), then replay"));
        }
        ProjectPricing pricing = ctx.accounting().fetchProjectPricing(fbProject);
        String found = null;
        if (attrs.get(ATTR_AFTER) != null) {
            // an earlier attempt meant to write this price: if the project holds it, that write landed; if it holds
            // the price it had then, it did not; anything else was changed by someone else and is not guessed
            Money intended = money(attrs.get(ATTR_AFTER), currency);
            Money priceThen = attrs.get(ATTR_BEFORE) == null ? null : money(attrs.get(ATTR_BEFORE), currency);
            Money now = pricing.fixedPrice() == null ? Money.zero(currency) : pricing.fixedPrice();
            if (now.sameValueAs(intended)) {
                applied = money(attrs.get(ATTR_FOR), currency);
                found = "found the fixed price of FreshBooks project " + fbProject.id() + " already at " + intended
                        + " (an earlier attempt wrote it)";
            } else if (priceThen != null && !now.sameValueAs(priceThen)) {
                return Flow.Result.flagged(c.key(), c.version(), Flag.of(AuditOutcome.FLAGGED_NEEDS_REVIEW, c.label()
                        + ": an earlier attempt meant to move the fixed price of FreshBooks project " + fbProject.id()
                        + " from " + priceThen + " to " + intended + " and its outcome is unknown; the price is now "
                        + now + ", so it was changed by someone else. Check the price, then replay"));
            }
            attrs.remove(ATTR_AFTER);
            attrs.remove(ATTR_FOR);
            attrs.remove(ATTR_BEFORE);
            attrs.put(ATTR_APPLIED, plain(applied));
        }
        if (!pricing.fixedPriceBilling()) {
            String reason = "FreshBooks project " + fbProject.id() + " is not billed at a fixed price, so nothing is"
                    + " written for " + c.label() + " (" + wanted + "); it is shown in the reconciliation";
            attrs.put(ATTR_SKIPPED, reason);
            attrs.put(ATTR_APPLIED, plain(applied));
            state.ledgerPut(entry(ctx, c, LedgerState.POSTED, fbProject, attrs, applied));
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject.key(), AuditOutcome.SKIPPED_NOT_APPLICABLE, reason,
                    Map.of("amount", String.valueOf(wanted), "freshbooksProject", fbProject.id()));
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        attrs.remove(ATTR_SKIPPED);
        Money current = pricing.fixedPrice() == null ? Money.zero(currency) : pricing.fixedPrice();
        if (!current.currency().equals(currency)) {
            return Flow.Result.flagged(c.key(), c.version(), Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, c.label()
                    + " is in " + currency + " but the fixed price of FreshBooks project " + fbProject.id() + " is in "
                    + current.currency() + "; amounts are never converted"));
        }
        boolean reversal = !c.counts();
        LedgerState end = reversal ? LedgerState.REVERSED : LedgerState.POSTED;
        Money delta = wanted.minus(applied);
        if (delta.isZero()) {
            state.ledgerPut(entry(ctx, c, end, fbProject, attrs, applied));
            AuditOutcome outcome = found == null ? AuditOutcome.SKIPPED_DUPLICATE : outcome(reversal, before);
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject.key(), outcome, c.label() + ": " + (found != null
                    ? found : "already reflected in FreshBooks (fixed price moved by " + applied + ")"), Map.of());
            return new Flow.Result.Completed(outcome);
        }
        Money after = current.plus(delta);
        attrs.put(ATTR_AFTER, plain(after));
        attrs.put(ATTR_FOR, plain(wanted));
        attrs.put(ATTR_BEFORE, plain(current));
        state.ledgerPut(entry(ctx, c, LedgerState.PENDING, fbProject, attrs, applied));
        ctx.accounting().updateProjectFixedPrice(fbProject, after);
        attrs.remove(ATTR_AFTER);
        attrs.remove(ATTR_FOR);
        attrs.remove(ATTR_BEFORE);
        attrs.put(ATTR_APPLIED, plain(wanted));
        state.ledgerPut(entry(ctx, c, end, fbProject, attrs, wanted));
        AuditOutcome outcome = outcome(reversal, before);
        Map<String, String> details = new HashMap<>();
        details.put("before", current.toString());
        details.put("delta", delta.toString());
        details.put("after", after.toString());
        details.put("applied", wanted.toString());
        ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject.key(), outcome, c.label() + ": "
                + (found == null ? "" : found + "; ") + "moved the fixed price of FreshBooks project " + fbProject.id()
                + " by " + delta + " from " + current + " to " + after, details);
        return new Flow.Result.Completed(outcome);
    }

    private static AuditOutcome outcome(boolean reversal, Money appliedBefore) {
        return reversal ? AuditOutcome.REVERSED : appliedBefore.isZero() ? AuditOutcome.POSTED : AuditOutcome.UPDATED;
    }

    private static Flow.Result preview(FlowContext ctx, PrimeChange c, ExternalRef fbProject, Money wanted,
                                      Money applied, Resolver r) {
        ProjectPricing pricing = ctx.accounting().fetchProjectPricing(fbProject);
        if (!pricing.fixedPriceBilling()) {
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject.key(), AuditOutcome.SKIPPED_NOT_APPLICABLE,
                    "dry run: FreshBooks project " + fbProject.id() + " is not billed at a fixed price, so nothing"
                            + " would be written for " + c.label(), Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        Money current = pricing.fixedPrice() == null ? Money.zero(wanted.currency()) : pricing.fixedPrice();
        Money delta = wanted.minus(applied);
        FixedPriceMove move = new FixedPriceMove(fbProject, current, delta, current.plus(delta));
        PreviewAction action = !c.counts() ? PreviewAction.REVERSE
                : applied.isZero() ? PreviewAction.CREATE : PreviewAction.UPDATE;
        ctx.services().previews().put(new Preview<>(ctx.connectionId(), c.key(), c.version(), action, TARGET_KIND,
                fbProject.id(), fbProject.key(), move, r.used(), ctx.now()));
        ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject.key(), AuditOutcome.PREVIEW, "dry run: would move the"
                + " fixed price of FreshBooks project " + fbProject.id() + " by " + delta + " to " + move.after()
                + " for " + c.label(), Map.of("action", action.name(), "delta", delta.toString()));
        return new Flow.Result.Completed(AuditOutcome.PREVIEW);
    }

    private static LedgerEntry entry(FlowContext ctx, PrimeChange c, LedgerState state, ExternalRef fbProject,
                                     Map<String, String> attrs, Money applied) {
        attrs.put(ProjectPosting.ATTR_TOTAL, plain(applied));
        String fp = new Fingerprint().add("applied", applied.amount()).digest();
        return new LedgerEntry(ctx.connectionId(), c.key(), c.version(), TARGET_KIND, fbProject.id(), state, fp, attrs,
                ctx.now());
    }

    private static String plain(Money m) {
        return m.amount().toPlainString();
    }

    private static Money money(String amount, String currency) {
        return amount == null ? Money.zero(currency) : new Money(new BigDecimal(amount), currency);
    }
}
