package io.mlconnector.freshbooks.query;

import java.util.Arrays;

/** Invoice list query: customer, invoice number, lines include (per-filter availability partly UNCONFIRMED). */
public final class InvoiceQuery extends AccountingQuery<InvoiceQuery> {

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static InvoiceQuery create() {
        return new InvoiceQuery();
    }

    /**
     * {@code search[customerid]}: invoices of one client.
     *
     * @param customerId the customer id
     * @return this query
     */
    public InvoiceQuery customerId(long customerId) {
        return equalTo("customerid", customerId);
    }

    /**
     * {@code search[invoice_number]}.
     *
     * @param number the number
     * @return this query
     */
    public InvoiceQuery invoiceNumber(String number) {
        return equalTo("invoice_number", number);
    }

    /**
     * {@code search[invoiceids][]}.
     *
     * @param ids the ids
     * @return this query
     */
    public InvoiceQuery ids(long... ids) {
        return in("invoiceids", Arrays.stream(ids).boxed().toList());
    }

    /**
     * {@code include[]=lines}: without it invoices come back without lines.
     *
     * @return this query
     */
    public InvoiceQuery includeLines() {
        return include("lines");
    }

    @Override
    protected InvoiceQuery self() {
        return this;
    }
}
