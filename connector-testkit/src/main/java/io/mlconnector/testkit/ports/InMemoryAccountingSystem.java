package io.mlconnector.testkit.ports;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.DocumentKind;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.SourceStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A stateful, thread-safe in-memory {@link AccountingSystem} (FreshBooks-like) for tests of the sync engine.
 *
 * <p>Seed it with {@link #addVendor}, {@link #addGlAccount}, {@link #addProject}, {@link #bill}/{@link #invoice},
 * {@link #addBillPayment}/{@link #addInvoicePayment} and {@link #putExpense}; every stored change gets a new
 * version (a strictly increasing number) and the clock's current time, which is what {@link #listChanged} filters
 * on (inclusive, optionally widened by {@link #listChangedOverlap(Duration)} like the real adapter). Ids are
 * assigned as numbers from 1001 up. Refs use system {@code freshbooks} and the {@code TYPE_*} type names.
 *
 * <p>Every port method is counted ({@link #calls(String)}, {@link #reads()}, {@link #writes()}) and can be made
 * to fail: {@link #failNext} throws before the method does anything; {@link #failNextAfterEffect} lets the method
 * take effect and then throws (a create that happened but whose answer was lost). The writing methods are
 * {@code createVendor}, {@code createExpense}, {@code updateExpense}, {@code updateProjectFixedPrice} and
 * {@code confirmWebhook}; all others are reads.
 *
 * <p>Projects are billed hourly unless seeded with {@link #addFixedPriceProject} or {@link #putProjectPricing};
 * {@code updateProjectFixedPrice} refuses (422) a project not billed at a fixed price, as the port forbids calling it
 * there. {@link #fetchBillPayments} lists a bill's payments that are not deleted. Inspection methods that are not
 * part of the port ({@link #vendors()}, {@link #expenses()}, …) are not counted and never fail.
 */
public final class InMemoryAccountingSystem extends InstrumentedPort implements AccountingSystem {
    /** Ref type of bills. */
    public static final String TYPE_BILL = "bill";
    /** Ref type of invoices. */
    public static final String TYPE_INVOICE = "invoice";
    /** Ref type of bill payments. */
    public static final String TYPE_BILL_PAYMENT = "bill_payment";
    /** Ref type of invoice payments. */
    public static final String TYPE_INVOICE_PAYMENT = "invoice_payment";
    /** Ref type of vendors. */
    public static final String TYPE_VENDOR = "vendor";
    /** Ref type of projects. */
    public static final String TYPE_PROJECT = "project";
    /** Ref type of expense categories (the GL accounts bill lines post to). */
    public static final String TYPE_CATEGORY = "category";
    /** Ref type of clients. */
    public static final String TYPE_CLIENT = "client";
    /** Ref type of items (invoice lines). */
    public static final String TYPE_ITEM = "item";
    /** Ref type of expenses. */
    public static final String TYPE_EXPENSE = "expense";

    private static final Set<String> WRITES = Set.of("createVendor", "createExpense", "updateExpense",
            "updateProjectFixedPrice", "confirmWebhook");

    /**
     * A webhook confirmation received by {@link #confirmWebhook}.
     *
     * @param callbackId the callback
     * @param verifier   the verifier sent
     */
    public record WebhookConfirmation(String callbackId, String verifier) {
    }

    private final String accountId;
    private final Clock clock;
    private final Table<Vendor> vendors = new Table<>();
    private final Table<GlAccount> glAccounts = new Table<>();
    private final Table<Project> projects = new Table<>();
    private final Table<SourceDocument> bills = new Table<>();
    private final Table<SourceDocument> invoices = new Table<>();
    private final Table<PaymentRecord> billPayments = new Table<>();
    private final Table<PaymentRecord> invoicePayments = new Table<>();
    private final Table<ExpenseEntry> expenses = new Table<>();
    private final List<WebhookConfirmation> confirmations = new ArrayList<>();
    private final Map<String, ProjectPricing> pricing = new HashMap<>();
    private volatile Duration overlap = Duration.ZERO;

    /**
     * @param accountId the FreshBooks account id this port is bound to
     * @param clock     gives change times (a {@link io.mlconnector.testkit.time.MutableClock} in most tests)
     */
    public InMemoryAccountingSystem(String accountId, Clock clock) {
        super(AccountingSystem.class, WRITES);
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ seeding

    /**
     * Adds an active vendor with an assigned id.
     *
     * @param name the name
     * @return the stored vendor
     */
    public Vendor addVendor(String name) {
        return putVendor(new Vendor(null, name, null, null, true, null));
    }

    /**
     * Stores a vendor as given; a null ref gets an assigned id, {@code updatedAt} is set to now.
     *
     * @param vendor the vendor to store
     * @return the vendor as stored
     */
    public Vendor putVendor(Vendor vendor) {
        synchronized (lock) {
            ExternalRef ref = refOrNew(vendor.ref(), TYPE_VENDOR);
            Instant now = clock.instant();
            Vendor stored = new Vendor(ref, vendor.name(), vendor.externalId(), vendor.externalCode(), vendor.active(), now);
            vendors.put(ref.id(), stored, now, nextVersion(), false);
            return stored;
        }
    }

    /**
     * Renames a vendor (a change {@code listChanged(VENDORS)} reports).
     *
     * @param id the vendor id
     * @param name the new name
     * @return the vendor as stored
     */
    public Vendor renameVendor(String id, String name) {
        Vendor v = existing(vendors, id, "vendor");
        return putVendor(new Vendor(v.ref(), name, v.externalId(), v.externalCode(), v.active(), null));
    }

    /**
     * Archives a vendor (inactive; {@link #listVendors()} no longer returns it).
     *
     * @param id the vendor id
     * @return the vendor as stored
     */
    public Vendor deactivateVendor(String id) {
        Vendor v = existing(vendors, id, "vendor");
        return putVendor(new Vendor(v.ref(), v.name(), v.externalId(), v.externalCode(), false, null));
    }

    /**
     * Adds an active expense category (GL account).
     *
     * @param name the category name
     * @param number the account number
     * @return the stored GL account
     */
    public GlAccount addGlAccount(String name, String number) {
        return putGlAccount(new GlAccount(null, name, number, null, true));
    }

    /**
     * Stores a GL account as given; a null ref gets an assigned id.
     *
     * @param account the GL account to store
     * @return the GL account as stored
     */
    public GlAccount putGlAccount(GlAccount account) {
        synchronized (lock) {
            ExternalRef ref = refOrNew(account.ref(), TYPE_CATEGORY);
            GlAccount stored = new GlAccount(ref, account.name(), account.number(), account.parent(), account.active());
            glAccounts.put(ref.id(), stored, clock.instant(), nextVersion(), false);
            return stored;
        }
    }

    /**
     * Adds an active project for a client (client id may be null) with a budget (may be null).
     *
     * @param name the project name
     * @param clientId the client id, or null
     * @param budget the budget, or null
     * @return the stored project
     */
    public Project addProject(String name, String clientId, Money budget) {
        ExternalRef client = clientId == null ? null : ExternalRef.of(Systems.FRESHBOOKS, TYPE_CLIENT, clientId);
        return putProject(new Project(null, name, null, null, client, budget, true, null));
    }

    /**
     * Adds an active project billed at a fixed price (client id may be null; fixed price may be null: none yet).
     *
     * @param name the project name
     * @param clientId the client id, or null
     * @param fixedPrice the fixed price, or null
     * @return the stored project
     */
    public Project addFixedPriceProject(String name, String clientId, Money fixedPrice) {
        Project p = addProject(name, clientId, null);
        putProjectPricing(p.ref().id(), true, fixedPrice);
        return p;
    }

    /**
     * Sets how a stored project is billed: at a fixed price (and its amount, may be null) or not. Not counted.
     *
     * @param projectId the stored project's id
     * @param fixedPriceBilling true if billed at a fixed price
     * @param fixedPrice the fixed price, or null
     * @return the pricing now in effect
     */
    public ProjectPricing putProjectPricing(String projectId, boolean fixedPriceBilling, Money fixedPrice) {
        synchronized (lock) {
            Project p = existing(projects, projectId, "project");
            ProjectPricing stored = new ProjectPricing(p.ref(), fixedPriceBilling, fixedPriceBilling ? fixedPrice : null);
            pricing.put(projectId, stored);
            return stored;
        }
    }

    /**
     * Stores a project as given; a null ref gets an assigned id, {@code updatedAt} is set to now.
     *
     * @param project the project to store
     * @return the project as stored
     */
    public Project putProject(Project project) {
        synchronized (lock) {
            ExternalRef ref = refOrNew(project.ref(), TYPE_PROJECT);
            Instant now = clock.instant();
            Project stored = new Project(ref, project.name(), project.number(), project.externalId(), project.clientRef(),
                    project.budget(), project.active(), now);
            projects.put(ref.id(), stored, now, nextVersion(), false);
            return stored;
        }
    }

    /**
     * Starts a bill from a vendor; finish with {@link DocumentSeed#save()}.
     *
     * @param vendorId the vendor id
     * @return a seed to fill in and save
     */
    public DocumentSeed bill(String vendorId) {
        return new DocumentSeed(DocumentKind.BILL, ExternalRef.of(Systems.FRESHBOOKS, TYPE_VENDOR, vendorId), today(),
                this::putBill);
    }

    /**
     * Starts an invoice to a client; finish with {@link DocumentSeed#save()}.
     *
     * @param clientId the client id
     * @return a seed to fill in and save
     */
    public DocumentSeed invoice(String clientId) {
        return new DocumentSeed(DocumentKind.INVOICE, ExternalRef.of(Systems.FRESHBOOKS, TYPE_CLIENT, clientId), today(),
                this::putInvoice);
    }

    /**
     * Stores a bill (insert or replace): a null ref gets an assigned id; version and {@code updatedAt} are always
     * new; a null total becomes the sum of the lines.
     *
     * @param bill the bill to store
     * @return the bill as stored
     */
    public SourceDocument putBill(SourceDocument bill) {
        return putDocument(bills, bill, TYPE_BILL, DocumentKind.BILL);
    }

    /**
     * Stores an invoice, as {@link #putBill} does.
     *
     * @param invoice the invoice to store
     * @return the invoice as stored
     */
    public SourceDocument putInvoice(SourceDocument invoice) {
        return putDocument(invoices, invoice, TYPE_INVOICE, DocumentKind.INVOICE);
    }

    /**
     * Changes a stored bill (new version).
     *
     * @param id the bill id
     * @param change derives the new value from the stored one
     * @return the bill as stored
     */
    public SourceDocument updateBill(String id, UnaryOperator<SourceDocument> change) {
        return putBill(withTotalRecomputed(change.apply(existing(bills, id, "bill"))));
    }

    /**
     * Changes a stored invoice (new version).
     *
     * @param id the invoice id
     * @param change derives the new value from the stored one
     * @return the invoice as stored
     */
    public SourceDocument updateInvoice(String id, UnaryOperator<SourceDocument> change) {
        return putInvoice(withTotalRecomputed(change.apply(existing(invoices, id, "invoice"))));
    }

    /**
     * Deletes a bill: it stays fetchable with {@code deleted = true}, and is reported changed.
     *
     * @param id the bill id
     * @return the deleted bill as stored
     */
    public SourceDocument deleteBill(String id) {
        return updateBill(id, InMemoryAccountingSystem::markDeleted);
    }

    /**
     * Deletes an invoice, as {@link #deleteBill} does.
     *
     * @param id the invoice id
     * @return the deleted invoice as stored
     */
    public SourceDocument deleteInvoice(String id) {
        return updateInvoice(id, InMemoryAccountingSystem::markDeleted);
    }

    /**
     * Adds a payment of a bill.
     *
     * @param billId the paid bill's id
     * @param amount the amount paid
     * @param date the payment date
     * @return the stored payment
     */
    public PaymentRecord addBillPayment(String billId, Money amount, LocalDate date) {
        existing(bills, billId, "bill");
        return putBillPayment(new PaymentRecord(null, ExternalRef.of(Systems.FRESHBOOKS, TYPE_BILL, billId), amount, date,
                "Check", null, false));
    }

    /**
     * Adds a payment of an invoice.
     *
     * @param invoiceId the paid invoice's id
     * @param amount the amount paid
     * @param date the payment date
     * @return the stored payment
     */
    public PaymentRecord addInvoicePayment(String invoiceId, Money amount, LocalDate date) {
        existing(invoices, invoiceId, "invoice");
        return putInvoicePayment(new PaymentRecord(null, ExternalRef.of(Systems.FRESHBOOKS, TYPE_INVOICE, invoiceId),
                amount, date, "ACH", null, false));
    }

    /**
     * Stores a bill payment (insert or replace; new version).
     *
     * @param payment the payment to store
     * @return the payment as stored
     */
    public PaymentRecord putBillPayment(PaymentRecord payment) {
        return putPayment(billPayments, payment, TYPE_BILL_PAYMENT);
    }

    /**
     * Stores an invoice payment (insert or replace; new version).
     *
     * @param payment the payment to store
     * @return the payment as stored
     */
    public PaymentRecord putInvoicePayment(PaymentRecord payment) {
        return putPayment(invoicePayments, payment, TYPE_INVOICE_PAYMENT);
    }

    /**
     * Deletes a bill payment (stays fetchable with {@code deleted = true}).
     *
     * @param id the payment id
     * @return the deleted payment as stored
     */
    public PaymentRecord deleteBillPayment(String id) {
        PaymentRecord p = existing(billPayments, id, "bill payment");
        return putBillPayment(new PaymentRecord(p.ref(), p.document(), p.amount(), p.date(), p.method(), null, true));
    }

    /**
     * Deletes an invoice payment (stays fetchable with {@code deleted = true}).
     *
     * @param id the payment id
     * @return the deleted payment as stored
     */
    public PaymentRecord deleteInvoicePayment(String id) {
        PaymentRecord p = existing(invoicePayments, id, "invoice payment");
        return putInvoicePayment(new PaymentRecord(p.ref(), p.document(), p.amount(), p.date(), p.method(), null, true));
    }

    /**
     * Stores an expense as given (a null ref gets an id; the marker is appended to the notes). Not counted.
     *
     * @param expense the expense to store
     * @return the expense as stored
     */
    public ExpenseEntry putExpense(ExpenseEntry expense) {
        synchronized (lock) {
            return storeExpense(expense);
        }
    }

    /**
     * Widens {@link #listChanged} windows backwards by {@code overlap}, as the real adapter does for day
     * granularity; default zero.
     *
     * @param overlap how far back each window starts (not negative)
     */
    public void listChangedOverlap(Duration overlap) {
        this.overlap = Objects.requireNonNull(overlap, "overlap");
    }

    // ------------------------------------------------------------------ inspection (not counted)

    /**
     * All vendors, active or not, in insertion order.
     *
     * @return the vendors
     */
    public List<Vendor> vendors() {
        synchronized (lock) {
            return vendors.values();
        }
    }

    /**
     * All expenses, in insertion order.
     *
     * @return the expenses
     */
    public List<ExpenseEntry> expenses() {
        synchronized (lock) {
            return expenses.values();
        }
    }

    /**
     * Expenses whose notes carry {@code marker}.
     *
     * @param marker the marker text to look for
     * @return the matching expenses, in insertion order
     */
    public List<ExpenseEntry> expensesWithMarker(String marker) {
        synchronized (lock) {
            return expenses.values().stream().filter(e -> hasMarker(e, marker)).toList();
        }
    }

    /**
     * A project as stored.
     *
     * @param id the project id
     * @return the project, or empty if there is none
     */
    public Optional<Project> project(String id) {
        synchronized (lock) {
            return projects.get(id);
        }
    }

    /**
     * How a project is billed (hourly unless set otherwise).
     *
     * @param id the stored project's id
     * @return its pricing
     */
    public ProjectPricing projectPricing(String id) {
        synchronized (lock) {
            return pricingOf(existing(projects, id, "project"));
        }
    }

    /**
     * Webhook confirmations received, in order.
     *
     * @return the confirmations, oldest first
     */
    public List<WebhookConfirmation> confirmedWebhooks() {
        synchronized (lock) {
            return List.copyOf(confirmations);
        }
    }

    // ------------------------------------------------------------------ port

    @Override
    public String originIdPrefix() {
        return "fb:";
    }

    @Override
    public java.util.Optional<io.mlconnector.core.port.RecordKind> recordKindOf(String resource) {
        return FreshBooksResources.kindOf(resource);
    }

    @Override
    public java.util.List<io.mlconnector.core.port.SourceStream> streams() {
        return FreshBooksResources.STREAMS;
    }

    @Override
    public String system() {
        return Systems.FRESHBOOKS;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public SourceDocument fetchBill(String id) {
        return read("fetchBill", () -> existing(bills, id, "bill"));
    }

    @Override
    public SourceDocument fetchInvoice(String id) {
        return read("fetchInvoice", () -> existing(invoices, id, "invoice"));
    }

    @Override
    public PaymentRecord fetchBillPayment(String id) {
        return read("fetchBillPayment", () -> existing(billPayments, id, "bill payment"));
    }

    @Override
    public PaymentRecord fetchInvoicePayment(String id) {
        return read("fetchInvoicePayment", () -> existing(invoicePayments, id, "invoice payment"));
    }

    @Override
    public Vendor fetchVendor(String id) {
        return read("fetchVendor", () -> existing(vendors, id, "vendor"));
    }

    @Override
    public Project fetchProject(String id) {
        return read("fetchProject", () -> existing(projects, id, "project"));
    }

    @Override
    public List<ChangedRecord> listChanged(SourceStream stream, Instant since) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(since, "since");
        return read("listChanged", () -> {
            Instant from = since.minus(overlap);
            return switch (stream) {
                case BILLS -> changed(bills, TYPE_BILL, from);
                case INVOICES -> changed(invoices, TYPE_INVOICE, from);
                case BILL_PAYMENTS -> changed(billPayments, TYPE_BILL_PAYMENT, from);
                case INVOICE_PAYMENTS -> changed(invoicePayments, TYPE_INVOICE_PAYMENT, from);
                case VENDORS -> changed(vendors, TYPE_VENDOR, from);
                case PROJECTS -> changed(projects, TYPE_PROJECT, from);
                default -> throw new IllegalArgumentException("the accounting system has no stream " + stream);
            };
        });
    }

    @Override
    public List<Vendor> listVendors() {
        return read("listVendors", () -> vendors.values().stream().filter(Vendor::active).toList());
    }

    @Override
    public List<GlAccount> listGlAccounts() {
        return read("listGlAccounts", () -> glAccounts.values().stream().filter(GlAccount::active).toList());
    }

    @Override
    public List<Project> listProjects() {
        return read("listProjects", () -> projects.values().stream().filter(Project::active).toList());
    }

    @Override
    public Vendor createVendor(Vendor vendor) {
        return write("createVendor", () -> {
            requireText(vendor.name(), "vendor_name");
            Instant now = clock.instant();
            ExternalRef ref = ExternalRef.of(Systems.FRESHBOOKS, TYPE_VENDOR, nextId());
            Vendor stored = new Vendor(ref, vendor.name(), vendor.externalId(), vendor.externalCode(), true, now);
            vendors.put(ref.id(), stored, now, nextVersion(), false);
            return stored;
        });
    }

    @Override
    public ExpenseEntry createExpense(ExpenseEntry expense) {
        return write("createExpense", () -> {
            requireText(expense.marker(), "marker");
            requireExpenseFields(expense);
            return storeExpense(new ExpenseEntry(null, expense.marker(), expense.category(), expense.project(),
                    expense.client(), expense.amount(), expense.date(), expense.vendorName(), expense.notes()));
        });
    }

    @Override
    public ExpenseEntry updateExpense(ExpenseEntry expense) {
        return write("updateExpense", () -> {
            if (expense.ref() == null) {
                throw new ValidationException(ApiError.of(422, "expense ref is required for an update"));
            }
            existing(expenses, expense.ref().id(), "expense");
            requireExpenseFields(expense);
            return storeExpense(expense);
        });
    }

    @Override
    public Optional<ExpenseEntry> findExpenseByMarker(String marker, ExternalRef project) {
        return read("findExpenseByMarker", () -> expenses.values().stream()
                .filter(e -> hasMarker(e, marker))
                .filter(e -> project == null || project.equals(e.project()))
                .findFirst());
    }

    /**
     * Strict, like FreshBooks' documented filters applied exactly: the marker, and every narrowing field the lookup
     * gives (project, category, the same amount, the same date) must match, so a lookup built from the wrong facts
     * finds nothing (and a test sees the duplicate).
     */
    @Override
    public Optional<ExpenseEntry> findExpense(io.mlconnector.core.model.ExpenseLookup lookup) {
        return read("findExpense", () -> expenses.values().stream()
                .filter(e -> hasMarker(e, lookup.marker()))
                .filter(e -> lookup.project() == null || lookup.project().equals(e.project()))
                .filter(e -> lookup.category() == null || lookup.category().equals(e.category()))
                .filter(e -> lookup.amount() == null || (e.amount() != null && e.amount().sameValueAs(lookup.amount())))
                .filter(e -> lookup.date() == null || lookup.date().equals(e.date()))
                .findFirst());
    }

    @Override
    public List<String> listExpenseMarkers(String prefix) {
        return read("listExpenseMarkers", () -> expenses.values().stream().map(ExpenseEntry::marker)
                .filter(m -> m != null && m.startsWith(prefix)).toList());
    }

    @Override
    public List<PaymentRecord> fetchBillPayments(String billId) {
        return read("fetchBillPayments", () -> {
            existing(bills, billId, "bill");
            return billPayments.values().stream().filter(p -> !p.deleted() && p.document() != null
                    && billId.equals(p.document().id())).toList();
        });
    }

    @Override
    public ProjectPricing fetchProjectPricing(ExternalRef project) {
        return read("fetchProjectPricing", () -> pricingOf(existing(projects, project.id(), "project")));
    }

    @Override
    public ProjectPricing updateProjectFixedPrice(ExternalRef project, Money fixedPrice) {
        return write("updateProjectFixedPrice", () -> {
            Project p = existing(projects, project.id(), "project");
            if (!pricingOf(p).fixedPriceBilling()) {
                throw new ValidationException(ApiError.of(422, "project " + project.id()
                        + " is not billed at a fixed price; fixed_price cannot be set"));
            }
            if (fixedPrice == null) {
                throw new ValidationException(ApiError.of(422, "fixed_price is required"));
            }
            ProjectPricing stored = new ProjectPricing(p.ref(), true, fixedPrice);
            pricing.put(p.ref().id(), stored);
            Instant now = clock.instant();
            Project touched = new Project(p.ref(), p.name(), p.number(), p.externalId(), p.clientRef(), p.budget(),
                    p.active(), now);
            projects.put(p.ref().id(), touched, now, nextVersion(), false);
            return stored;
        });
    }

    /** Callback ids the account has; null until {@link #registerCallback} (then listing is unsupported). */
    private volatile java.util.Set<String> callbackIds;

    /**
     * Registers a webhook callback of this account, so {@link #listWebhookCallbackIds()} lists it.
     *
     * @param callbackId the callback id
     */
    public synchronized void registerCallback(String callbackId) {
        java.util.Set<String> next = new java.util.HashSet<>(callbackIds == null ? java.util.Set.of() : callbackIds);
        next.add(callbackId);
        callbackIds = java.util.Set.copyOf(next);
    }

    @Override
    public java.util.Set<String> listWebhookCallbackIds() {
        if (callbackIds == null) {
            throw new UnsupportedOperationException("no callbacks registered with this fake");
        }
        return read("listWebhookCallbackIds", () -> callbackIds);
    }

    @Override
    public void confirmWebhook(String callbackId, String verifier) {
        write("confirmWebhook", () -> {
            confirmations.add(new WebhookConfirmation(callbackId, verifier));
            return null;
        });
    }

    // ------------------------------------------------------------------ internals

    private <T> T read(String method, Supplier<T> body) {
        return call(method, body);
    }

    private <T> T write(String method, Supplier<T> body) {
        return call(method, body);
    }

    private ProjectPricing pricingOf(Project p) {
        ProjectPricing stored = pricing.get(p.ref().id());
        return stored != null ? stored : new ProjectPricing(p.ref(), false, null);
    }

    private SourceDocument putDocument(Table<SourceDocument> table, SourceDocument doc, String type, DocumentKind kind) {
        synchronized (lock) {
            ExternalRef ref = refOrNew(doc.ref(), type);
            Money total = doc.total() != null ? doc.total() : sum(doc.lines(), doc.currency());
            String version = nextVersion();
            SourceDocument stored = new SourceDocument(ref, kind, doc.number(),
                    doc.counterparty(), doc.project(), doc.issueDate(), doc.dueDate(), doc.currency(), doc.lines(), total,
                    version, doc.deleted());
            table.put(ref.id(), stored, clock.instant(), version, doc.deleted());
            return stored;
        }
    }

    private PaymentRecord putPayment(Table<PaymentRecord> table, PaymentRecord p, String type) {
        synchronized (lock) {
            ExternalRef ref = refOrNew(p.ref(), type);
            String version = nextVersion();
            PaymentRecord stored = new PaymentRecord(ref, p.document(), p.amount(), p.date(), p.method(), version, p.deleted());
            table.put(ref.id(), stored, clock.instant(), version, p.deleted());
            return stored;
        }
    }

    private ExpenseEntry storeExpense(ExpenseEntry e) {
        ExternalRef ref = refOrNew(e.ref(), TYPE_EXPENSE);
        String notes = e.notes() == null ? "" : e.notes();
        if (e.marker() != null && !notes.contains(e.marker())) {
            notes = notes.isEmpty() ? e.marker() : notes + "\n" + e.marker();
        }
        ExpenseEntry stored = new ExpenseEntry(ref, e.marker(), e.category(), e.project(), e.client(), e.amount(), e.date(),
                e.vendorName(), notes);
        expenses.put(ref.id(), stored, clock.instant(), nextVersion(), false);
        return stored;
    }

    private static boolean hasMarker(ExpenseEntry e, String marker) {
        return marker != null && e.notes() != null && e.notes().contains(marker);
    }

    private static void requireExpenseFields(ExpenseEntry e) {
        if (e.category() == null) {
            throw new ValidationException(ApiError.of(422, "categoryid is required"));
        }
        if (e.amount() == null) {
            throw new ValidationException(ApiError.of(422, "amount is required"));
        }
        if (e.date() == null) {
            throw new ValidationException(ApiError.of(422, "date is required"));
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(ApiError.of(422, field + " is required"));
        }
    }

    private <T> List<ChangedRecord> changed(Table<T> table, String type, Instant from) {
        List<ChangedRecord> out = new ArrayList<>();
        for (Table.Row<T> row : table.changedSince(from)) {
            out.add(new ChangedRecord(ExternalRef.of(Systems.FRESHBOOKS, type, row.id()), row.version(), row.deleted()));
        }
        return out;
    }

    private ExternalRef refOrNew(ExternalRef ref, String type) {
        return ref != null ? ref : ExternalRef.of(Systems.FRESHBOOKS, type, nextId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Money sum(List<DocumentLine> lines, String currency) {
        Money total = Money.zero(currency);
        for (DocumentLine l : lines) {
            total = total.plus(l.amount());
        }
        return total;
    }

    private static SourceDocument withTotalRecomputed(SourceDocument d) {
        return new SourceDocument(d.ref(), d.kind(), d.number(), d.counterparty(), d.project(), d.issueDate(), d.dueDate(),
                d.currency(), d.lines(), null, d.version(), d.deleted());
    }

    private static SourceDocument markDeleted(SourceDocument d) {
        return new SourceDocument(d.ref(), d.kind(), d.number(), d.counterparty(), d.project(), d.issueDate(), d.dueDate(),
                d.currency(), d.lines(), d.total(), d.version(), true);
    }
}
