package io.mlconnector.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryAccountingSystemTest {
    private final MutableClock clock = MutableClock.at("2024-05-10T09:00:00Z");
    private final InMemoryAccountingSystem fb = new InMemoryAccountingSystem("acct-1", clock);

    @Test
    void seededBill_isFetchedWithLinesTotalAndVersion() {
        Vendor v = fb.addVendor("Acme Concrete LLC");
        GlAccount concrete = fb.addGlAccount("Concrete", "5100");
        GlAccount rebar = fb.addGlAccount("Rebar", "5200");
        SourceDocument bill = fb.bill(v.ref().id()).number("B-7").project("77").issued(LocalDate.of(2024, 5, 3))
                .line(concrete.ref().id(), "pour", "1200.50").line(rebar.ref().id(), "steel", "99.50").save();

        SourceDocument fetched = fb.fetchBill(bill.ref().id());

        assertThat(fetched).isEqualTo(bill);
        assertThat(fetched.ref()).isEqualTo(ExternalRef.of("freshbooks", "bill", bill.ref().id()));
        assertThat(fetched.counterparty()).isEqualTo(v.ref());
        assertThat(fetched.project()).isEqualTo(ExternalRef.of("freshbooks", "project", "77"));
        assertThat(fetched.total()).isEqualTo(Money.of("1300.00", "USD"));
        assertThat(fetched.lines()).extracting(l -> l.glAccount().id())
                .containsExactly(concrete.ref().id(), rebar.ref().id());
        assertThat(fetched.version()).isNotNull();
        assertThat(fb.system()).isEqualTo("freshbooks");
        assertThat(fb.accountId()).isEqualTo("acct-1");
    }

    @Test
    void ids_areDistinctNumbers() {
        Vendor a = fb.addVendor("A");
        Vendor b = fb.addVendor("B");
        assertThat(a.ref().id()).isNotEqualTo(b.ref().id());
        assertThat(Long.parseLong(a.ref().id())).isPositive();
    }

    @Test
    void listChanged_returnsRecordsChangedAtOrAfterSince_withNewVersionPerChange() {
        Vendor v = fb.addVendor("V");
        SourceDocument early = fb.bill(v.ref().id()).line("1", "x", "10.00").save();
        clock.advance(Duration.ofHours(1));
        Instant cursor = clock.instant();
        SourceDocument late = fb.bill(v.ref().id()).line("1", "y", "20.00").save();

        assertThat(fb.listChanged(SourceStream.BILLS, cursor)).extracting(c -> c.ref().id())
                .containsExactly(late.ref().id());

        clock.advance(Duration.ofMinutes(5));
        SourceDocument edited = fb.updateBill(early.ref().id(), d -> new SourceDocument(d.ref(), d.kind(), d.number(),
                d.counterparty(), d.project(), d.issueDate(), d.dueDate(), d.currency(), List.of(), null, null, false));
        List<ChangedRecord> changed = fb.listChanged(SourceStream.BILLS, cursor);
        assertThat(changed).extracting(c -> c.ref().id()).containsExactly(late.ref().id(), early.ref().id());
        assertThat(changed.get(1).version()).isEqualTo(edited.version()).isNotEqualTo(early.version());
        assertThat(edited.total()).isEqualTo(Money.of("0", "USD"));
    }

    @Test
    void listChangedOverlap_widensTheWindowBackwards() {
        Vendor v = fb.addVendor("V");
        fb.bill(v.ref().id()).line("1", "x", "10.00").save();
        clock.advance(Duration.ofHours(3));
        assertThat(fb.listChanged(SourceStream.BILLS, clock.instant())).isEmpty();
        fb.listChangedOverlap(Duration.ofDays(1));
        assertThat(fb.listChanged(SourceStream.BILLS, clock.instant())).hasSize(1);
    }

    @Test
    void deletedBill_isReportedDeletedAndStillFetchable() {
        Vendor v = fb.addVendor("V");
        SourceDocument bill = fb.bill(v.ref().id()).line("1", "x", "10.00").save();
        fb.deleteBill(bill.ref().id());
        assertThat(fb.fetchBill(bill.ref().id()).deleted()).isTrue();
        assertThat(fb.listChanged(SourceStream.BILLS, Instant.EPOCH)).singleElement()
                .satisfies(c -> assertThat(c.deleted()).isTrue());
    }

    @Test
    void payments_areStoredAndListed() {
        Vendor v = fb.addVendor("V");
        SourceDocument bill = fb.bill(v.ref().id()).line("1", "x", "10.00").save();
        SourceDocument inv = fb.invoice("c1").itemLine("it", "work", "50.00").save();
        PaymentRecord bp = fb.addBillPayment(bill.ref().id(), Money.of("10.00", "USD"), LocalDate.of(2024, 5, 9));
        PaymentRecord ip = fb.addInvoicePayment(inv.ref().id(), Money.of("50.00", "USD"), LocalDate.of(2024, 5, 9));

        assertThat(fb.fetchBillPayment(bp.ref().id()).document()).isEqualTo(bill.ref());
        assertThat(fb.fetchInvoicePayment(ip.ref().id()).amount()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(fb.listChanged(SourceStream.BILL_PAYMENTS, Instant.EPOCH)).hasSize(1);
        assertThat(fb.listChanged(SourceStream.INVOICE_PAYMENTS, Instant.EPOCH)).hasSize(1);
        assertThat(fb.fetchInvoice(inv.ref().id()).lines().get(0).item().id()).isEqualTo("it");
    }

    @Test
    void fetchUnknown_throwsNotFound() {
        assertThatThrownBy(() -> fb.fetchBill("404")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fb.fetchVendor("404")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fb.listChanged(SourceStream.CHANGE_ORDERS, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listVendorsAndProjects_returnActiveOnes() {
        Vendor a = fb.addVendor("A");
        fb.addVendor("B");
        fb.deactivateVendor(a.ref().id());
        fb.addProject("Tower", "c1", Money.of("1000", "USD"));
        assertThat(fb.listVendors()).extracting(Vendor::name).containsExactly("B");
        assertThat(fb.vendors()).hasSize(2);
        assertThat(fb.listProjects()).extracting(Project::name).containsExactly("Tower");
    }

    @Test
    void createdExpense_isFoundByMarkerAndProject_andUpdatedInPlace() {
        Project p = fb.addProject("Tower", null, null);
        ExternalRef cat = ExternalRef.of("freshbooks", "category", "5");
        ExpenseEntry created = fb.createExpense(new ExpenseEntry(null, "ml:procore:change_order:9", cat, p.ref(), null,
                Money.of("500.00", "USD"), LocalDate.of(2024, 5, 1), "Acme", "CO #9"));

        assertThat(created.ref()).isNotNull();
        assertThat(created.notes()).contains("CO #9").contains("ml:procore:change_order:9");
        assertThat(fb.findExpenseByMarker("ml:procore:change_order:9", p.ref())).contains(created);
        assertThat(fb.findExpenseByMarker("ml:procore:change_order:9", null)).contains(created);
        assertThat(fb.findExpenseByMarker("ml:procore:change_order:9", ExternalRef.of("freshbooks", "project", "0")))
                .isEmpty();
        assertThat(fb.findExpenseByMarker("ml:other", p.ref())).isEmpty();

        ExpenseEntry updated = fb.updateExpense(new ExpenseEntry(created.ref(), created.marker(), cat, p.ref(), null,
                Money.of("650.00", "USD"), created.date(), "Acme", created.notes()));
        assertThat(fb.expenses()).containsExactly(updated);
        assertThat(updated.amount()).isEqualTo(Money.of("650.00", "USD"));
    }

    @Test
    void createExpense_withoutCategory_isRejected_andNothingStored() {
        assertThatThrownBy(() -> fb.createExpense(new ExpenseEntry(null, "m", null, null, null, Money.of("1", "USD"),
                LocalDate.of(2024, 1, 1), null, null))).isInstanceOf(ValidationException.class);
        assertThat(fb.expenses()).isEmpty();
    }

    @Test
    void updateProjectFixedPrice_changesTheFixedPriceAndReportsTheProjectChanged() {
        Project p = fb.addFixedPriceProject("Tower", null, Money.of("100", "USD"));
        clock.advance(Duration.ofMinutes(1));
        Instant since = clock.instant();

        ProjectPricing updated = fb.updateProjectFixedPrice(p.ref(), Money.of("250.00", "USD"));

        assertThat(updated).isEqualTo(new ProjectPricing(p.ref(), true, Money.of("250.00", "USD")));
        assertThat(fb.fetchProjectPricing(p.ref())).isEqualTo(updated);
        assertThat(fb.listChanged(SourceStream.PROJECTS, since)).hasSize(1);
        assertThat(fb.writes()).isEqualTo(1);
    }

    @Test
    void projectsAreHourlyUnlessSeededAtAFixedPrice_andAnHourlyProjectRefusesAFixedPrice() {
        Project hourly = fb.addProject("Annex", null, null);

        assertThat(fb.fetchProjectPricing(hourly.ref())).isEqualTo(new ProjectPricing(hourly.ref(), false, null));
        assertThatThrownBy(() -> fb.updateProjectFixedPrice(hourly.ref(), Money.of("1", "USD")))
                .isInstanceOf(ValidationException.class);
        assertThat(fb.projectPricing(hourly.ref().id()).fixedPrice()).isNull();
        assertThatThrownBy(() -> fb.fetchProjectPricing(ExternalRef.of("freshbooks", "project", "404")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void fetchBillPayments_listsTheLivePaymentsOfThatBillOnly() {
        Vendor v = fb.addVendor("V");
        SourceDocument bill = fb.bill(v.ref().id()).line("1", "a", "100").save();
        SourceDocument other = fb.bill(v.ref().id()).line("1", "b", "100").save();
        PaymentRecord first = fb.addBillPayment(bill.ref().id(), Money.of("40", "USD"), LocalDate.of(2024, 5, 1));
        PaymentRecord gone = fb.addBillPayment(bill.ref().id(), Money.of("10", "USD"), LocalDate.of(2024, 5, 2));
        fb.addBillPayment(other.ref().id(), Money.of("5", "USD"), LocalDate.of(2024, 5, 3));
        fb.deleteBillPayment(gone.ref().id());

        assertThat(fb.fetchBillPayments(bill.ref().id())).extracting(PaymentRecord::ref).containsExactly(first.ref());
        assertThat(fb.calls("fetchBillPayments")).isEqualTo(1);
    }

    @Test
    void failNext_throwsBeforeAnyEffect_thenRecovers() {
        fb.failNext("createVendor", 2, Faults.serverError());

        assertThatThrownBy(() -> fb.createVendor(new Vendor(null, "V", null, null, true, null)))
                .isInstanceOf(ServerException.class);
        assertThatThrownBy(() -> fb.createVendor(new Vendor(null, "V", null, null, true, null)))
                .isInstanceOf(ServerException.class);
        assertThat(fb.vendors()).isEmpty();
        Vendor v = fb.createVendor(new Vendor(null, "V", null, null, true, null));
        assertThat(fb.vendors()).containsExactly(v);
        assertThat(fb.calls("createVendor")).isEqualTo(3);
        assertThat(fb.pendingFaults("createVendor")).isZero();
    }

    @Test
    void failNextAfterEffect_createsTheExpenseThenThrowsOutcomeUncertain() {
        ExternalRef cat = ExternalRef.of("freshbooks", "category", "5");
        fb.failNextAfterEffect("createExpense", 1, Faults.outcomeUncertain());

        assertThatThrownBy(() -> fb.createExpense(new ExpenseEntry(null, "mk-1", cat, null, null, Money.of("5", "USD"),
                LocalDate.of(2024, 5, 1), null, null))).isInstanceOf(OutcomeUncertainException.class);

        assertThat(fb.findExpenseByMarker("mk-1", null)).isPresent();
        assertThat(fb.expenses()).hasSize(1);
    }

    @Test
    void counters_splitReadsAndWrites_andResetClearsThem() {
        fb.addVendor("seed is not counted");
        fb.listVendors();
        fb.listVendors();
        fb.createVendor(new Vendor(null, "V", null, null, true, null));
        assertThat(fb.calls("listVendors")).isEqualTo(2);
        assertThat(fb.reads()).isEqualTo(2);
        assertThat(fb.writes()).isEqualTo(1);
        assertThat(fb.callCounts()).containsOnlyKeys("listVendors", "createVendor");
        fb.resetCalls();
        assertThat(fb.reads()).isZero();
        assertThat(fb.writes()).isZero();
    }

    @Test
    void unknownMethodName_isRejected() {
        assertThatThrownBy(() -> fb.failNext("createVender", 1, Faults.serverError()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createVender");
        assertThatThrownBy(() -> fb.calls("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confirmWebhook_isRecorded() {
        fb.confirmWebhook("cb-1", "ver-1");
        assertThat(fb.confirmedWebhooks()).containsExactly(new InMemoryAccountingSystem.WebhookConfirmation("cb-1", "ver-1"));
    }

    @Test
    void concurrentCreates_getDistinctIds_andAreAllCounted() throws Exception {
        int threads = 4;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(fb.createVendor(new Vendor(null, "V" + i, null, null, true, null)).ref().id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(threads * perThread);
        assertThat(fb.vendors()).hasSize(threads * perThread);
        assertThat(fb.calls("createVendor")).isEqualTo(threads * perThread);
    }
}
