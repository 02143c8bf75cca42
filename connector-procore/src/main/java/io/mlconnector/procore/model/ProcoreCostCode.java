package io.mlconnector.procore.model;

import java.time.Instant;
import java.util.List;

/**
 * A project cost code ({@code /rest/v1.0/cost_codes}); {@code full_code} (e.g. {@code 03-300}) is what mappings use.
 */
public record ProcoreCostCode(long id,
                              String code,
                              String fullCode,
                              String name,
                              IdName parent,
                              Integer position,
                              Long standardCostCodeId,
                              Long standardCostCodeListId,
                              String biller,
                              Long billerId,
                              String billerType,
                              String billerOriginId,
                              Boolean budgeted,
                              String sortableCode,
                              String originId,
                              String originData,
                              List<LineItemType> lineItemTypes,
                              Instant createdAt,
                              Instant updatedAt,
                              Instant deletedAt) {
}
