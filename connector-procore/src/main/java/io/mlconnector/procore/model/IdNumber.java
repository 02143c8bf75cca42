package io.mlconnector.procore.model;

/**
 * A reference by id and number (e.g. the change events of a commitment change order).
 */
public record IdNumber(Long id,
                       String number) {
}
