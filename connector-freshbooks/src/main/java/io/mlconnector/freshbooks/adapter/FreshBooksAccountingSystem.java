package io.mlconnector.freshbooks.adapter;

import static io.mlconnector.freshbooks.FreshBooksRefs.BILL;
import static io.mlconnector.freshbooks.FreshBooksRefs.BILL_PAYMENT;
import static io.mlconnector.freshbooks.FreshBooksRefs.CATEGORY;
import static io.mlconnector.freshbooks.FreshBooksRefs.CLIENT;
import static io.mlconnector.freshbooks.FreshBooksRefs.EXPENSE;
import static io.mlconnector.freshbooks.FreshBooksRefs.INVOICE;
import static io.mlconnector.freshbooks.FreshBooksRefs.ITEM;
import static io.mlconnector.freshbooks.FreshBooksRefs.PAYMENT;
import static io.mlconnector.freshbooks.FreshBooksRefs.PROJECT;
import static io.mlconnector.freshbooks.FreshBooksRefs.VENDOR;
import static io.mlconnector.freshbooks.FreshBooksRefs.ref;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.DocumentKind;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.model.Bill;
import io.mlconnector.freshbooks.model.BillLine;
import io.mlconnector.freshbooks.model.BillPayment;
import io.mlconnector.freshbooks.model.BillVendor;
import io.mlconnector.freshbooks.model.BillVendorDraft;
import io.mlconnector.freshbooks.model.Expense;
import io.mlconnector.freshbooks.model.ExpenseCategory;
import io.mlconnector.freshbooks.model.ExpenseDraft;
import io.mlconnector.freshbooks.model.Invoice;
import io.mlconnector.freshbooks.model.InvoiceLine;
import io.mlconnector.freshbooks.model.Payment;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.ExpenseQuery;
import io.mlconnector.freshbooks.query.InvoiceQuery;
import io.mlconnector.freshbooks.query.ProjectQuery;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The core {@link AccountingSystem} port over one FreshBooks business, speaking the neutral model only.
 *
 * <p>Refs ({@code freshbooks:<type>:<id>}, see {@link io.mlconnector.freshbooks.FreshBooksRefs}): {@code bill},
 * {@code invoice}, {@code bill_payment}, {@code payment} (invoice payment), {@code vendor} (bill vendor),
 * {@code client}, {@code category} (expense category = the GL account of bill lines and expenses), {@code project}
 * (business-namespace project), {@code expense}, {@code item}, {@code callback}. The sync engine keys its mappings
 * and ledger by these.
 *
 * <p>Mapping: a bill becomes a {@link SourceDocument} of kind BILL whose counterparty is {@code vendor:<vendorid>} and
 * whose lines carry {@code category:<categoryid>} as GL account; an invoice (fetched with lines) has counterparty
 * {@code client:<customerid>}, each line's project from {@code modern_project_id} and item from {@code itemid} when
 * present. {@code total} is the sum of the line amounts (before tax); {@code version} is {@code updated_at} (bills) or
 * the invoice's {@code version} stamp. Bill payments have no timestamp: their version is a digest of their content.
 *
 * <p>{@link #listChanged}: BILLS read newest-first ({@code sort=updated_at_desc}) and stop at {@code since} minus the
 * bill overlap (default one day); BILL_PAYMENTS come from the bills changed in that window (embedded
 * {@code bill_payments}, else {@code search[billid]}) plus the deleted bill payments of those bills; VENDORS use
 * {@code search[updated_min]}; INVOICES and INVOICE_PAYMENTS use {@code search[updated_min]} widened to the US/Eastern
 * day before {@code since}, plus a deleted listing; PROJECTS use {@code updated_since}. Results may repeat earlier
 * ones: callers dedupe by version.
 *
 * <p>The sort on bills, {@code updated_min} on vendors and {@code billid} on bill payments are not in the FreshBooks
 * docs ({@link UndocumentedParam}). The adapter checks each answer (order, timestamps, bill ids), and a 400, and once
 * it sees the parameter ignored or refused it uses the documented full scan for the rest of its life, logging the
 * decision once ({@link #paramSupport}, {@link Builder#onParamDecision}).
 *
 * <p>Projects: a FreshBooks {@code budget} is a number of HOURS, never money, so this adapter has no way to write
 * one and {@link io.mlconnector.core.model.Project#budget()} is always null here; what a fixed-price client is
 * charged is {@code fixed_price} ({@link #fetchProjectPricing}, {@link #updateProjectFixedPrice}).
 *
 * <p>Expenses we create carry {@code [mlc:<marker>]} in their notes so {@link #findExpenseByMarker} can find them.
 */
public final class FreshBooksAccountingSystem implements AccountingSystem {
    private static final Pattern MARKER = Pattern.compile("\\[mlc:([^\\]]+)\\]");

    private final FreshBooksClient client;
    private final String baseCurrency;
    private final long staffId;
    private final Duration billOverlap;
    private final ParamSupportMemory params;
    private final BillChangeScan billScan;
    private final VendorChangeScan vendorScan;
    private final BillPaymentLookup billPaymentLookup;

    private FreshBooksAccountingSystem(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.baseCurrency = b.baseCurrency;
        this.staffId = b.staffId;
        this.billOverlap = b.billOverlap;
        this.params = new ParamSupportMemory(client::accountId, b.onParamDecision);
        this.billScan = new BillChangeScan(client.bills(), params);
        this.vendorScan = new VendorChangeScan(client.billVendors(), params);
        this.billPaymentLookup = new BillPaymentLookup(client.billPayments(), params);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The underlying client.
     *
     * @return the underlying client
     */
    public FreshBooksClient client() {
        return client;
    }

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
        return client.accountId();
    }

    @Override
    public SourceDocument fetchBill(String id) {
        return toDocument(client.bills().get(parseId(id, BILL)));
    }

    @Override
    public SourceDocument fetchInvoice(String id) {
        return toDocument(client.invoices().get(parseId(id, INVOICE)));
    }

    @Override
    public PaymentRecord fetchBillPayment(String id) {
        return toPayment(client.billPayments().get(parseId(id, BILL_PAYMENT)));
    }

    /**
     * The payments of a bill, read from the bill's {@code bill_payments} (one call); mapped exactly like
     * {@link #fetchBillPayment} so refs and versions match. Only when the answer carries no {@code bill_payments} are
     * they listed by {@code search[billid]} (with the fallbacks of {@link UndocumentedParam#BILL_PAYMENT_BILLID}).
     */
    @Override
    public List<PaymentRecord> fetchBillPayments(String billId) {
        Bill bill = client.bills().get(parseId(billId, BILL));
        return paymentsOf(List.of(bill)).getOrDefault(bill.id(), List.of()).stream().map(this::toPayment).toList();
    }

    /**
     * What this connection has learnt about an undocumented parameter.
     *
     * @param param the parameter
     * @return what this connection has learnt about an undocumented parameter
     */
    public ParamSupport paramSupport(UndocumentedParam param) {
        return params.get(Objects.requireNonNull(param, "param"));
    }

    @Override
    public PaymentRecord fetchInvoicePayment(String id) {
        return toPayment(client.payments().get(parseId(id, PAYMENT)));
    }

    @Override
    public Vendor fetchVendor(String id) {
        return toVendor(client.billVendors().get(parseId(id, VENDOR)));
    }

    @Override
    public io.mlconnector.core.model.Project fetchProject(String id) {
        return toProject(client.projects().get(parseId(id, PROJECT)));
    }

    @Override
    public List<ChangedRecord> listChanged(SourceStream stream, Instant since) {
        Objects.requireNonNull(since, "since");
        Map<String, ChangedRecord> out = new LinkedHashMap<>();
        switch (stream) {
            case BILLS -> billScan.changedSince(since.minus(billOverlap), true)
                    .forEach(b -> add(out, new ChangedRecord(ref(BILL, b.id()), stamp(b.updatedAt()), b.isDeleted())));
            case BILL_PAYMENTS -> {
                List<Bill> changed = billScan.changedSince(since.minus(billOverlap), true);
                paymentsOf(changed).values().forEach(paid -> paid.forEach(p -> add(out,
                        new ChangedRecord(ref(BILL_PAYMENT, p.id()), contentVersion(p), p.visState() == VisState.DELETED))));
                if (!changed.isEmpty()) {
                    // a deleted payment drops out of its bill's bill_payments; the documented deleted listing finds it
                    java.util.Set<Long> ids = new java.util.HashSet<>();
                    changed.forEach(b -> ids.add(b.id()));
                    client.billPayments().list(SearchQuery.create().deletedOnly())
                            .filter(p -> p.billId() != null && ids.contains(p.billId()))
                            .forEach(p -> add(out, new ChangedRecord(ref(BILL_PAYMENT, p.id()), contentVersion(p), true)));
                }
            }
            case INVOICES -> Stream.concat(
                            client.invoices().list(InvoiceQuery.create().updatedSince(since)),
                            client.invoices().list(InvoiceQuery.create().updatedSince(since).deletedOnly()))
                    .forEach(i -> add(out, new ChangedRecord(ref(INVOICE, i.id()), invoiceVersion(i), i.isDeleted())));
            case INVOICE_PAYMENTS -> client.payments().updatedSince(since, true)
                    .forEach(p -> add(out, new ChangedRecord(ref(PAYMENT, p.id()), stamp(p.updated()),
                            p.visState() == VisState.DELETED)));
            case VENDORS -> vendorScan.changedSince(since)
                    .forEach(v -> add(out, new ChangedRecord(ref(VENDOR, v.id()), stamp(v.updatedAt()),
                            v.visState() == VisState.DELETED)));
            case PROJECTS -> client.projects().updatedSince(since)
                    .forEach(p -> add(out, new ChangedRecord(ref(PROJECT, p.id()), stamp(p.updatedAt()), false)));
            default -> throw new IllegalArgumentException(stream + " is not a FreshBooks stream");
        }
        return List.copyOf(out.values());
    }

    @Override
    public List<Vendor> listVendors() {
        return client.billVendors().list(SearchQuery.create()).map(this::toVendor).filter(Vendor::active).toList();
    }

    @Override
    public List<GlAccount> listGlAccounts() {
        return client.expenseCategories().list().map(this::toGlAccount).toList();
    }

    @Override
    public List<io.mlconnector.core.model.Project> listProjects() {
        return client.projects().list(ProjectQuery.create().active(true)).map(this::toProject)
                .filter(io.mlconnector.core.model.Project::active).toList();
    }

    @Override
    public Vendor createVendor(Vendor vendor) {
        Objects.requireNonNull(vendor, "vendor");
        if (vendor.name() == null || vendor.name().isBlank()) {
            throw new IllegalArgumentException("a vendor needs a name");
        }
        return toVendor(client.billVendors().create(BillVendorDraft.of(vendor.name(), vendor.externalCode(), baseCurrency)));
    }

    @Override
    public ExpenseEntry createExpense(ExpenseEntry expense) {
        Objects.requireNonNull(expense, "expense");
        return toExpense(client.expenses().create(draftOf(expense)));
    }

    @Override
    public ExpenseEntry updateExpense(ExpenseEntry expense) {
        Objects.requireNonNull(expense, "expense");
        if (expense.ref() == null) {
            throw new IllegalArgumentException("updateExpense needs the expense's ref");
        }
        return toExpense(client.expenses().update(idOf(expense.ref(), EXPENSE), draftOf(expense)));
    }

    @Override
    public Optional<ExpenseEntry> findExpenseByMarker(String marker, ExternalRef project) {
        String token = markerToken(marker);
        ExpenseQuery q = ExpenseQuery.create();
        if (project != null) {
            q.projectId(idOf(project, PROJECT));
        }
        return client.expenses().list(q).filter(e -> e.notes() != null && e.notes().contains(token))
                .findFirst().map(this::toExpense);
    }

    /**
     * The expense carrying the marker, listed with the documented expense filters (api/freshbooks.md §2.5):
     * {@code search[projectid]}, {@code search[categoryid]}, and when the lookup knows them {@code date_min/max} (the
     * day, widened by one day each side because the docs do not say whether the bounds are inclusive) and
     * {@code amount_min/max} (the amount, widened by one cent each side). One read whatever the project holds. The
     * marker decides, read from each answer's notes, and the listing pages on until it is found: a filter FreshBooks
     * ignored costs more reads, never a missed expense.
     */
    @Override
    public Optional<ExpenseEntry> findExpense(io.mlconnector.core.model.ExpenseLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        String token = markerToken(lookup.marker());
        ExpenseQuery q = ExpenseQuery.create();
        if (lookup.project() != null) {
            q.projectId(idOf(lookup.project(), PROJECT));
        }
        if (lookup.category() != null) {
            q.categoryId(idOf(lookup.category(), CATEGORY));
        }
        if (lookup.date() != null) {
            q.dateBetween(lookup.date().minusDays(1), lookup.date().plusDays(1));
        }
        if (lookup.amount() != null) {
            BigDecimal cent = new BigDecimal("0.01");
            q.amountBetween(lookup.amount().amount().subtract(cent), lookup.amount().amount().add(cent));
        }
        return client.expenses().list(q).filter(e -> e.notes() != null && e.notes().contains(token))
                .findFirst().map(this::toExpense);
    }

    /** Every expense of the account (active and archived), read once; the markers in their notes with the prefix. */
    @Override
    public List<String> listExpenseMarkers(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return client.expenses().list(ExpenseQuery.create()).map(Expense::notes).filter(Objects::nonNull)
                .map(MARKER::matcher).filter(Matcher::find).map(m -> m.group(1)).filter(m -> m.startsWith(prefix))
                .toList();
    }

    /** Whether the project is billed at a fixed price, and that price (in the business currency). One call. */
    @Override
    public ProjectPricing fetchProjectPricing(ExternalRef project) {
        return toPricing(client.projects().get(idOf(project, PROJECT)));
    }

    /**
     * Sets {@code fixed_price} ({@code PUT …/project/{id}} with {@code {"project":{"fixed_price":"…"}}}) after checking
     * (one GET) that the project is billed at a fixed price; the amount must be in the business currency, as FreshBooks
     * projects carry no currency.
     *
     * @throws ConfigurationException when the project is not a fixed-price project or the currency differs
     */
    @Override
    public ProjectPricing updateProjectFixedPrice(ExternalRef project, Money fixedPrice) {
        Objects.requireNonNull(fixedPrice, "fixedPrice");
        long id = idOf(project, PROJECT);
        if (!fixedPrice.currency().equals(baseCurrency)) {
            throw new ConfigurationException("a FreshBooks fixed price is in the business currency " + baseCurrency
                    + ", not " + fixedPrice.currency() + " (" + project.key() + "); amounts are never converted");
        }
        if (fixedPrice.amount().signum() < 0) {
            throw new ConfigurationException("a fixed price cannot be negative: " + fixedPrice.amount().toPlainString()
                    + " for " + project.key());
        }
        io.mlconnector.freshbooks.model.Project current = client.projects().get(id);
        if (!current.isFixedPrice()) {
            throw new ConfigurationException(project.key() + " is not billed at a fixed price (project_type "
                    + current.projectType() + ", billing_method " + current.billingMethod()
                    + "): its fixed price is not written");
        }
        return toPricing(client.projects().updateFixedPrice(id, fixedPrice.amount()));
    }

    /** The ids of this account's callbacks (one listing). */
    @Override
    public java.util.Set<String> listWebhookCallbackIds() {
        return client.callbacks().list(io.mlconnector.freshbooks.query.SearchQuery.create())
                .map(c -> Long.toString(c.id())).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void confirmWebhook(String callbackId, String verifier) {
        client.callbacks().verify(parseId(callbackId, "callback"), verifier);
    }

    // ---- mapping to the neutral model ----

    SourceDocument toDocument(Bill b) {
        String currency = currencyOf(b.currencyCode(), b.amount());
        List<DocumentLine> lines = new ArrayList<>();
        int position = 0;
        for (BillLine l : b.lines()) {
            position++;
            Long category = l.categoryId() != null ? l.categoryId() : l.category() == null ? null : l.category().id();
            lines.add(new DocumentLine(l.listIndex() != null ? l.listIndex() : position, l.description(),
                    category == null ? null : ref(CATEGORY, category), null, null, l.quantity(),
                    lineAmount(l.amount(), l.unitCost(), l.quantity(), currency)));
        }
        Money total = lines.isEmpty() ? (b.amount() != null ? b.amount() : Money.zero(currency)) : sum(lines, currency);
        return new SourceDocument(ref(BILL, b.id()), DocumentKind.BILL, b.billNumber(),
                b.vendorId() == null ? null : ref(VENDOR, b.vendorId()), null, b.issueDate(), b.dueDate(), currency,
                lines, total, stamp(b.updatedAt()), b.isDeleted());
    }

    SourceDocument toDocument(Invoice inv) {
        String currency = currencyOf(inv.currencyCode(), inv.amount());
        List<DocumentLine> lines = new ArrayList<>();
        Long project = null;
        boolean oneProject = true;
        int position = 0;
        for (InvoiceLine l : inv.lines()) {
            position++;
            Long p = positive(l.modernProjectId());
            if (p != null) {
                oneProject &= project == null || project.equals(p);
                project = project == null ? p : project;
            }
            String text = l.description() == null || l.description().isBlank() ? l.name() : l.description();
            Long item = positive(l.itemId());
            lines.add(new DocumentLine(position, text, null, item == null ? null : ref(ITEM, item),
                    p == null ? null : ref(PROJECT, p), l.quantity(),
                    lineAmount(l.amount(), l.unitCost(), l.quantity(), currency)));
        }
        Money total = lines.isEmpty() ? Money.zero(currency) : sum(lines, currency);
        return new SourceDocument(ref(INVOICE, inv.id()), DocumentKind.INVOICE, inv.invoiceNumber(),
                inv.customerId() == null ? null : ref(CLIENT, inv.customerId()),
                project != null && oneProject ? ref(PROJECT, project) : null, inv.createDate(), inv.dueDate(), currency,
                lines, total, invoiceVersion(inv), inv.isDeleted());
    }

    PaymentRecord toPayment(BillPayment p) {
        return new PaymentRecord(ref(BILL_PAYMENT, p.id()), p.billId() == null ? null : ref(BILL, p.billId()),
                p.amount(), p.paidDate(), p.paymentType(), contentVersion(p), p.visState() == VisState.DELETED);
    }

    PaymentRecord toPayment(Payment p) {
        return new PaymentRecord(ref(PAYMENT, p.id()), p.invoiceId() == null ? null : ref(INVOICE, p.invoiceId()),
                p.amount(), p.date(), p.type(), stamp(p.updated()), p.visState() == VisState.DELETED);
    }

    Vendor toVendor(BillVendor v) {
        boolean active = v.visState() == null || v.visState() == VisState.ACTIVE;
        return new Vendor(ref(VENDOR, v.id()), v.vendorName(), null, blankToNull(v.accountNumber()), active,
                v.updatedAt());
    }

    io.mlconnector.core.model.Project toProject(io.mlconnector.freshbooks.model.Project p) {
        boolean active = !Boolean.FALSE.equals(p.active()) && !Boolean.TRUE.equals(p.complete());
        Long clientId = positive(p.clientId());
        // budget stays null: a FreshBooks budget is hours, which the neutral (money) budget must never carry
        return new io.mlconnector.core.model.Project(ref(PROJECT, p.id()), p.title(), null, null,
                clientId == null ? null : ref(CLIENT, clientId), null, active, p.updatedAt());
    }

    ProjectPricing toPricing(io.mlconnector.freshbooks.model.Project p) {
        boolean fixed = p.isFixedPrice();
        return new ProjectPricing(ref(PROJECT, p.id()), fixed,
                fixed && p.fixedPrice() != null ? new Money(p.fixedPrice(), baseCurrency) : null);
    }

    /**
     * The payments of each bill: the bill's own {@code bill_payments} when the answer carried them, else listed by
     * bill. Each payment gets its bill's id when the embedded form omits it, so refs and versions match
     * {@link #fetchBillPayment}.
     */
    private Map<Long, List<BillPayment>> paymentsOf(List<Bill> bills) {
        Map<Long, List<BillPayment>> out = new LinkedHashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Bill b : bills) {
            if (b.hasEmbeddedPayments()) {
                out.put(b.id(), b.billPayments().stream().map(p -> withBill(p, b.id())).toList());
            } else {
                missing.add(b.id());
            }
        }
        out.putAll(billPaymentLookup.ofBills(missing));
        return out;
    }

    private static BillPayment withBill(BillPayment p, long billId) {
        if (p.billId() != null && p.visState() != null) {
            return p;
        }
        return new BillPayment(p.id(), p.billId() != null ? p.billId() : billId, p.amount(), p.paidDate(),
                p.paymentType(), p.note(), p.matchedWithExpense(), p.visState() != null ? p.visState() : VisState.ACTIVE);
    }

    GlAccount toGlAccount(ExpenseCategory c) {
        Long parent = positive(c.parentId());
        boolean active = c.visState() == null || c.visState() == VisState.ACTIVE;
        return new GlAccount(ref(CATEGORY, c.id()), c.name(), null, parent == null ? null : ref(CATEGORY, parent), active);
    }

    ExpenseEntry toExpense(Expense e) {
        String notes = e.notes();
        String marker = null;
        if (notes != null) {
            Matcher m = MARKER.matcher(notes);
            if (m.find()) {
                marker = m.group(1);
                notes = (notes.substring(0, m.start()) + notes.substring(m.end())).trim();
            }
        }
        Long project = positive(e.projectId());
        Long clientId = positive(e.clientId());
        return new ExpenseEntry(ref(EXPENSE, e.id()), marker, e.categoryId() == null ? null : ref(CATEGORY, e.categoryId()),
                project == null ? null : ref(PROJECT, project), clientId == null ? null : ref(CLIENT, clientId),
                e.amount(), e.date(), e.vendor(), notes);
    }

    private ExpenseDraft draftOf(ExpenseEntry e) {
        if (e.category() == null) {
            throw new IllegalArgumentException("an expense needs a category (freshbooks:category:<id>)");
        }
        if (e.amount() == null || e.date() == null) {
            throw new IllegalArgumentException("an expense needs an amount and a date");
        }
        if (e.marker() == null || e.marker().isBlank()) {
            throw new IllegalArgumentException("an expense needs a marker so it can be found again");
        }
        String notes = e.notes() == null || e.notes().isBlank() ? markerToken(e.marker())
                : e.notes().trim() + " " + markerToken(e.marker());
        return ExpenseDraft.builder().amount(e.amount()).categoryId(idOf(e.category(), CATEGORY)).staffId(staffId)
                .date(e.date()).vendor(e.vendorName()).notes(notes)
                .projectId(e.project() == null ? null : idOf(e.project(), PROJECT))
                .clientId(e.client() == null ? null : idOf(e.client(), CLIENT)).build();
    }

    /**
     * The text written into an expense's notes for a marker.
     *
     * @param marker the marker
     * @return the text written into an expense's notes for a marker
     */
    public static String markerToken(String marker) {
        if (marker == null || marker.isBlank() || marker.contains("]")) {
            throw new IllegalArgumentException("marker must be non-blank and must not contain ']': " + marker);
        }
        return "[mlc:" + marker + "]";
    }

    /** A version for a bill payment, which has no timestamp: a digest of what can change. */
    static String contentVersion(BillPayment p) {
        String content = p.billId() + "|" + (p.amount() == null ? "" : p.amount().amount().toPlainString() + " "
                + p.amount().currency()) + "|" + p.paidDate() + "|" + p.paymentType() + "|" + p.note() + "|"
                + (p.visState() == null ? VisState.ACTIVE : p.visState());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "content:" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String invoiceVersion(Invoice i) {
        return i.version() != null && !i.version().isBlank() ? i.version() : stamp(i.updated());
    }

    private static Money lineAmount(Money amount, Money unitCost, BigDecimal quantity, String currency) {
        if (amount != null) {
            return amount;
        }
        if (unitCost != null && quantity != null) {
            return new Money(unitCost.amount().multiply(quantity), unitCost.currency());
        }
        return Money.zero(currency);
    }

    private static Money sum(List<DocumentLine> lines, String currency) {
        Money total = Money.zero(currency);
        for (DocumentLine l : lines) {
            total = total.plus(l.amount());
        }
        return total;
    }

    private String currencyOf(String code, Money amount) {
        if (code != null && !code.isBlank()) {
            return code.trim().toUpperCase(java.util.Locale.ROOT);
        }
        return amount != null ? amount.currency() : baseCurrency;
    }

    private static void add(Map<String, ChangedRecord> out, ChangedRecord r) {
        out.merge(r.ref().key(), r, (a, b) -> b.deleted() ? b : a);
    }

    private static String stamp(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Long positive(Long v) {
        return v == null || v <= 0 ? null : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long parseId(String id, String type) {
        try {
            return Long.parseLong(Objects.requireNonNull(id, type + " id").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a FreshBooks " + type + " id: '" + id + "'");
        }
    }

    private static long idOf(ExternalRef r, String type) {
        Objects.requireNonNull(r, type + " ref");
        if (!Systems.FRESHBOOKS.equals(r.system()) || !type.equals(r.type())) {
            throw new IllegalArgumentException("expected a freshbooks:" + type + ":<id> ref but got " + r.key());
        }
        return parseId(r.id(), type);
    }

    /** Builder for {@link FreshBooksAccountingSystem}. */
    public static final class Builder {
        private FreshBooksClient client;
        private String baseCurrency = "USD";
        private long staffId = 1;
        private Duration billOverlap = Duration.ofDays(1);
        private Consumer<ParamDecision> onParamDecision = d -> { };

        /**
         * A client bound to one business (account id and business id set or discovered).
         *
         * @param v a client bound to one business (account id and business id set or discovered)
         * @return this builder
         */
        public Builder client(FreshBooksClient v) {
            client = v;
            return this;
        }

        /**
         * Currency of the business (project budgets carry no currency on the wire; new vendors get it). Default USD.
         *
         * @param v currency of the business (project budgets carry no currency on the wire; new vendors get it)
         * @return this builder
         */
        public Builder baseCurrency(String v) {
            baseCurrency = new Money(BigDecimal.ZERO, v).currency();
            return this;
        }

        /**
         * Staff id written on created expenses (the documented minimal create sends {@code staffid}; default 1).
         *
         * @param v staff id written on created expenses (the documented minimal create sends {@code staffid}; default
         *     1)
         * @return this builder
         */
        public Builder staffId(long v) {
            staffId = v;
            return this;
        }

        /**
         * How far before the cursor the newest-first bill scan keeps reading (default one day, which also covers the
         * UTC-vs-Eastern doubt about bill timestamps).
         *
         * @param v how far before the cursor the newest-first bill scan keeps reading
         * @return this builder
         */
        public Builder billOverlap(Duration v) {
            billOverlap = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Told once each time the adapter concludes how the API treats an {@link UndocumentedParam} (the same
         * conclusion is also logged once). Default: nothing beyond the log.
         *
         * @param v told once each time the adapter concludes how the API treats an {@link UndocumentedParam} (the same
         *     conclusion is also logged once)
         * @return this builder
         */
        public Builder onParamDecision(Consumer<ParamDecision> v) {
            onParamDecision = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Builds the {@code FreshBooksAccountingSystem} from the settings given so far.
         *
         * @return the new {@code FreshBooksAccountingSystem}
         */
        public FreshBooksAccountingSystem build() {
            return new FreshBooksAccountingSystem(this);
        }
    }
}
