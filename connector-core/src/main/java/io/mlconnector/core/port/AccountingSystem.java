package io.mlconnector.core.port;

import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExpenseLookup;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to the accounting system of one connection (implemented by connector-freshbooks). Speaks the neutral
 * model only; every method is one logical operation and may make one or a few API calls. A project's budget is never
 * written: in FreshBooks it is a number of hours, not money (what the owner is charged moves through
 * {@link #updateProjectFixedPrice}).
 */
public interface AccountingSystem {

    /**
     * The system name used in {@link ExternalRef#system()}.
     *
     * @return the system name used in {@link ExternalRef#system()}
     */
    String system();

    /**
     * The tag that opens the origin ids the engine writes on project-side objects for this system's records:
     * {@code <tag><accountId>:<type>:<id>}. A project-side object whose origin id starts with it was created by the
     * connector. The tag is part of data already written, so an adapter never changes it.
     *
     * @return the origin-id tag, e.g. {@code fb:}
     */
    String originIdPrefix();

    /**
     * Classifies the resource name this system's webhook events carry (e.g. {@code bill}, {@code invoice}); the
     * adapter owns the system's spellings. A resource the engine does not sync is empty.
     *
     * @param resource the resource name as the event spells it; may be null
     * @return the kind of record, or empty when the resource is unknown or null
     */
    Optional<RecordKind> recordKindOf(String resource);

    /**
     * The streams the engine polls on this side, in polling order (each still subject to the connection's
     * {@code SyncPolicy}).
     *
     * @return the pollable streams of this side, never null
     */
    List<SourceStream> streams();

    /**
     * The account this port is bound to (FreshBooks account id); webhooks route by it.
     *
     * @return the account this port is bound to (FreshBooks account id)
     */
    String accountId();

    /**
     * A bill with its lines.
     *
     * @param id the object's id
     * @return a bill with its lines
     */
    SourceDocument fetchBill(String id);

    /**
     * An invoice with its lines.
     *
     * @param id the object's id
     * @return an invoice with its lines
     */
    SourceDocument fetchInvoice(String id);

    /**
     * A payment of a bill.
     *
     * @param id the object's id
     * @return a payment of a bill
     */
    PaymentRecord fetchBillPayment(String id);

    /**
     * A payment of an invoice.
     *
     * @param id the object's id
     * @return a payment of an invoice
     */
    PaymentRecord fetchInvoicePayment(String id);

    /**
     * A vendor.
     *
     * @param id the object's id
     * @return a vendor
     */
    Vendor fetchVendor(String id);

    /**
     * A project.
     *
     * @param id the object's id
     * @return a project
     */
    Project fetchProject(String id);

    /**
     * Records of a stream changed since {@code since}. The adapter widens the window as the API requires (day
     * granularity, time zones), so results may repeat earlier ones; callers dedupe by version.
     *
     * @param stream the source stream
     * @param since the earliest change time to include
     * @return the changed
     */
    List<ChangedRecord> listChanged(SourceStream stream, Instant since);

    /**
     * All active vendors.
     *
     * @return all active vendors
     */
    List<Vendor> listVendors();

    /**
     * The accounts bill lines post to (expense categories).
     *
     * @return the accounts bill lines post to (expense categories)
     */
    List<GlAccount> listGlAccounts();

    /**
     * Active projects.
     *
     * @return active projects
     */
    List<Project> listProjects();

    /**
     * Creates a vendor; {@code vendor.ref()} is ignored.
     *
     * @param vendor the vendor
     * @return the created vendor
     */
    Vendor createVendor(Vendor vendor);

    /**
     * Creates an expense; the marker is written into its notes so {@link #findExpenseByMarker} can find it.
     *
     * @param expense the expense entry
     * @return the created expense
     */
    ExpenseEntry createExpense(ExpenseEntry expense);

    /**
     * Updates an existing expense ({@code expense.ref()} required).
     *
     * @param expense the expense entry
     * @return the updated expense
     */
    ExpenseEntry updateExpense(ExpenseEntry expense);

    /**
     * Finds an expense we created, by the marker in its notes.
     *
     * @param marker the marker
     * @param project the project
     * @return the expense by marker, or empty when there is none
     */
    Optional<ExpenseEntry> findExpenseByMarker(String marker, ExternalRef project);

    /**
     * Finds an expense we created, by its marker, narrowed by what else is known about it (project, category, the
     * amount and date it was created with) so the look costs one read however many expenses the project holds.
     * Only an expense carrying {@code lookup.marker()} is returned; the narrowing never hides one. The default reads
     * like {@link #findExpenseByMarker} (marker and project only).
     *
     * @param lookup the marker and what narrows the search
     * @return the expense, or empty when none carries the marker
     */
    default Optional<ExpenseEntry> findExpense(ExpenseLookup lookup) {
        return findExpenseByMarker(lookup.marker(), lookup.project());
    }

    /**
     * The markers of every expense of this account whose marker starts with {@code prefix} (active and archived
     * expenses). Read once per state store by the engine, to tell whether its ledger knows every expense the
     * connector ever created here (a store that lost its ledger must keep looking before each create). Unsupported by
     * default, which the engine reads as "unknown": it then looks before every create.
     *
     * @param prefix the marker prefix (e.g. {@code pc:<company>:})
     * @return the markers found
     * @throws UnsupportedOperationException when the system cannot list them
     */
    default List<String> listExpenseMarkers(String prefix) {
        throw new UnsupportedOperationException(system() + " does not list expense markers");
    }

    /**
     * Confirms a webhook callback after its verification handshake.
     *
     * @param callbackId the callback id
     * @param verifier the verifier
     */
    void confirmWebhook(String callbackId, String verifier);

    /**
     * The ids of the webhook callbacks registered for this account, so a verification handshake for a callback that
     * does not exist can be dropped without a confirmation call. Unsupported by default (then every handshake is
     * confirmed as before).
     *
     * @return the ids of the webhook callbacks registered for this account, so a verification handshake for a callback
     *     that does not exist can be dropped without a confirmation call
     */
    default java.util.Set<String> listWebhookCallbackIds() {
        throw new UnsupportedOperationException(system() + " does not list its webhook callbacks");
    }

    /**
     * The payments recorded against a bill (a FreshBooks bill carries them as {@code bill_payments}), so an update
     * of the bill can post a new payment at once instead of waiting for the payment poll.
     *
     * @param billId the bill id
     * @return the payments recorded against a bill (a FreshBooks bill carries them as {@code bill_payments}), so an
     *     update of the bill can post a new payment at once instead of waiting for the payment poll
     */
    default List<PaymentRecord> fetchBillPayments(String billId) {
        return List.of();
    }

    /**
     * How a project is billed: fixed price (and the amount) or not.
     *
     * @param project the project
     * @return how a project is billed: fixed price (and the amount) or not
     */
    default ProjectPricing fetchProjectPricing(ExternalRef project) {
        throw new UnsupportedOperationException(system() + " does not expose project pricing");
    }

    /**
     * Sets the fixed price of a fixed-price project (a prime contract change order moved it). Never called for a
     * project that is not billed at a fixed price.
     *
     * @param project the project
     * @param fixedPrice the fixed price
     * @return the updated project fixed price
     */
    default ProjectPricing updateProjectFixedPrice(ExternalRef project, Money fixedPrice) {
        throw new UnsupportedOperationException(system() + " does not support fixed-price updates");
    }
}
