package io.mlconnector.core.model;

/**
 * A schedule-of-values line of a commitment.
 *
 * @param id             line id
 * @param costCode       full cost code, e.g. {@code 03-300}
 * @param costType       cost type code, may be null
 * @param description    text
 * @param scheduledValue contract amount of the line
 */
public record CommitmentLine(String id, String costCode, String costType, String description, Money scheduledValue) {
}
