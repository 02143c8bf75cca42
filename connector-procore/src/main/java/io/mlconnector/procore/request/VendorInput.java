package io.mlconnector.procore.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * Writable fields of a company vendor (create, update, sync); {@code id} is only sent in sync batches, {@code extra} carries any other documented field.
 *
 * @param id sync only: the vendor to update (needed to change an origin id)
 */
public record VendorInput(Long id,
                          String name,
                          String abbreviatedName,
                          String tradeName,
                          String address,
                          String city,
                          String stateCode,
                          String zip,
                          String countryCode,
                          String businessPhone,
                          String emailAddress,
                          String website,
                          Boolean isActive,
                          String notes,
                          String originId,
                          String originCode,
                          String originData,
                          @JsonIgnore Map<String, Object> extra) {
    /**
     * A vendor with a name and our external ids.
     *
     * @param name the name
     * @param originId the origin id
     * @param originCode the origin code
     * @return the {@code VendorInput}
     */
    public static VendorInput of(String name, String originId, String originCode) {
        return new VendorInput(null, name, null, null, null, null, null, null, null, null, null, null, null, null,
                originId, originCode, null, null);
    }

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
