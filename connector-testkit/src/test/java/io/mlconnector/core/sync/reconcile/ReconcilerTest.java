package io.mlconnector.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seeded May 2024 with known differences: every record's status and every cost code total is computed by hand
 * below (see the comments in {@link #seed()}).
 */
class ReconcilerTest {
    private static final String CONN = "conn-1";
    private static final YearMonth MAY = YearMonth.of(2024, 5);
    private final MutableClock clock = MutableClock.at("2024-06-05T10:00:00Z");
    private final InMemoryAccountingSystem fb = new InMemoryAccountingSystem("acct-1", clock);
    private final InMemoryProjectSystem pc = new InMemoryProjectSystem(77, clock);
    private final InMemoryMappingStore mappings = new InMemoryMappingStore();
    private final InMemorySyncStateStore state = new InMemorySyncStateStore();

    private ProjectRef tower;
    private String pid;
    private SourceDocument b1;
    private SourceDocument b2;
    private SourceDocument b3;
    private SourceDocument b4;
    private SourceDocument b5;
    private SourceDocument b6;
    private SourceDocument i1;
    private PaymentRecord p1;
    private PaymentRecord ip1;
    private PostedObject req1;
    private PostedObject dc2;
    private PostedObject req6;
    private PostedObject payApp1;
    private PostedObject pay1;
    private ChangeOrder co1;
    private ChangeOrder co2;
    private CostUpdate dcProcore;
    private CostUpdate dcStray;

    private static LocalDate may(int day) {
        return LocalDate.of(2024, 5, day);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private String origin(ExternalRef ref) {
        return "fb:acct-1:" + ref.type() + ":" + ref.id();
    }

    private void ledger(String key, String kind, String targetId, LedgerState st, Map<String, String> attrs) {
        state.ledgerPut(new LedgerEntry(CONN, key, "v1", kind, targetId, st, "fp", attrs, clock.instant()));
    }

    private Map<String, String> posted(String originId) {
        Map<String, String> a = new HashMap<>();
        if (originId != null) {
            a.put("originId", originId);
        }
        a.put("companyId", "77");
        a.put("projectId", pid);
        return a;
    }

    @BeforeEach
    void seed() {
        Vendor acme = fb.addVendor("Acme Concrete");
        Vendor baker = fb.addVendor("Baker Electric");
        Vendor carter = fb.addVendor("Carter Steel");
        GlAccount concrete = fb.addGlAccount("Concrete", null);
        GlAccount steel = fb.addGlAccount("Steel", null);
        GlAccount misc = fb.addGlAccount("Misc", null);
        Project fbTower = fb.addProject("Tower One", "c1", null);

        tower = pc.addProject("Tower One");
        pid = Long.toString(tower.projectId());
        pc.addProject("Warehouse 9");
        Vendor pcAcme = pc.addVendor("Acme Concrete", acme.ref().id());
        Vendor pcBaker = pc.addVendor("Baker Electric", baker.ref().id());
        Commitment po = pc.commitment(tower, pcAcme.ref().id()).line("03-300", "M", "Concrete", "50000.00")
                .line("05-100", "M", "Steel", "20000.00").save();

        mappings.put(Mapping.confirmed(CONN, MappingKind.PROJECT, fbTower.ref().id(), pid));
        mappings.put(Mapping.confirmed(CONN, MappingKind.GL_ACCOUNT, concrete.ref().id(), "03-300"));
        mappings.put(Mapping.confirmed(CONN, MappingKind.GL_ACCOUNT, steel.ref().id(), "05-100"));
        mappings.put(Mapping.confirmed(CONN, MappingKind.ITEM, "it-1", "01-000"));
        mappings.put(Mapping.confirmed(CONN, MappingKind.PROJECT_DEFAULT_COST_CODE, pid, "01-900"));
        String fbTowerId = fbTower.ref().id();

        // B-1: 1000 concrete + 500 steel, posted as a requisition of 1500 -> MATCHED
        b1 = fb.bill(acme.ref().id()).number("B-1").project(fbTowerId).issued(may(3))
                .line(concrete.ref().id(), "pour", "1000.00").line(steel.ref().id(), "rebar", "500.00").save();
        req1 = pc.createRequisition(tower, new RequisitionDraft(origin(b1.ref()), po.id(), "B-1", may(3), may(1), may(31),
                List.of(new AllocatedLine(1, "03-300", "M", po.lines().get(0).id(), "pour", usd("1000.00")),
                        new AllocatedLine(2, "05-100", "M", po.lines().get(1).id(), "rebar", usd("500.00"))),
                usd("1500.00"), "bill B-1"));
        ledger(b1.ref().key(), "REQUISITION", req1.id(), LedgerState.POSTED, posted(origin(b1.ref())));

        // B-2: 300 concrete, posted as a direct cost, later edited in the project system to 250 -> DIFFERENT 50
        b2 = fb.bill(baker.ref().id()).number("B-2").project(fbTowerId).issued(may(10))
                .line(concrete.ref().id(), "forms", "300.00").save();
        DirectCostDraft d2 = new DirectCostDraft(origin(b2.ref()), pcBaker.ref().id(), "B-2", may(10), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "forms", usd("300.00"))), usd("300.00"), "bill B-2");
        dc2 = pc.createDirectCost(tower, d2);
        pc.updateDirectCost(tower, dc2.id(), new DirectCostDraft(d2.originId(), d2.vendorId(), "B-2", may(10), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "forms", usd("250.00"))), usd("250.00"), "bill B-2"));
        ledger(b2.ref().key(), "DIRECT_COST", dc2.id(), LedgerState.POSTED, posted(null));

        // B-3: 400 steel, never posted -> ACCOUNTING_ONLY
        b3 = fb.bill(carter.ref().id()).number("B-3").project(fbTowerId).issued(may(20))
                .line(steel.ref().id(), "beams", "400.00").save();

        // B-4: 75 on an unmapped account, flagged and parked -> FLAGGED (and waiting)
        b4 = fb.bill(acme.ref().id()).number("B-4").project(fbTowerId).issued(may(25))
                .line(misc.ref().id(), "misc", "75.00").save();
        Map<String, String> flagged = new HashMap<>();
        flagged.put("reason", "unmapped GL account Misc");
        ledger(b4.ref().key(), null, null, LedgerState.FLAGGED, flagged);
        state.enqueue(WorkItem.ready("w-1", CONN, b4.ref().key() + ":create", "freshbooks.bill", "{}", clock.instant()));
        state.claim("worker", 10, Duration.ofMinutes(1), clock.instant());
        state.park("w-1", "worker", "no mapping for GL account Misc (" + misc.ref().id() + ")");

        // B-5: April -> not in the report
        b5 = fb.bill(acme.ref().id()).number("B-5").project(fbTowerId).issued(LocalDate.of(2024, 4, 28))
                .line(concrete.ref().id(), "april", "999.00").save();

        // B-6: posted as a requisition of 200, then deleted in the accounting system -> PROJECT_ONLY
        b6 = fb.bill(acme.ref().id()).number("B-6").project(fbTowerId).issued(may(15))
                .line(concrete.ref().id(), "dup", "200.00").save();
        req6 = pc.createRequisition(tower, new RequisitionDraft(origin(b6.ref()), po.id(), "B-6", may(15), may(1), may(31),
                List.of(new AllocatedLine(1, "03-300", "M", po.lines().get(0).id(), "dup", usd("200.00"))), null, "bill B-6"));
        ledger(b6.ref().key(), "REQUISITION", req6.id(), LedgerState.POSTED, posted(origin(b6.ref())));
        fb.deleteBill(b6.ref().id());

        // I-1: 2000 on item it-1 (01-000) + 500 with no item (project default 01-900) -> MATCHED
        i1 = fb.invoice("c1").number("I-1").project(fbTowerId).issued(may(31))
                .itemLine("it-1", "progress", "2000.00").itemLine(null, "retainage", "500.00").save();
        payApp1 = pc.createPaymentApplication(tower, new PaymentApplicationDraft(origin(i1.ref()), "I-1", may(31), may(1),
                may(31), List.of(new AllocatedLine(1, "01-000", null, null, "progress", usd("2000.00")),
                new AllocatedLine(2, "01-900", null, null, "retainage", usd("500.00"))), usd("2500.00"), "invoice I-1"));
        ledger(i1.ref().key(), "PAYMENT_APPLICATION", payApp1.id(), LedgerState.POSTED, posted(null));

        // P-1: payment of B-1, 1500, posted -> MATCHED; IP-1: payment of I-1, 1000, not posted -> ACCOUNTING_ONLY
        p1 = fb.addBillPayment(b1.ref().id(), usd("1500.00"), may(28));
        pay1 = pc.createContractPayment(tower, new ContractPaymentDraft(origin(p1.ref()), po.id(), req1.id(), "B-1",
                usd("1500.00"), may(28), "Check"));
        ledger(p1.ref().key(), "CONTRACT_PAYMENT", pay1.id(), LedgerState.POSTED, posted(origin(p1.ref())));
        ip1 = fb.addInvoicePayment(i1.ref().id(), usd("1000.00"), may(30));

        // CO-1: 800 concrete + 200 steel, written as two expenses found by marker -> MATCHED
        co1 = pc.changeOrder(tower).number("CO-1").date(may(12)).line("03-300", "M", "extra pour", "800.00")
                .line("05-100", "M", "extra steel", "200.00").save();
        ExpenseEntry e1 = fb.putExpense(new ExpenseEntry(null, "pc:77:change_order:" + co1.ref().id() + ":a",
                concrete.ref(), fbTower.ref(), null, usd("800.00"), may(12), "Acme", "CO-1"));
        ExpenseEntry e2 = fb.putExpense(new ExpenseEntry(null, "pc:77:change_order:" + co1.ref().id() + ":b",
                steel.ref(), fbTower.ref(), null, usd("200.00"), may(12), "Acme", "CO-1"));
        Map<String, String> coAttrs = new HashMap<>();
        coAttrs.put("markers", e1.marker() + "," + e2.marker());
        ledger(co1.ref().key(), "EXPENSE", e1.ref().id(), LedgerState.POSTED, coAttrs);

        // CO-2: 450 steel, not written back -> PROJECT_ONLY; CO-3 pending and CO-4 in June -> not reported
        co2 = pc.changeOrder(tower).number("CO-2").date(may(18)).line("05-100", null, "more steel", "450.00").save();
        pc.changeOrder(tower).number("CO-3").date(may(19)).pending("pending").line("03-300", null, "maybe", "999.00").save();
        pc.changeOrder(tower).number("CO-4").date(LocalDate.of(2024, 6, 2)).line("03-300", null, "june", "999.00").save();

        // a direct cost entered in the project system, 120; the ledger says 100 was written -> DIFFERENT -20
        dcProcore = pc.costUpdate(tower, CostUpdateKind.DIRECT_COST).description("crane").date(may(22))
                .line("03-300", "E", "crane", "120.00").save();
        Map<String, String> dcAttrs = new HashMap<>();
        dcAttrs.put("total", "100.00");
        dcAttrs.put("currency", "USD");
        ledger(dcProcore.ref().key(), "EXPENSE", "exp-9", LedgerState.POSTED, dcAttrs);

        // a direct cost of ours whose source is not among May's records -> PROJECT_ONLY (COSTS)
        dcStray = pc.costUpdate(tower, CostUpdateKind.DIRECT_COST).date(may(5)).originId("fb:acct-1:bill:777")
                .sourceApplication(pc.applicationId()).line("03-300", null, "stray", "60.00").save();

        // a parked item that has no ledger entry
        state.enqueue(WorkItem.ready("w-2", CONN, "procore:change_order:999:update", "procore.change_order", "{}",
                clock.instant()));
        state.claim("worker", 10, Duration.ofMinutes(1), clock.instant());
        state.park("w-2", "worker", "project 555 is not mapped");

        fb.resetCalls();
        pc.resetCalls();
        clock.advance(Duration.ofHours(1));
    }

    private Reconciler reconciler() {
        return Reconciler.builder().accountingSystem(fb).projectSystem(pc).mappingStore(mappings).stateStore(state)
                .clock(clock).build();
    }

    @Test
    void theJson_readsBackToTheSameReport_andBadDocumentsAreRefused() {
        ReconciliationReport r = reconciler().reconcile(CONN, MAY);

        ReconciliationReport back = ReconciliationReport.fromJson(r.toJson());

        assertThat(back.toJson()).isEqualTo(r.toJson());
        assertThat(back.toCsv()).isEqualTo(r.toCsv());
        assertThat(back.summary()).isEqualTo(r.summary());
        assertThat(back.differenceCount()).isEqualTo(r.differenceCount()).isEqualTo(2 + 2 + 3 + 1 + 7);
        assertThat(back.waiting()).isEqualTo(r.waiting());
        assertThat(back.budgets()).hasSameSizeAs(r.budgets());
        assertThat(back.records()).extracting(RecordComparison::sourceKey, RecordComparison::status)
                .isEqualTo(r.records().stream().map(c -> tuple(c.sourceKey(), c.status())).toList());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReconciliationReport.fromJson("[1, 2]"))
                .isInstanceOf(ReportFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReconciliationReport.fromJson("{\"period\":\"May\"}"))
                .isInstanceOf(ReportFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReconciliationReport.fromJson("{not json"))
                .isInstanceOf(ReportFormatException.class);
    }

    @Test
    void reconcile_reportsExactlyTheSeededDifferences() {
        ReconciliationReport r = reconciler().reconcile(CONN, MAY);

        assertThat(r.records()).extracting(RecordComparison::status, RecordComparison::flow, RecordComparison::sourceKey)
                .containsExactlyInAnyOrder(
                        tuple(RecordStatus.MATCHED, ReconciledFlow.COSTS, b1.ref().key()),
                        tuple(RecordStatus.DIFFERENT, ReconciledFlow.COSTS, b2.ref().key()),
                        tuple(RecordStatus.ACCOUNTING_ONLY, ReconciledFlow.COSTS, b3.ref().key()),
                        tuple(RecordStatus.FLAGGED, ReconciledFlow.COSTS, b4.ref().key()),
                        tuple(RecordStatus.PROJECT_ONLY, ReconciledFlow.COSTS, b6.ref().key()),
                        tuple(RecordStatus.PROJECT_ONLY, ReconciledFlow.COSTS, dcStray.ref().key()),
                        tuple(RecordStatus.MATCHED, ReconciledFlow.BILLINGS, i1.ref().key()),
                        tuple(RecordStatus.MATCHED, ReconciledFlow.PAYMENTS, p1.ref().key()),
                        tuple(RecordStatus.ACCOUNTING_ONLY, ReconciledFlow.PAYMENTS, ip1.ref().key()),
                        tuple(RecordStatus.MATCHED, ReconciledFlow.CHANGES, co1.ref().key()),
                        tuple(RecordStatus.PROJECT_ONLY, ReconciledFlow.CHANGES, co2.ref().key()),
                        tuple(RecordStatus.DIFFERENT, ReconciledFlow.CHANGES, dcProcore.ref().key()));
        assertThat(r.records()).extracting(RecordComparison::sourceKey).doesNotContain(b5.ref().key());
        assertThat(r.summary()).isEqualTo(new ReconciliationSummary(4, 2, 2, 3, 1, 7, 2));

        RecordComparison diff = one(r, b2.ref().key());
        assertThat(diff.targetKind()).isEqualTo("DIRECT_COST");
        assertThat(diff.targetId()).isEqualTo(dc2.id());
        assertThat(diff.accountingAmount()).isEqualByComparingTo("300.00");
        assertThat(diff.projectAmount()).isEqualByComparingTo("250.00");
        assertThat(diff.difference()).isEqualByComparingTo("50.00");
        assertThat(one(r, dcProcore.ref().key()).difference()).isEqualByComparingTo("-20.00");
        assertThat(one(r, dcProcore.ref().key()).reason()).contains("per the ledger");
        assertThat(one(r, b6.ref().key()).difference()).isEqualByComparingTo("-200.00");
        assertThat(one(r, b6.ref().key()).reason()).contains("deleted in the accounting system");
        assertThat(one(r, b4.ref().key()).reason()).isEqualTo("unmapped GL account Misc");
        assertThat(one(r, co2.ref().key()).projectAmount()).isEqualByComparingTo("450.00");
        assertThat(one(r, co1.ref().key()).accountingAmount()).isEqualByComparingTo("1000.00");

        assertThat(r.costCodes()).extracting(CostCodeTotal::flow, CostCodeTotal::costCode,
                c -> c.accountingAmount().toPlainString(), c -> c.projectAmount().toPlainString())
                .containsExactly(
                        tuple(ReconciledFlow.COSTS, "03-300", "1300.00", "1310.00"),
                        tuple(ReconciledFlow.COSTS, "05-100", "900.00", "500.00"),
                        tuple(ReconciledFlow.COSTS, null, "75.00", "200.00"),
                        tuple(ReconciledFlow.BILLINGS, "01-000", "2000.00", "2000.00"),
                        tuple(ReconciledFlow.BILLINGS, "01-900", "500.00", "500.00"),
                        tuple(ReconciledFlow.PAYMENTS, null, "2500.00", "1500.00"),
                        tuple(ReconciledFlow.CHANGES, "03-300", "800.00", "920.00"),
                        tuple(ReconciledFlow.CHANGES, "05-100", "200.00", "650.00"),
                        tuple(ReconciledFlow.CHANGES, null, "100.00", "0"));
        assertThat(r.costCodes()).allSatisfy(c -> {
            assertThat(c.projectId()).isEqualTo(pid);
            assertThat(c.projectName()).isEqualTo("Tower One");
            assertThat(c.currency()).isEqualTo("USD");
        });

        assertThat(r.waiting()).extracting(WaitingRecord::key, WaitingRecord::ledgerFlagged, WaitingRecord::queueStatus)
                .containsExactly(tuple(b4.ref().key(), true, "PARKED"),
                        tuple("procore:change_order:999:update", false, "PARKED"));
    }

    @Test
    void reconcile_showsTheRevisedBudgetPerCostCodeNextToTheMonthsAccountingAmounts() {
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "M", usd("50000.00"), usd("5000.00"),
                usd("55000.00")));
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "L", usd("1000.00"), usd("0.00"), usd("1000.00")));
        pc.putCostCodeBudget(tower, new CostCodeBudget("05-100", "M", usd("20000.00"), usd("-2000.00"),
                usd("18000.00")));
        pc.putCostCodeBudget(tower, new CostCodeBudget("09-900", null, null, null, usd("10.00")));

        ReconciliationReport r = reconciler().reconcile(CONN, MAY);

        // accounting: COSTS (bills by cost code) + CHANGES (expenses written): 03-300 1300 + 800, 05-100 900 + 200
        assertThat(r.budgets()).extracting(CostCodeBudgetLine::costCode, b -> plain(b.originalBudget()),
                        b -> plain(b.approvedChanges()), b -> plain(b.revisedBudget()), b -> plain(b.accountingAmount()))
                .containsExactly(
                        tuple("03-300", "51000.00", "5000.00", "56000.00", "2100.00"),
                        tuple("05-100", "20000.00", "-2000.00", "18000.00", "1100.00"),
                        tuple("09-900", null, null, "10.00", "0"));
        assertThat(r.budgets()).allSatisfy(b -> {
            assertThat(b.projectId()).isEqualTo(pid);
            assertThat(b.projectName()).isEqualTo("Tower One");
            assertThat(b.currency()).isEqualTo("USD");
        });
        assertThat(r.budgets().get(0).revisedLessAccounting()).isEqualByComparingTo("53900.00");
        assertThat(pc.calls("listCostCodeBudgets")).isEqualTo(1);
        assertThat(pc.writes()).isZero();
        String[] lines = r.toCsv().split("\r\n");
        assertThat(lines).filteredOn(l -> l.startsWith("budget,")).containsExactly(
                "budget,BUDGET,," + pid + ",Tower One,03-300,,,,,,USD,2100.00,56000.00,-53900.00,original budget "
                        + "51000.00; approved changes 5000.00; accounting amounts of 2024-05",
                "budget,BUDGET,," + pid + ",Tower One,05-100,,,,,,USD,1100.00,18000.00,-16900.00,original budget "
                        + "20000.00; approved changes -2000.00; accounting amounts of 2024-05",
                "budget,BUDGET,," + pid + ",Tower One,09-900,,,,,,USD,0.00,10.00,-10.00,original budget unknown; "
                        + "approved changes unknown; accounting amounts of 2024-05");
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).as(l).hasSize(16));
        assertThat(r.toJson()).contains("\"budgets\"").contains("\"revisedBudget\" : \"56000.00\"");
    }

    @Test
    void reconcile_aProjectSystemWithoutPrimeChangeOrders_stillReconcilesTheRest() {
        io.mlconnector.core.port.ProjectSystem noPrime = (io.mlconnector.core.port.ProjectSystem)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.mlconnector.core.port.ProjectSystem.class}, (proxy, m, args) -> {
                            if (m.getName().equals("listChanged") && args.length == 3
                                    && args[1] == io.mlconnector.core.port.SourceStream.PRIME_CHANGE_ORDERS) {
                                throw new IllegalArgumentException("no stream PRIME_CHANGE_ORDERS");
                            }
                            try {
                                return m.invoke(pc, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });

        ReconciliationReport r = Reconciler.builder().accountingSystem(fb).projectSystem(noPrime)
                .mappingStore(mappings).stateStore(state).clock(clock).build().reconcile(CONN, MAY);

        assertThat(r.records()).hasSize(12);
        assertThat(r.summary()).isEqualTo(new ReconciliationSummary(4, 2, 2, 3, 1, 7, 2));
    }

    @Test
    void aBudgetThatCannotBeRead_leavesTheRestOfTheReportStanding() {
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "M", usd("50000.00"), usd("0.00"), usd("50000.00")));
        ReconciliationReport full = reconciler().reconcile(CONN, MAY);
        // the service account may lack budget permission, or the budget tool is off for the project
        pc.failNext("listCostCodeBudgets", 1, () -> new io.mlconnector.core.error.NotFoundException(
                io.mlconnector.core.error.ApiError.of(404, "Resource not found")));

        ReconciliationReport r = reconciler().reconcile(CONN, MAY);

        assertThat(r.budgets()).isEmpty();
        assertThat(r.costCodes()).isEqualTo(full.costCodes());
        assertThat(r.records()).isEqualTo(full.records());
    }

    @Test
    void reconcile_listsNoBudgetWhenTheProjectSystemHasNone() {
        ReconciliationReport r = reconciler().reconcile(CONN, MAY);

        assertThat(r.budgets()).isEmpty();
        assertThat(r.toCsv()).doesNotContain("budget,");
    }

    private static String plain(java.math.BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    @Test
    void reconcile_writesNothing() {
        List<LedgerEntry> ledgerBefore = state.ledgerEntries(CONN);
        List<Mapping> projectMappings = mappings.list(CONN, MappingKind.PROJECT);
        int expenses = fb.expenses().size();

        reconciler().reconcile(CONN, MAY);

        assertThat(fb.writes()).isZero();
        assertThat(pc.writes()).isZero();
        assertThat(fb.reads()).isPositive();
        assertThat(state.ledgerEntries(CONN)).isEqualTo(ledgerBefore);
        assertThat(mappings.list(CONN, MappingKind.PROJECT)).isEqualTo(projectMappings);
        assertThat(fb.expenses()).hasSize(expenses);
    }

    @Test
    void reconcile_csvHasStableColumnsAndTheHandComputedTotals() {
        ReconciliationReport r = reconciler().reconcile(CONN, MAY);
        String csv = r.toCsv();
        String[] lines = csv.split("\r\n", -1);

        assertThat(lines[0]).isEqualTo("section,status,flow,project_id,project_name,cost_code,source,number,target_kind,"
                + "target_id,date,currency,accounting_amount,project_amount,difference,reason");
        String p = pid + ",Tower One,";
        assertThat(List.of(lines).subList(1, 10)).containsExactly(
                "cost_code,DIFFERENT,COSTS," + p + "03-300,,,,,,USD,1300.00,1310.00,-10.00,",
                "cost_code,DIFFERENT,COSTS," + p + "05-100,,,,,,USD,900.00,500.00,400.00,",
                "cost_code,DIFFERENT,COSTS," + p + ",,,,,,USD,75.00,200.00,-125.00,",
                "cost_code,MATCHED,BILLINGS," + p + "01-000,,,,,,USD,2000.00,2000.00,0.00,",
                "cost_code,MATCHED,BILLINGS," + p + "01-900,,,,,,USD,500.00,500.00,0.00,",
                "cost_code,DIFFERENT,PAYMENTS," + p + ",,,,,,USD,2500.00,1500.00,1000.00,",
                "cost_code,DIFFERENT,CHANGES," + p + "03-300,,,,,,USD,800.00,920.00,-120.00,",
                "cost_code,DIFFERENT,CHANGES," + p + "05-100,,,,,,USD,200.00,650.00,-450.00,",
                "cost_code,DIFFERENT,CHANGES," + p + ",,,,,,USD,100.00,0.00,100.00,");
        assertThat(lines).contains(
                "record,DIFFERENT,COSTS," + p + "," + b2.ref().key() + ",B-2,DIRECT_COST," + dc2.id()
                        + ",2024-05-10,USD,300.00,250.00,50.00,",
                "record,MATCHED,COSTS," + p + "," + b1.ref().key() + ",B-1,REQUISITION," + req1.id()
                        + ",2024-05-03,USD,1500.00,1500.00,0.00,",
                "record,FLAGGED,COSTS," + p + "," + b4.ref().key() + ",B-4,,,2024-05-25,USD,75.00,0.00,75.00,"
                        + "unmapped GL account Misc",
                "record,ACCOUNTING_ONLY,PAYMENTS," + p + "," + ip1.ref().key() + ",,,,2024-05-30,USD,1000.00,0.00,1000.00,"
                        + "not posted to the project system");
        assertThat(lines).filteredOn(l -> l.startsWith("record,")).hasSize(12);
        assertThat(lines).filteredOn(l -> l.startsWith("waiting,")).containsExactly(
                "waiting,FLAGGED+PARKED,,,,," + b4.ref().key() + ",,,,2024-06-05T10:00:00Z,,,,,no mapping for GL account Misc ("
                        + fb.listGlAccounts().get(2).ref().id() + ")",
                "waiting,PARKED,,,,,procore:change_order:999:update,,,,2024-06-05T10:00:00Z,,,,,project 555 is not mapped");
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i].split(",", -1)).as("line %d: %s", i, lines[i]).hasSize(16);
        }
    }

    @Test
    void reconcile_jsonCarriesSummaryAndDecimalStrings() throws Exception {
        ReconciliationReport r = reconciler().reconcile(CONN, MAY);
        JsonNode json = new ObjectMapper().readTree(r.toJson());

        assertThat(json.get("connectionId").asText()).isEqualTo(CONN);
        assertThat(json.get("period").asText()).isEqualTo("2024-05");
        assertThat(json.get("generatedAt").asText()).isEqualTo("2024-06-05T11:00:00Z");
        JsonNode s = json.get("summary");
        assertThat(List.of(s.get("matched").asInt(), s.get("different").asInt(), s.get("accountingOnly").asInt(),
                s.get("projectOnly").asInt(), s.get("flagged").asInt(), s.get("costCodesDifferent").asInt(),
                s.get("waiting").asInt())).containsExactly(4, 2, 2, 3, 1, 7, 2);
        JsonNode first = json.get("costCodes").get(0);
        assertThat(first.get("projectId").asText()).isEqualTo(pid);
        assertThat(first.get("costCode").asText()).isEqualTo("03-300");
        assertThat(first.get("accountingAmount").isTextual()).isTrue();
        assertThat(first.get("accountingAmount").asText()).isEqualTo("1300.00");
        assertThat(first.get("difference").asText()).isEqualTo("-10.00");
        assertThat(first.get("matched").asBoolean()).isFalse();
        assertThat(json.get("costCodes").get(2).get("costCode").isNull()).isTrue();
        assertThat(json.get("records")).hasSize(12);
        JsonNode b2Json = null;
        for (JsonNode n : json.get("records")) {
            if (n.get("sourceKey").asText().equals(b2.ref().key())) {
                b2Json = n;
            }
        }
        assertThat(b2Json).isNotNull();
        assertThat(b2Json.get("status").asText()).isEqualTo("DIFFERENT");
        assertThat(b2Json.get("projectAmount").asText()).isEqualTo("250.00");
        assertThat(b2Json.get("date").asText()).isEqualTo("2024-05-10");
        assertThat(json.get("waiting").get(0).get("queueStatus").asText()).isEqualTo("PARKED");
        assertThat(json.get("waiting").get(0).get("ledgerFlagged").asBoolean()).isTrue();
    }

    @Test
    void reconcile_isStableRunToRun() {
        ReconciliationReport a = reconciler().reconcile(CONN, MAY);
        ReconciliationReport b = reconciler().reconcile(CONN, MAY);
        assertThat(b.toCsv()).isEqualTo(a.toCsv());
        assertThat(b.toJson()).isEqualTo(a.toJson());
    }

    @Test
    void reconcile_emptyMonth_reportsOnlyWaitingRecords() {
        ReconciliationReport r = reconciler().reconcile(CONN, YearMonth.of(2023, 1));
        assertThat(r.records()).isEmpty();
        assertThat(r.costCodes()).isEmpty();
        assertThat(r.waiting()).hasSize(2);
    }

    @Test
    void reconcile_recordLastChangedBeforeTheLookback_isNotSeen() {
        clock.set(Instant.parse("2024-01-01T00:00:00Z"));
        SourceDocument early = fb.bill(fb.vendors().get(0).ref().id()).number("B-OLD").issued(may(2))
                .line(null, "entered early", "10.00").save();
        clock.set(Instant.parse("2024-06-05T12:00:00Z"));

        assertThat(reconciler().reconcile(CONN, MAY).records()).extracting(RecordComparison::sourceKey)
                .doesNotContain(early.ref().key());
        ReconciliationReport wide = Reconciler.builder().accountingSystem(fb).projectSystem(pc).mappingStore(mappings)
                .stateStore(state).clock(clock).lookback(Duration.ofDays(365)).build().reconcile(CONN, MAY);
        assertThat(wide.records()).filteredOn(c -> c.sourceKey().equals(early.ref().key())).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(RecordStatus.ACCOUNTING_ONLY);
                    assertThat(c.projectId()).isNull();
                    assertThat(c.reason()).contains("no confirmed project mapping");
                });
    }

    @Test
    void reconcile_currencyMismatch_isDifferentWithoutADifferenceAmount() {
        SourceDocument cad = fb.bill(fb.vendors().get(0).ref().id()).number("B-CAD").issued(may(7)).currency("CAD")
                .project(fb.listProjects().get(0).ref().id()).line(null, "import", "100.00").save();
        pc.createDirectCost(tower, new DirectCostDraft(origin(cad.ref()), null, "B-CAD", may(7), null,
                List.of(new AllocatedLine(1, "03-300", null, null, "import", usd("100.00"))), usd("100.00"), "x"));

        RecordComparison c = one(reconciler().reconcile(CONN, MAY), cad.ref().key());

        assertThat(c.status()).isEqualTo(RecordStatus.DIFFERENT);
        assertThat(c.currency()).isEqualTo("CAD");
        assertThat(c.projectAmount()).isNull();
        assertThat(c.difference()).isNull();
        assertThat(c.reason()).contains("100.00 USD");
    }

    private static RecordComparison one(ReconciliationReport r, String key) {
        return r.records().stream().filter(c -> c.sourceKey().equals(key)).findFirst().orElseThrow();
    }
}
