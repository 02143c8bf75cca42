package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConnectorJsonTest {
    private final ObjectMapper json = ConnectorJson.newObjectMapper();

    /** A typed body with money, dates and an id that vendors send as number or string. */
    record Line(String id, BigDecimal amount, LocalDate date, Instant updatedAt, String note) {
    }

    @Test
    void readsMoneyAsBigDecimal_fromStringsAndNumbers_withoutBinaryRounding() throws Exception {
        Line fromString = json.readValue("{\"id\":\"7\",\"amount\":\"0.10\"}", Line.class);
        Line fromNumber = json.readValue("{\"id\":7,\"amount\":0.1}", Line.class);

        assertThat(fromString.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(fromNumber.amount()).isEqualTo(new BigDecimal("0.1"));
        assertThat(fromNumber.id()).isEqualTo("7");
        JsonNode tree = json.readTree("{\"a\":1234567890.123456789}");
        assertThat(tree.get("a").decimalValue()).isEqualTo(new BigDecimal("1234567890.123456789"));
    }

    @Test
    void ignoresUnknownFields_andReadsJavaTime() throws Exception {
        Line l = json.readValue("{\"id\":\"1\",\"amount\":\"5\",\"date\":\"2025-03-01\","
                + "\"updatedAt\":\"2025-03-01T10:00:00Z\",\"brand_new_field\":{\"x\":1}}", Line.class);

        assertThat(l.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(l.updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void writesPlainDecimals_isoDates_andNoNulls() throws Exception {
        String out = json.writeValueAsString(new Line("1", new BigDecimal("1E+3"), LocalDate.of(2025, 3, 1),
                Instant.parse("2025-03-01T10:00:00Z"), null));

        assertThat(out).contains("\"amount\":1000").contains("\"date\":\"2025-03-01\"")
                .contains("\"updatedAt\":\"2025-03-01T10:00:00Z\"").doesNotContain("note").doesNotContain("E+3");
    }
}
