package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testkit.procore.spec.Operation;
import io.mlconnector.testkit.procore.spec.OperationMatch;
import io.mlconnector.testkit.procore.spec.OperationResponse;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import io.mlconnector.testkit.procore.spec.TypeTree;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls every operation the Procore sandbox serves, on data seeded through {@link ProcoreSeeder}, and checks each
 * answer against Procore's published spec: a success status, and for the operations the client calls, a body whose
 * every field the spec lists has the spec's JSON type (list and show alike).
 */
class ProcoreSandboxConformanceTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T12:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    private final ProcoreOperations ops = ProcoreOperations.standard();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> covered = new TreeSet<>();
    private ProcoreSandbox pc;
    private TestHttp http;
    private String token;
    private long company;
    private long project;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        token = pc.issueToken();
    }

    private String[] auth() {
        return new String[] {"Authorization", "Bearer " + token, "Procore-Company-Id", Long.toString(company)};
    }

    /** Sends a request, checks it against the spec, records the problems; returns the body (or null). */
    private JsonNode call(String method, String pathAndQuery, String json) {
        Resp r = http.send(method, pathAndQuery, json == null ? null : "application/json", json, auth());
        return check(method, pathAndQuery, r);
    }

    private JsonNode check(String method, String pathAndQuery, Resp r) {
        String path = pathAndQuery.split("\\?", 2)[0];
        OperationMatch match = ops.match(method, path).orElse(null);
        if (match == null) {
            problems.add(method + " " + path + ": no such Procore operation");
            return null;
        }
        Operation op = match.operation();
        covered.add(op.id());
        if (r.status() / 100 != 2) {
            problems.add(op.id() + " " + pathAndQuery + ": HTTP " + r.status() + " " + r.body());
            return null;
        }
        JsonNode body = r.body().isEmpty() ? null : r.json();
        op.successResponse().filter(OperationResponse::hasBody).ifPresent(spec -> {
            if (body == null) {
                problems.add(op.id() + ": empty body, the spec shows one");
                return;
            }
            TypeTree.mismatches(spec.schema(), body).forEach(m -> problems.add(op.id() + " " + m));
        });
        return body;
    }

    private static String q(String path, Object... pairs) {
        StringBuilder sb = new StringBuilder(path);
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? '?' : '&').append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return sb.toString();
    }

    @Test
    void everyServedOperation_answersInTheSpecsShapes() {
        Company acme = pc.seed().company("Acme GC");
        company = acme.id();
        ProcoreProject tower = pc.seed().project(company, "Tower A", "fb-project-1");
        project = tower.id();
        long p = project;
        Vendor rebar = pc.seed().vendor(company, "Rebar Inc", "fb:v:1");
        pc.seed().inactiveVendor(company, "Gone Ltd", "fb:v:2");
        LineItemType materials = pc.seed().lineItemType(company, "Materials", "M", "materials");
        CostCode concrete = pc.seed().costCode(p, "03-300", "Concrete");
        CostCode dotted = pc.seed().costCode(p, "05.100", "Steel");
        pc.seed().wbsDelimiter(company, "-");
        long wbs = pc.wbsCode(p, concrete.id(), materials.id()).id();
        Commitment wo = pc.seed().commitment(p, rebar.id(), CommitmentType.WORK_ORDER, "Sub", "Approved",
            new BigDecimal("10"), List.of(SovLine.of(concrete.id(), materials.id(), "Foundations", "40000")));
        Commitment po = pc.seed().commitment(p, rebar.id(), CommitmentType.PURCHASE_ORDER, "PO",
            SovLine.of(dotted.id(), materials.id(), "Steel", "1000"));
        pc.seed().billingPeriod(p, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        ChangeOrderPackage cop = pc.seed().changeOrderPackage(p, wo.id(), "CO-1", "approved",
            SovLine.of(concrete.id(), materials.id(), "Extra", "500"));
        PrimeContract prime = pc.seed().primeContract(p, "Owner", SovLine.of(concrete.id(), materials.id(), "C", "9000"));
        PrimeChangeOrder pco = pc.seed().primeChangeOrder(p, prime.id(), "PCO-1", "approved",
            SovLine.of(concrete.id(), materials.id(), "Owner extra", "700"));
        pc.seed().primeChangeOrder(p, prime.id(), "PCO-2", "void");
        BudgetChange change = pc.seed().budgetChange(p, "Move budget", "approved",
            SovLine.of(concrete.id(), materials.id(), "in", "250.50"), SovLine.of(dotted.id(), materials.id(), "out",
                "-250.50"));
        DirectCost seeded = pc.seed().directCost(p, Map.of("direct_cost_type", "invoice", "vendor_id", rebar.id(),
            "invoice_number", "B-1", "direct_cost_date", "2026-03-02", "line_items", List.of(Map.of("wbs_code_id",
                wbs, "description", "Fuel", "amount", "100.00"))));

        // OAuth
        check("POST", "/oauth/token", http.postForm("/oauth/token", "grant_type=client_credentials&client_id="
            + pc.clientId() + "&client_secret=" + pc.clientSecret()));
        check("GET", "/oauth/token/info", http.get("/oauth/token/info", "Authorization", "Bearer " + token));

        // directory
        call("GET", "/rest/v1.0/companies", null);
        call("GET", "/rest/v1.0/me", null);
        call("GET", q("/rest/v1.0/projects", "company_id", company), null);
        call("GET", q("/rest/v1.1/projects", "company_id", company), null);
        call("GET", q("/rest/v1.0/projects/" + p, "company_id", company), null);
        JsonNode newProject = call("POST", "/rest/v1.0/projects", "{\"company_id\":" + company + ",\"project\":{"
            + "\"name\":\"Tower B\",\"currency_configuration\":{\"currency_iso_code\":\"USD\"}}}");
        call("PATCH", "/rest/v1.0/projects/" + newProject.path("id").asLong(), "{\"company_id\":" + company
            + ",\"project\":{\"project_number\":\"B-2\"}}");
        call("PATCH", "/rest/v1.0/projects/sync", "{\"company_id\":" + company + ",\"updates\":[{\"name\":\"Tower C\","
            + "\"origin_id\":\"fb-project-3\"}]}");
        call("GET", q("/rest/v1.0/vendors", "company_id", company), null);
        call("GET", q("/rest/v1.0/vendors/" + rebar.id(), "company_id", company), null);
        call("GET", "/rest/v1.0/companies/" + company + "/vendors/inactive", null);
        JsonNode vendor = call("POST", "/rest/v1.0/vendors", "{\"company_id\":" + company + ",\"vendor\":{\"name\":"
            + "\"Concrete Co\"}}");
        call("PATCH", "/rest/v1.0/vendors/" + vendor.path("id").asLong(), "{\"company_id\":" + company
            + ",\"vendor\":{\"name\":\"Concrete Co.\"}}");
        call("PATCH", "/rest/v1.0/vendors/sync", "{\"company_id\":" + company + ",\"updates\":[{\"name\":\"Sync Co\","
            + "\"origin_id\":\"fb:v:3\"}]}");
        call("GET", q("/rest/v1.0/line_item_types", "company_id", company), null);
        call("GET", q("/rest/v1.0/line_item_types/" + materials.id(), "company_id", company), null);
        call("POST", "/rest/v1.0/line_item_types", "{\"company_id\":" + company + ",\"line_item_type\":{\"name\":"
            + "\"Labor\",\"csv_import_code\":\"L\",\"base_type\":\"labor\"}}");
        call("PATCH", "/rest/v1.0/line_item_types/sync", "{\"company_id\":" + company + ",\"updates\":[{\"name\":"
            + "\"Equipment\",\"csv_import_code\":\"E\",\"base_type\":\"equipment\",\"origin_id\":\"fb:t:1\"}]}");
        call("GET", q("/rest/v1.0/cost_codes", "project_id", p), null);
        call("GET", q("/rest/v1.0/cost_codes/" + concrete.id(), "project_id", p), null);
        call("POST", "/rest/v1.0/cost_codes", "{\"project_id\":" + p + ",\"cost_code\":{\"name\":\"Masonry\","
            + "\"code\":\"04\"}}");
        call("PATCH", q("/rest/v1.0/cost_codes/sync", "project_id", p), "{\"updates\":[{\"name\":\"Wood\","
            + "\"code\":\"06\",\"origin_id\":\"fb:cc:6\"}]}");
        call("GET", "/rest/v1.0/projects/" + p + "/work_breakdown_structure/wbs_codes", null);
        call("GET", "/rest/v1.0/companies/" + company + "/work_breakdown_structure/patterns", null);
        call("GET", "/rest/v1.0/companies/" + company + "/work_breakdown_structure/segments", null);

        // commitments and change orders
        for (CommitmentType t : CommitmentType.values()) {
            String base = "/rest/v1.0/" + t.path();
            long existing = t == CommitmentType.WORK_ORDER ? wo.id() : po.id();
            call("GET", q(base, "project_id", p), null);
            call("GET", q(base + "/" + existing, "project_id", p), null);
            call("GET", q(base + "/" + existing + "/line_items", "project_id", p), null);
            JsonNode k = call("POST", base, "{\"project_id\":" + p + ",\"" + t.wrapper() + "\":{\"vendor_id\":"
                + rebar.id() + ",\"title\":\"New " + t + "\",\"status\":\"Draft\"}}");
            call("PATCH", base + "/" + k.path("id").asLong(), "{\"project_id\":" + p + ",\"" + t.wrapper()
                + "\":{\"title\":\"Renamed\"}}");
            call("POST", base + "/" + k.path("id").asLong() + "/line_items", "{\"project_id\":" + p
                + ",\"line_item\":{\"wbs_code_id\":" + wbs + ",\"description\":\"l\",\"amount\":\"10\"}}");
        }
        call("GET", q("/rest/v1.0/commitments", "project_id", p), null);
        call("GET", q("/rest/v1.0/commitments/" + wo.id(), "project_id", p), null);
        call("GET", q("/rest/v1.0/change_order_packages", "project_id", p), null);
        call("GET", q("/rest/v1.0/change_order_packages/" + cop.id(), "project_id", p), null);
        JsonNode newCop = call("POST", "/rest/v1.0/change_order_packages", "{\"project_id\":" + p
            + ",\"contract_id\":" + wo.id() + ",\"change_order\":{\"title\":\"CO-2\",\"status\":\"pending\"}}");
        call("PATCH", "/rest/v1.0/change_order_packages/" + newCop.path("id").asLong(), "{\"project_id\":" + p
            + ",\"contract_id\":" + wo.id() + ",\"change_order\":{\"status\":\"approved\"}}");
        JsonNode ccos = call("GET", "/rest/v1.0/projects/" + p + "/commitment_change_orders", null);
        long cco = ccos.get(0).path("id").asLong();
        call("GET", "/rest/v1.0/projects/" + p + "/commitment_change_orders/" + cco, null);
        call("GET", "/rest/v2.0/companies/" + company + "/projects/" + p + "/commitment_change_orders/" + cco
            + "/line_items", null);
        call("GET", "/rest/v1.0/projects/" + p + "/prime_change_orders", null);
        call("GET", "/rest/v1.0/projects/" + p + "/prime_change_orders/" + pco.id(), null);
        call("GET", "/rest/v2.0/companies/" + company + "/projects/" + p + "/prime_change_orders/" + pco.id()
            + "/line_items", null);

        // billing
        call("GET", "/rest/v1.0/projects/" + p + "/billing_periods", null);
        JsonNode period = call("POST", "/rest/v1.0/projects/" + p + "/billing_periods", "{\"billing_period\":{"
            + "\"start_date\":\"2026-04-01\",\"end_date\":\"2026-04-30\",\"due_date\":\"2026-05-10\",\"status\":"
            + "\"open\"}}");
        call("PATCH", "/rest/v1.0/projects/" + p + "/billing_periods/" + period.path("id").asLong(),
            "{\"billing_period\":{\"start_date\":\"2026-04-01\",\"end_date\":\"2026-04-30\",\"due_date\":"
                + "\"2026-05-12\",\"status\":\"open\"}}");
        JsonNode req11 = call("POST", "/rest/v1.1/requisitions", "{\"project_id\":" + p + ",\"commitment_id\":"
            + wo.id() + ",\"requisition\":{\"invoice_number\":\"FB-1\",\"billing_date\":\"2026-03-05\",\"items\":[{"
            + "\"item_type\":\"contract_item\",\"line_item_id\":" + wo.lines().get(0).id()
            + ",\"work_completed_this_period\":\"1000.00\"}]}}");
        long reqId = req11.path("id").asLong();
        call("POST", "/rest/v1.0/requisitions", "{\"project_id\":" + p + ",\"commitment_id\":" + po.id()
            + ",\"requisition\":{\"invoice_number\":\"FB-2\",\"billing_date\":\"2026-03-06\"}}");
        for (String v : List.of("v1.0", "v1.1")) {
            call("GET", q("/rest/" + v + "/requisitions", "project_id", p), null);
            call("GET", q("/rest/" + v + "/requisitions/" + reqId, "project_id", p), null);
        }
        JsonNode items = call("GET", q("/rest/v1.0/requisitions/" + reqId + "/contract_items", "project_id", p),
            null);
        long itemId = items.get(0).path("id").asLong();
        call("PATCH", q("/rest/v1.0/requisitions/" + reqId + "/contract_items/" + itemId, "project_id", p),
            "{\"requisition_contract_item\":{\"work_completed_this_period\":\"1100.00\"}}");
        call("PATCH", "/rest/v1.0/requisitions/" + reqId, "{\"project_id\":" + p + ",\"commitment_id\":" + wo.id()
            + ",\"requisition\":{\"invoice_number\":\"FB-1a\"}}");
        call("PATCH", "/rest/v1.1/requisitions/" + reqId, "{\"project_id\":" + p + ",\"commitment_id\":" + wo.id()
            + ",\"requisition\":{\"items\":[{\"id\":" + itemId + ",\"item_type\":\"contract_item\","
            + "\"work_completed_this_period\":\"1200.00\"}]}}");
        JsonNode pay = call("POST", "/rest/v1.0/contract_payments", "{\"project_id\":" + p + ",\"contract_id\":"
            + wo.id() + ",\"contract_payment\":{\"amount\":\"400\",\"date\":\"2026-03-09\",\"requisition_id\":"
            + reqId + ",\"payment_number\":1}}");
        long payId = pay.path("id").asLong();
        call("GET", q("/rest/v1.0/contract_payments", "project_id", p, "contract_id", wo.id()), null);
        call("GET", q("/rest/v1.0/contract_payments/" + payId, "project_id", p, "contract_id", wo.id()), null);
        call("PATCH", "/rest/v1.0/contract_payments/" + payId, "{\"project_id\":" + p + ",\"contract_id\":" + wo.id()
            + ",\"contract_payment\":{\"check_number\":\"1001\"}}");
        call("DELETE", q("/rest/v1.0/contract_payments/" + payId, "project_id", p, "contract_id", wo.id()), null);
        call("GET", q("/rest/v1.0/prime_contracts", "project_id", p), null);
        call("GET", q("/rest/v1.0/prime_contract/" + prime.id(), "project_id", p), null);
        JsonNode prime2 = call("POST", "/rest/v1.0/prime_contract", "{\"project_id\":" + p + ",\"prime_contract\":{"
            + "\"title\":\"Second\"}}");
        call("PATCH", "/rest/v1.0/prime_contract/" + prime2.path("id").asLong(), "{\"project_id\":" + p
            + ",\"prime_contract\":{\"title\":\"Second owner contract\"}}");
        JsonNode app = call("POST", "/rest/v1.0/prime_contracts/" + prime.id() + "/payment_applications",
            "{\"project_id\":" + p + ",\"payment_application\":{\"invoice_number\":\"INV-7\",\"period_start\":"
                + "\"2026-03-01\",\"period_end\":\"2026-03-31\"}}");
        long appId = app.path("id").asLong();
        call("PATCH", "/rest/v1.0/prime_contracts/" + prime.id() + "/payment_applications/" + appId,
            "{\"project_id\":" + p + ",\"payment_application\":{\"invoice_number\":\"INV-7a\"}}");
        call("PATCH", "/rest/v1.0/prime_contracts/" + prime.id() + "/payment_application_line_items/"
            + app.path("g703").get(0).path("id").asLong(), "{\"project_id\":" + p
            + ",\"payment_application_line_item\":{\"work_completed_this_period\":\"2500\"}}");
        call("GET", q("/rest/v1.0/prime_contracts/" + prime.id() + "/payment_applications", "project_id", p), null);
        call("GET", q("/rest/v1.0/payment_applications", "project_id", p), null);
        call("GET", q("/rest/v1.0/payment_applications/" + appId, "project_id", p), null);

        // direct costs
        String dc = "/rest/v1.0/projects/" + p + "/direct_costs";
        for (String v : List.of("v1.0", "v1.1")) {
            String base = "/rest/" + v + "/projects/" + p + "/direct_costs";
            call("GET", base, null);
            call("GET", q(base, "filters[updated_at]", "2026-03-01...2026-03-31", "filters[origin_id]", "x"), null);
            call("GET", base + "/" + seeded.id(), null);
        }
        JsonNode v11 = call("POST", "/rest/v1.1/projects/" + p + "/direct_costs", "{\"direct_cost\":{"
            + "\"direct_cost_type\":\"invoice\",\"vendor_id\":" + rebar.id() + ",\"invoice_number\":\"B-2\","
            + "\"direct_cost_date\":\"2026-03-03\",\"line_items\":[{\"wbs_code_id\":" + wbs + ",\"description\":\"a\","
            + "\"manual_amount\":\"12.50\"}]}}");
        long v11Id = v11.path("id").asLong();
        call("PATCH", "/rest/v1.1/projects/" + p + "/direct_costs/" + v11Id, "{\"direct_cost\":{\"description\":"
            + "\"edited\",\"line_items\":[{\"wbs_code_id\":" + wbs + ",\"description\":\"b\",\"manual_amount\":\"1\"}]}}");
        JsonNode v10 = call("POST", dc, "{\"item\":{\"direct_cost_type\":\"expense\",\"vendor_id\":" + rebar.id()
            + ",\"invoice_number\":\"E-1\",\"direct_cost_date\":\"2026-03-04\"}}");
        long v10Id = v10.path("id").asLong();
        call("PATCH", dc + "/" + v10Id, "{\"item\":{\"invoice_number\":\"E-1a\"}}");
        JsonNode line = call("POST", dc + "/" + v10Id + "/line_items", "{\"line_item\":{\"wbs_code_id\":" + wbs
            + ",\"description\":\"x\",\"amount\":\"5\"}}");
        call("GET", dc + "/" + v10Id + "/line_items", null);
        call("PATCH", dc + "/" + v10Id + "/line_items/" + line.path("id").asLong(), "{\"line_item\":{\"amount\":"
            + "\"6\"}}");
        call("DELETE", dc + "/" + v10Id + "/line_items/" + line.path("id").asLong(), null);
        call("GET", dc + "/line_items", null);
        call("PATCH", dc + "/sync", "{\"updates\":[{\"id\":" + v10Id + ",\"description\":\"synced\"}]}");
        call("PATCH", dc + "/line_items/sync", "{\"updates\":[{\"direct_cost_id\":" + v10Id + ",\"wbs_code_id\":"
            + wbs + ",\"amount\":\"7\"}]}");
        call("DELETE", dc + "/" + v10Id, null);
        call("DELETE", "/rest/v1.1/projects/" + p + "/direct_costs/" + v11Id, null);

        // budget views (original budget per budget code)
        pc.seed().budgetLine(p, concrete.id(), materials.id(), "12000.00");
        JsonNode views = call("GET", q("/rest/v1.0/budget_views", "project_id", p), null);
        call("GET", "/rest/v1.0/budget_views", null);
        call("GET", q("/rest/v1.0/budget_views/" + views.get(0).path("id").asLong() + "/detail_rows", "project_id", p),
            null);

        // budget changes
        call("GET", "/rest/v1.0/projects/" + p + "/budget_changes", null);
        call("GET", "/rest/v1.0/projects/" + p + "/budget_changes/" + change.id(), null);
        call("GET", "/rest/v2.0/companies/" + company + "/projects/" + p + "/budget_changes/adjustment_line_items",
            null);

        // webhooks
        call("GET", q("/rest/v1.0/webhooks/resources", "project_id", p), null);
        call("GET", q("/rest/v2.0/companies/" + company + "/webhooks/resources", "payload_version", "v2"), null);
        JsonNode hook = call("POST", "/rest/v1.0/webhooks/hooks", "{\"company_id\":" + company + ",\"hook\":{"
            + "\"namespace\":\"ml-connector\",\"destination_url\":\"https://example.test/pc\"}}");
        long hookId = hook.path("id").asLong();
        call("GET", q("/rest/v1.0/webhooks/hooks", "company_id", company), null);
        call("PATCH", "/rest/v1.0/webhooks/hooks/" + hookId, "{\"company_id\":" + company + ",\"hook\":{"
            + "\"destination_url\":\"https://example.test/pc2\"}}");
        JsonNode trigger = call("POST", "/rest/v1.0/webhooks/hooks/" + hookId + "/triggers", "{\"company_id\":"
            + company + ",\"trigger\":{\"resource_name\":\"Direct Costs\",\"event_type\":\"create\"}}");
        JsonNode bulk = call("POST", "/rest/v1.0/webhooks/hooks/" + hookId + "/triggers/bulk", "{\"company_id\":"
            + company + ",\"triggers\":[{\"resource_name\":\"Projects\",\"event_type\":\"update\"}]}");
        call("GET", q("/rest/v1.0/webhooks/hooks/" + hookId + "/triggers", "company_id", company), null);
        call("DELETE", "/rest/v1.0/webhooks/hooks/" + hookId + "/triggers/bulk", "{\"company_id\":" + company
            + ",\"triggers\":[" + bulk.path("success").get(0).path("id").asLong() + "]}");
        call("DELETE", q("/rest/v1.0/webhooks/hooks/" + hookId + "/triggers/" + trigger.path("id").asLong(),
            "company_id", company), null);
        call("GET", q("/rest/v1.0/webhooks/hooks/" + hookId + "/deliveries", "company_id", company), null);
        call("DELETE", q("/rest/v1.0/webhooks/hooks/" + hookId, "company_id", company), null);

        // revoke last: the token goes
        check("POST", "/oauth/revoke", http.postForm("/oauth/revoke", "token=" + token + "&client_id="
            + pc.clientId() + "&client_secret=" + pc.clientSecret()));

        assertThat(problems).isEmpty();
        Set<String> served = pc.servedOperations().stream().map(Operation::id)
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(served);
    }
}
