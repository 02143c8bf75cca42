package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
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

class ProcoreApiTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T12:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    private ProcoreSandbox pc;
    private TestHttp http;
    private String token;
    private Company acme;
    private ProcoreProject tower;
    private Vendor rebar;
    private LineItemType materials;
    private CostCode concrete;
    private CostCode steel;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        token = pc.issueToken();
        acme = pc.seed().company("Acme GC");
        tower = pc.seed().project(acme.id(), "Tower A", "fb-project-1");
        rebar = pc.seed().vendor(acme.id(), "Rebar Inc", "fb:6BApk:vendor:1");
        materials = pc.seed().lineItemType(acme.id(), "Materials", "M", "materials");
        concrete = pc.seed().costCode(tower.id(), "03-300", "Cast-in-Place Concrete");
        steel = pc.seed().costCode(tower.id(), "05-100", "Structural Steel");
    }

    private String[] auth() {
        return new String[] {"Authorization", "Bearer " + token, "Procore-Company-Id", Long.toString(acme.id())};
    }

    private Resp get(String path) {
        return http.get(path, auth());
    }

    private Resp post(String path, String json) {
        return http.postJson(path, json, auth());
    }

    private Resp patch(String path, String json) {
        return http.patchJson(path, json, auth());
    }

    @Test
    void missingCompanyHeader_isRefusedWithTheDocumentedText_unknownCompany403_foreignProject404() {
        Resp missing = http.get("/rest/v1.0/projects?company_id=" + acme.id(), "Authorization", "Bearer " + token);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).startsWith("Missing Procore-Company-Id header!");

        Resp unknown = http.get("/rest/v1.0/projects?company_id=1", "Authorization", "Bearer " + token,
            "Procore-Company-Id", "1");
        assertThat(unknown.status()).isEqualTo(403);

        Company other = pc.seed().company("Other GC");
        ProcoreProject foreign = pc.seed().project(other.id(), "Not yours");
        assertThat(get("/rest/v1.0/projects/" + foreign.id() + "?company_id=" + acme.id()).status())
            .isEqualTo(404);
        assertThat(get("/rest/v1.0/cost_codes?project_id=" + foreign.id()).status()).isEqualTo(404);
        assertThat(get("/rest/v1.0/projects/" + tower.id() + "?company_id=" + acme.id()).header("X-Request-Id"))
            .isPresent();
    }

    @Test
    void idsExceed32Bits_andMoneyIsDecimalStrings() {
        assertThat(acme.id()).isGreaterThan(Integer.MAX_VALUE);
        Commitment po = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "Rebar supply",
            SovLine.of(concrete.id(), materials.id(), "Rebar #5", "50000"));
        JsonNode detail = get("/rest/v1.0/purchase_order_contracts/" + po.id() + "?project_id=" + tower.id()).json();
        assertThat(detail.path("grand_total").isTextual()).isTrue();
        assertThat(detail.path("grand_total").asText()).isEqualTo("50000.00");
        assertThat(detail.path("line_items").get(0).path("wbs_code").path("flat_code").asText()).isEqualTo("03-300.M");
        assertThat(detail.path("vendor").path("id").asLong()).isEqualTo(rebar.id());
    }

    @Test
    void pagination_totalPerPageAndAbsoluteLinks() {
        for (int i = 0; i < 24; i++) {
            pc.seed().vendor(acme.id(), "Vendor " + i);
        }
        Resp p1 = get("/rest/v1.0/vendors?company_id=" + acme.id() + "&per_page=10");
        assertThat(p1.json()).hasSize(10);
        assertThat(p1.header("Total")).contains("25");
        assertThat(p1.header("Per-Page")).contains("10");
        String link = p1.header("Link").orElseThrow();
        assertThat(link).contains("rel=\"next\"").contains("rel=\"last\"").doesNotContain("rel=\"prev\"")
            .contains(pc.baseUrl() + "/rest/v1.0/vendors?");
        String next = link.split(", ")[1].replaceAll("^<(.*)>; rel=\"next\"$", "$1");
        Resp p2 = http.get(next, auth());
        assertThat(p2.json()).hasSize(10);
        Resp p3 = get("/rest/v1.0/vendors?company_id=" + acme.id() + "&per_page=10&page=3");
        assertThat(p3.json()).hasSize(5);
        assertThat(p3.header("Link").orElseThrow()).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void vendorFilters_originIdUpdatedAtSearch_andDuplicateOriginIs422() {
        clock.advance(Duration.ofHours(2));
        token = pc.issueToken(); // the first one lived 90 minutes
        Vendor later = pc.seed().vendor(acme.id(), "Concrete Co", "fb:6BApk:vendor:2");
        JsonNode byOrigin = get("/rest/v1.0/vendors?company_id=" + acme.id() + "&filters[origin_id]="
            + "fb:6BApk:vendor:1").json();
        assertThat(byOrigin).hasSize(1);
        assertThat(byOrigin.get(0).path("id").asLong()).isEqualTo(rebar.id());
        JsonNode byUpdated = get("/rest/v1.0/vendors?company_id=" + acme.id()
            + "&filters%5Bupdated_at%5D=2026-03-10T13:00:00Z...2026-03-10T15:00:00Z").json();
        assertThat(byUpdated).hasSize(1);
        assertThat(byUpdated.get(0).path("id").asLong()).isEqualTo(later.id());
        assertThat(get("/rest/v1.0/vendors?company_id=" + acme.id() + "&filters[search]=concrete").json())
            .hasSize(1);

        Resp dup = post("/rest/v1.0/vendors", "{\"company_id\":" + acme.id() + ",\"vendor\":{\"name\":\"Again\","
            + "\"origin_id\":\"fb:6BApk:vendor:1\"}}");
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.json().path("errors").path("origin_id").get(0).asText()).contains("taken");

        Resp created = post("/rest/v1.0/vendors", "{\"company_id\":" + acme.id() + ",\"vendor\":{\"name\":\"New\","
            + "\"origin_id\":\"fb:6BApk:vendor:3\"}}");
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void vendorSync_returnsEntitiesAndPerItemErrorsWith200() {
        Resp r = patch("/rest/v1.0/vendors/sync", "{\"company_id\":" + acme.id() + ",\"updates\":["
            + "{\"origin_id\":\"fb:6BApk:vendor:1\",\"name\":\"Rebar Incorporated\"},"
            + "{\"origin_id\":\"fb:6BApk:vendor:9\",\"name\":\"Brand New\"},"
            + "{\"id\":42,\"name\":\"Ghost\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("entities")).hasSize(2);
        assertThat(r.json().path("errors")).hasSize(1);
        assertThat(r.json().path("errors").get(0).path("errors").path("id").get(0).asText())
            .isEqualTo("Entity with this ID not found");
        assertThat(pc.vendors(acme.id())).extracting(Vendor::name).contains("Rebar Incorporated", "Brand New");
    }

    @Test
    void requisitionV11_computesTotals_andEnforcesCommitmentPeriodAndOriginRules() {
        Commitment sub = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.WORK_ORDER, "Concrete sub",
            "Approved", new BigDecimal("10"), List.of(
                SovLine.of(concrete.id(), materials.id(), "Foundations", "40000"),
                SovLine.of(steel.id(), materials.id(), "Steel", "10000")));
        BillingPeriod march = pc.seed().billingPeriod(tower.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        long line1 = sub.lines().get(0).id();

        Resp created = post("/rest/v1.1/requisitions", "{\"project_id\":" + tower.id() + ",\"commitment_id\":"
            + sub.id() + ",\"requisition\":{\"invoice_number\":\"FB-1001\",\"origin_id\":\"fb:6BApk:bill:1001\","
            + "\"status\":\"draft\",\"items\":[{\"item_type\":\"contract_item\",\"line_item_id\":" + line1
            + ",\"work_completed_this_period\":\"12000.00\"}]}}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode req = created.json();
        assertThat(req.path("period_id").asLong()).isEqualTo(march.id());
        assertThat(req.path("number").asInt()).isEqualTo(1);
        assertThat(req.path("summary").path("original_contract_sum").asText()).isEqualTo("50000.00");
        assertThat(req.path("summary").path("total_completed_and_stored_to_date").asText()).isEqualTo("12000.00");
        assertThat(req.path("summary").path("total_retainage").asText()).isEqualTo("1200.00");
        assertThat(req.path("summary").path("current_payment_due").asText()).isEqualTo("10800.00");
        assertThat(req.path("total_claimed_amount").asText()).isEqualTo("12000.00");

        JsonNode items = get("/rest/v1.0/requisitions/" + req.path("id").asLong() + "/contract_items?project_id="
            + tower.id()).json();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("work_completed_this_period").asText()).isEqualTo("12000.00");
        assertThat(items.get(0).path("scheduled_value").asText()).isEqualTo("40000.00");

        Resp again = post("/rest/v1.1/requisitions", "{\"project_id\":" + tower.id() + ",\"commitment_id\":"
            + sub.id() + ",\"requisition\":{\"origin_id\":\"other\"}}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("errors").has("period_id")).isTrue();

        Commitment draft = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "Draft PO",
            "Draft", BigDecimal.ZERO, List.of(SovLine.of(concrete.id(), materials.id(), "x", "1")));
        Resp unapproved = post("/rest/v1.1/requisitions", "{\"project_id\":" + tower.id() + ",\"commitment_id\":"
            + draft.id() + ",\"requisition\":{}}");
        assertThat(unapproved.status()).isEqualTo(422);

        Commitment po = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "PO",
            SovLine.of(steel.id(), materials.id(), "y", "100"));
        Resp dupOrigin = post("/rest/v1.1/requisitions", "{\"project_id\":" + tower.id() + ",\"commitment_id\":"
            + po.id() + ",\"requisition\":{\"origin_id\":\"fb:6BApk:bill:1001\"}}");
        assertThat(dupOrigin.status()).isEqualTo(422);
        assertThat(dupOrigin.json().path("errors").has("origin_id")).isTrue();

        JsonNode filtered = get("/rest/v1.0/requisitions?project_id=" + tower.id() + "&filters[origin_id]="
            + "fb:6BApk:bill:1001").json();
        assertThat(filtered).hasSize(1);
        assertThat(pc.requisitions(tower.id())).singleElement().satisfies(r -> {
            assertThat(r.totalClaimed()).isEqualByComparingTo("12000");
            assertThat(r.originId()).isEqualTo("fb:6BApk:bill:1001");
        });
        assertThat(pc.commitments(tower.id()).get(0).json().path("total_requisitions_amount").asText())
            .isEqualTo("12000.00");
    }

    @Test
    void requisition_withoutOpenPeriod_is422() {
        Commitment po = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "PO",
            SovLine.of(steel.id(), materials.id(), "y", "100"));
        pc.seed().billingPeriod(tower.id(), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 10), "closed");
        Resp r = post("/rest/v1.1/requisitions", "{\"project_id\":" + tower.id() + ",\"commitment_id\":" + po.id()
            + ",\"requisition\":{}}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").has("period_id")).isTrue();
    }

    @Test
    void directCostV11_withLines_filtersAndOriginLockKnob() {
        Resp created = post("/rest/v1.1/projects/" + tower.id() + "/direct_costs", "{\"direct_cost\":{"
            + "\"direct_cost_type\":\"invoice\",\"vendor_id\":" + rebar.id() + ",\"invoice_number\":\"FB-BILL-4411\","
            + "\"status\":\"approved\",\"direct_cost_date\":\"2026-03-09\",\"origin_id\":\"fb:6BApk:bill:4411\","
            + "\"line_items\":[{\"wbs_code_id\":" + pc.wbsCode(tower.id(), concrete.id(), materials.id()).id()
            + ",\"description\":\"Fuel\",\"manual_amount\":412.5},{\"wbs_code_id\":"
            + pc.wbsCode(tower.id(), steel.id(), materials.id()).id()
            + ",\"description\":\"Bolts\",\"manual_amount\":\"87.50\"}]}}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("grand_total").asText()).isEqualTo("500.00");
        assertThat(created.json().path("line_items")).hasSize(2);

        Resp noVendor = post("/rest/v1.1/projects/" + tower.id() + "/direct_costs", "{\"direct_cost\":{"
            + "\"direct_cost_type\":\"invoice\",\"invoice_number\":\"X\",\"line_items\":[]}}");
        assertThat(noVendor.status()).isEqualTo(422);
        assertThat(noVendor.json().path("errors").path("vendor_id").get(0).asText()).isEqualTo("can't be blank");

        JsonNode byOrigin = get("/rest/v1.0/projects/" + tower.id() + "/direct_costs?filters[origin_id]="
            + "fb:6BApk:bill:4411").json();
        assertThat(byOrigin).hasSize(1);

        assertThat(patch("/rest/v1.1/projects/" + tower.id() + "/direct_costs/" + id,
            "{\"direct_cost\":{\"description\":\"edited\"}}").status()).isEqualTo(200);
        pc.lockOriginRecords(true);
        Resp locked = patch("/rest/v1.0/projects/" + tower.id() + "/direct_costs/" + id,
            "{\"item\":{\"description\":\"again\"}}");
        assertThat(locked.status()).isEqualTo(422);
        assertThat(pc.directCosts(tower.id())).singleElement()
            .satisfies(d -> assertThat(d.json().path("description").asText()).isEqualTo("edited"));
    }

    @Test
    void changeOrderPackages_filterByUpdatedAt_andApproveRaisesCommitment() {
        Commitment po = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "PO",
            SovLine.of(concrete.id(), materials.id(), "base", "1000"));
        ChangeOrderPackage co = pc.seed().changeOrderPackage(tower.id(), po.id(), "Extra rebar", "pending",
            SovLine.of(concrete.id(), materials.id(), "extra", "250"));
        clock.advance(Duration.ofDays(1));
        token = pc.issueToken();
        pc.approveChangeOrder(co.id());

        JsonNode recent = get("/rest/v1.0/change_order_packages?project_id=" + tower.id()
            + "&filters[updated_at]=2026-03-11...2026-03-11").json();
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).path("status").asText()).isEqualTo("approved");
        assertThat(recent.get(0).path("reviewed_at").asText()).isEqualTo("2026-03-11T12:00:00Z");
        JsonNode show = get("/rest/v1.0/change_order_packages/" + co.id() + "?project_id=" + tower.id()).json();
        assertThat(show.path("line_items").get(0).path("cost_code").path("id").asLong()).isEqualTo(concrete.id());
        JsonNode ccos = get("/rest/v1.0/projects/" + tower.id() + "/commitment_change_orders").json();
        assertThat(ccos.get(0).path("legacy_package_id").asLong()).isEqualTo(co.id());
        JsonNode detail = get("/rest/v1.0/purchase_order_contracts/" + po.id() + "?project_id=" + tower.id()).json();
        assertThat(detail.path("approved_change_orders").asText()).isEqualTo("250.00");
        assertThat(detail.path("revised_contract").asText()).isEqualTo("1250.00");
    }

    @Test
    void contractPayments_primeContracts_andPaymentApplications() {
        Commitment po = pc.seed().commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "PO",
            SovLine.of(concrete.id(), materials.id(), "base", "1000"));
        Resp pay = post("/rest/v1.0/contract_payments", "{\"project_id\":" + tower.id() + ",\"contract_id\":"
            + po.id() + ",\"contract_payment\":{\"amount\":\"400\",\"date\":\"2026-03-09\",\"origin_id\":\"fb:p:1\"}}");
        assertThat(pay.status()).isEqualTo(201);
        assertThat(pay.json().path("amount").asText()).isEqualTo("400.00");
        Resp payments = get("/rest/v1.0/contract_payments?project_id=" + tower.id() + "&contract_id=" + po.id());
        assertThat(payments.status()).isEqualTo(200);
        assertThat(payments.json()).hasSize(1);
        assertThat(get("/rest/v1.0/purchase_order_contracts/" + po.id() + "?project_id=" + tower.id()).json()
            .path("total_payments").asText()).isEqualTo("400.00");

        PrimeContract prime = pc.seed().primeContract(tower.id(), "Owner contract",
            SovLine.of(concrete.id(), materials.id(), "Concrete", "200000"));
        assertThat(get("/rest/v1.0/prime_contract/" + prime.id() + "?project_id=" + tower.id()).json()
            .path("grand_total").asText()).isEqualTo("200000.00");
        Resp app = post("/rest/v1.0/prime_contracts/" + prime.id() + "/payment_applications", "{\"project_id\":"
            + tower.id() + ",\"payment_application\":{\"invoice_number\":\"INV-7\",\"period_start\":\"2026-03-01\","
            + "\"period_end\":\"2026-03-31\",\"origin_id\":\"fb:6BApk:invoice:7\"}}");
        assertThat(app.status()).isEqualTo(201);
        long lineId = app.json().path("g703").get(0).path("id").asLong();
        Resp line = patch("/rest/v1.0/prime_contracts/" + prime.id() + "/payment_application_line_items/" + lineId,
            "{\"project_id\":" + tower.id() + ",\"payment_application_line_item\":{\"work_completed_this_period\":"
            + "\"25000\"}}");
        assertThat(line.status()).isEqualTo(200);
        assertThat(pc.paymentApplications(tower.id())).singleElement()
            .satisfies(a -> assertThat(a.accruedThisPeriod()).isEqualByComparingTo("25000"));
        assertThat(get("/rest/v1.0/prime_contracts?project_id=" + tower.id()).json()).hasSize(1);
    }

    @Test
    void projectsAndCostCodes_listWithOriginFilter_andCreate() {
        JsonNode projects = get("/rest/v1.0/projects?company_id=" + acme.id() + "&filters[origin_id]=fb-project-1")
            .json();
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).path("company").path("id").asLong()).isEqualTo(acme.id());
        Resp created = post("/rest/v1.0/projects", "{\"company_id\":" + acme.id() + ",\"project\":{\"name\":"
            + "\"Tower B\",\"project_number\":\"B-1\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode codes = get("/rest/v1.0/cost_codes?project_id=" + tower.id()).json();
        assertThat(codes).extracting(c -> c.path("full_code").asText()).contains("03", "03-300", "05-100");
        assertThat(codes.get(1).path("line_item_types").get(0).path("code").asText()).isEqualTo("M");
        JsonNode wbs = get("/rest/v1.0/projects/" + tower.id() + "/work_breakdown_structure/wbs_codes").json();
        assertThat(wbs).extracting(w -> w.path("flat_code").asText()).containsExactlyInAnyOrder("03-300.M",
            "05-100.M");
        // segment types as the spec names them (wbs_codes' required_segments: cost_code, line_item_type)
        assertThat(wbs.get(0).path("segment_items")).extracting(i -> i.path("segment").path("type").asText())
            .containsExactly("cost_code", "line_item_type");
        JsonNode pattern = get("/rest/v1.0/companies/" + acme.id() + "/work_breakdown_structure/patterns").json();
        assertThat(pattern.path("segments")).extracting(x -> x.path("type").asText(), x -> x.path("delimiter").asText())
            .containsExactly(tuple("cost_code", "."), tuple("line_item_type", "."));
        assertThat(get("/rest/v1.0/companies/" + acme.id() + "/work_breakdown_structure/segments").json())
            .extracting(x -> x.path("type").asText()).containsExactly("cost_code", "line_item_type");
        pc.updateProject(tower.id(), Map.of("active", false));
        assertThat(get("/rest/v1.0/projects?company_id=" + acme.id()).json()).extracting(p -> p.path("name")
            .asText()).containsExactly("Tower B");
        assertThat(get("/rest/v1.0/projects?company_id=" + acme.id() + "&filters[by_status]=All").json()).hasSize(2);
    }
}
