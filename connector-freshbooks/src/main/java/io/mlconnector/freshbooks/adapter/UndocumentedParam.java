package io.mlconnector.freshbooks.adapter;

/**
 * Query parameters the adapter would like to use but the FreshBooks docs do not list for their resource
 * (api/freshbooks.md §2.2–§2.4, §3). The real API may honour, ignore or refuse each, so the adapter finds out per
 * connection and falls back to a documented full scan (see {@link ParamSupport}).
 */
public enum UndocumentedParam {
    /** {@code sort=updated_at_desc} on bills: newest-first reading that stops at the cursor. */
    BILL_SORT_UPDATED_AT_DESC("bills", "sort=updated_at_desc"),
    /** {@code search[updated_min]} on bill vendors: only vendors changed since a day. */
    BILL_VENDOR_UPDATED_MIN("bill_vendors", "search[updated_min]"),
    /** {@code search[billid]} on bill payments: the payments of one bill. */
    BILL_PAYMENT_BILLID("bill_payments", "search[billid]");

    private final String resource;
    private final String parameter;

    UndocumentedParam(String resource, String parameter) {
        this.resource = resource;
        this.parameter = parameter;
    }

    /**
     * The FreshBooks resource the parameter is sent to.
     *
     * @return the FreshBooks resource the parameter is sent to
     */
    public String resource() {
        return resource;
    }

    /**
     * The parameter as it appears in the query string.
     *
     * @return the parameter as it appears in the query string
     */
    public String parameter() {
        return parameter;
    }
}
