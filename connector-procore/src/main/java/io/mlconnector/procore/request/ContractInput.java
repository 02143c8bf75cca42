package io.mlconnector.procore.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writable fields of a purchase order or work order contract.
 */
public record ContractInput(Long vendorId,
                            String title,
                            String number,
                            String status,
                            Boolean executed,
                            String description,
                            String accountingMethod,
                            BigDecimal retainagePercent,
                            LocalDate contractDate,
                            String originId,
                            String originCode,
                            String originData,
                            @JsonIgnore Map<String, Object> extra) {
    /**
     * Fields not modelled above, written as-is.
     *
     * @return the extra fields
     */
    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return extra == null ? Map.of() : extra;
    }
}
