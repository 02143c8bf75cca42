package io.mlconnector.freshbooks.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.Money;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads FreshBooks money {@code {"amount": "1500.00", "code": "CAD"}} into core {@link Money}. The amount may be a
 * string or a number (a client's {@code outstanding_balance} sends {@code 10}); it is parsed as {@link BigDecimal},
 * never through double. A null or blank amount gives null; a missing or invalid currency code is a mapping error.
 */
public final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        return fromNode(node, p, ctxt);
    }

    static Money fromNode(JsonNode node, JsonParser p, DeserializationContext ctxt) throws IOException {
        if (node == null || node.isNull() || !node.isObject()) {
            return null;
        }
        JsonNode amount = node.get("amount");
        if (amount == null || amount.isNull() || amount.asText().isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asText().trim());
        } catch (NumberFormatException e) {
            return ctxt.reportInputMismatch(Money.class, "money amount is not a number: '%s'", amount.asText());
        }
        JsonNode code = node.get("code");
        if (code == null || code.isNull() || code.asText().isBlank()) {
            return ctxt.reportInputMismatch(Money.class, "money amount %s has no currency code", value.toPlainString());
        }
        try {
            return new Money(value, code.asText());
        } catch (IllegalArgumentException e) {
            return ctxt.reportInputMismatch(Money.class, "money currency is not an ISO code: '%s'", code.asText());
        }
    }
}
