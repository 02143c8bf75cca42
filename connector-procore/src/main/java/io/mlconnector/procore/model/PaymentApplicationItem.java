package io.mlconnector.procore.model;

import java.math.BigDecimal;

/**
 * A line of a payment application (owner invoice), G703 style; amounts may be numbers.
 */
public record PaymentApplicationItem(long id,
                                     Integer itemNumber,
                                     String type,
                                     String descriptionOfWork,
                                     String accountingMethod,
                                     BigDecimal scheduledValue,
                                     BigDecimal workCompletedFromPreviousApplication,
                                     BigDecimal workCompletedThisPeriod,
                                     BigDecimal materialsPresentlyStored,
                                     BigDecimal totalCompletedAndStoredToDate,
                                     BigDecimal totalCompletedAndStoredToDatePercent,
                                     BigDecimal balanceToFinish,
                                     Long holderId,
                                     String holderType,
                                     CostCodeRef costCode,
                                     WbsCodeRef wbsCode,
                                     String originId,
                                     String originType) {
}
