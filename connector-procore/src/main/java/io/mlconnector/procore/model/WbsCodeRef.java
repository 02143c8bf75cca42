package io.mlconnector.procore.model;

/**
 * A WBS (budget) code as embedded in line items: {@code {id, flat_code, description}}; flat code e.g. {@code 03-300.M}.
 */
public record WbsCodeRef(Long id,
                         String flatCode,
                         String description) {
}
