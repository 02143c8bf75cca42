package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.model.Bill;
import io.mlconnector.freshbooks.model.BillDraft;
import io.mlconnector.freshbooks.model.BillPayment;
import io.mlconnector.freshbooks.model.BillPaymentDraft;
import io.mlconnector.freshbooks.model.BillVendor;
import io.mlconnector.freshbooks.model.BillVendorDraft;
import io.mlconnector.freshbooks.model.Client;
import io.mlconnector.freshbooks.model.ClientDraft;
import io.mlconnector.freshbooks.model.Expense;
import io.mlconnector.freshbooks.model.ExpenseCategory;
import io.mlconnector.freshbooks.model.ExpenseDraft;
import io.mlconnector.freshbooks.model.Invoice;
import io.mlconnector.freshbooks.model.InvoiceDraft;
import io.mlconnector.freshbooks.model.Payment;
import io.mlconnector.freshbooks.model.PaymentDraft;
import io.mlconnector.freshbooks.model.Project;
import io.mlconnector.freshbooks.model.ProjectDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.BillQuery;
import io.mlconnector.freshbooks.query.ClientQuery;
import io.mlconnector.freshbooks.query.ExpenseQuery;
import io.mlconnector.freshbooks.query.InvoiceQuery;
import io.mlconnector.freshbooks.query.ProjectQuery;
import io.mlconnector.freshbooks.query.SearchQuery;
import io.mlconnector.testkit.freshbooks.AccountingErrorStyle;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.freshbooks.InvoiceLine;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typed FreshBooks resources of the real client against the stateful sandbox: create / get / update / delete as
 * the API allows each, listing across pages, filters, {@code updatedSince} windows and {@code vis_state} changes.
 */
class FreshBooksResourcesClientTest {
    private static final String BILLS = "/accounting/account/{accountId}/bills/bills";

    // 10:00 in New York (EST): Eastern and UTC dates agree, so day-granular windows are easy to read
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private FreshBooksClient client;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        // the OAuth-connected client: it refreshes its 12-hour token when a test moves the clock days ahead
        client = FreshBooksConnections.connect(fb, clock,
                Credentials.encrypted(new io.mlconnector.core.auth.InMemoryCredentialStore()));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    // ---- bills ------------------------------------------------------------------------------------------------

    @Test
    void bill_create_computesExactAmounts_andGetUpdateReadItBack() {
        long concrete = fb.seed().expenseCategory("Concrete").id();
        long steel = fb.seed().expenseCategory("Steel").id();
        long vendor = fb.seed().billVendor("Rebar Inc").id();

        Bill created = client.bills().create(BillDraft.builder().vendorId(vendor).billNumber("RB-1001")
                .issueDate(LocalDate.of(2026, 3, 1)).dueOffsetDays(30).currencyCode("USD")
                .line(BillDraft.Line.of(concrete, "Pour slab", dec("10"), usd("125.00")))
                .line(BillDraft.Line.of(steel, "Rebar #5", dec("3"), usd("33.33"))).build());

        assertThat(created.amount()).isEqualTo(usd("1349.99"));
        assertThat(created.totalAmount()).isEqualTo(usd("1349.99"));
        assertThat(created.outstanding()).isEqualTo(usd("1349.99"));
        assertThat(created.paid()).isEqualTo(usd("0.00"));
        assertThat(created.status()).isEqualTo("unpaid");
        assertThat(created.dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(created.updatedAt()).isEqualTo(clock.instant());

        Bill got = client.bills().get(created.id());
        assertThat(got.vendorId()).isEqualTo(vendor);
        assertThat(got.billNumber()).isEqualTo("RB-1001");
        assertThat(got.visState()).isEqualTo(VisState.ACTIVE);
        assertThat(got.lines()).extracting(l -> l.categoryId(), l -> l.description(), l -> l.amount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(concrete, "Pour slab", usd("1250.00")),
                        org.assertj.core.groups.Tuple.tuple(steel, "Rebar #5", usd("99.99")));
        assertThat(got.lines().get(0).category().name()).isEqualTo("Concrete");
        assertThat(client.bills().getWithVendor(created.id()).vendor().vendorName()).isEqualTo("Rebar Inc");

        clock.advance(Duration.ofMinutes(5));
        Bill renamed = client.bills().update(created.id(), Map.of("bill_number", "RB-1001-A"));
        assertThat(renamed.billNumber()).isEqualTo("RB-1001-A");
        assertThat(renamed.lines()).hasSize(2);
        assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
        assertThat(fb.bill(created.id()).orElseThrow().billNumber()).isEqualTo("RB-1001-A");
    }

    @Test
    void bills_listLazilyAcrossPages_andFilterByVendor() {
        long cat = fb.seed().expenseCategory("Concrete").id();
        long a = fb.seed().billVendor("A Supply").id();
        long b = fb.seed().billVendor("B Supply").id();
        for (int i = 0; i < 5; i++) {
            fb.seed().bill(a, BillLine.of(cat, "a" + i, "1", "10.00"));
        }
        fb.seed().bill(b, BillLine.of(cat, "b0", "1", "20.00"));
        fb.seed().bill(b, BillLine.of(cat, "b1", "1", "30.00"));

        List<Bill> all = client.bills().list(BillQuery.create().perPage(2)).toList();

        assertThat(all).hasSize(7).extracting(Bill::id).doesNotHaveDuplicates()
                .containsExactlyElementsOf(fb.bills().stream().map(x -> x.id()).toList());
        assertThat(fb.requestLog().count("GET", BILLS)).isEqualTo(4);
        assertThat(client.bills().list(BillQuery.create().vendorId(b).perPage(1)).map(x -> x.totalAmount()))
                .containsExactly(usd("20.00"), usd("30.00"));
        Page<Bill> second = client.bills().page(BillQuery.create().perPage(3), 2);
        assertThat(second.items()).hasSize(3);
        assertThat(second.hasNext()).isTrue();
        assertThat(second.total()).isEqualTo(7);
        // the stream is lazy: taking one bill reads one page
        long before = fb.requestLog().count("GET", BILLS);
        assertThat(client.bills().list(BillQuery.create().perPage(2)).findFirst()).isPresent();
        assertThat(fb.requestLog().count("GET", BILLS) - before).isEqualTo(1);
    }

    @Test
    void bills_deleteArchiveRestore_sendVisStateAlone_andDeletedOnesNeedTheirOwnListing() {
        long cat = fb.seed().expenseCategory("Concrete").id();
        long v = fb.seed().billVendor("Rebar Inc").id();
        long gone = fb.seed().bill(v, BillLine.of(cat, "to delete", "1", "10.00")).id();
        long shelved = fb.seed().bill(v, BillLine.of(cat, "to archive", "1", "20.00")).id();

        Bill deleted = client.bills().delete(gone);
        Bill archived = client.bills().archive(shelved);

        assertThat(deleted.visState()).isEqualTo(VisState.DELETED);
        assertThat(archived.visState()).isEqualTo(VisState.ARCHIVED);
        assertThat(fb.bill(gone).orElseThrow().visState()).isEqualTo(1);
        assertThat(client.bills().list(BillQuery.create()).map(Bill::id)).containsExactly(shelved);
        assertThat(client.bills().list(BillQuery.create().deletedOnly()).map(Bill::id)).containsExactly(gone);
        assertThat(client.bills().restore(gone).visState()).isEqualTo(VisState.ACTIVE);
        assertThat(client.bills().list(BillQuery.create()).map(Bill::id)).containsExactlyInAnyOrder(gone, shelved);

        // vis_state never travels with other fields: refused before anything is sent
        long requests = fb.requestLog().total();
        assertThatThrownBy(() -> client.bills().update(gone, Map.of("vis_state", 1, "bill_number", "X")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vis_state");
        assertThat(fb.requestLog().total()).isEqualTo(requests);
        assertThat(fb.bill(gone).orElseThrow().billNumber()).isNull();
    }

    @Test
    void bills_updatedSince_readsNewestFirst_keepsTheOverlap_andAddsDeletedOnes() {
        long cat = fb.seed().expenseCategory("Concrete").id();
        long v = fb.seed().billVendor("Rebar Inc").id();
        Instant t0 = clock.instant();
        long b1 = fb.seed().bill(v, BillLine.of(cat, "t0", "1", "1.00")).id();
        clock.advance(Duration.ofHours(2));
        long b2 = fb.seed().bill(v, BillLine.of(cat, "t0+2h", "1", "2.00")).id();
        clock.advance(Duration.ofHours(2));
        long b3 = fb.seed().bill(v, BillLine.of(cat, "t0+4h", "1", "3.00")).id();
        clock.advance(Duration.ofHours(2));
        long b4 = fb.seed().bill(v, BillLine.of(cat, "t0+6h", "1", "4.00")).id();

        List<Bill> changed = client.bills().updatedSince(t0.plus(Duration.ofHours(3)), Duration.ofMinutes(90), false);
        assertThat(changed).extracting(Bill::id).containsExactly(b4, b3, b2);

        clock.advance(Duration.ofHours(1));
        fb.delete(io.mlconnector.testkit.freshbooks.FbResource.BILL, b1);
        List<Bill> withDeleted = client.bills().updatedSince(t0.plus(Duration.ofHours(6)), Duration.ZERO, true);
        assertThat(withDeleted).extracting(Bill::id, Bill::isDeleted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(b4, false),
                        org.assertj.core.groups.Tuple.tuple(b1, true));
    }

    // ---- bill vendors and bill payments -----------------------------------------------------------------------

    @Test
    void billVendors_createUpdateDelete_andListing() {
        BillVendor created = client.billVendors().create(BillVendorDraft.of("Acme Plumbing", "ACCT-9", "USD"));
        assertThat(created.vendorName()).isEqualTo("Acme Plumbing");
        assertThat(created.accountNumber()).isEqualTo("ACCT-9");
        assertThat(fb.billVendors()).extracting(x -> x.id()).containsExactly(created.id());

        BillVendor renamed = client.billVendors().update(created.id(), BillVendorDraft.of("Acme Plumbing LLC", "ACCT-9",
                "USD"));
        assertThat(renamed.vendorName()).isEqualTo("Acme Plumbing LLC");
        assertThat(client.billVendors().get(created.id()).vendorName()).isEqualTo("Acme Plumbing LLC");

        long other = fb.seed().billVendor("Other").id();
        clock.advance(Duration.ofHours(1));
        assertThat(client.billVendors().delete(created.id()).visState()).isEqualTo(VisState.DELETED);
        assertThat(client.billVendors().list(SearchQuery.create()).map(BillVendor::id)).containsExactly(other);
        assertThat(client.billVendors().updatedSince(clock.instant(), true)
                .filter(x -> x.visState() == VisState.DELETED).map(BillVendor::id)).containsExactly(created.id());

        assertThatThrownBy(() -> client.billVendors().create(BillVendorDraft.of(null, null, "USD")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vendor_name");
    }

    @Test
    void billPayments_payDownTheBill_andDeletingOneRestoresTheBalance() {
        long cat = fb.seed().expenseCategory("Concrete").id();
        long v = fb.seed().billVendor("Rebar Inc").id();
        long bill = fb.seed().bill(v, BillLine.of(cat, "Pour", "10", "125.00")).id();

        BillPayment paid = client.billPayments().create(new BillPaymentDraft(bill, usd("500.00"),
                LocalDate.of(2026, 3, 2), "Check", "first draw"));

        assertThat(paid.billId()).isEqualTo(bill);
        assertThat(paid.amount()).isEqualTo(usd("500.00"));
        assertThat(paid.paymentType()).isEqualTo("Check");
        Bill after = client.bills().get(bill);
        assertThat(after.paid()).isEqualTo(usd("500.00"));
        assertThat(after.outstanding()).isEqualTo(usd("750.00"));
        assertThat(after.status()).isEqualTo("partial");
        assertThat(after.billPayments()).extracting(BillPayment::id).containsExactly(paid.id());
        assertThat(client.billPayments().forBill(bill).map(BillPayment::id)).containsExactly(paid.id());
        assertThat(client.billPayments().get(paid.id()).note()).isEqualTo("first draw");

        assertThat(client.billPayments().delete(paid.id()).visState()).isEqualTo(VisState.DELETED);
        Bill reopened = client.bills().get(bill);
        assertThat(reopened.outstanding()).isEqualTo(usd("1250.00"));
        assertThat(reopened.status()).isEqualTo("unpaid");
    }

    // ---- expenses and categories ------------------------------------------------------------------------------

    @Test
    void expenses_createUpdate_andUpdatedSinceWidensToTheEasternDayBefore() {
        long fuel = fb.seed().expenseCategory("Fuel").id();
        Expense old = client.expenses().create(ExpenseDraft.builder().amount(usd("39.991")).categoryId(fuel).staffId(1)
                .date(LocalDate.of(2026, 3, 2)).vendor("Shell").notes("diesel").build());
        assertThat(old.amount()).isEqualTo(usd("39.991"));
        assertThat(old.vendor()).isEqualTo("Shell");

        clock.set(Instant.parse("2026-03-04T20:00:00Z")); // 15:00 in New York on March 4
        Expense yesterday = client.expenses().create(ExpenseDraft.builder().amount(usd("12.50")).categoryId(fuel)
                .staffId(1).date(LocalDate.of(2026, 3, 4)).build());
        clock.set(Instant.parse("2026-03-05T15:00:00Z"));
        Expense today = client.expenses().create(ExpenseDraft.builder().amount(usd("80.00")).categoryId(fuel)
                .staffId(1).date(LocalDate.of(2026, 3, 5)).notes("gravel run").build());
        assertThat(today.updated()).isEqualTo(clock.instant());

        // since = 14:00Z today; the filter is a day (Eastern), so yesterday's expense comes too; callers dedupe
        List<Long> changed = client.expenses().updatedSince(Instant.parse("2026-03-05T14:00:00Z"), false)
                .map(Expense::id).toList();
        assertThat(changed).containsExactlyInAnyOrder(yesterday.id(), today.id()).doesNotContain(old.id());

        Expense edited = client.expenses().update(today.id(), Map.of("notes", "gravel run, 2 loads"));
        assertThat(edited.notes()).isEqualTo("gravel run, 2 loads");
        assertThat(edited.amount()).isEqualTo(usd("80.00"));
        client.expenses().delete(today.id());
        assertThat(client.expenses().updatedSince(clock.instant(), false).map(Expense::id)).doesNotContain(today.id());
        assertThat(client.expenses().updatedSince(clock.instant(), true)
                .filter(e -> e.visState() == VisState.DELETED).map(Expense::id)).containsExactly(today.id());
        assertThat(client.expenses().list(ExpenseQuery.create().categoryId(fuel)).count()).isEqualTo(2);
    }

    @Test
    void expenseCategories_listAndGet_withTheirHierarchy() {
        var jobCosts = fb.seed().expenseCategory("Job Costs");
        var concrete = fb.seed().expenseCategory("Concrete", jobCosts.id());

        List<ExpenseCategory> all = client.expenseCategories().list().toList();

        assertThat(all).extracting(ExpenseCategory::name).containsExactly("Job Costs", "Concrete");
        ExpenseCategory child = client.expenseCategories().get(concrete.id());
        assertThat(child.parentId()).isEqualTo(jobCosts.id());
        assertThat(child.visState()).isEqualTo(VisState.ACTIVE);
        assertThat(client.expenseCategories().list(SearchQuery.create().equalTo("name", "conc")).map(ExpenseCategory::id))
                .containsExactly(concrete.id());
    }

    // ---- clients, invoices and payments -----------------------------------------------------------------------

    @Test
    void clients_createUpdateDelete_andTheDocumented422() {
        Client created = client.clients().create(ClientDraft.of("Pat", "Owner", "pat@owner.example", "Owner LLC"));
        assertThat(created.organization()).isEqualTo("Owner LLC");
        assertThat(created.email()).isEqualTo("pat@owner.example");

        Client moved = client.clients().update(created.id(), Map.of("organization", "Owner Holdings"));
        assertThat(moved.organization()).isEqualTo("Owner Holdings");
        assertThat(client.clients().get(created.id()).firstName()).isEqualTo("Pat");

        assertThatThrownBy(() -> client.clients().create(ClientDraft.of(null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("At least one field among fname, lname, email and organization");
                    assertThat(e.errorCodes()).contains("1001");
                });

        client.clients().delete(created.id());
        assertThat(client.clients().list(ClientQuery.create()).count()).isZero();
        assertThat(fb.clients()).extracting(c -> c.visState()).containsExactly(1);
    }

    @Test
    void invoices_createDraftWithLines_markSent_andPaymentsReduceWhatIsOwed() {
        long owner = fb.seed().client("Owner LLC").id();
        Invoice draft = client.invoices().create(InvoiceDraft.builder().customerId(owner)
                .createDate(LocalDate.of(2026, 3, 2)).dueOffsetDays(30).currencyCode("USD")
                .line(InvoiceDraft.Line.of("Progress billing", "March", dec("1"), usd("10000.00")))
                .line(InvoiceDraft.Line.of("Extras", "Grid C", dec("2"), usd("250.50"))).build());

        assertThat(draft.amount()).isEqualTo(usd("10501.00"));
        assertThat(draft.status()).isEqualTo(1);
        assertThat(draft.v3Status()).isEqualTo("draft");
        Invoice withLines = client.invoices().get(draft.id());
        assertThat(withLines.lines()).extracting(l -> l.name(), l -> l.amount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Progress billing", usd("10000.00")),
                        org.assertj.core.groups.Tuple.tuple("Extras", usd("501.00")));
        assertThat(withLines.organization()).isEqualTo("Owner LLC");
        assertThat(client.invoices().markAsSent(draft.id()).status()).isEqualTo(2);

        Payment p = client.payments().create(new PaymentDraft(draft.id(), usd("501.00"), LocalDate.of(2026, 3, 3),
                "Check", "deposit"));
        assertThat(p.invoiceId()).isEqualTo(draft.id());
        assertThat(p.clientId()).isEqualTo(owner);
        Invoice partly = client.invoices().get(draft.id());
        assertThat(partly.outstanding()).isEqualTo(usd("10000.00"));
        assertThat(partly.paymentStatus()).isEqualTo("partial");
        assertThat(client.payments().updatedSince(clock.instant(), false).map(Payment::id)).containsExactly(p.id());
        assertThat(client.invoices().list(InvoiceQuery.create().customerId(owner)).map(Invoice::id))
                .containsExactly(draft.id());

        client.payments().delete(p.id());
        assertThat(client.invoices().get(draft.id()).outstanding()).isEqualTo(usd("10501.00"));
        // invoices are soft-deleted too
        assertThat(client.invoices().delete(draft.id()).visState()).isEqualTo(VisState.DELETED);
        assertThat(client.invoices().updatedSince(clock.instant(), true).map(Invoice::id)).containsExactly(draft.id());
    }

    @Test
    void invoice_seededWithLines_readsBackWithThem() {
        long owner = fb.seed().client("Owner LLC").id();
        long id = fb.seed().invoice(owner, InvoiceLine.of("Steel", "4", "5.00"), InvoiceLine.of("Glass", "6", "4.00")).id();

        Invoice inv = client.invoices().get(id);

        assertThat(inv.lines()).hasSize(2);
        assertThat(inv.amount()).isEqualTo(usd("44.00"));
        assertThat(client.invoices().list(InvoiceQuery.create()).findFirst().orElseThrow().lines())
                .as("lines come only with include[]=lines").isEmpty();
        assertThat(client.invoices().list(InvoiceQuery.create().includeLines()).findFirst().orElseThrow().lines())
                .hasSize(2);
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @Test
    void everyNamespacesNotFound_andBothAccountingErrorShapes_mapToTypedExceptions() {
        for (AccountingErrorStyle style : AccountingErrorStyle.values()) {
            fb.accountingErrorStyle(style);
            assertThatThrownBy(() -> client.bills().get(999_999)).as(style.name())
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errorCodes()).contains("1012"));
        }
        long v = fb.seed().billVendor("Rebar Inc").id();
        fb.accountingErrorStyle(AccountingErrorStyle.GRPC);
        assertThatThrownBy(() -> client.bills().create(BillDraft.builder().vendorId(v).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCodes()).contains("1001");
                    assertThat(e.fieldErrors()).extracting(f -> f.field()).contains("lines");
                });
        assertThatThrownBy(() -> client.projects().get(999_999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.callbacks().get(999_999)).isInstanceOf(NotFoundException.class);
        assertThat(fb.bills()).isEmpty();
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    @Test
    void projects_createGetBudgetUpdatedSinceAndDelete() {
        Project older = client.projects().create(ProjectDraft.of("Tower A", "fixed_price"));
        clock.advance(Duration.ofHours(1));
        Project created = client.projects().create(ProjectDraft.of("Tower B", "hourly_rate"));

        assertThat(created.title()).isEqualTo("Tower B");
        assertThat(created.projectType()).isEqualTo("hourly_rate");
        assertThat(created.updatedAt()).isEqualTo(clock.instant());
        assertThat(client.projects().get(created.id()).title()).isEqualTo("Tower B");

        clock.advance(Duration.ofMinutes(10));
        Project budgeted = client.projects().updateBudgetHours(created.id(), 120);
        assertThat(budgeted.budget()).isEqualByComparingTo("120");
        assertThat(budgeted.title()).isEqualTo("Tower B");
        assertThat(fb.project(created.id()).orElseThrow().budget()).as("whole hours").isEqualTo("120");

        assertThat(client.projects().updatedSince(clock.instant().minusSeconds(60)).map(Project::id))
                .containsExactly(created.id());
        assertThat(client.projects().list(ProjectQuery.create()).map(Project::id))
                .containsExactly(older.id(), created.id());

        Project priced = client.projects().updateFixedPrice(older.id(), dec("250000.00"));
        assertThat(priced.fixedPrice()).isEqualByComparingTo("250000.00");
        assertThat(priced.isFixedPrice()).isTrue();
        assertThat(fb.project(older.id()).orElseThrow().fixedPrice()).isEqualTo("250000.00");
        assertThat(fb.project(older.id()).orElseThrow().budget()).as("the price never lands in the budget").isNull();
        client.projects().delete(older.id());
        assertThatThrownBy(() -> client.projects().get(older.id())).isInstanceOf(NotFoundException.class);
        assertThat(fb.projects()).extracting(x -> x.id()).containsExactly(created.id());
    }
}
