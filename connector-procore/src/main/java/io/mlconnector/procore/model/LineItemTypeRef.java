package io.mlconnector.procore.model;

/**
 * A line item type (cost type) as embedded in other objects.
 */
public record LineItemTypeRef(Long id,
                              String name,
                              String code,
                              String baseType,
                              String originId) {
}
