package io.mlconnector.freshbooks.query;

import java.util.Arrays;

/**
 * Bill list query with the documented filters ({@code vendorid}, {@code statuses}, {@code currency_code},
 * {@code ids}), the {@code vendor} include and newest-first ordering. Bills document no updated filter.
 */
public final class BillQuery extends AccountingQuery<BillQuery> {

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static BillQuery create() {
        return new BillQuery();
    }

    /**
     * {@code search[vendorid]}.
     *
     * @param vendorId the vendor id
     * @return this query
     */
    public BillQuery vendorId(long vendorId) {
        return equalTo("vendorid", vendorId);
    }

    /**
     * {@code search[statuses][]}: {@code unpaid}, {@code overdue}, {@code partial}, {@code paid}.
     *
     * @param statuses the statuses
     * @return this query
     */
    public BillQuery statuses(String... statuses) {
        return in("statuses", Arrays.asList(statuses));
    }

    /**
     * {@code search[currency_code]}.
     *
     * @param code the code
     * @return this query
     */
    public BillQuery currencyCode(String code) {
        return equalTo("currency_code", code);
    }

    /**
     * {@code search[ids][]}.
     *
     * @param ids the ids
     * @return this query
     */
    public BillQuery ids(long... ids) {
        return in("ids", Arrays.stream(ids).boxed().toList());
    }

    /**
     * {@code include[]=vendor}: embeds the vendor object.
     *
     * @return this query
     */
    public BillQuery includeVendor() {
        return include("vendor");
    }

    /**
     * {@code sort=updated_at_desc} (UNCONFIRMED for bills; the client checks the order it receives).
     *
     * @return this query
     */
    public BillQuery newestFirst() {
        return sortDescending("updated_at");
    }

    @Override
    protected BillQuery self() {
        return this;
    }
}
