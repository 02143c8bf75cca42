package io.mlconnector.core.sync.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link ReconciliationReport} as one CSV table with a fixed column order. */
final class ReportCsv {
    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("section", "status", "flow", "project_id", "project_name", "cost_code",
            "source", "number", "target_kind", "target_id", "date", "currency", "accounting_amount", "project_amount",
            "difference", "reason");

    private ReportCsv() {
    }

    static String render(ReconciliationReport r) {
        Map<String, String> names = new HashMap<>();
        for (CostCodeTotal c : r.costCodes()) {
            if (c.projectId() != null && c.projectName() != null) {
                names.putIfAbsent(c.projectId(), c.projectName());
            }
        }
        StringBuilder sb = new StringBuilder();
        row(sb, COLUMNS.toArray(new String[0]));
        for (CostCodeTotal c : r.costCodes()) {
            row(sb, "cost_code", c.matched() ? "MATCHED" : "DIFFERENT", c.flow().name(), text(c.projectId()),
                    text(c.projectName()), text(c.costCode()), "", "", "", "", "", c.currency(),
                    Amounts.plain(c.accountingAmount()), Amounts.plain(c.projectAmount()), Amounts.plain(c.difference()),
                    "");
        }
        for (RecordComparison c : r.records()) {
            row(sb, "record", c.status().name(), c.flow().name(), text(c.projectId()),
                    text(c.projectId() == null ? null : names.get(c.projectId())), "", text(c.sourceKey()),
                    text(c.number()), text(c.targetKind()), text(c.targetId()),
                    c.date() == null ? "" : c.date().toString(), c.currency(), Amounts.plain(c.accountingAmount()),
                    nz(Amounts.plain(c.projectAmount())), nz(Amounts.plain(c.difference())), text(c.reason()));
        }
        for (WaitingRecord w : r.waiting()) {
            String status = w.ledgerFlagged() ? (w.queueStatus() == null ? "FLAGGED" : "FLAGGED+" + w.queueStatus())
                    : nz(w.queueStatus());
            row(sb, "waiting", status, "", "", "", "", text(w.key()), "", "", "",
                    w.since() == null ? "" : w.since().toString(), "", "", "", "", text(w.reason()));
        }
        for (CostCodeBudgetLine b : r.budgets()) {
            row(sb, "budget", "BUDGET", "", text(b.projectId()), text(b.projectName()), text(b.costCode()), "", "", "",
                    "", "", b.currency(), Amounts.plain(b.accountingAmount()), Amounts.plain(b.revisedBudget()),
                    Amounts.plain(b.accountingAmount().subtract(b.revisedBudget())), "original budget "
                            + known(b.originalBudget()) + "; approved changes " + known(b.approvedChanges())
                            + "; accounting amounts of " + r.period());
        }
        return sb.toString();
    }

    private static String known(java.math.BigDecimal amount) {
        return amount == null ? "unknown" : Amounts.plain(amount);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Free text: a leading {@code = + - @} would make a spreadsheet evaluate it, so it is prefixed with {@code '}. */
    private static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells[i]));
        }
        sb.append("\r\n");
    }

    private static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
