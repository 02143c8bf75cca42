package io.mlconnector.procore.model;

/**
 * A company standard cost code (also the shape inside the {@code create_standard_cost_codes} ERP request).
 */
public record StandardCostCode(long id,
                               Long standardCostCodeListId,
                               Long parentId,
                               String code,
                               String fullCode,
                               String name,
                               String originId,
                               String originData,
                               String parentOriginId) {
}
