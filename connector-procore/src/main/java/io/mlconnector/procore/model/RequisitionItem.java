package io.mlconnector.procore.model;

import java.math.BigDecimal;

/**
 * A line of a requisition: contract item (on an SOV line), change order item or detail item.
 *
 * @param lineItemId the commitment SOV line billed
 */
public record RequisitionItem(long id,
                              String itemType,
                              Long lineItemId,
                              Long costCodeId,
                              WbsCodeRef wbsCode,
                              String descriptionOfWork,
                              BigDecimal scheduledValue,
                              BigDecimal workCompletedFromPreviousApplication,
                              BigDecimal workCompletedThisPeriod,
                              BigDecimal materialsPresentlyStored,
                              BigDecimal totalCompletedAndStoredToDate,
                              BigDecimal totalCompletedAndStoredToDatePercent,
                              BigDecimal workCompletedRetainageFromPreviousApplication,
                              BigDecimal workCompletedRetainageRetainedThisPeriod,
                              BigDecimal workCompletedRetainagePercentThisPeriod,
                              BigDecimal workCompletedRetainageReleasedThisPeriod,
                              BigDecimal materialsStoredRetainageCurrentlyRetained,
                              BigDecimal materialsStoredRetainagePercentThisPeriod,
                              BigDecimal materialsStoredRetainageReleasedThisPeriod,
                              BigDecimal scheduledQuantity,
                              BigDecimal scheduledUnitPrice,
                              BigDecimal workCompletedThisPeriodQuantity,
                              BigDecimal workCompletedFromPreviousApplicationQuantity,
                              Long changeOrderPackageId,
                              String status,
                              String comment,
                              Integer position) {
}
