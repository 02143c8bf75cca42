package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A direct cost: invoice, expense or payroll not tied to a commitment ({@code /rest/v1.x/projects/{p}/direct_costs}).
 * The lists send {@code vendor} as the vendor's name (a string), the show as an object: both are read.
 */
public record DirectCost(long id,
                         String directCostType,
                         String status,
                         Long vendorId,
                         @JsonDeserialize(using = VendorRefDeserializer.class) VendorRef vendor,
                         String vendorName,
                         String invoiceNumber,
                         LocalDate directCostDate,
                         LocalDate receivedDate,
                         LocalDate paymentDate,
                         LocalDate accountingDate,
                         String terms,
                         String description,
                         BigDecimal grandTotal,
                         BigDecimal amount,
                         BigDecimal lineItemTotal,
                         Integer lineItemsCount,
                         String paidStatus,
                         String originId,
                         String originCode,
                         String originData,
                         CurrencyConfiguration currencyConfiguration,
                         List<DirectCostLineItem> lineItems,
                         Instant createdAt,
                         Instant updatedAt,
                         Instant deletedAt) {
    /**
     * The total ({@code grand_total}, else {@code amount}, else {@code line_item_total}).
     *
     * @return the total ({@code grand_total}, else {@code amount}, else {@code line_item_total})
     */
    public BigDecimal total() {
        return grandTotal != null ? grandTotal : amount != null ? amount : lineItemTotal;
    }
}
