package io.mlconnector.core.sync.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Writes a {@link ReconciliationReport} as JSON with a fixed field order; amounts are decimal strings. */
final class ReportJson {
    private ReportJson() {
    }

    static String render(ReconciliationReport r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("connectionId", r.connectionId());
        root.put("period", r.period().toString());
        root.put("generatedAt", r.generatedAt().toString());
        ReconciliationSummary s = r.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("matched", s.matched());
        summary.put("different", s.different());
        summary.put("accountingOnly", s.accountingOnly());
        summary.put("projectOnly", s.projectOnly());
        summary.put("flagged", s.flagged());
        summary.put("costCodesDifferent", s.costCodesDifferent());
        summary.put("waiting", s.waiting());
        ArrayNode costCodes = root.putArray("costCodes");
        for (CostCodeTotal c : r.costCodes()) {
            ObjectNode n = costCodes.addObject();
            n.put("projectId", c.projectId());
            n.put("projectName", c.projectName());
            n.put("flow", c.flow().name());
            n.put("costCode", c.costCode());
            n.put("currency", c.currency());
            n.put("accountingAmount", Amounts.plain(c.accountingAmount()));
            n.put("projectAmount", Amounts.plain(c.projectAmount()));
            n.put("difference", Amounts.plain(c.difference()));
            n.put("matched", c.matched());
        }
        ArrayNode records = root.putArray("records");
        for (RecordComparison c : r.records()) {
            ObjectNode n = records.addObject();
            n.put("status", c.status().name());
            n.put("flow", c.flow().name());
            n.put("sourceKey", c.sourceKey());
            n.put("number", c.number());
            n.put("targetKind", c.targetKind());
            n.put("targetId", c.targetId());
            n.put("projectId", c.projectId());
            n.put("date", c.date() == null ? null : c.date().toString());
            n.put("currency", c.currency());
            n.put("accountingAmount", Amounts.plain(c.accountingAmount()));
            n.put("projectAmount", Amounts.plain(c.projectAmount()));
            n.put("difference", Amounts.plain(c.difference()));
            n.put("reason", c.reason());
        }
        ArrayNode waiting = root.putArray("waiting");
        for (WaitingRecord w : r.waiting()) {
            ObjectNode n = waiting.addObject();
            n.put("key", w.key());
            n.put("ledgerFlagged", w.ledgerFlagged());
            n.put("queueStatus", w.queueStatus());
            n.put("reason", w.reason());
            n.put("since", w.since() == null ? null : w.since().toString());
        }
        ArrayNode budgets = root.putArray("budgets");
        for (CostCodeBudgetLine b : r.budgets()) {
            ObjectNode n = budgets.addObject();
            n.put("projectId", b.projectId());
            n.put("projectName", b.projectName());
            n.put("costCode", b.costCode());
            n.put("currency", b.currency());
            n.put("originalBudget", Amounts.plain(b.originalBudget()));
            n.put("approvedChanges", Amounts.plain(b.approvedChanges()));
            n.put("revisedBudget", Amounts.plain(b.revisedBudget()));
            n.put("accountingAmount", Amounts.plain(b.accountingAmount()));
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
