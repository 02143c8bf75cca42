package io.mlconnector.procore.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writable fields of a commitment change order (wrapper {@code change_order}, {@code contract_id} inside).
 */
public record CommitmentChangeOrderInput(Long contractId,
                                         String title,
                                         String number,
                                         String status,
                                         String description,
                                         LocalDate dueDate,
                                         Boolean executed,
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
