package io.mlconnector.procore.request;

/**
 * Writable fields of a project cost code; {@code code} is the segment without its parent's prefix ({@code "300"} for {@code 03-300}).
 *
 * @param id sync only
 */
public record CostCodeInput(Long id,
                            String code,
                            String name,
                            Long parentId,
                            Long standardCostCodeId,
                            Integer position,
                            String originId,
                            String originData) {
}
