package io.mlconnector.procore.model;

/**
 * A vendor as embedded in commitments, direct costs and payments; {@code company} is the vendor's name on commitments.
 */
public record VendorRef(Long id,
                        String name,
                        String company,
                        String originId,
                        String originCode) {
    /**
     * The vendor's display name ({@code name}, else {@code company}).
     *
     * @return the vendor's display name ({@code name}, else {@code company})
     */
    public String displayName() {
        return name != null ? name : company;
    }
}
