package io.mlconnector.procore.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writable fields of a requisition (subcontractor invoice); {@code items} are only sent to the v1.1 create.
 */
public record RequisitionInput(Long periodId,
                               LocalDate requisitionStart,
                               LocalDate requisitionEnd,
                               LocalDate billingDate,
                               String invoiceNumber,
                               String status,
                               String comment,
                               String originId,
                               String originData,
                               List<RequisitionItemInput> items,
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
