package io.mlconnector.procore.model;

/**
 * A cost code as embedded in other objects ({@code cost_code: {id, name, code, full_code}}).
 */
public record CostCodeRef(Long id,
                          String name,
                          String code,
                          String fullCode) {
}
