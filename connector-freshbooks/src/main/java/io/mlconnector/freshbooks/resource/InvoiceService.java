package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Invoice;
import io.mlconnector.freshbooks.model.InvoiceDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.InvoiceQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Invoices: {@code /accounting/account/{account_id}/invoices/invoices}. {@link #get(long)} always asks for
 * {@code include[]=lines}. Invoices are created as drafts; {@link #markAsSent} / {@link #sendByEmail} send them.
 * Delete is {@code PUT vis_state=1} (node SDK, Postman); the python SDK uses HTTP DELETE — UNCONFIRMED which one is
 * canonical.
 */
public final class InvoiceService extends AccountingResource<Invoice> {

    /**
     * Creates a {@code InvoiceService}.
     *
     * @param api the FreshBooks API
     */
    public InvoiceService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("invoices/invoices"), "invoice", "invoices", Invoice.class);
    }

    /**
     * All invoices matching the query, lazily paged.
     *
     * @param query the filters and paging to apply
     * @return all invoices matching the query, lazily paged
     */
    public Stream<Invoice> list(InvoiceQuery query) {
        return fetchAll(query);
    }

    /**
     * One page (1-based).
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Invoice> page(InvoiceQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * An invoice with its lines.
     *
     * @param id the invoice's id
     * @return an invoice with its lines
     */
    public Invoice get(long id) {
        return fetchOne(id, QueryParams.empty().add("include[]", "lines"));
    }

    /**
     * Invoices (with lines) updated since {@code since}, window widened to the US/Eastern day before; deleted ones
     * too when {@code includeDeleted} (they need a separate {@code search[vis_state]=1} listing). May repeat records.
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the invoices
     */
    public Stream<Invoice> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Invoice> live = list(InvoiceQuery.create().updatedSince(since).includeLines());
        if (!includeDeleted) {
            return live;
        }
        return Stream.concat(live, list(InvoiceQuery.create().updatedSince(since).includeLines().deletedOnly()));
    }

    /**
     * Creates an invoice from the draft.
     *
     * @param draft the fields to send
     * @return the created invoice, as FreshBooks stored it
     */
    public Invoice create(InvoiceDraft draft) {
        return postDraft(draft);
    }

    /**
     * Partial update: only the non-null fields are sent; never vis_state.
     *
     * @param id the invoice's id
     * @param draft the fields to send
     * @return partial update: only the non-null fields are sent
     */
    public Invoice update(long id, InvoiceDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Partial update with raw fields (for fields the draft does not model); {@code vis_state} is rejected.
     *
     * @param id the invoice's id
     * @param fields the fields to set
     * @return partial update with raw fields (for fields the draft does not model)
     */
    public Invoice update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    /**
     * Marks a draft invoice as sent without emailing it.
     *
     * @param id the invoice's id
     * @return the invoice as FreshBooks stored it
     */
    public Invoice markAsSent(long id) {
        return putFields(id, Map.of("action_mark_as_sent", true));
    }

    /**
     * Emails the invoice to the recipients.
     *
     * @param id the invoice's id
     * @param recipients the recipients
     * @return the by email
     */
    public Invoice sendByEmail(long id, List<String> recipients) {
        return putFields(id, Map.of("action_email", true, "email_recipients", List.copyOf(recipients)));
    }

    /**
     * Soft delete: {@code PUT {"invoice":{"vis_state":1}}} alone.
     *
     * @param id the invoice's id
     * @return soft delete: {@code PUT {"invoice":{"vis_state":1}}} alone
     */
    public Invoice delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives an invoice ({@code vis_state} 2).
     *
     * @param id the invoice's id
     * @return the archived invoice
     */
    public Invoice archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived invoice ({@code vis_state} 0).
     *
     * @param id the invoice's id
     * @return the restored invoice
     */
    public Invoice restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}
