package io.mlconnector.testkit.freshbooks;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A bill line, as seeded and as read back.
 *
 * @param categoryId  expense category (the line's GL account)
 * @param description text
 * @param quantity    quantity
 * @param unitCost    unit cost
 * @param taxName1    first tax name or null
 * @param taxPercent1 first tax percent or null
 */
public record BillLine(long categoryId, String description, BigDecimal quantity, BigDecimal unitCost, String taxName1,
                       BigDecimal taxPercent1) {

    /**
     * Validates the required parts.
     *
     * @param categoryId expense category (the line's GL account)
     * @param description text
     * @param quantity quantity
     * @param unitCost unit cost
     * @param taxName1 first tax name or null
     * @param taxPercent1 first tax percent or null
     */
    public BillLine {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCost, "unitCost");
        description = description == null ? "" : description;
    }

    /**
     * A line without tax.
     *
     * @param categoryId expense category (the line's GL account)
     * @param description text
     * @param quantity quantity
     * @param unitCost unit cost
     * @return the {@code BillLine}
     */
    public static BillLine of(long categoryId, String description, String quantity, String unitCost) {
        return new BillLine(categoryId, description, new BigDecimal(quantity), new BigDecimal(unitCost), null, null);
    }

    /**
     * quantity × unit cost.
     *
     * @return quantity × unit cost
     */
    public BigDecimal amount() {
        return quantity.multiply(unitCost);
    }
}
