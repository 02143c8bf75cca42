package io.mlconnector.core.model;

import java.math.BigDecimal;

/**
 * One line of a bill or invoice.
 *
 * @param lineNo      1-based position
 * @param description text
 * @param glAccount   the account it posts to (bill: expense category); may be null (invoice lines)
 * @param item        the item/service sold, when known (invoice lines); may be null
 * @param project     a project named on the line itself, when the source system has one; may be null
 * @param quantity    quantity, may be null
 * @param amount      line amount before tax
 */
public record DocumentLine(int lineNo, String description, ExternalRef glAccount, ExternalRef item,
                           ExternalRef project, BigDecimal quantity, Money amount) {
}
