package io.mlconnector.testkit.procore;

/**
 * A cost type (line item type) of a company.
 *
 * @param id        id
 * @param companyId company
 * @param name      name
 * @param code      short code
 * @param baseType  base type (labor, materials, ...)
 */
public record LineItemType(long id, long companyId, String name, String code, String baseType) {
}
