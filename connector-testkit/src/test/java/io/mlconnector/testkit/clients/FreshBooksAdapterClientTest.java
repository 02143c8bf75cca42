package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.mlconnector.core.auth.InMemoryCredentialStore;
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
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.Expense;
import io.mlconnector.testkit.freshbooks.FbResource;
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
 * {@link FreshBooksAccountingSystem}, the core accounting port, over the real client and the sandbox: documents read
 * into the neutral model with exact amounts, expenses written with a marker and found again, change listings.
 */
class FreshBooksAdapterClientTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private FreshBooksAccountingSystem books;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        books = FreshBooksAccountingSystem.builder()
                .client(FreshBooksConnections.connect(fb, clock, Credentials.encrypted(new InMemoryCredentialStore())))
                .baseCurrency("USD").build();
    }

    private static ExternalRef fbRef(String type, long id) {
        return ExternalRef.of("freshbooks", type, id);
    }

    @Test
    void fetchBill_readsASeededBillIntoASourceDocumentWithExactAmounts() {
        long concrete = fb.seed().expenseCategory("Concrete").id();
        long steel = fb.seed().expenseCategory("Steel").id();
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        var seeded = fb.seed().bill(vendor, LocalDate.of(2026, 3, 1), "RB-7",
                List.of(BillLine.of(concrete, "Pour slab", "10", "125.00"), BillLine.of(steel, "Rebar #5", "3", "33.33")));

        SourceDocument doc = books.fetchBill(Long.toString(seeded.id()));

        assertThat(doc.ref()).isEqualTo(fbRef("bill", seeded.id()));
        assertThat(doc.kind()).isEqualTo(DocumentKind.BILL);
        assertThat(doc.number()).isEqualTo("RB-7");
        assertThat(doc.counterparty()).isEqualTo(fbRef("vendor", vendor));
        assertThat(doc.issueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(doc.dueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(doc.currency()).isEqualTo("USD");
        assertThat(doc.total()).isEqualTo(Money.of("1349.99", "USD"));
        assertThat(doc.lines()).extracting(DocumentLine::lineNo, DocumentLine::glAccount, DocumentLine::amount)
                .containsExactly(tuple(1, fbRef("category", concrete), Money.of("1250.00", "USD")),
                        tuple(2, fbRef("category", steel), Money.of("99.99", "USD")));
        assertThat(doc.lines().get(1).quantity()).isEqualByComparingTo("3");
        assertThat(doc.version()).isEqualTo(clock.instant().toString());
        assertThat(doc.deleted()).isFalse();

        clock.advance(Duration.ofMinutes(3));
        fb.updateBill(seeded.id(), Map.of("bill_number", "RB-7b"));
        SourceDocument changed = books.fetchBill(Long.toString(seeded.id()));
        assertThat(changed.version()).as("a real change gets a new version").isNotEqualTo(doc.version());
    }

    @Test
    void fetchInvoice_andPayments_mapToTheNeutralModel() {
        long owner = fb.seed().client("Owner LLC").id();
        var inv = fb.seed().invoice(owner, InvoiceLine.of("Progress billing", "1", "10000.00"),
                InvoiceLine.of("Extras", "2", "250.50"));
        var pay = fb.seed().payment(inv.id(), new BigDecimal("501.00"));
        long cat = fb.seed().expenseCategory("Concrete").id();
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        var bill = fb.seed().bill(vendor, BillLine.of(cat, "Pour", "1", "900.00"));
        var billPay = fb.seed().billPayment(bill.id(), new BigDecimal("400.00"));

        SourceDocument doc = books.fetchInvoice(Long.toString(inv.id()));
        assertThat(doc.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(doc.counterparty()).isEqualTo(fbRef("client", owner));
        assertThat(doc.total()).isEqualTo(Money.of("10501.00", "USD"));
        assertThat(doc.lines()).extracting(DocumentLine::description).containsExactly("Progress billing", "Extras");

        PaymentRecord received = books.fetchInvoicePayment(Long.toString(pay.id()));
        assertThat(received.document()).isEqualTo(fbRef("invoice", inv.id()));
        assertThat(received.amount()).isEqualTo(Money.of("501.00", "USD"));

        PaymentRecord paid = books.fetchBillPayment(Long.toString(billPay.id()));
        assertThat(paid.ref()).isEqualTo(fbRef("bill_payment", billPay.id()));
        assertThat(paid.document()).isEqualTo(fbRef("bill", bill.id()));
        assertThat(paid.amount()).isEqualTo(Money.of("400.00", "USD"));
        assertThat(paid.version()).startsWith("content:");
    }

    @Test
    void findExpense_costsOneRead_whateverTheProjectHolds_andListExpenseMarkersReadsThemAll() {
        long concrete = fb.seed().expenseCategory("Concrete").id();
        long steel = fb.seed().expenseCategory("Steel").id();
        long project = fb.seed().hourlyProject("Tower A", null, 500).id();
        LocalDate day = LocalDate.of(2026, 3, 2);
        for (int i = 0; i < 450; i++) { // 4½ pages of someone else's expenses in the same project and category
            fb.seed().expense(i % 3 == 0 ? steel : concrete, new BigDecimal(100 + i), day.minusDays(i % 20), project,
                    "materials " + i);
        }
        String marker = "pc:42:change_order:77:" + concrete;
        ExpenseEntry created = books.createExpense(new ExpenseEntry(null, marker, fbRef("category", concrete),
                fbRef("project", project), null, Money.of("5000.00", "USD"), day, null, "CO 77"));
        fb.requestLog().clear();

        var found = books.findExpense(new io.mlconnector.core.model.ExpenseLookup(marker, fbRef("project", project),
                fbRef("category", concrete), Money.of("5000.00", "USD"), day));

        assertThat(found).map(ExpenseEntry::ref).contains(created.ref());
        assertThat(fb.requestLog().entries()).as("one filtered read").hasSize(1)
                .allSatisfy(r -> assertThat(r.query()).contains("amount_min").contains("date_min")
                        .contains("categoryid").contains("projectid"));
        assertThat(books.findExpense(new io.mlconnector.core.model.ExpenseLookup("pc:42:change_order:78:" + concrete,
                fbRef("project", project), fbRef("category", concrete), Money.of("5000.00", "USD"), day))).isEmpty();
        assertThat(fb.requestLog().entries()).hasSize(2);

        fb.requestLog().clear();
        assertThat(books.listExpenseMarkers("pc:42:")).containsExactly(marker);
        assertThat(books.listExpenseMarkers("pc:43:")).isEmpty();
        assertThat(fb.requestLog().entries()).as("5 pages of 100, twice").hasSize(10);
    }

    @Test
    void createExpense_writesTheMarker_andFindExpenseByMarkerFindsIt() {
        long concrete = fb.seed().expenseCategory("Concrete").id();
        long project = fb.seed().hourlyProject("Tower A", null, 500).id();
        String marker = "procore:change_order_package:1708957";
        ExpenseEntry entry = new ExpenseEntry(null, marker, fbRef("category", concrete), fbRef("project", project), null,
                Money.of("5000.00", "USD"), LocalDate.of(2026, 3, 2), "Rebar Inc", "CO 001 Extra rebar at grid C");

        ExpenseEntry created = books.createExpense(entry);

        assertThat(created.ref().type()).isEqualTo("expense");
        assertThat(created.marker()).isEqualTo(marker);
        assertThat(created.notes()).isEqualTo("CO 001 Extra rebar at grid C");
        Expense stored = fb.expense(Long.parseLong(created.ref().id())).orElseThrow();
        assertThat(stored.notes()).isEqualTo("CO 001 Extra rebar at grid C [mlc:" + marker + "]");
        assertThat(stored.amount()).isEqualByComparingTo("5000.00");
        assertThat(stored.projectId()).isEqualTo(project);
        assertThat(stored.categoryId()).isEqualTo(concrete);
        assertThat(stored.vendor()).isEqualTo("Rebar Inc");

        fb.seed().expense(concrete, new BigDecimal("1.00"), LocalDate.of(2026, 3, 2), project, "someone else's");
        assertThat(books.findExpenseByMarker(marker, fbRef("project", project))).hasValueSatisfying(found -> {
            assertThat(found.ref()).isEqualTo(created.ref());
            assertThat(found.amount()).isEqualTo(Money.of("5000.00", "USD"));
            assertThat(found.category()).isEqualTo(fbRef("category", concrete));
        });
        assertThat(books.findExpenseByMarker(marker, null)).map(ExpenseEntry::ref).contains(created.ref());
        assertThat(books.findExpenseByMarker("procore:change_order_package:1", null)).isEmpty();

        ExpenseEntry revised = books.updateExpense(new ExpenseEntry(created.ref(), marker, fbRef("category", concrete),
                fbRef("project", project), null, Money.of("5250.00", "USD"), LocalDate.of(2026, 3, 3), "Rebar Inc",
                "CO 001 rev 1"));
        assertThat(revised.amount()).isEqualTo(Money.of("5250.00", "USD"));
        assertThat(fb.expenses()).hasSize(2);
        assertThat(fb.expense(Long.parseLong(created.ref().id())).orElseThrow().notes())
                .isEqualTo("CO 001 rev 1 [mlc:" + marker + "]");
    }

    @Test
    void referenceLists_andProjectBudget() {
        var parent = fb.seed().expenseCategory("Job Costs");
        fb.seed().expenseCategory("Concrete", parent.id());
        long active = fb.seed().billVendor("Rebar Inc").id();
        long gone = fb.seed().billVendor("Old Supplier").id();
        fb.delete(FbResource.BILL_VENDOR, gone);
        long project = fb.seed().project("Tower A", null).id();

        assertThat(books.listVendors()).extracting(Vendor::ref, Vendor::name)
                .containsExactly(tuple(fbRef("vendor", active), "Rebar Inc"));
        assertThat(books.listGlAccounts()).extracting(GlAccount::name, GlAccount::parent)
                .containsExactly(tuple("Job Costs", null), tuple("Concrete", fbRef("category", parent.id())));
        assertThat(books.listProjects()).extracting(p -> p.ref()).containsExactly(fbRef("project", project));

        // budgets are hours: the port has no way to write money there, and reads never turn hours into money
        assertThat(books.listProjects()).allSatisfy(p -> assertThat(p.budget()).isNull());
        assertThat(fb.project(project).orElseThrow().budget()).isNull();
    }

    @Test
    void fixedPriceProject_pricingReadAndFixedPriceWritten_budgetUntouched() {
        long owner = fb.seed().client("Owner LLC").id();
        long fixed = fb.seed().fixedPriceProject("Harbor Tower", owner, new BigDecimal("1200000.00")).id();
        long hourly = fb.seed().hourlyProject("Riverside", owner, 400).id();

        assertThat(books.fetchProjectPricing(fbRef("project", fixed)))
                .isEqualTo(new ProjectPricing(fbRef("project", fixed), true, Money.of("1200000.00", "USD")));
        assertThat(books.fetchProjectPricing(fbRef("project", hourly)))
                .isEqualTo(new ProjectPricing(fbRef("project", hourly), false, null));
        assertThat(books.fetchProject(Long.toString(hourly)).budget()).as("400 hours are not money").isNull();

        ProjectPricing after = books.updateProjectFixedPrice(fbRef("project", fixed), Money.of("1212500.00", "USD"));

        assertThat(after.fixedPrice()).isEqualTo(Money.of("1212500.00", "USD"));
        assertThat(fb.project(fixed).orElseThrow().fixedPrice()).isEqualTo("1212500.00");
        assertThat(fb.project(fixed).orElseThrow().budget()).isNull();
        assertThatThrownBy(() -> books.updateProjectFixedPrice(fbRef("project", hourly), Money.of("1.00", "USD")))
                .isInstanceOf(ConfigurationException.class);
        assertThat(fb.project(hourly).orElseThrow().fixedPrice()).isNull();
        assertThat(fb.project(hourly).orElseThrow().budget()).isEqualTo("400");
    }

    @Test
    void listChanged_invoicesPaymentsVendorsAndProjects_includingDeletions() {
        long owner = fb.seed().client("Owner LLC").id();
        long oldVendor = fb.seed().billVendor("Old Supplier").id();
        clock.advance(Duration.ofDays(3));
        Instant cursor = clock.instant();
        clock.advance(Duration.ofHours(1));
        long invoice = fb.seed().invoice(owner, InvoiceLine.of("Progress", "1", "100.00")).id();
        long payment = fb.seed().payment(invoice, new BigDecimal("40.00")).id();
        long vendor = fb.seed().billVendor("New Supplier").id();
        long project = fb.seed().project("Tower B", null).id();
        fb.delete(FbResource.BILL_VENDOR, oldVendor);

        assertThat(books.listChanged(SourceStream.INVOICES, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(fbRef("invoice", invoice));
        assertThat(books.listChanged(SourceStream.INVOICE_PAYMENTS, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(fbRef("payment", payment));
        assertThat(books.listChanged(SourceStream.VENDORS, cursor))
                .extracting(ChangedRecord::ref, ChangedRecord::deleted)
                .contains(tuple(fbRef("vendor", vendor), false), tuple(fbRef("vendor", oldVendor), true));
        assertThat(books.listChanged(SourceStream.PROJECTS, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(fbRef("project", project));
    }

    @Test
    void listChanged_billsAndTheirPayments_sinceACursor() {
        long cat = fb.seed().expenseCategory("Concrete").id();
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        long old = fb.seed().bill(vendor, BillLine.of(cat, "old", "1", "1.00")).id();
        clock.advance(Duration.ofDays(3));
        Instant cursor = clock.instant();
        clock.advance(Duration.ofHours(1));
        long fresh = fb.seed().bill(vendor, BillLine.of(cat, "new", "1", "2.00")).id();
        long payment = fb.seed().billPayment(fresh, new BigDecimal("2.00")).id();

        List<ChangedRecord> bills = books.listChanged(SourceStream.BILLS, cursor);
        assertThat(bills).extracting(ChangedRecord::ref).containsExactly(fbRef("bill", fresh))
                .doesNotContain(fbRef("bill", old));
        assertThat(books.listChanged(SourceStream.BILL_PAYMENTS, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(fbRef("bill_payment", payment));
    }
}
