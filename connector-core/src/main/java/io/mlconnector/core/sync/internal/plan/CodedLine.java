package io.mlconnector.core.sync.internal.plan;

import io.mlconnector.core.model.Money;

/**
 * A source line with the cost code (and cost type) its mapping resolved to.
 *
 * @param lineNo      source line number
 * @param description text
 * @param costCode    full cost code
 * @param costType    cost type, may be null
 * @param amount      amount
 */
public record CodedLine(int lineNo, String description, String costCode, String costType, Money amount) {
}
