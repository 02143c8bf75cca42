package io.mlconnector.testkit.freshbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshBooksAccountingTest {

    // 2026-03-02 03:00 UTC is still 2026-03-01 in US/Eastern
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T03:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private TestHttp http;
    private String auth;
    private String base;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        http = new TestHttp(fb.baseUrl());
        auth = "Bearer " + fb.issueTokens().accessToken();
        base = "/accounting/account/" + fb.identity().accountId();
    }

    private Resp get(String path) {
        return http.get(base + path, "Authorization", auth);
    }

    private static java.util.List<Long> ids(JsonNode list) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }

    @Test
    void bill_createdThroughApi_hasComputedMoneyAsStrings_andVendorOnlyWhenIncluded() {
        BillVendor vendor = fb.seed().billVendor("Acme Rebar");
        ExpenseCategory steel = fb.seed().expenseCategory("Steel");

        Resp created = http.postJson(base + "/bills/bills", "{\"bill\":{\"vendorid\":\"" + vendor.id()
            + "\",\"issue_date\":\"2026-02-20\",\"due_offset_days\":30,\"currency_code\":\"USD\",\"lines\":[{"
            + "\"categoryid\":\"" + steel.id() + "\",\"description\":\"Rebar #5\",\"quantity\":3,"
            + "\"unit_cost\":{\"amount\":\"125.50\",\"code\":\"USD\"},\"tax_name1\":\"ST\",\"tax_percent1\":\"10\"}]}}",
            "Authorization", auth);

        assertThat(created.status()).isEqualTo(200);
        JsonNode bill = created.json().path("response").path("result").path("bill");
        assertThat(bill.path("amount").path("amount").asText()).isEqualTo("376.50");
        assertThat(bill.path("tax_amount").path("amount").asText()).isEqualTo("37.65");
        assertThat(bill.path("total_amount").path("amount").asText()).isEqualTo("414.15");
        assertThat(bill.path("outstanding").path("amount").asText()).isEqualTo("414.15");
        assertThat(bill.path("due_date").asText()).isEqualTo("2026-03-22");
        assertThat(bill.path("lines").get(0).path("categoryid").asLong()).isEqualTo(steel.id());
        assertThat(bill.path("created_at").asText()).isEqualTo("2026-03-02 03:00:00");
        assertThat(bill.has("vendor")).isFalse();

        long id = bill.path("id").asLong();
        JsonNode withVendor = get("/bills/bills/" + id + "?include%5B%5D=vendor").json()
            .path("response").path("result").path("bill");
        assertThat(withVendor.path("vendor").path("vendor_name").asText()).isEqualTo("Acme Rebar");
        assertThat(withVendor.path("lines")).hasSize(1);
    }

    @Test
    void billPayment_updatesPaidOutstandingAndStatus() {
        BillVendor v = fb.seed().billVendor("V");
        ExpenseCategory c = fb.seed().expenseCategory("C");
        Bill bill = fb.seed().bill(v.id(), BillLine.of(c.id(), "x", "1", "1000"));

        Resp r = http.postJson(base + "/bill_payments/bill_payments", "{\"bill_payment\":{\"billid\":" + bill.id()
            + ",\"amount\":{\"amount\":\"400.00\",\"code\":\"USD\"},\"payment_type\":\"Check\","
            + "\"paid_date\":\"2026-03-01\"}}", "Authorization", auth);

        assertThat(r.status()).isEqualTo(200);
        Bill after = fb.bill(bill.id()).orElseThrow();
        assertThat(after.paid()).isEqualByComparingTo("400");
        assertThat(after.outstanding()).isEqualByComparingTo("600");
        assertThat(after.status()).isEqualTo("partial");
    }

    @Test
    void invoice_linesOnlyWithIncludeLines() {
        Client client = fb.seed().client("Owner LLC");
        Invoice inv = fb.seed().invoice(client.id(), InvoiceLine.of("Progress billing", "1", "5000"));

        JsonNode plain = get("/invoices/invoices/" + inv.id()).json().path("response").path("result")
            .path("invoice");
        JsonNode withLines = get("/invoices/invoices/" + inv.id() + "?include[]=lines").json().path("response")
            .path("result").path("invoice");
        JsonNode listed = get("/invoices/invoices?include%5B%5D=lines").json().path("response").path("result")
            .path("invoices").get(0);

        assertThat(plain.has("lines")).isFalse();
        assertThat(plain.path("invoiceid").asLong()).isEqualTo(inv.id());
        assertThat(withLines.path("lines").get(0).path("amount").path("amount").asText()).isEqualTo("5000.00");
        assertThat(listed.path("lines")).hasSize(1);
        assertThat(plain.path("v3_status").asText()).isEqualTo("draft");
    }

    @Test
    void list_paginates_capsPerPageAt100_andAnswersEmptyBeyondLastPage() {
        for (int i = 0; i < 105; i++) {
            fb.seed().client("Client " + i);
        }
        JsonNode p1 = get("/users/clients?page=1&per_page=500").json().path("response").path("result");
        assertThat(p1.path("per_page").asInt()).isEqualTo(100);
        assertThat(p1.path("clients")).hasSize(100);
        assertThat(p1.path("pages").asInt()).isEqualTo(2);
        assertThat(p1.path("total").asInt()).isEqualTo(105);
        assertThat(p1.path("clients").get(0).path("userid").asLong()).isPositive();

        JsonNode p2 = get("/users/clients?page=2&per_page=100").json().path("response").path("result");
        assertThat(p2.path("clients")).hasSize(5);
        JsonNode p9 = get("/users/clients?page=9&per_page=100").json().path("response").path("result");
        assertThat(p9.path("clients")).isEmpty();
        assertThat(p9.path("page").asInt()).isEqualTo(9);
    }

    @Test
    void putWithVisState_appliesOnlyVisState_andDiscardsTheOtherFields() {
        ExpenseCategory c = fb.seed().expenseCategory("Fuel");
        Expense e = fb.seed().expense(c.id(), new BigDecimal("50.00"), java.time.LocalDate.of(2026, 3, 1), 0,
            "original");

        Resp r = http.putJson(base + "/expenses/expenses/" + e.id(),
            "{\"expense\":{\"vis_state\":2,\"notes\":\"changed\",\"amount\":{\"amount\":\"99.00\"}}}",
            "Authorization", auth);

        assertThat(r.status()).isEqualTo(200);
        Expense after = fb.expense(e.id()).orElseThrow();
        assertThat(after.visState()).isEqualTo(2);
        assertThat(after.notes()).isEqualTo("original");
        assertThat(after.amount()).isEqualByComparingTo("50.00");

        http.putJson(base + "/expenses/expenses/" + e.id(), "{\"expense\":{\"notes\":\"changed\"}}",
            "Authorization", auth);
        assertThat(fb.expense(e.id()).orElseThrow().notes()).isEqualTo("changed");
        assertThat(fb.expense(e.id()).orElseThrow().amount()).isEqualByComparingTo("50.00");
    }

    @Test
    void deleted_areHiddenByDefault_shownWithSearchVisState1_archivedStayVisible() {
        ExpenseCategory c = fb.seed().expenseCategory("Fuel");
        Expense active = fb.seed().expense(c.id(), BigDecimal.ONE, java.time.LocalDate.of(2026, 3, 1), 0, null);
        Expense archived = fb.seed().expense(c.id(), BigDecimal.ONE, java.time.LocalDate.of(2026, 3, 1), 0, null);
        Expense deleted = fb.seed().expense(c.id(), BigDecimal.ONE, java.time.LocalDate.of(2026, 3, 1), 0, null);
        fb.update(FbResource.EXPENSE, archived.id(), Map.of("vis_state", 2));
        fb.update(FbResource.EXPENSE, deleted.id(), Map.of("vis_state", 1));

        JsonNode def = get("/expenses/expenses").json().path("response").path("result").path("expenses");
        JsonNode del = get("/expenses/expenses?search%5Bvis_state%5D=1").json().path("response").path("result")
            .path("expenses");

        assertThat(def.findValuesAsText("expenseid")).containsExactly(Long.toString(active.id()),
            Long.toString(archived.id()));
        assertThat(del.findValuesAsText("expenseid")).containsExactly(Long.toString(deleted.id()));
    }

    @Test
    void updatedMinMax_filterOnTheEasternDate() {
        ExpenseCategory c = fb.seed().expenseCategory("Fuel");
        Expense early = fb.seed().expense(c.id(), BigDecimal.ONE, java.time.LocalDate.of(2026, 3, 1), 0, null);
        clock.advance(Duration.ofDays(1));
        Expense late = fb.seed().expense(c.id(), BigDecimal.ONE, java.time.LocalDate.of(2026, 3, 1), 0, null);

        assertThat(early.updated()).isEqualTo("2026-03-01 22:00:00");
        auth = "Bearer " + fb.issueTokens().accessToken(); // a day later the first token has expired
        JsonNode r = get("/expenses/expenses?search[updated_min]=2026-03-02").json().path("response")
            .path("result").path("expenses");
        assertThat(ids(r)).containsExactly(late.id());
        JsonNode r2 = get("/expenses/expenses?search[updated_max]=2026-03-01").json().path("response")
            .path("result").path("expenses");
        assertThat(ids(r2)).containsExactly(early.id());
    }

    @Test
    void expenses_documentedFiltersNarrowExactlyAndInclusively_undocumentedOnesAreIgnored() {
        ExpenseCategory steel = fb.seed().expenseCategory("Steel");
        ExpenseCategory fuel = fb.seed().expenseCategory("Fuel");
        Project tower = fb.seed().project("Tower");
        Project annex = fb.seed().project("Annex");
        java.time.LocalDate d = java.time.LocalDate.of(2026, 2, 10);
        Expense hit = fb.seed().expense(steel.id(), new BigDecimal("250.00"), d, tower.id(), "[mlc:pc:1:x:1:2]");
        Expense otherCategory = fb.seed().expense(fuel.id(), new BigDecimal("250.00"), d, tower.id(), null);
        Expense otherProject = fb.seed().expense(steel.id(), new BigDecimal("250.00"), d, annex.id(), null);
        Expense noProject = fb.seed().expense(steel.id(), new BigDecimal("250.00"), d, 0, null);
        Expense otherAmount = fb.seed().expense(steel.id(), new BigDecimal("250.02"), d, tower.id(), null);
        Expense otherDate = fb.seed().expense(steel.id(), new BigDecimal("250.00"), d.plusDays(2), tower.id(), null);

        String narrow = "/expenses/expenses?search[projectid]=" + tower.id() + "&search[categoryid]=" + steel.id()
            + "&search[date_min]=2026-02-09&search[date_max]=2026-02-11"
            + "&search[amount_min]=249.99&search[amount_max]=250.01";
        assertThat(ids(get(narrow).json().path("response").path("result").path("expenses")))
            .containsExactly(hit.id());
        JsonNode inclusive = get("/expenses/expenses?search[amount_min]=250.00&search[amount_max]=250.00"
            + "&search[date_min]=2026-02-10&search[date_max]=2026-02-10").json().path("response").path("result")
            .path("expenses");
        assertThat(ids(inclusive)).containsExactlyInAnyOrder(hit.id(), otherCategory.id(), otherProject.id(),
            noProject.id());
        assertThat(ids(get("/expenses/expenses?search[categoryids][]=" + fuel.id()).json().path("response")
            .path("result").path("expenses"))).containsExactly(otherCategory.id());
        // notes and vendor are not documented expense filters: FreshBooks ignores them, so does the sandbox
        assertThat(get("/expenses/expenses?search[notes]=nothing-like-this&search[vendor]=x").json()
            .path("response").path("result").path("total").asInt()).isEqualTo(6);
        assertThat(otherAmount.id()).isNotEqualTo(otherDate.id());
    }

    @Test
    void bills_filterByVendorAndIds_andSortByUpdatedAt() {
        BillVendor a = fb.seed().billVendor("A");
        BillVendor b = fb.seed().billVendor("B");
        ExpenseCategory c = fb.seed().expenseCategory("C");
        Bill b1 = fb.seed().bill(a.id(), BillLine.of(c.id(), "1", "1", "10"));
        clock.advance(Duration.ofMinutes(1));
        Bill b2 = fb.seed().bill(b.id(), BillLine.of(c.id(), "2", "1", "20"));
        clock.advance(Duration.ofMinutes(1));
        fb.updateBill(b1.id(), Map.of("bill_number", "B-1"));

        JsonNode byVendor = get("/bills/bills?search[vendorid]=" + b.id()).json().path("response").path("result")
            .path("bills");
        assertThat(ids(byVendor)).containsExactly(b2.id());
        JsonNode byIds = get("/bills/bills?search[ids][]=" + b1.id()).json().path("response").path("result")
            .path("bills");
        assertThat(byIds).hasSize(1);
        JsonNode sorted = get("/bills/bills?sort=updated_at_desc").json().path("response").path("result")
            .path("bills");
        assertThat(sorted.get(0).path("id").asLong()).isEqualTo(b1.id());
        assertThat(sorted.get(0).path("lines")).hasSize(1);
    }

    @Test
    void expense_createdThroughApi_isVisibleToJava_andExpenseCategoriesAreReadOnly() {
        ExpenseCategory c = fb.seed().expenseCategory("Materials");
        Project p = fb.seed().project("Tower A", new BigDecimal("100000"));

        Resp r = http.postJson(base + "/expenses/expenses", "{\"expense\":{\"amount\":{\"amount\":\"39.991\"},"
            + "\"categoryid\":" + c.id() + ",\"staffid\":1,\"date\":\"2026-02-28\",\"projectid\":" + p.id()
            + ",\"notes\":\"CO-7\"}}", "Authorization", auth);

        assertThat(r.status()).isEqualTo(200);
        JsonNode e = r.json().path("response").path("result").path("expense");
        assertThat(e.path("amount").path("amount").asText()).isEqualTo("39.991");
        assertThat(e.path("amount").path("code").asText()).isEqualTo("USD");
        assertThat(fb.expenses()).singleElement().satisfies(x -> {
            assertThat(x.projectId()).isEqualTo(p.id());
            assertThat(x.categoryId()).isEqualTo(c.id());
        });
        assertThat(http.postJson(base + "/expenses/categories", "{\"category\":{\"category\":\"X\"}}",
            "Authorization", auth).status()).isEqualTo(404);
        assertThat(get("/expenses/categories").json().path("response").path("result").path("categories")
            .get(0).path("categoryid").asLong()).isEqualTo(c.id());
    }

    @Test
    void errors_useLegacyAccountingShape_for404And422() {
        Resp missing = get("/bills/bills/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("response").path("errors").get(0).path("errno").asInt()).isEqualTo(1012);

        Resp invalid = http.postJson(base + "/expenses/expenses", "{\"expense\":{\"amount\":{\"amount\":\"1\"},"
            + "\"categoryid\":424242}}", "Authorization", auth);
        assertThat(invalid.status()).isEqualTo(422);
        JsonNode err = invalid.json().path("response").path("errors").get(0);
        assertThat(err.path("field").asText()).isEqualTo("categoryid");
        assertThat(err.path("errno").asInt()).isEqualTo(1004);

        Resp client = http.postJson(base + "/users/clients", "{\"client\":{}}", "Authorization", auth);
        assertThat(client.status()).isEqualTo(422);
        assertThat(client.json().toString()).contains("At least one field among fname, lname, email and organization");
    }

    @Test
    void projects_bareEnvelope_metaPaging_updatedSince_andDelete204() {
        String pbase = "/projects/business/" + fb.identity().businessId();
        Resp created = http.postJson(pbase + "/project", "{\"project\":{\"title\":\"Tower B\",\"budget\":250000,"
            + "\"project_type\":\"fixed_price\"}}", "Authorization", auth);
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("project").path("id").asLong();
        assertThat(created.json().path("project").path("updated_at").asText()).isEqualTo("2026-03-02T03:00:00");

        clock.advance(Duration.ofHours(1));
        fb.seed().project("Later", null);
        JsonNode list = http.get(pbase + "/projects?updated_since=2026-03-02T03:30:00", "Authorization", auth)
            .json();
        assertThat(list.path("meta").path("total").asInt()).isEqualTo(1);
        assertThat(list.path("projects").get(0).path("title").asText()).isEqualTo("Later");

        JsonNode single = http.get(pbase + "/project/" + id, "Authorization", auth).json();
        assertThat(single.path("project").path("budget").asText()).isEqualTo("250000");
        assertThat(single.has("abilities")).isTrue();

        assertThat(http.delete(pbase + "/project/" + id, "Authorization", auth).status()).isEqualTo(204);
        Resp gone = http.get(pbase + "/project/" + id, "Authorization", auth);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("error").asText()).isEqualTo("Requested resource could not be found.");
    }

    @Test
    void projects_budgetIsWholeHours_decimalOrMoneyRefusedInTheProjectsErrorShape_fixedPriceIsAString() {
        String pbase = "/projects/business/" + fb.identity().businessId() + "/project";
        for (String budget : new String[] {"250000.00", "\"50.00\"", "12.5", "{\"amount\":\"250000.00\",\"code\":\"USD\"}"}) {
            Resp refused = http.postJson(pbase, "{\"project\":{\"title\":\"T\",\"budget\":" + budget + "}}",
                "Authorization", auth);
            assertThat(refused.status()).as(budget).isEqualTo(422);
            assertThat(refused.json().path("errno").asInt()).isEqualTo(2001);
            assertThat(refused.json().path("error").path("budget").asText()).contains("whole number of hours");
        }
        assertThat(fb.projects()).isEmpty();

        Resp created = http.postJson(pbase, "{\"project\":{\"title\":\"T\",\"budget\":\"120\","
            + "\"project_type\":\"fixed_price\",\"fixed_price\":600}}", "Authorization", auth);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().path("project").path("budget").isInt()).isTrue();
        assertThat(created.json().path("project").path("budget").asInt()).isEqualTo(120);
        assertThat(created.json().path("project").path("fixed_price").asText()).isEqualTo("600.00");
        long id = created.json().path("project").path("id").asLong();

        Resp moneyUpdate = http.putJson(pbase + "/" + id, "{\"project\":{\"budget\":750000.00}}", "Authorization", auth);
        assertThat(moneyUpdate.status()).isEqualTo(422);
        assertThat(fb.project(id).orElseThrow().budget()).isEqualTo("120");
        Resp priced = http.putJson(pbase + "/" + id, "{\"project\":{\"fixed_price\":\"1250.5\"}}", "Authorization", auth);
        assertThat(priced.json().path("project").path("fixed_price").asText()).isEqualTo("1250.50");
        assertThat(fb.project(id).orElseThrow().projectType()).isEqualTo("fixed_price");
    }

    @Test
    void billPayments_areCarriedByTheirBill_activeOnes_withTheSameFields() {
        BillVendor v = fb.seed().billVendor("V");
        ExpenseCategory c = fb.seed().expenseCategory("C");
        Bill bill = fb.seed().bill(v.id(), BillLine.of(c.id(), "x", "1", "1000"));
        BillPayment kept = fb.seed().billPayment(bill.id(), new BigDecimal("400.00"));
        BillPayment dropped = fb.seed().billPayment(bill.id(), new BigDecimal("100.00"));
        fb.delete(FbResource.BILL_PAYMENT, dropped.id());

        JsonNode embedded = get("/bills/bills/" + bill.id()).json().path("response").path("result").path("bill")
            .path("bill_payments");
        JsonNode listed = get("/bills/bills").json().path("response").path("result").path("bills").get(0)
            .path("bill_payments");
        JsonNode single = get("/bill_payments/bill_payments/" + kept.id()).json().path("response").path("result")
            .path("bill_payment");

        assertThat(embedded).hasSize(1);
        assertThat(embedded.get(0)).isEqualTo(single);
        assertThat(listed).isEqualTo(embedded);
    }
}
