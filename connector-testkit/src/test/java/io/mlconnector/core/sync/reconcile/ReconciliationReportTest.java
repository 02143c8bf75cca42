package io.mlconnector.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationReportTest {

    private static RecordComparison record(String key, String projectId, ReconciledFlow flow, String reason) {
        return new RecordComparison(RecordStatus.ACCOUNTING_ONLY, flow, key, "=SUM(A1)", null, null, projectId,
                LocalDate.of(2024, 5, 2), "USD", new BigDecimal("5"), BigDecimal.ZERO, new BigDecimal("5"), reason);
    }

    @Test
    void toCsv_quotesCommasAndQuotes_andDefusesFormulas() {
        ReconciliationReport r = new ReconciliationReport("c", YearMonth.of(2024, 5), Instant.parse("2024-06-01T00:00:00Z"),
                List.of(new CostCodeTotal("7", "Smith, \"Jr\" & Co", ReconciledFlow.COSTS, "-01", "USD",
                        new BigDecimal("5"), BigDecimal.ZERO, new BigDecimal("5"))),
                List.of(record("freshbooks:bill:1", "7", ReconciledFlow.COSTS, "line one\nline two")),
                List.of(new WaitingRecord("@k", false, "DEAD", "+boom", null)));

        String[] lines = r.toCsv().split("\r\n");

        assertThat(lines[1]).isEqualTo("cost_code,DIFFERENT,COSTS,7,\"Smith, \"\"Jr\"\" & Co\",'-01,,,,,,USD,5.00,0.00,5.00,");
        assertThat(r.toCsv()).contains("record,ACCOUNTING_ONLY,COSTS,7,\"Smith, \"\"Jr\"\" & Co\",,freshbooks:bill:1,'=SUM(A1),,,"
                + "2024-05-02,USD,5.00,0.00,5.00,\"line one\nline two\"\r\n");
        assertThat(lines[lines.length - 1]).isEqualTo("waiting,DEAD,,,,,'@k,,,,,,,,,'+boom");
    }

    @Test
    void lists_areSortedByProjectFlowAndKey_regardlessOfInputOrder() {
        ReconciliationReport r = new ReconciliationReport("c", YearMonth.of(2024, 5), Instant.EPOCH,
                List.of(new CostCodeTotal(null, null, ReconciledFlow.COSTS, null, "USD", BigDecimal.ONE, BigDecimal.ONE,
                                BigDecimal.ZERO),
                        new CostCodeTotal("2", "B", ReconciledFlow.CHANGES, "01", "USD", BigDecimal.ONE, BigDecimal.ONE,
                                BigDecimal.ZERO),
                        new CostCodeTotal("2", "B", ReconciledFlow.COSTS, null, "USD", BigDecimal.ONE, BigDecimal.ONE,
                                BigDecimal.ZERO),
                        new CostCodeTotal("2", "B", ReconciledFlow.COSTS, "01", "USD", BigDecimal.ONE, BigDecimal.ONE,
                                BigDecimal.ZERO)),
                List.of(record("z", "2", ReconciledFlow.PAYMENTS, null), record("b", null, ReconciledFlow.COSTS, null),
                        record("a", "2", ReconciledFlow.COSTS, null)),
                List.of(new WaitingRecord("b", true, null, null, null), new WaitingRecord("a", true, null, null, null)));

        assertThat(r.costCodes()).extracting(c -> c.projectId() + "/" + c.flow() + "/" + c.costCode())
                .containsExactly("2/COSTS/01", "2/COSTS/null", "2/CHANGES/01", "null/COSTS/null");
        assertThat(r.records()).extracting(RecordComparison::sourceKey).containsExactly("a", "b", "z");
        assertThat(r.waiting()).extracting(WaitingRecord::key).containsExactly("a", "b");
        assertThat(r.summary().costCodesDifferent()).isZero();
    }

    @Test
    void toJson_writesNullsExplicitlyAndAmountsAsStrings() throws Exception {
        ReconciliationReport r = new ReconciliationReport("c", YearMonth.of(2024, 5), Instant.EPOCH, List.of(),
                List.of(new RecordComparison(RecordStatus.DIFFERENT, ReconciledFlow.COSTS, "k", null, "DIRECT_COST", "9",
                        "2", null, "CAD", new BigDecimal("1E+3"), null, null, "currencies differ")),
                List.of());

        JsonNode rec = new ObjectMapper().readTree(r.toJson()).get("records").get(0);

        assertThat(rec.get("accountingAmount").asText()).isEqualTo("1000.00");
        assertThat(rec.get("projectAmount").isNull()).isTrue();
        assertThat(rec.get("difference").isNull()).isTrue();
        assertThat(rec.get("date").isNull()).isTrue();
        assertThat(rec.get("currency").asText()).isEqualTo("CAD");
    }
}
