package io.mlconnector.core.model;

/**
 * A line of a change order or cost update, by cost code.
 *
 * @param costCode    full cost code
 * @param costType    cost type code, may be null
 * @param description text
 * @param amount      amount
 */
public record ChangeOrderLine(String costCode, String costType, String description, Money amount) {
}
