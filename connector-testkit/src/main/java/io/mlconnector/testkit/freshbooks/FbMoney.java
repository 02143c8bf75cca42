package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** FreshBooks money objects: {@code {"amount":"1500.00","code":"USD"}} with the amount as a string. */
final class FbMoney {

    private FbMoney() {
    }

    static String format(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static void put(ObjectNode target, String field, BigDecimal value, String code) {
        ObjectNode m = target.putObject(field);
        m.put("amount", format(value));
        m.put("code", code);
    }

    /** Reads a money object, a string or a number; null/missing → null. */
    static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        JsonNode v = node.isObject() ? node.get("amount") : node;
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal amountOrZero(JsonNode node) {
        BigDecimal a = amount(node);
        return a == null ? BigDecimal.ZERO : a;
    }

    static BigDecimal decimal(JsonNode node, BigDecimal fallback) {
        BigDecimal a = amount(node);
        return a == null ? fallback : a;
    }

    /**
     * Normalizes a money input in place: keeps the amount text as given (FreshBooks keeps precision such as
     * {@code "39.991"}) and fills a missing code.
     */
    static void normalize(ObjectNode target, String field, String defaultCode) {
        JsonNode v = target.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        BigDecimal amount = amount(v);
        if (amount == null) {
            throw FreshBooksValidationException.invalid("", field, v.toString(), "Invalid money value for " + field
                + ".");
        }
        String code = v.isObject() && v.hasNonNull("code") ? v.get("code").asText() : defaultCode;
        String text = v.isObject() ? v.get("amount").asText() : v.asText();
        ObjectNode m = target.putObject(field);
        m.put("amount", text.contains(".") ? text : format(amount));
        m.put("code", code);
    }
}
