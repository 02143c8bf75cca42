package io.mlconnector.procore.request;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * Writable fields of a project (create, update, sync).
 *
 * @param id sync only
 */
public record ProjectInput(Long id,
                           String name,
                           String projectNumber,
                           String address,
                           String city,
                           String stateCode,
                           String zip,
                           String countryCode,
                           Boolean active,
                           String description,
                           String originId,
                           String originCode,
                           String originData,
                           @JsonIgnore Map<String, Object> extra) {
    /**
     * A project with a name and our external id.
     *
     * @param name the name
     * @param originId the origin id
     * @return the {@code ProjectInput}
     */
    public static ProjectInput of(String name, String originId) {
        return new ProjectInput(null, name, null, null, null, null, null, null, null, null, originId, null, null, null);
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
