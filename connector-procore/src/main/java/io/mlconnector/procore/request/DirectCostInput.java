package io.mlconnector.procore.request;

import java.time.LocalDate;
import java.util.List;

/**
 * Writable fields of a direct cost; {@code line_items} are sent in the v1.1 create (max 100).
 *
 * @param id sync only
 */
public record DirectCostInput(Long id,
                              String directCostType,
                              Long vendorId,
                              String invoiceNumber,
                              String status,
                              LocalDate directCostDate,
                              LocalDate receivedDate,
                              LocalDate paymentDate,
                              String terms,
                              String description,
                              Long employeeId,
                              String originId,
                              String originData,
                              List<DirectCostLineItemInput> lineItems) {
}
