package io.mlconnector.procore.model;

import java.time.Instant;
import java.util.List;

/**
 * A company-directory vendor ({@code /rest/v1.0/vendors}); {@code origin_id}/{@code origin_code}/{@code origin_data} link it to the accounting system.
 */
public record ProcoreVendor(long id,
                            String name,
                            String abbreviatedName,
                            String company,
                            String legalName,
                            String tradeName,
                            String address,
                            String city,
                            String stateCode,
                            String zip,
                            String countryCode,
                            String businessPhone,
                            String mobilePhone,
                            String faxNumber,
                            String emailAddress,
                            String website,
                            Boolean isActive,
                            Boolean isConnected,
                            Boolean authorizedBidder,
                            Boolean prequalified,
                            Boolean unionMember,
                            String licenseNumber,
                            String notes,
                            String originId,
                            String originCode,
                            String originData,
                            Boolean syncedToErp,
                            IdName vendorGroup,
                            IdName parent,
                            List<Long> projectIds,
                            Instant createdAt,
                            Instant updatedAt) {
    /**
     * The vendor's display name ({@code name}, else {@code company}).
     *
     * @return the vendor's display name ({@code name}, else {@code company})
     */
    public String displayName() {
        return name != null ? name : company;
    }
}
