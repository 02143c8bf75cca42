package io.mlconnector.testkit.freshbooks;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An invoice line, as seeded and as read back ({@code taxPercent1} is FreshBooks' {@code taxAmount1}, a percent).
 *
 * @param name        item name
 * @param description text
 * @param qty         quantity
 * @param unitCost    unit cost
 * @param taxName1    first tax name or null
 * @param taxPercent1 first tax percent or null
 */
public record InvoiceLine(String name, String description, BigDecimal qty, BigDecimal unitCost, String taxName1,
                          BigDecimal taxPercent1) {

    /**
     * Validates the required parts.
     *
     * @param name item name
     * @param description text
     * @param qty quantity
     * @param unitCost unit cost
     * @param taxName1 first tax name or null
     * @param taxPercent1 first tax percent or null
     */
    public InvoiceLine {
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitCost, "unitCost");
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }

    /**
     * A line without tax.
     *
     * @param name item name
     * @param qty quantity
     * @param unitCost unit cost
     * @return the {@code InvoiceLine}
     */
    public static InvoiceLine of(String name, String qty, String unitCost) {
        return new InvoiceLine(name, "", new BigDecimal(qty), new BigDecimal(unitCost), null, null);
    }
}
