package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The owner contract of a project ({@code /rest/v1.0/prime_contracts}, singular {@code /prime_contract/{id}} for show).
 */
public record PrimeContract(long id,
                            String number,
                            String title,
                            String status,
                            Boolean executed,
                            @JsonDeserialize(using = VendorRefDeserializer.class) VendorRef vendor,
                            BigDecimal grandTotal,
                            BigDecimal revisedContract,
                            String originId,
                            String originCode,
                            String originData,
                            CurrencyConfiguration currencyConfiguration,
                            List<ContractLineItem> lineItems,
                            Instant createdAt,
                            Instant updatedAt,
                            Instant deletedAt) {
}
