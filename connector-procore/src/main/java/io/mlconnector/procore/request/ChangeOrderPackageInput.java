package io.mlconnector.procore.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writable fields of a change order package (wrapper {@code change_order}).
 */
public record ChangeOrderPackageInput(String status,
                                      String title,
                                      String description,
                                      BigDecimal grandTotal,
                                      LocalDate dueDate,
                                      LocalDate invoicedDate,
                                      LocalDate paidDate,
                                      Boolean executed,
                                      String originId,
                                      String originCode,
                                      String originData) {
}
