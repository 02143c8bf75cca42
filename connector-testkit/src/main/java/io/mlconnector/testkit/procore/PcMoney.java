package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Procore money: decimal strings in financial objects, read from strings or numbers. */
final class PcMoney {

    private PcMoney() {
    }

    static String str(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static BigDecimal dec(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String t = node.asText().trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal decOrZero(JsonNode node) {
        BigDecimal d = dec(node);
        return d == null ? BigDecimal.ZERO : d;
    }
}
