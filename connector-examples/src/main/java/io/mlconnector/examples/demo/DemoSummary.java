package io.mlconnector.examples.demo;

import io.mlconnector.core.sync.alignment.AlignmentItem;
import io.mlconnector.core.sync.alignment.KindAlignment;
import io.mlconnector.core.sync.reconcile.ReconciliationSummary;
import io.mlconnector.core.sync.reconcile.RecordComparison;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link DemoResult} as the short summary the demo prints. */
public final class DemoSummary {
    private static final int TOP_ENDPOINTS = 5;

    private DemoSummary() {
    }

    /** The summary text. */
    public static String render(DemoResult r) {
        StringBuilder b = new StringBuilder();
        b.append("=== ml-connector demo: FreshBooks account ").append(r.accountId()).append(" <-> Procore company ")
                .append(r.companyId()).append(" ===\n\n");

        b.append("First-sync alignment\n");
        kind(b, "vendors", r.alignment().vendors());
        kind(b, "projects", r.alignment().projects());
        kind(b, "GL accounts -> cost codes", r.alignment().glAccounts());

        b.append("\nPosted\n");
        for (DemoResult.Posting p : r.postings()) {
            b.append("  ").append(p.source()).append("\n      -> ").append(p.target()).append(", ")
                    .append(money(p.amount())).append('\n');
        }
        if (!r.pollerCaught().isEmpty()) {
            b.append("  caught by the poller after its webhook was dropped: ")
                    .append(String.join(", ", r.pollerCaught())).append('\n');
        }
        b.append("  FreshBooks fixed price of Harbor Tower (prime contract change order): ")
                .append(money(r.fixedPriceBefore())).append(" -> ").append(money(r.fixedPriceAfter()))
                .append("; its budget (hours) untouched\n");
        b.append("  echoes of our own writes skipped: ").append(r.skippedEchoes()).append('\n');

        b.append("\nFlagged (nothing posted; fix the mapping, then replay)\n");
        if (r.flagged().isEmpty()) {
            b.append("  none\n");
        }
        for (DemoResult.Flagged f : r.flagged()) {
            b.append("  ").append(f.source()).append(": ").append(f.outcome()).append("\n      ").append(f.reason())
                    .append('\n');
        }

        ReconciliationSummary s = r.reconciliation().summary();
        b.append("\nMonth-end reconciliation ").append(r.reconciliation().period()).append('\n')
                .append("  ").append(s.matched()).append(" matched, ").append(s.different()).append(" different, ")
                .append(s.accountingOnly()).append(" in FreshBooks only, ").append(s.projectOnly())
                .append(" in Procore only, ").append(s.flagged()).append(" flagged; ").append(s.costCodesDifferent())
                .append(" cost code totals differ; ").append(s.waiting()).append(" record(s) waiting for a person\n");

        for (RecordComparison d : r.reconciliation().differences()) {
            b.append("  ").append(d.status()).append(' ').append(d.sourceKey())
                    .append(d.number() == null ? "" : " (" + d.number() + ")").append(": FreshBooks ")
                    .append(money(d.accountingAmount())).append(", Procore ").append(money(d.projectAmount()))
                    .append(d.reason() == null ? "" : " - " + d.reason()).append('\n');
        }

        b.append("\nAPI calls\n");
        calls(b, "FreshBooks", r.freshBooksCalls());
        calls(b, "Procore", r.procoreCalls());

        b.append("\nAudit log: ").append(r.auditLog()).append(" (").append(r.auditEvents())
                .append(" events, JSON Lines)\n");
        if (r.reachedExpectedEndState()) {
            b.append("Result: expected end state reached.\n");
        } else {
            b.append("Result: NOT the expected end state:\n");
            r.problems().forEach(p -> b.append("  - ").append(p).append('\n'));
        }
        return b.toString();
    }

    private static void kind(StringBuilder b, String name, KindAlignment k) {
        b.append("  ").append(name).append(": ").append(k.matched().size()).append(" matched, ")
                .append(k.suggested().size()).append(" suggested, ").append(k.created().size()).append(" created, ")
                .append(k.unmatched().size()).append(" unmatched");
        String unmatched = k.unmatched().stream().map(DemoSummary::nameOf).filter(n -> n != null)
                .collect(Collectors.joining(", "));
        if (!unmatched.isEmpty()) {
            b.append(" (").append(unmatched).append(')');
        }
        b.append('\n');
    }

    private static String nameOf(AlignmentItem i) {
        if (i.accountingName() != null) {
            return "FreshBooks '" + i.accountingName() + "'";
        }
        return i.projectSystemName() == null ? null : "Procore '" + i.projectSystemName() + "'";
    }

    private static void calls(StringBuilder b, String system, Map<String, Long> calls) {
        b.append("  ").append(system).append(": ").append(DemoResult.total(calls)).append(" (");
        b.append(calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey())).limit(TOP_ENDPOINTS)
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        if (calls.size() > TOP_ENDPOINTS) {
            b.append(", ... ").append(calls.size() - TOP_ENDPOINTS).append(" more endpoints");
        }
        b.append(")\n");
    }

    private static String money(BigDecimal amount) {
        if (amount == null) {
            return "?";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(amount) + " USD";
    }
}
