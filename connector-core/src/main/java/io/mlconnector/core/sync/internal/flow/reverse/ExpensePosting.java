package io.mlconnector.core.sync.internal.flow.reverse;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExpenseLookup;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.ExpensePlan;
import io.mlconnector.core.sync.Preview;
import io.mlconnector.core.sync.PreviewAction;
import io.mlconnector.core.sync.internal.flow.Flag;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.OriginIds;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.Resolver;
import io.mlconnector.core.sync.internal.plan.CostChange;
import io.mlconnector.core.sync.internal.plan.Fingerprint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a Procore cost change into FreshBooks so project margins stay true, exactly once in effect.
 *
 * <p><b>What is written.</b> One expense per expense category (the category mapped from each line's cost code by
 * {@code COST_CODE_CATEGORY}; lines with the same category are summed), on the FreshBooks project mapped to the
 * Procore project ({@code PROJECT}, reverse lookup) and/or its client ({@code CLIENT_PROJECT}), with a note naming
 * the Procore object and a marker ({@code pc:<company>:<type>:<id>:<category>}) that {@code findExpenseByMarker}
 * finds again. Nothing else: a FreshBooks project's {@code budget} is a number of hours, so money never goes there
 * (what the owner is charged moves through {@link PrimeChangeOrderFlow}).
 *
 * <p><b>Revisions and voids.</b> The ledger entry of the Procore object stores, per category, the expense id and the
 * amount it holds. A revision sets the SAME expense to the new amount; a void (or an approval withdrawn) sets the
 * expenses to zero: the expense stays visible with a zero amount and a note, rather than being deleted or offset by a
 * second entry, so FreshBooks shows one line per Procore object whose amount is always what counts now. Redelivery,
 * poll overlap and restarts compare against the stored amounts, so nothing is counted twice.
 *
 * <p><b>Crash safety without a look per record.</b> Before each expense create the ledger entry records the intent
 * ({@code creating.<category>} = the amount and date about to be sent), and right after the create returns the
 * expense id replaces it. So, for a category without an expense id:
 * <ul>
 *   <li>an intent in the ledger means an earlier attempt may have created the expense and died (or lost the
 *       answer): look for it by marker, narrowed by project, category, and the intent's amount and date (one read
 *       however many expenses the project holds), and adopt it;</li>
 *   <li>no intent, in an entry this protocol wrote ({@code intents} attribute), means no earlier attempt: create
 *       without a look — one FreshBooks write per category at steady state;</li>
 *   <li>an entry written before this protocol, or a ledger that does not know every expense the connector created
 *       ({@link ExpenseLedgerContinuity}): look (narrowed by project and category) before creating.</li>
 * </ul>
 *
 * <p>Ledger entries written by earlier versions may still carry {@code budget.*} attributes (a budget move in money);
 * they are ignored, never reversed: the FreshBooks adapter refuses budget writes.
 */
public final class ExpensePosting {
    static final String ATTR_EXPENSE = "expense.";
    static final String ATTR_POSTED = "posted.";
    static final String ATTR_FB_PROJECT = "freshbooksProject";
    static final String ATTR_FB_CLIENT = "freshbooksClient";
    static final String ATTR_MARKERS = "markers";
    /** Per category: an expense create was about to be sent ({@code <amount>|<date>}); removed once it is recorded. */
    static final String ATTR_CREATING = "creating.";
    /** Marks an entry written under the intent protocol: no {@code creating.<category>} then proves no attempt. */
    static final String ATTR_INTENTS = "intents";
    static final String TARGET_KIND = TargetKind.EXPENSE.name();

    private ExpensePosting() {
    }

    static Flow.Result post(FlowContext ctx, CostChange c) {
        String key = c.sourceKey();
        ctx.source(key, c.version());
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        String echo = echoReason(ctx, c);
        if (echo != null) {
            if (!ctx.dryRun() && OriginIds.isOurs(ctx.accounting(), c.originId())) {
                rememberAsOurs(ctx, c);
            }
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_ECHO, c.label() + " " + echo,
                    Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_ECHO);
        }
        LedgerEntry existing = state.ledger(conn, key).orElse(null);
        String currency = c.total() != null ? c.total().currency()
                : c.lines().isEmpty() ? existingCurrency(existing) : c.lines().get(0).amount().currency();
        if (currency == null) {
            if (!c.counts()) {
                ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_NOT_APPLICABLE, c.label()
                        + " is gone and nothing was posted for it", Map.of());
                return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
            }
            throw new IllegalStateException(c.label() + " has no amount to derive a currency from");
        }
        Money zero = Money.zero(currency);
        Map<String, Money> posted = postedAmounts(existing, currency);
        if (!c.counts() && allZero(posted)) {
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_NOT_APPLICABLE, c.label()
                    + (c.voided() ? " is void" : " is not approved") + " and nothing was posted for it", Map.of());
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
        }
        Resolver r = new Resolver(ctx);
        String projectSideProject = String.valueOf(c.project().projectId());
        Optional<Mapping> fbProjectMapping = r.confirmedByTarget(MappingKind.PROJECT, projectSideProject);
        Optional<Mapping> fbClientMapping = r.confirmedByTarget(MappingKind.CLIENT_PROJECT, projectSideProject);
        String accounting = ctx.accounting().system();
        ExternalRef fbProject = fbProjectMapping.map(m -> new ExternalRef(accounting, "project", m.sourceId()))
                .orElse(null);
        ExternalRef fbClient = fbClientMapping.map(m -> new ExternalRef(accounting, "client", m.sourceId()))
                .orElse(null);
        if (fbProject == null && fbClient == null) {
            r.flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_PROJECT, c.label() + " is on Procore project " + projectSideProject
                    + ", which no confirmed PROJECT or CLIENT_PROJECT mapping links to a FreshBooks project or client"));
        }
        Map<String, Money> wanted = new LinkedHashMap<>();
        if (c.counts()) {
            if (c.lines().isEmpty() && c.total() != null && !c.total().isZero()) {
                r.flag(Flag.of(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE, c.label() + " has a total of " + c.total()
                        + " but no lines by cost code, so no expense category can be chosen"));
            }
            for (ChangeOrderLine line : c.lines()) {
                if (!line.amount().currency().equals(currency)) {
                    r.flag(Flag.of(AuditOutcome.FLAGGED_CURRENCY_MISMATCH, "a line of " + c.label() + " is in "
                            + line.amount().currency() + " but its total is in " + currency
                            + "; amounts are never converted"));
                    continue;
                }
                Optional<Mapping> cat = r.confirmed(MappingKind.COST_CODE_CATEGORY, line.costCode());
                if (cat.isEmpty()) {
                    r.flag(Flag.unmapped(AuditOutcome.FLAGGED_UNMAPPED_COST_CODE, "cost code " + line.costCode()
                                    + " of " + c.label() + " has no confirmed FreshBooks expense category mapping"
                                    + " (COST_CODE_CATEGORY " + line.costCode() + ")", MappingKind.COST_CODE_CATEGORY,
                            line.costCode(), "Procore cost code " + line.costCode()));
                    continue;
                }
                wanted.merge(cat.get().targetId(), line.amount(), Money::plus);
            }
        }
        if (r.hasFlags()) {
            return Flow.Result.flagged(key, c.version(), r.flags());
        }
        Set<String> categories = new LinkedHashSet<>(wanted.keySet());
        categories.addAll(new TreeSet<>(posted.keySet()));
        List<ExpenseEntry> entries = new ArrayList<>();
        for (String cat : categories) {
            Money target = wanted.getOrDefault(cat, zero);
            if (!target.sameValueAs(posted.getOrDefault(cat, zero))) {
                String expenseId = existing == null ? null : existing.attribute(ATTR_EXPENSE + cat);
                entries.add(expense(ctx, c, cat, target, expenseId, fbProject, fbClient));
            }
        }
        boolean reversal = !c.counts();
        if (entries.isEmpty()) {
            ctx.audit(Direction.PROJECT_TO_ACCOUNTING, null, AuditOutcome.SKIPPED_DUPLICATE, c.label()
                    + " is already reflected in FreshBooks (expenses " + amounts(posted) + ")", Map.of());
            if (existing != null && !java.util.Objects.equals(existing.sourceVersion(), c.version())) {
                state.ledgerPut(new LedgerEntry(conn, key, c.version(), existing.targetKind(), existing.targetId(),
                        existing.state(), existing.fingerprint(), existing.attributes(), ctx.now()));
            }
            return new Flow.Result.Completed(AuditOutcome.SKIPPED_DUPLICATE);
        }
        if (ctx.dryRun()) {
            return preview(ctx, c, existing, currency, entries, fbProject, fbClient, r, reversal);
        }
        String leaseName = "record:" + conn + ":" + key;
        if (!ctx.acquireLease(leaseName)) {
            return new Flow.Result.Busy(key, "another worker is processing " + key);
        }
        try {
            return write(ctx, c, currency, wanted, fbProject, fbClient, reversal);
        } finally {
            ctx.releaseLease(leaseName);
        }
    }

    private static Flow.Result write(FlowContext ctx, CostChange c, String currency, Map<String, Money> wanted,
                                    ExternalRef fbProject, ExternalRef fbClient, boolean reversal) {
        SyncStateStore state = ctx.state();
        String conn = ctx.connectionId();
        String key = c.sourceKey();
        AccountingSystem fb = ctx.accounting();
        Money zero = Money.zero(currency);
        // re-read under the lease: another worker may have written since the plan was made
        LedgerEntry e = state.ledger(conn, key).orElse(null);
        if (e == null) {
            Map<String, String> a = new HashMap<>();
            a.put(ProjectPosting.ATTR_CURRENCY, currency);
            a.put(ATTR_INTENTS, "1");
            state.ledgerInsertIfAbsent(new LedgerEntry(conn, key, c.version(), TARGET_KIND, null,
                    LedgerState.PENDING, null, a, ctx.now()));
            e = state.ledger(conn, key).orElseThrow();
        }
        boolean firstPosting = e.state() == LedgerState.PENDING && postedAmounts(e, currency).isEmpty();
        boolean intentsKept = e.attribute(ATTR_INTENTS) != null;
        Boolean ledgerComplete = null;
        Map<String, String> attrs = new HashMap<>(e.attributes());
        attrs.put(ATTR_INTENTS, "1");
        attrs.put(ProjectPosting.ATTR_OWNER, ctx.owner());
        attrs.put(ProjectPosting.ATTR_CURRENCY, currency);
        if (fbProject != null) {
            attrs.put(ATTR_FB_PROJECT, fbProject.id());
        }
        if (fbClient != null) {
            attrs.put(ATTR_FB_CLIENT, fbClient.id());
        }
        Map<String, Money> posted = postedAmounts(e, currency);
        Set<String> categories = new LinkedHashSet<>(wanted.keySet());
        categories.addAll(new TreeSet<>(posted.keySet()));
        List<String> written = new ArrayList<>();
        LedgerState working = e.state() == LedgerState.PENDING ? LedgerState.PENDING : e.state();
        for (String cat : categories) {
            Money target = wanted.getOrDefault(cat, zero);
            if (target.sameValueAs(posted.getOrDefault(cat, zero))) {
                continue;
            }
            String expenseId = attrs.get(ATTR_EXPENSE + cat);
            ExpenseEntry entry = expense(ctx, c, cat, target, expenseId, fbProject, fbClient);
            String intent = attrs.get(ATTR_CREATING + cat);
            boolean mayExist = intent != null || !intentsKept;
            if (expenseId == null && !mayExist && !target.isZero()) {
                if (ledgerComplete == null) {
                    ledgerComplete = ExpenseLedgerContinuity.complete(ctx);
                }
                mayExist = !ledgerComplete;
            }
            if (expenseId == null && mayExist) { // FreshBooks keeps no unique key: an earlier attempt may have created it
                Optional<ExpenseEntry> found = fb.findExpense(lookup(entry, intent));
                if (found.isPresent() && found.get().ref() != null) {
                    expenseId = found.get().ref().id();
                    entry = withRef(entry, found.get().ref());
                    if (found.get().amount() != null && found.get().amount().sameValueAs(target)) {
                        record(attrs, cat, expenseId, target);
                        state.ledgerPut(entry(ctx, c, key, working, attrs));
                        written.add("adopted expense " + expenseId + " (" + target + ")");
                        continue;
                    }
                }
            }
            ExpenseEntry result;
            if (expenseId == null) {
                if (target.isZero()) {
                    record(attrs, cat, null, target);
                    continue;
                }
                attrs.put(ATTR_CREATING + cat, target.amount().toPlainString() + "|" + entry.date());
                state.ledgerPut(entry(ctx, c, key, working, attrs));
                result = fb.createExpense(entry);
                written.add("created expense " + result.ref().id() + " (" + target + ")");
            } else {
                result = fb.updateExpense(entry);
                written.add("set expense " + expenseId + " to " + target);
            }
            record(attrs, cat, result.ref() == null ? expenseId : result.ref().id(), target);
            state.ledgerPut(entry(ctx, c, key, working, attrs));
        }
        LedgerState end = reversal ? LedgerState.REVERSED : LedgerState.POSTED;
        state.ledgerPut(entry(ctx, c, key, end, attrs));
        AuditOutcome outcome = reversal ? AuditOutcome.REVERSED : firstPosting ? AuditOutcome.POSTED
                : AuditOutcome.UPDATED;
        Map<String, String> details = new HashMap<>();
        details.put("total", String.valueOf(c.total()));
        postedAmounts(new LedgerEntry(conn, key, null, TARGET_KIND, null, end, null, attrs, ctx.now()), currency)
                .forEach((cat, m) -> details.put("category." + cat, m.toString()));
        ctx.audit(Direction.PROJECT_TO_ACCOUNTING, fbProject != null ? fbProject.key()
                        : fbClient == null ? null : fbClient.key(), outcome,
                c.label() + ": " + (written.isEmpty() ? "nothing to write" : String.join("; ", written)), details);
        return new Flow.Result.Completed(outcome);
    }

    private static Flow.Result preview(FlowContext ctx, CostChange c, LedgerEntry existing, String currency,
                                      List<ExpenseEntry> entries, ExternalRef fbProject, ExternalRef fbClient,
                                      Resolver r, boolean reversal) {
        PreviewAction action = reversal ? PreviewAction.REVERSE
                : existing == null || postedAmounts(existing, currency).isEmpty() ? PreviewAction.CREATE
                : PreviewAction.UPDATE;
        String target = fbProject != null ? fbProject.key() : fbClient == null ? null : fbClient.key();
        ExpensePlan plan = new ExpensePlan(entries);
        ctx.services().previews().put(new Preview<>(ctx.connectionId(), c.sourceKey(), c.version(), action,
                TARGET_KIND, null, target, plan, r.used(), ctx.now()));
        Map<String, String> details = new HashMap<>();
        details.put("action", action.name());
        details.put("expenses", String.valueOf(entries.size()));
        ctx.audit(Direction.PROJECT_TO_ACCOUNTING, target, AuditOutcome.PREVIEW, "dry run: would write "
                + entries.size() + " expense(s) for " + c.label(), details);
        return new Flow.Result.Completed(AuditOutcome.PREVIEW);
    }

    /**
     * An object carrying our origin id is ours for good: record the echo guard that {@link ProjectPosting} writes after
     * a create, in case that write never happened (a node died in between), so later polls skip it without work.
     */
    private static void rememberAsOurs(FlowContext ctx, CostChange c) {
        ctx.state().ledgerInsertIfAbsent(new LedgerEntry(ctx.connectionId(), c.sourceKey(), c.version(),
                ProjectPosting.TARGET_KIND_SOURCE, null, LedgerState.POSTED, null,
                Map.of(ProjectPosting.ATTR_ECHO_OF, c.originId()), ctx.now()));
    }

    private static String echoReason(FlowContext ctx, CostChange c) {
        String app = ctx.projects().applicationId();
        if (app != null && !app.isBlank() && app.equals(c.sourceApplicationId())) {
            return "was last changed by this connector (source application " + app + "): our own write, not echoed";
        }
        if (OriginIds.isOurs(ctx.accounting(), c.originId())) {
            return "carries our origin id " + c.originId() + ": created by this connector, not echoed";
        }
        LedgerEntry guard = ctx.state().ledger(ctx.connectionId(), c.sourceKey()).orElse(null);
        if ((guard == null || guard.attribute(ProjectPosting.ATTR_ECHO_OF) == null) && c.echoGuardKey() != null) {
            guard = ctx.state().ledger(ctx.connectionId(), c.echoGuardKey()).orElse(null);
        }
        if (guard != null && guard.attribute(ProjectPosting.ATTR_ECHO_OF) != null) {
            return "was posted by this connector for " + guard.attribute(ProjectPosting.ATTR_ECHO_OF)
                    + ": our own write, not echoed";
        }
        return null;
    }

    private static ExpenseEntry expense(FlowContext ctx, CostChange c, String category, Money amount, String expenseId,
                                        ExternalRef fbProject, ExternalRef fbClient) {
        ExternalRef source = ExternalRef.parse(c.sourceKey());
        String marker = OriginIds.expenseMarker(ctx.projects(), source, category);
        LocalDate date = c.date() != null ? c.date() : LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        String notes = "Procore " + c.label() + " on project " + c.project().projectId()
                + (c.counts() ? "" : c.voided() ? " — voided, reversed to zero" : " — no longer approved, set to zero");
        String accounting = ctx.accounting().system();
        return new ExpenseEntry(expenseId == null ? null : new ExternalRef(accounting, "expense", expenseId),
                marker, new ExternalRef(accounting, "category", category), fbProject, fbClient, amount, date,
                null, notes);
    }

    private static ExpenseEntry withRef(ExpenseEntry e, ExternalRef ref) {
        return new ExpenseEntry(ref, e.marker(), e.category(), e.project(), e.client(), e.amount(), e.date(),
                e.vendorName(), e.notes());
    }

    /**
     * The narrowest look for an expense an earlier attempt may have created: by its intent's amount and date when the
     * ledger recorded one, else by project and category only.
     */
    private static ExpenseLookup lookup(ExpenseEntry entry, String intent) {
        Money amount = null;
        LocalDate date = null;
        if (intent != null) {
            int cut = intent.indexOf('|');
            try {
                amount = new Money(new BigDecimal(intent.substring(0, cut)), entry.amount().currency());
                date = LocalDate.parse(intent.substring(cut + 1));
            } catch (RuntimeException malformed) { // look by project and category only
                amount = null;
                date = null;
            }
        }
        return new ExpenseLookup(entry.marker(), entry.project(), entry.category(), amount, date);
    }

    private static void record(Map<String, String> attrs, String category, String expenseId, Money amount) {
        attrs.remove(ATTR_CREATING + category);
        if (expenseId != null) {
            attrs.put(ATTR_EXPENSE + category, expenseId);
        }
        attrs.put(ATTR_POSTED + category, amount.amount().toPlainString());
    }

    /**
     * The ledger entry as it stands; besides the per-category attributes it carries {@code markers} (the markers of
     * the expenses written, comma-separated) and {@code total} (what the expenses hold together), which the
     * reconciler reads.
     */
    private static LedgerEntry entry(FlowContext ctx, CostChange c, String key, LedgerState state,
                                     Map<String, String> attrs) {
        ExternalRef source = ExternalRef.parse(key);
        List<String> markers = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String k : new TreeSet<>(attrs.keySet())) {
            if (k.startsWith(ATTR_EXPENSE)) {
                markers.add(OriginIds.expenseMarker(ctx.projects(), source,
                        k.substring(ATTR_EXPENSE.length())));
            } else if (k.startsWith(ATTR_POSTED)) {
                total = total.add(new BigDecimal(attrs.get(k)));
            }
        }
        attrs.put(ATTR_MARKERS, String.join(",", markers));
        attrs.put(ProjectPosting.ATTR_TOTAL, total.toPlainString());
        if (markers.isEmpty()) {
            attrs.remove(ATTR_MARKERS);
        }
        return new LedgerEntry(ctx.connectionId(), key, c.version(), TARGET_KIND, firstExpense(attrs), state,
                fingerprint(attrs), attrs, ctx.now());
    }

    /** The ledger's target id: the expense of the first category (all are listed in the attributes). */
    private static String firstExpense(Map<String, String> attrs) {
        return attrs.entrySet().stream().filter(en -> en.getKey().startsWith(ATTR_EXPENSE))
                .min(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(null);
    }

    private static String fingerprint(Map<String, String> attrs) {
        Fingerprint f = new Fingerprint();
        new TreeSet<>(attrs.keySet()).stream().filter(k -> k.startsWith(ATTR_POSTED))
                .forEach(k -> f.add(k, new BigDecimal(attrs.get(k))));
        return f.digest();
    }

    static Map<String, Money> postedAmounts(LedgerEntry e, String currency) {
        Map<String, Money> out = new LinkedHashMap<>();
        if (e == null) {
            return out;
        }
        new TreeSet<>(e.attributes().keySet()).forEach(k -> {
            if (k.startsWith(ATTR_POSTED)) {
                out.put(k.substring(ATTR_POSTED.length()), money(e.attribute(k), currency));
            }
        });
        return out;
    }

    private static String existingCurrency(LedgerEntry e) {
        return e == null ? null : e.attribute(ProjectPosting.ATTR_CURRENCY);
    }

    private static Money money(String amount, String currency) {
        return amount == null ? Money.zero(currency) : new Money(new BigDecimal(amount), currency);
    }

    private static boolean allZero(Map<String, Money> m) {
        return m.values().stream().allMatch(Money::isZero);
    }

    private static String amounts(Map<String, Money> m) {
        return m.isEmpty() ? "none" : m.toString();
    }
}
