package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row of a budget view ({@code GET /rest/v1.0/budget_views/{id}/detail_rows}): one per budget line item, with
 * columns that depend on the view ("Forecast to Complete" arrives as {@code budget_forecast}). The well-known keys
 * are typed; every column stays available by name.
 *
 * @param id               the row id
 * @param budgetLineItemId the budget line item, when reported
 * @param wbsCodeId        the row's budget code ({@code wbs_code_id}), when reported
 * @param costCode         the cost code, when reported as an object (the documented list sends a string,
 *                         kept in {@code columns})
 * @param lineItemType     the cost type, when reported
 * @param columns          every key of the row as sent
 */
public record BudgetDetailRow(Long id, Long budgetLineItemId, Long wbsCodeId, CostCodeRef costCode, LineItemTypeRef lineItemType,
                              Map<String, JsonNode> columns) {
    /**
     * Checks the components.
     *
     * @param id the row id
     * @param budgetLineItemId the budget line item, when reported
     * @param wbsCodeId the row's budget code ({@code wbs_code_id}), when reported
     * @param costCode the cost code, when reported as an object (the documented list sends a string, kept in {@code
     *     columns})
     * @param lineItemType the cost type, when reported
     * @param columns every key of the row as sent
     */
    public BudgetDetailRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /**
     * Reads a row from its JSON object.
     *
     * @param row the row
     * @param mapper the JSON mapper to use
     * @return the {@code BudgetDetailRow}
     */
    public static BudgetDetailRow of(JsonNode row, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        Map<String, JsonNode> cols = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> cols.put(e.getKey(), e.getValue()));
        Long id = row.hasNonNull("id") && row.get("id").canConvertToLong() ? row.get("id").asLong() : null;
        Long bli = longOf(row.get("budget_line_item_id"));
        Long wbs = longOf(row.get("wbs_code_id"));
        CostCodeRef cc = row.hasNonNull("cost_code") && row.get("cost_code").isObject()
                ? mapper.convertValue(row.get("cost_code"), CostCodeRef.class) : null;
        LineItemTypeRef lit = row.hasNonNull("line_item_type") && row.get("line_item_type").isObject()
                ? mapper.convertValue(row.get("line_item_type"), LineItemTypeRef.class) : null;
        return new BudgetDetailRow(id, bli, wbs, cc, lit, cols);
    }

    private static Long longOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.canConvertToLong() && n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A column as text, if present and not an object.
     *
     * @param column the column
     * @return a column as text, if present and not an object
     */
    public Optional<String> text(String column) {
        JsonNode n = columns.get(column);
        return n == null || n.isNull() || n.isContainerNode() ? Optional.empty() : Optional.of(n.asText());
    }

    /**
     * A column as an exact decimal (from a string or a number), if present and numeric.
     *
     * @param column the column
     * @return a column as an exact decimal (from a string or a number), if present and numeric
     */
    public Optional<BigDecimal> amount(String column) {
        JsonNode n = columns.get(column);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
