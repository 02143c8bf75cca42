package io.mlconnector.freshbooks.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.Money;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a balance list ({@code outstanding_balance}, {@code overdue_balance}, {@code grand_total_balance}): each
 * element is either money itself or an object wrapping money under {@code amount}
 * ({@code [{"amount": {"amount": 10, "code": "CAD"}}]}).
 */
public final class BalanceListDeserializer extends JsonDeserializer<List<Money>> {
    @Override
    public List<Money> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        List<Money> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        for (JsonNode element : node) {
            JsonNode inner = element.get("amount");
            JsonNode money = inner != null && inner.isObject() ? inner : element;
            Money m = MoneyDeserializer.fromNode(money, p, ctxt);
            if (m != null) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Money> getNullValue(DeserializationContext ctxt) {
        return List.of();
    }
}
