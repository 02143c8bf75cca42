package io.mlconnector.examples.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.demo.DemoContractor;
import io.mlconnector.examples.demo.DemoEnvironment;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.request.ContractLineItemInput;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.Expense;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.DirectCost;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.server.WebhookDelivery;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procore → FreshBooks end to end (issue 7): Procore's sandbox delivers webhooks to the example host; the engine
 * writes FreshBooks expenses and project budgets through the real FreshBooks client.
 */
class ProcoreToFreshBooksEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private DemoEnvironment env;
    private DemoContractor c;
    private FreshBooksSandbox fb;
    private ProcoreSandbox pc;
    private SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        env = DemoEnvironment.builder().build();
        env.align();
        env.registerWebhooks();
        c = env.contractor();
        fb = env.freshBooks();
        pc = env.procore();
        engine = env.runtime().engine();
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    /** Waits until the host has queued {@code n} more Procore webhooks, then processes the queue. */
    private void deliveredAndProcessed(int before, int n) throws InterruptedException {
        env.tally().await("procore", "queued", before + n, WAIT);
        engine.drain();
    }

    private int queued() {
        return env.tally().count("procore", "queued");
    }

    private List<AuditEvent> audit() {
        return JsonLinesFileAuditSink.readAll(env.runtime().auditFile().file());
    }

    /** Harbor Tower's FreshBooks budget: hours. */
    private BigDecimal budget() {
        return new BigDecimal(fb.project(c.fbHarborTower().id()).orElseThrow().budget());
    }

    private BigDecimal fixedPrice() {
        return new BigDecimal(fb.project(c.fbHarborTower().id()).orElseThrow().fixedPrice());
    }

    private long freshBooksWrites() {
        return fb.requestLog().entries(r -> !r.method().equals("GET") && !r.path().startsWith("/auth/")).size();
    }

    /** A client of another integration (not ours), whose changes are not echoes. */
    private ProcoreClient otherApp() {
        pc.registerApp("estimating-app", "estimating-secret");
        return ProcoreClient.builder().apiBaseUrl(pc.baseUrl()).loginBaseUrl(pc.baseUrl()).clientId("estimating-app")
                .clientSecret("estimating-secret").companyId(c.company().id()).build();
    }

    private DirectCost enterDirectCost() throws InterruptedException {
        int before = queued();
        DirectCost d = pc.act().directCost(c.harborTower().id(), Map.of("direct_cost_type", "invoice",
                "status", "approved", "vendor_id", c.cascade().id(), "invoice_number", "CER-Y1",
                "direct_cost_date", env.today().toString(), "line_items", List.of(
                        Map.of("cost_code_id", c.equipmentCode().id(), "line_item_type_id", c.equipmentType().id(),
                                "amount", "410.00", "description", "Generator, 1 week"),
                        Map.of("cost_code_id", c.carpentryCode().id(), "line_item_type_id", c.labor().id(),
                                "amount", "90.00", "description", "Operator"))));
        deliveredAndProcessed(before, 1);
        return d;
    }

    private Map<Long, BigDecimal> expensesByCategory() {
        return fb.expenses().stream().collect(java.util.stream.Collectors.toMap(Expense::categoryId, Expense::amount));
    }

    @Test
    void directCostsCostOneProcoreReadAndOneFreshBooksWritePerCategory_howeverManyExpensesTheProjectHolds()
            throws Exception {
        for (int i = 0; i < 350; i++) { // a project with a history: 3½ pages of expenses entered by people
            fb.seed().expense(i % 2 == 0 ? c.equipment().id() : c.carpentry().id(), new BigDecimal(10 + i),
                    env.today().minusDays(i % 30), c.fbHarborTower().id(), "entered by hand " + i);
        }
        enterDirectCost(); // the first one also checks the ledger against FreshBooks once
        fb.requestLog().clear();
        pc.requestLog().clear();

        for (int i = 0; i < 3; i++) {
            enterDirectCost();
        }

        assertThat(fb.requestLog().entries(r -> !r.path().startsWith("/auth/")))
                .as("2 expense creates (2 categories) per direct cost, no read").hasSize(3 * 2)
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
        assertThat(pc.requestLog().entries(r -> !r.path().startsWith("/oauth")))
                .as("the direct cost read once per record").hasSize(3)
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(fb.expenses()).hasSize(350 + 4 * 2);
    }

    @Test
    void directCostEnteredInProcore_becomesExpensesByCategory_andLeavesTheBudget() throws Exception {
        DirectCost d = enterDirectCost();

        assertThat(fb.expenses()).hasSize(2).allSatisfy(e -> {
            assertThat(e.projectId()).isEqualTo(c.fbHarborTower().id());
            assertThat(e.notes()).contains("direct cost " + d.id());
        });
        assertThat(expensesByCategory().get(c.equipment().id())).isEqualByComparingTo("410.00");
        assertThat(expensesByCategory().get(c.carpentry().id())).isEqualByComparingTo("90.00");
        assertThat(budget()).isEqualByComparingTo(BigDecimal.valueOf(DemoContractor.HARBOR_TOWER_BUDGET_HOURS));
    }

    @Test
    void revisedDirectCost_adjustsTheSameExpense_andARedeliveredWebhookChangesNothing() throws Exception {
        DirectCost d = enterDirectCost();
        long equipmentExpense = fb.expenses().stream().filter(e -> e.categoryId() == c.equipment().id())
                .findFirst().orElseThrow().id();

        int before = queued();
        otherApp().directCosts().createLineItem(new ProjectRef(c.company().id(), c.harborTower().id()), d.id(),
                new ContractLineItemInput(null, new BigDecimal("50.00"), c.equipmentCode().id(),
                        c.equipmentType().id(), null, "Fuel", null, null, null, null, null, null, null));
        deliveredAndProcessed(before, 1);

        assertThat(fb.expenses()).hasSize(2);
        assertThat(fb.expense(equipmentExpense).orElseThrow().amount()).isEqualByComparingTo("460.00");
        assertThat(expensesByCategory().get(c.carpentry().id())).isEqualByComparingTo("90.00");

        long writes = freshBooksWrites();
        WebhookDelivery last = pc.webhookDeliveries().stream().filter(x -> x.event().startsWith("Direct Costs"))
                .reduce((a, b) -> b).orElseThrow();
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        env.host().baseUrl().resolve("/webhooks/procore"))
                .header("Content-Type", "application/json")
                .header("Authorization", last.requestHeaders().get("Authorization"))
                .POST(HttpRequest.BodyPublishers.ofString(last.requestBody())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        engine.drain();
        engine.pollOnce(env.runtime().connectionId());
        engine.drain();

        assertThat(freshBooksWrites()).isEqualTo(writes);
        assertThat(fb.expenses()).hasSize(2);
        assertThat(fb.expense(equipmentExpense).orElseThrow().amount()).isEqualByComparingTo("460.00");
    }

    @Test
    void deletedDirectCost_setsItsExpensesToZero() throws Exception {
        DirectCost d = enterDirectCost();

        int before = queued();
        otherApp().directCosts().delete(new ProjectRef(c.company().id(), c.harborTower().id()), d.id());
        deliveredAndProcessed(before, 1);

        assertThat(fb.expenses()).hasSize(2).allSatisfy(e -> assertThat(e.amount()).isEqualByComparingTo("0"));
        assertThat(audit()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REVERSED));
    }

    @Test
    void theEchoOfOurOwnDirectCost_isSkipped() throws Exception {
        int queuedBefore = env.tally().count("freshbooks", "queued");
        fb.act().bill(c.fbCascade().id(), env.today(), "CER-E1", List.of(
                BillLine.of(c.equipment().id(), "Telehandler", "1", "1637.70")));
        env.tally().await("freshbooks", "queued", queuedBefore + 1, WAIT);
        engine.drain();
        assertThat(pc.directCosts(c.harborTower().id())).hasSize(1);

        env.tally().await("procore", "echo", 1, WAIT);
        engine.drain();

        assertThat(fb.expenses()).isEmpty();
        assertThat(audit()).filteredOn(e -> e.outcome() == AuditOutcome.SKIPPED_ECHO).isNotEmpty();
        assertThat(env.tally().count("procore", "queued")).isZero();
    }

    @Test
    void approvedChangeOrder_becomesOneExpense_leavesTheBudgetHours_andAVoidZeroesIt() throws Exception {
        int before = queued();
        pc.approveChangeOrder(c.slabChangeOrder().id());
        deliveredAndProcessed(before, 1);

        assertThat(fb.expenses()).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualByComparingTo(DemoContractor.CHANGE_ORDER_AMOUNT);
            assertThat(e.categoryId()).isEqualTo(c.concrete().id());
            assertThat(e.projectId()).isEqualTo(c.fbHarborTower().id());
        });
        assertThat(budget()).isEqualByComparingTo(BigDecimal.valueOf(DemoContractor.HARBOR_TOWER_BUDGET_HOURS));
        assertThat(fixedPrice()).isEqualByComparingTo(DemoContractor.HARBOR_TOWER_FIXED_PRICE); // a cost, not a price

        before = queued();
        pc.changeOrderStatus(c.slabChangeOrder().id(), "void");
        deliveredAndProcessed(before, 1);

        assertThat(fb.expenses()).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("0"));
        assertThat(budget()).isEqualByComparingTo(BigDecimal.valueOf(DemoContractor.HARBOR_TOWER_BUDGET_HOURS));
    }
}
