package io.mlconnector.testkit.freshbooks;

/**
 * List parameters the FreshBooks docs do not list for a resource, whose real treatment is unknown (api/freshbooks.md
 * §2.2–§2.4, §3). The sandbox can {@link ParamBehaviour honour, ignore or refuse} each, so clients can be tested
 * against all three.
 */
public enum UnlistedParam {
    /** {@code sort} on bills ({@code sort=updated_at_desc}, {@code sort=updated_at_asc}, ...). */
    BILL_SORT(FbResource.BILL, "sort"),
    /** {@code search[updated_min]} on bill vendors (day granularity, compared with the Eastern date of updated_at). */
    BILL_VENDOR_UPDATED_MIN(FbResource.BILL_VENDOR, "search[updated_min]"),
    /** {@code search[billid]} on bill payments. */
    BILL_PAYMENT_BILLID(FbResource.BILL_PAYMENT, "search[billid]");

    private final FbResource resource;
    private final String parameter;

    UnlistedParam(FbResource resource, String parameter) {
        this.resource = resource;
        this.parameter = parameter;
    }

    /**
     * The resource whose list takes the parameter.
     *
     * @return the resource whose list takes the parameter
     */
    public FbResource resource() {
        return resource;
    }

    /**
     * The query parameter name as sent.
     *
     * @return the query parameter name as sent
     */
    public String parameter() {
        return parameter;
    }
}
