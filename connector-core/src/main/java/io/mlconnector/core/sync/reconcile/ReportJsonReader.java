package io.mlconnector.core.sync.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads back what {@link ReportJson} wrote: reading and writing again gives the same text. */
final class ReportJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJsonReader() {
    }

    static ReconciliationReport read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("not a JSON document: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ReportFormatException("a reconciliation report is a JSON object", null);
        }
        try {
            return new ReconciliationReport(text(root, "connectionId"), YearMonth.parse(text(root, "period")),
                    Instant.parse(text(root, "generatedAt")), list(root, "costCodes", ReportJsonReader::costCode),
                    list(root, "records", ReportJsonReader::record), list(root, "waiting", ReportJsonReader::waiting),
                    list(root, "budgets", ReportJsonReader::budget));
        } catch (RuntimeException e) {
            if (e instanceof ReportFormatException rfe) {
                throw rfe;
            }
            throw new ReportFormatException("not a reconciliation report: " + e, e);
        }
    }

    private static CostCodeTotal costCode(JsonNode n) {
        return new CostCodeTotal(text(n, "projectId"), text(n, "projectName"), flow(n), text(n, "costCode"),
                text(n, "currency"), amount(n, "accountingAmount"), amount(n, "projectAmount"),
                amount(n, "difference"));
    }

    private static RecordComparison record(JsonNode n) {
        String date = text(n, "date");
        return new RecordComparison(RecordStatus.valueOf(text(n, "status")), flow(n), text(n, "sourceKey"),
                text(n, "number"), text(n, "targetKind"), text(n, "targetId"), text(n, "projectId"),
                date == null ? null : LocalDate.parse(date), text(n, "currency"), amount(n, "accountingAmount"),
                amount(n, "projectAmount"), amount(n, "difference"), text(n, "reason"));
    }

    private static WaitingRecord waiting(JsonNode n) {
        String since = text(n, "since");
        return new WaitingRecord(text(n, "key"), n.path("ledgerFlagged").asBoolean(false), text(n, "queueStatus"),
                text(n, "reason"), since == null ? null : Instant.parse(since));
    }

    private static CostCodeBudgetLine budget(JsonNode n) {
        return new CostCodeBudgetLine(text(n, "projectId"), text(n, "projectName"), text(n, "costCode"),
                text(n, "currency"), amount(n, "originalBudget"), amount(n, "approvedChanges"),
                amount(n, "revisedBudget"), amount(n, "accountingAmount"));
    }

    private static ReconciledFlow flow(JsonNode n) {
        return ReconciledFlow.valueOf(text(n, "flow"));
    }

    private static <T> List<T> list(JsonNode root, String field, Function<JsonNode, T> read) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ReportFormatException("'" + field + "' must be an array", null);
        }
        List<T> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(read.apply(n));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal amount(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : new BigDecimal(v);
    }
}
