package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.mlconnector.procore.model.BudgetDetailRow;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.request.BillingPeriodInput;
import io.mlconnector.procore.request.BudgetLineItemInput;
import io.mlconnector.procore.request.ChangeEventInput;
import io.mlconnector.procore.request.ChangeEventLineItemInput;
import io.mlconnector.procore.request.ChangeOrderPackageInput;
import io.mlconnector.procore.request.CommitmentChangeOrderInput;
import io.mlconnector.procore.request.ContractInput;
import io.mlconnector.procore.request.ContractLineItemInput;
import io.mlconnector.procore.request.ContractPaymentInput;
import io.mlconnector.procore.request.CostCodeInput;
import io.mlconnector.procore.request.DirectCostInput;
import io.mlconnector.procore.request.DirectCostLineItemInput;
import io.mlconnector.procore.request.HookInput;
import io.mlconnector.procore.request.LineItemTypeInput;
import io.mlconnector.procore.request.PaymentApplicationInput;
import io.mlconnector.procore.request.PaymentApplicationLineItemUpdate;
import io.mlconnector.procore.request.ProjectInput;
import io.mlconnector.procore.request.RequisitionInput;
import io.mlconnector.procore.request.RequisitionItemInput;
import io.mlconnector.procore.request.RequisitionItemUpdate;
import io.mlconnector.procore.request.TriggerInput;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.resource.CommitmentType;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.support.WireMockProcore;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.WebhookDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every resource and verb: method, path, {@code Procore-Company-Id}, query parameters and the exact body wrapper
 * (procore.md §3.0). Each call must send exactly one request.
 */
class ResourceRoutesTest extends WireMockProcore {
    private static final String C = String.valueOf(COMPANY);
    private static final String P = String.valueOf(PROJECT);
    private ProcoreClient c;

    @BeforeEach
    void warm() {
        c = warmClient();
    }

    private static Map<String, String> q(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Stubs the route, runs the call, and checks the single request it sent. */
    private <T> T check(String method, String path, Map<String, String> query, String body, String response, Supplier<T> call) {
        wm.resetAll();
        wm.stubFor(any(urlPathEqualTo(path)).willReturn(json(method.equals("DELETE") ? 204 : 200, response)));
        T result = call.get();
        RequestPatternBuilder p = new RequestPatternBuilder(RequestMethod.fromString(method), urlPathEqualTo(path))
                .withHeader("Procore-Company-Id", equalTo(C)).withHeader("Authorization", equalTo("Bearer tok-1"));
        query.forEach((k, v) -> p.withQueryParam(k, equalTo(v)));
        if (body != null) {
            p.withRequestBody(equalToJson(body, false, false));
        } else if (!method.equals("GET")) {
            p.withRequestBody(absent());
        }
        wm.verify(1, p);
        assertThat(wm.getAllServeEvents()).as("requests sent by " + method + " " + path).hasSize(1);
        return result;
    }

    /** The names of the query parameters of the single request just checked. */
    private static java.util.Set<String> onlyQueryParams() {
        return wm.getAllServeEvents().get(0).getRequest().getQueryParams().keySet();
    }

    private void run(String method, String path, Map<String, String> query, String body, Runnable call) {
        check(method, path, query, body, "", () -> {
            call.run();
            return null;
        });
    }

    @Test
    void companiesAndMe() {
        assertThat(check("GET", "/rest/v1.0/companies", q("page", "1", "per_page", "100"), null,
                "[{\"id\":5,\"name\":\"GC\",\"is_active\":true,\"my_company\":true}]", () -> c.companies().list().toList()))
                .singleElement().satisfies(co -> assertThat(co.myCompany()).isTrue());
        assertThat(check("GET", "/rest/v1.0/me", q("company_id", C), null, "{\"id\":9,\"login\":\"l\",\"name\":\"n\"}",
                () -> c.companies().me()).id()).isEqualTo(9L);
    }

    @Test
    void projects() {
        Instant a = Instant.parse("2026-11-01T00:00:00Z");
        Instant b = Instant.parse("2026-11-24T12:00:00.750Z");
        check("GET", "/rest/v1.0/projects", q("company_id", C, "filters[updated_at]", "2026-11-01T00:00:00Z...2026-11-24T12:00:00Z",
                "per_page", "100"), null, "[]", () -> c.projects().list(ListOptions.updatedBetween(a, b)).toList());
        check("GET", "/rest/v1.0/projects", q("company_id", C, "filters[origin_id]", "fb-p-1", "filters[by_status]", "All"), null,
                "[{\"id\":5,\"origin_id\":\"fb-p-1\"}]", () -> c.projects().findByOriginId("fb-p-1").orElseThrow());
        check("GET", "/rest/v1.0/projects/" + P, q("company_id", C), null, "{\"id\":" + P + "}", () -> c.projects().get(PROJECT));
        check("POST", "/rest/v1.0/projects", q(), "{\"company_id\":" + C + ",\"project\":{\"name\":\"Depot\",\"origin_id\":\"fb-p-2\"}}",
                "{\"id\":901}", () -> c.projects().create(ProjectInput.of("Depot", "fb-p-2")));
        c.validateProject(new io.mlconnector.core.model.ProjectRef(COMPANY, 901)); // remembered on create: no reload
        check("PATCH", "/rest/v1.0/projects/" + P, q(), "{\"company_id\":" + C + ",\"project\":{\"name\":\"New\",\"origin_id\":\"o\"}}",
                "{\"id\":" + P + "}", () -> c.projects().update(PROJECT, ProjectInput.of("New", "o")));
        check("PATCH", "/rest/v1.0/projects/sync", q("company_id", C), "{\"company_id\":" + C + ",\"updates\":[{\"name\":\"A\",\"origin_id\":\"a\"}]}",
                "{\"entities\":[{\"id\":3,\"origin_id\":\"a\"}],\"errors\":[]}",
                () -> c.projects().sync(List.of(ProjectInput.of("A", "a")), 1000));
    }

    @Test
    void vendors() {
        String v = "{\"id\":3968037,\"name\":\"Acme\",\"origin_id\":\"fb-v-1\",\"origin_code\":\"V-1\"}";
        check("GET", "/rest/v1.0/vendors", q("company_id", C, "filters[origin_id]", "fb-v-1", "page", "1", "per_page", "100"), null,
                "[" + v + "]", () -> c.vendors().findByOriginId("fb-v-1").orElseThrow());
        check("GET", "/rest/v1.0/vendors/3968037", q("company_id", C), null, v, () -> c.vendors().get(3968037));
        check("POST", "/rest/v1.0/vendors", q(), "{\"company_id\":" + C + ",\"vendor\":{\"name\":\"Acme\",\"origin_id\":\"fb-v-1\","
                + "\"origin_code\":\"V-1\"}}", v, () -> c.vendors().create(VendorInput.of("Acme", "fb-v-1", "V-1")));
        VendorInput withExtra = new VendorInput(null, "Acme", null, null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, Map.of("labor_union", "Local 9"));
        check("PATCH", "/rest/v1.0/vendors/3968037", q(), "{\"company_id\":" + C + ",\"vendor\":{\"name\":\"Acme\",\"is_active\":false,"
                + "\"labor_union\":\"Local 9\"}}", v, () -> c.vendors().update(3968037, withExtra));
        check("PATCH", "/rest/v1.0/vendors/sync", q(), "{\"company_id\":" + C + ",\"updates\":[{\"name\":\"Acme\",\"origin_id\":\"fb-v-1\","
                + "\"origin_code\":\"V-1\"}]}", "{\"entities\":[" + v + "],\"errors\":[]}",
                () -> c.vendors().sync(List.of(VendorInput.of("Acme", "fb-v-1", "V-1")), 1000));
        check("GET", "/rest/v1.0/companies/" + C + "/vendors/inactive", q(), null, "[]", () -> c.vendors().listInactive().toList());
        check("GET", "/rest/v1.1/projects/" + P + "/vendors", q(), null, "[" + v + "]", () -> c.vendors().listForProject(REF).toList());
        check("POST", "/rest/v1.1/projects/" + P + "/vendors", q(), "{\"vendor\":{\"name\":\"Sub\"}}", v,
                () -> c.vendors().createForProject(REF, VendorInput.of("Sub", null, null)));
        check("POST", "/rest/v1.0/projects/" + P + "/vendors/3968037/actions/add", q(), null, v, () -> c.vendors().addToProject(REF, 3968037));
        run("DELETE", "/rest/v1.0/projects/" + P + "/vendors/3968037/actions/remove", q(), null, () -> c.vendors().removeFromProject(REF, 3968037));
    }

    @Test
    void costCodesAndLineItemTypes() {
        String cc = "{\"id\":80598390,\"code\":\"300\",\"full_code\":\"03-300\",\"name\":\"Concrete\"}";
        check("GET", "/rest/v1.0/cost_codes", q("project_id", P, "filters[origin_id]", "cc-1"), null, "[" + cc + "]",
                () -> c.costCodes().list(REF, ListOptions.originId("cc-1")).toList());
        check("GET", "/rest/v1.0/cost_codes/80598390", q("project_id", P), null, cc, () -> c.costCodes().get(REF, 80598390));
        CostCodeInput in = new CostCodeInput(null, "300", "Concrete", 80598301L, null, null, "cc-1", null);
        check("POST", "/rest/v1.0/cost_codes", q(), "{\"project_id\":" + P + ",\"cost_code\":{\"code\":\"300\",\"name\":\"Concrete\","
                + "\"parent_id\":80598301,\"origin_id\":\"cc-1\"}}", cc, () -> c.costCodes().create(REF, in));
        check("PATCH", "/rest/v1.0/cost_codes/80598390", q(), "{\"project_id\":" + P + ",\"cost_code\":{\"code\":\"300\",\"name\":\"Concrete\","
                + "\"parent_id\":80598301,\"origin_id\":\"cc-1\"}}", cc, () -> c.costCodes().update(REF, 80598390, in));
        check("PATCH", "/rest/v1.0/cost_codes/sync", q("project_id", P), "{\"updates\":[{\"code\":\"300\",\"name\":\"Concrete\","
                + "\"parent_id\":80598301,\"origin_id\":\"cc-1\"}]}", "{\"entities\":[" + cc + "],\"errors\":[]}",
                () -> c.costCodes().sync(REF, List.of(in), 1000));
        check("GET", "/rest/v1.0/standard_cost_codes", q("company_id", C, "standard_cost_code_list_id", "12"), null, "[]",
                () -> c.costCodes().listStandard(12).toList());
        String lit = "{\"id\":47,\"name\":\"Materials\",\"code\":\"M\",\"base_type\":\"materials\"}";
        check("GET", "/rest/v1.0/line_item_types", q("company_id", C), null, "[" + lit + "]",
                () -> c.costCodes().listLineItemTypes(ListOptions.defaults()).toList());
        check("GET", "/rest/v1.0/line_item_types", q("project_id", P), null, "[" + lit + "]", () -> c.costCodes().listLineItemTypes(REF).toList());
        check("GET", "/rest/v1.0/line_item_types/47", q("company_id", C), null, lit, () -> c.costCodes().getLineItemType(47));
        LineItemTypeInput t = new LineItemTypeInput(null, "Materials", "M", "materials", "lit-1", null);
        String tb = "{\"name\":\"Materials\",\"csv_import_code\":\"M\",\"base_type\":\"materials\",\"origin_id\":\"lit-1\"}";
        check("POST", "/rest/v1.0/line_item_types", q(), "{\"company_id\":" + C + ",\"line_item_type\":" + tb + "}", lit,
                () -> c.costCodes().createLineItemType(t));
        check("PATCH", "/rest/v1.0/line_item_types/47", q(), "{\"company_id\":" + C + ",\"line_item_type\":" + tb + "}", lit,
                () -> c.costCodes().updateLineItemType(47, t));
        check("PATCH", "/rest/v1.0/line_item_types/sync", q(), "{\"company_id\":" + C + ",\"updates\":[" + tb + "]}",
                "{\"entities\":[" + lit + "],\"errors\":[]}", () -> c.costCodes().syncLineItemTypes(List.of(t), 1000));
    }

    @Test
    void budget() {
        check("GET", "/rest/v1.0/budget_views", q("project_id", P), null, "[{\"id\":3,\"name\":\"Standard\"}]", () -> c.budget().views(REF));
        List<BudgetDetailRow> rows = check("GET", "/rest/v1.0/budget_views/3/detail_rows", q("project_id", P), null,
                "[{\"id\":1,\"budget_line_item_id\":7868294,\"cost_code\":{\"id\":1,\"full_code\":\"03-300\"},"
                        + "\"budget_forecast\":\"20000.10\",\"Revised Budget\":125000.25}]", () -> c.budget().detailRows(REF, 3).toList());
        assertThat(rows.get(0).amount("budget_forecast")).contains(new BigDecimal("20000.10"));
        assertThat(rows.get(0).amount("Revised Budget")).contains(new BigDecimal("125000.25"));
        assertThat(rows.get(0).budgetLineItemId()).isEqualTo(7868294L);
        check("GET", "/rest/v1.0/budget_line_items/7868294", q("project_id", P), null, "{\"id\":7868294,\"original_budget_amount\":120000.0}",
                () -> c.budget().getLineItem(REF, 7868294));
        BudgetLineItemInput v10 = new BudgetLineItemInput(null, 80598390L, 47L, null, new BigDecimal("1000.00"), null, null, null, null);
        check("POST", "/rest/v1.0/budget_line_items", q(), "{\"project_id\":" + P + ",\"budget_line_item\":{\"cost_code_id\":80598390,"
                + "\"line_item_type_id\":47,\"original_budget_amount\":1000.00}}", "{\"id\":1}", () -> c.budget().createLineItem(REF, v10));
        BudgetLineItemInput v11 = new BudgetLineItemInput(null, null, null, 9911L, new BigDecimal("5"), null, null, null, null);
        check("POST", "/rest/v1.1/budget_line_items", q(), "{\"project_id\":" + P + ",\"budget_line_item\":{\"wbs_code_id\":9911,"
                + "\"original_budget_amount\":5}}", "{\"id\":2}", () -> c.budget().createLineItem(REF, v11));
        check("PATCH", "/rest/v1.0/budget_line_items/2", q(), "{\"project_id\":" + P + ",\"budget_line_item\":{\"wbs_code_id\":9911,"
                + "\"original_budget_amount\":5}}", "{\"id\":2}", () -> c.budget().updateLineItem(REF, 2, v11));
        check("POST", "/rest/v1.0/budget_line_items/sync", q(), "{\"project_id\":" + P + ",\"budget_line_items\":[{\"wbs_code_id\":9911,"
                + "\"original_budget_amount\":5}]}", "{\"entities\":[{\"id\":2}],\"errors\":[]}",
                () -> c.budget().syncLineItems(REF, List.of(v11), 1000));
        assertThat(check("GET", "/rest/v1.0/projects/" + P + "/budget_changes/12", q(), null,
                "{\"data\":{\"id\":12,\"status\":\"approved\",\"adjustment_line_items\":[{\"id\":1,\"amount\":76.25}]}}",
                () -> c.budget().getBudgetChange(REF, 12)).adjustmentLineItems()).singleElement()
                .satisfies(x -> assertThat(x.amount()).isEqualTo(new BigDecimal("76.25")));
        assertThat(check("GET", "/rest/v1.0/projects/" + P + "/budget_changes", q("exclude_custom_fields", "true"), null,
                "{\"data\":[{\"id\":12,\"updated_at\":\"2026-11-01T00:00:00Z\"}]}", () -> c.budget().listBudgetChanges(REF)))
                .extracting(b -> b.id()).containsExactly(12L);
        assertThat(onlyQueryParams()).containsExactly("exclude_custom_fields");
        assertThat(check("GET", "/rest/v2.0/companies/" + C + "/projects/" + P + "/budget_changes/adjustment_line_items",
                q("page", "1", "per_page", "100"), null, "{\"data\":[{\"id\":\"56\",\"wbs_code_id\":\"999\",\"amount\":76.25,"
                        + "\"budget_change_id\":\"12\",\"budget_change_status\":\"approved\"}]}",
                () -> c.budget().adjustmentLineItems(REF).toList())).singleElement().satisfies(a -> {
                    assertThat(a.wbsCodeId()).isEqualTo(999L);
                    assertThat(a.budgetChangeId()).isEqualTo(12L);
                    assertThat(a.amount()).isEqualByComparingTo("76.25");
                    assertThat(a.approved()).isTrue();
                });
        check("GET", "/rest/v1.0/projects/" + P + "/budget_modifications/75414", q(), null, "{\"id\":75414,\"origin_id\":4903401}",
                () -> c.budget().getBudgetModification(REF, 75414));
        check("GET", "/rest/v1.0/projects/" + P + "/work_breakdown_structure/wbs_codes", q("per_page", "100"), null,
                "[{\"id\":9911,\"flat_code\":\"03-300.M\"}]", () -> c.budget().wbsCodes(REF, ListOptions.defaults()).toList());
        check("GET", "/rest/v1.0/companies/" + C + "/work_breakdown_structure/patterns", q(), null, "{\"id\":1,\"segments\":[]}",
                () -> c.budget().wbsPattern());
    }

    @Test
    void commitments() {
        String po = "{\"id\":786001,\"number\":\"PO-007\",\"status\":\"Approved\",\"vendor\":{\"id\":3968037,\"company\":\"Acme\"}}";
        check("GET", "/rest/v1.0/commitments", q("project_id", P), null, "[" + po + "]", () -> c.commitments().listAll(REF).toList());
        check("GET", "/rest/v1.0/commitments/786001", q("project_id", P), null, po, () -> c.commitments().getAny(REF, 786001));
        check("GET", "/rest/v1.0/purchase_order_contracts", q("project_id", P, "filters[include_deleted]", "with",
                "filters[origin_id]", "fb-po-1"), null, "[" + po + "]",
                () -> c.commitments().list(REF, CommitmentType.PURCHASE_ORDER, ListOptions.originId("fb-po-1").withIncludeDeleted("with")).toList());
        check("GET", "/rest/v1.0/work_order_contracts/55", q("project_id", P), null, "{\"id\":55}",
                () -> c.commitments().get(REF, CommitmentType.WORK_ORDER, 55));
        ContractInput ci = new ContractInput(3968037L, "Rebar", "PO-8", "Draft", false, null, "amount", new BigDecimal("10.0"),
                LocalDate.of(2026, 10, 5), "fb-po-8", "PO-8", null, null);
        String cb = "{\"vendor_id\":3968037,\"title\":\"Rebar\",\"number\":\"PO-8\",\"status\":\"Draft\",\"executed\":false,"
                + "\"accounting_method\":\"amount\",\"retainage_percent\":\"10.0\",\"contract_date\":\"2026-10-05\","
                + "\"origin_id\":\"fb-po-8\",\"origin_code\":\"PO-8\"}";
        check("POST", "/rest/v1.0/purchase_order_contracts", q(), "{\"project_id\":" + P + ",\"purchase_order_contract\":" + cb + "}", po,
                () -> c.commitments().create(REF, CommitmentType.PURCHASE_ORDER, ci));
        check("PATCH", "/rest/v1.0/work_order_contracts/55", q(), "{\"project_id\":" + P + ",\"work_order_contract\":" + cb + "}", po,
                () -> c.commitments().update(REF, CommitmentType.WORK_ORDER, 55, ci));
        run("DELETE", "/rest/v1.0/purchase_order_contracts/786001", q("project_id", P), null,
                () -> c.commitments().delete(REF, CommitmentType.PURCHASE_ORDER, 786001));
        check("PATCH", "/rest/v1.0/work_order_contracts/sync", q(), "{\"project_id\":" + P + ",\"updates\":[" + cb + "]}",
                "{\"entities\":[],\"errors\":[]}", () -> c.commitments().sync(REF, CommitmentType.WORK_ORDER, List.of(ci), 1000));
        check("GET", "/rest/v1.0/purchase_order_contracts/786001/line_items", q("project_id", P), null, "[]",
                () -> c.commitments().lineItems(REF, CommitmentType.PURCHASE_ORDER, 786001).toList());
        ContractLineItemInput li = new ContractLineItemInput(null, new BigDecimal("500.00"), 80598390L, 47L, null, "Rebar #5", null,
                null, null, "manual", null, null, null);
        String lb = "{\"amount\":\"500.00\",\"cost_code_id\":80598390,\"line_item_type_id\":47,\"description\":\"Rebar #5\","
                + "\"extended_type\":\"manual\"}";
        check("POST", "/rest/v1.0/purchase_order_contracts/786001/line_items", q(), "{\"project_id\":" + P + ",\"line_item\":" + lb + "}",
                "{\"id\":1}", () -> c.commitments().createLineItem(REF, CommitmentType.PURCHASE_ORDER, 786001, li));
        check("PATCH", "/rest/v1.0/work_order_contracts/55/line_items/9", q(), "{\"project_id\":" + P + ",\"line_item\":" + lb + "}",
                "{\"id\":9}", () -> c.commitments().updateLineItem(REF, CommitmentType.WORK_ORDER, 55, 9, li));
    }

    @Test
    void billingPeriodsAndRequisitions() {
        check("GET", "/rest/v1.0/projects/" + P + "/billing_periods", q("per_page", "100"), null,
                "[{\"id\":117330,\"status\":\"open\",\"start_date\":\"2026-11-01\",\"end_date\":\"2026-11-30\"}]",
                () -> c.requisitions().billingPeriods(REF, ListOptions.defaults()).toList());
        BillingPeriodInput bp = new BillingPeriodInput(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31), "open");
        String bb = "{\"billing_period\":{\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-31\",\"due_date\":\"2026-12-31\",\"status\":\"open\"}}";
        check("POST", "/rest/v1.0/projects/" + P + "/billing_periods", q(), bb, "{\"id\":5}", () -> c.requisitions().createBillingPeriod(REF, bp));
        check("PATCH", "/rest/v1.0/projects/" + P + "/billing_periods/5", q(), bb, "{\"id\":5}",
                () -> c.requisitions().updateBillingPeriod(REF, 5, bp));
        check("GET", "/rest/v1.0/requisitions", q("project_id", P, "filters[commitment_id]", "786001",
                "filters[updated_at]", "2026-11-01T00:00:00Z...2026-11-02T00:00:00Z"), null, "[]",
                () -> c.requisitions().list(REF, ListOptions.updatedBetween(Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-02T00:00:00Z")), 786001L).toList());
        check("GET", "/rest/v1.0/requisitions/1280646", q("project_id", P), null, "{\"id\":1280646}", () -> c.requisitions().get(REF, 1280646));
        RequisitionInput in = new RequisitionInput(117330L, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 18),
                "FB-4411", "draft", null, "fb-bill-4411", null,
                List.of(RequisitionItemInput.contractItem(5175960, new BigDecimal("1234.50"))), null);
        String rb = "{\"project_id\":" + P + ",\"commitment_id\":786001,\"requisition\":{\"period_id\":117330,"
                + "\"requisition_start\":\"2026-11-01\",\"requisition_end\":\"2026-11-30\",\"billing_date\":\"2026-11-18\","
                + "\"invoice_number\":\"FB-4411\",\"status\":\"draft\",\"origin_id\":\"fb-bill-4411\",\"items\":[{\"item_type\":\"contract_item\","
                + "\"line_item_id\":5175960,\"work_completed_this_period\":\"1234.50\"}]}}";
        Requisition created = check("POST", "/rest/v1.1/requisitions", q(), rb, "{\"id\":1280647,\"status\":\"draft\"}",
                () -> c.requisitions().create(REF, 786001, in));
        assertThat(created.id()).isEqualTo(1280647L);
        RequisitionInput header = new RequisitionInput(117330L, null, null, null, "FB-4411", null, null, "fb-bill-4411", null, null, null);
        String hb = "{\"period_id\":117330,\"invoice_number\":\"FB-4411\",\"origin_id\":\"fb-bill-4411\"}";
        check("POST", "/rest/v1.0/requisitions", q(), "{\"project_id\":" + P + ",\"commitment_id\":786001,\"requisition\":" + hb + "}",
                "{\"id\":1}", () -> c.requisitions().createHeader(REF, 786001, header));
        check("PATCH", "/rest/v1.0/requisitions/1280646", q(), "{\"project_id\":" + P + ",\"commitment_id\":786001,\"requisition\":" + hb + "}",
                "{\"id\":1280646}", () -> c.requisitions().update(REF, 1280646, 786001, header));
        run("DELETE", "/rest/v1.0/requisitions/1280646", q("project_id", P), null, () -> c.requisitions().delete(REF, 1280646));
        check("GET", "/rest/v1.0/requisitions/1280646/contract_items", q("project_id", P), null, "[{\"id\":17918097,\"line_item_id\":5175960}]",
                () -> c.requisitions().contractItems(REF, 1280646));
        check("PATCH", "/rest/v1.0/requisitions/1280646/contract_items/17918097", q("project_id", P),
                "{\"requisition_contract_item\":{\"work_completed_this_period\":\"1000\",\"work_completed_this_period_quantity\":\"0.20\"}}",
                "{\"id\":17918097}", () -> c.requisitions().updateContractItem(REF, 1280646, 17918097,
                        new RequisitionItemUpdate(new BigDecimal("1000"), new BigDecimal("0.20"), null)));
        check("GET", "/rest/v1.0/requisitions/1280646/change_order_items", q("project_id", P), null, "[]",
                () -> c.requisitions().changeOrderItems(REF, 1280646));
        check("PATCH", "/rest/v1.0/requisitions/1280646/change_order_items/592006", q("project_id", P),
                "{\"requisition_change_order_item\":{\"work_completed_this_period\":\"10.5\"}}", "{\"id\":592006}",
                () -> c.requisitions().updateChangeOrderItem(REF, 1280646, 592006, new RequisitionItemUpdate(new BigDecimal("10.5"), null, null)));
        assertThat(check("POST", "/rest/v1.0/requisitions/1280646/add_change_order_package", q("project_id", P, "commitment_id", "786001",
                "change_order_package_id", "1708957"), null, "[{\"id\":1,\"change_order_package_id\":1708957}]",
                () -> c.requisitions().addChangeOrderPackage(REF, 1280646, 786001, 1708957))).hasSize(1);
    }

    @Test
    void primeContractsPaymentApplicationsAndContractPayments() {
        check("GET", "/rest/v1.0/prime_contracts", q("project_id", P), null, "[{\"id\":22}]", () -> c.contracts().primeContracts(REF).toList());
        check("GET", "/rest/v1.0/prime_contract/22", q("project_id", P), null, "{\"id\":22}", () -> c.contracts().primeContract(REF, 22));
        check("GET", "/rest/v1.0/payment_applications", q("project_id", P), null, "[]", () -> c.contracts().paymentApplications(REF).toList());
        check("GET", "/rest/v1.0/prime_contracts/22/payment_applications", q("project_id", P), null, "[]",
                () -> c.contracts().paymentApplications(REF, 22).toList());
        check("GET", "/rest/v1.0/payment_applications/8", q("project_id", P), null, "{\"id\":8}", () -> c.contracts().paymentApplication(REF, 8));
        PaymentApplicationInput pa = new PaymentApplicationInput(null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 30), "INV-9", null, "fb-inv-9", null);
        String pb = "{\"project_id\":" + P + ",\"payment_application\":{\"period_start\":\"2026-11-01\",\"period_end\":\"2026-11-30\","
                + "\"billing_date\":\"2026-11-30\",\"invoice_number\":\"INV-9\",\"origin_id\":\"fb-inv-9\"}}";
        check("POST", "/rest/v1.0/prime_contracts/22/payment_applications", q(), pb, "{\"id\":8}",
                () -> c.contracts().createPaymentApplication(REF, 22, pa));
        check("PATCH", "/rest/v1.0/prime_contracts/22/payment_applications/8", q(), pb, "{\"id\":8}",
                () -> c.contracts().updatePaymentApplication(REF, 22, 8, pa));
        check("PATCH", "/rest/v1.0/prime_contracts/22/payment_application_line_items/3", q(),
                "{\"project_id\":" + P + ",\"payment_application_line_item\":{\"work_completed_this_period\":\"99.99\"}}", "{\"id\":3}",
                () -> c.contracts().updatePaymentApplicationLineItem(REF, 22, 3, new PaymentApplicationLineItemUpdate(new BigDecimal("99.99"), null)));
        check("GET", "/rest/v1.0/contract_payments", q("project_id", P, "contract_id", "786001"), null, "[]",
                () -> c.contracts().contractPayments(REF, 786001L).toList());
        check("GET", "/rest/v1.0/contract_payments/4", q("project_id", P, "contract_id", "786001"), null, "{\"id\":4,\"amount\":\"1.0\"}",
                () -> c.contracts().contractPayment(REF, 786001, 4));
        ContractPaymentInput cp = new ContractPaymentInput(LocalDate.of(2026, 11, 20), new BigDecimal("250.00"), "FB-4411", null, "1001",
                "check", null, null, 1280646L, "fb-pay-1", null);
        String cpb = "{\"date\":\"2026-11-20\",\"amount\":\"250.00\",\"invoice_number\":\"FB-4411\",\"check_number\":\"1001\","
                + "\"payment_method\":\"check\",\"requisition_id\":1280646,\"origin_id\":\"fb-pay-1\"}";
        check("POST", "/rest/v1.0/contract_payments", q(), "{\"project_id\":" + P + ",\"contract_id\":786001,\"contract_payment\":" + cpb + "}",
                "{\"id\":4}", () -> c.contracts().createContractPayment(REF, 786001, cp));
        check("PATCH", "/rest/v1.0/contract_payments/4", q(), "{\"project_id\":" + P + ",\"contract_id\":786001,\"contract_payment\":" + cpb + "}",
                "{\"id\":4}", () -> c.contracts().updateContractPayment(REF, 786001, 4, cp));
        run("DELETE", "/rest/v1.0/contract_payments/4", q("project_id", P, "contract_id", "786001"), null,
                () -> c.contracts().deleteContractPayment(REF, 786001, 4));
    }

    @Test
    void changeManagement() {
        check("GET", "/rest/v1.0/change_order_packages", q("project_id", P, "contract_id", "786001", "filters[include_deleted]", "only"), null, "[]",
                () -> c.changeOrders().packages(REF, ListOptions.defaults().withIncludeDeleted("only"), 786001L).toList());
        check("GET", "/rest/v1.0/change_order_packages/1708957", q("project_id", P), null, "{\"id\":1708957}",
                () -> c.changeOrders().getPackage(REF, 1708957));
        ChangeOrderPackageInput pk = new ChangeOrderPackageInput("pending", "Extra rebar", null, new BigDecimal("5000.00"), null, null,
                null, null, null, "CO-1", null);
        String pkb = "{\"project_id\":" + P + ",\"contract_id\":786001,\"change_order\":{\"status\":\"pending\",\"title\":\"Extra rebar\","
                + "\"grand_total\":\"5000.00\",\"origin_code\":\"CO-1\"}}";
        check("POST", "/rest/v1.0/change_order_packages", q(), pkb, "{\"id\":1}", () -> c.changeOrders().createPackage(REF, 786001, pk));
        check("PATCH", "/rest/v1.0/change_order_packages/1", q(), pkb, "{\"id\":1}", () -> c.changeOrders().updatePackage(REF, 786001, 1, pk));
        String ccoPath = "/rest/v1.0/projects/" + P + "/commitment_change_orders";
        check("GET", ccoPath, q("filters[legacy_package_id]", "1708957", "filters[contract_id]", "786001"), null, "[]",
                () -> c.changeOrders().commitmentChangeOrders(REF, 786001L, 1708957L).toList());
        assertThat(onlyQueryParams()).containsExactlyInAnyOrder("filters[legacy_package_id]", "filters[contract_id]");
        String pcoPath = "/rest/v1.0/projects/" + P + "/prime_change_orders";
        check("GET", pcoPath, q("filters[updated_at]", "2026-11-01T00:00:00Z...2026-11-02T00:00:00Z"), null, "[{\"id\":41}]",
                () -> c.changeOrders().primeChangeOrders(REF, ListOptions.updatedBetween(Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-02T00:00:00Z"))));
        assertThat(onlyQueryParams()).containsExactly("filters[updated_at]");
        check("GET", pcoPath + "/41", q(), null, "{\"id\":41,\"status\":\"approved\",\"grand_total\":\"10.00\"}",
                () -> c.changeOrders().getPrimeChangeOrder(REF, 41));
        check("GET", "/rest/v2.0/companies/" + C + "/projects/" + P + "/prime_change_orders/41/line_items", q("page", "1", "per_page", "100"),
                null, "{\"data\":[{\"id\":\"1\",\"amount\":\"10.00\",\"wbs_code_id\":\"9911\"}]}",
                () -> c.changeOrders().primeChangeOrderLineItems(REF, 41));
        check("GET", ccoPath + "/31", q(), null, "{\"id\":31,\"legacy_package_id\":1708957}", () -> c.changeOrders().getCommitmentChangeOrder(REF, 31));
        CommitmentChangeOrderInput cco = new CommitmentChangeOrderInput(786001L, "CO", "002", "draft", null, null, null, null);
        String ccob = "{\"change_order\":{\"contract_id\":786001,\"title\":\"CO\",\"number\":\"002\",\"status\":\"draft\"}}";
        check("POST", ccoPath, q(), ccob, "{\"id\":31}", () -> c.changeOrders().createCommitmentChangeOrder(REF, cco));
        check("PATCH", ccoPath + "/31", q(), ccob, "{\"id\":31}", () -> c.changeOrders().updateCommitmentChangeOrder(REF, 31, cco));
        run("DELETE", ccoPath + "/31", q(), null, () -> c.changeOrders().deleteCommitmentChangeOrder(REF, 31));
        assertThat(check("GET", "/rest/v2.0/companies/" + C + "/projects/" + P + "/commitment_change_orders/31/line_items", q("page", "1", "per_page", "100"), null,
                "{\"data\":[{\"id\":\"71\",\"amount\":\"100.10\",\"commitment_line_item_id\":\"5\",\"wbs_code\":{\"id\":\"9911\",\"flat_code\":\"03-300.M\"}}]}",
                () -> c.changeOrders().commitmentChangeOrderLineItems(REF, 31))).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualTo(new BigDecimal("100.10")));
        check("GET", "/rest/v1.0/change_events", q("project_id", P, "filters[include_deleted]", "with"), null, "[]",
                () -> c.changeOrders().changeEvents(REF, ListOptions.defaults().withIncludeDeleted("with")).toList());
        check("GET", "/rest/v1.0/change_events/6", q("project_id", P), null, "{\"id\":6}", () -> c.changeOrders().getChangeEvent(REF, 6));
        ChangeEventInput ce = new ChangeEventInput("Rain", null, 3L, "out_of_scope", "owner_change", null, "ce-1", null,
                List.of(new ChangeEventLineItemInput(80598390L, 47L, "pump", null, new BigDecimal("300.00"), null, null)));
        String ceb = "{\"change_event\":{\"title\":\"Rain\",\"change_event_status_id\":3,\"event_scope\":\"out_of_scope\","
                + "\"event_type\":\"owner_change\",\"origin_id\":\"ce-1\",\"change_event_line_items_attributes\":[{\"cost_code_id\":80598390,"
                + "\"line_item_type_id\":47,\"description\":\"pump\",\"estimated_cost_amount\":\"300.00\"}]}}";
        check("POST", "/rest/v1.0/change_events", q("project_id", P), ceb, "{\"id\":6}", () -> c.changeOrders().createChangeEvent(REF, ce));
        check("PATCH", "/rest/v1.0/change_events/6", q("project_id", P), "{\"project_id\":" + P + "," + ceb.substring(1), "{\"id\":6}",
                () -> c.changeOrders().updateChangeEvent(REF, 6, ce));
    }

    @Test
    void directCosts() {
        String base = "/rest/v1.0/projects/" + P + "/direct_costs";
        check("GET", base, q("filters[origin_id]", "fb-bill-1", "filters[updated_at]", "2026-11-01T00:00:00Z...2026-11-02T00:00:00Z"), null,
                "[]", () -> c.directCosts().list(REF, ListOptions.originId("fb-bill-1").withUpdatedBetween(Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-02T00:00:00Z"))).toList());
        // the documented list sends the vendor as its name, the show as an object (RestV10ProjectsProjectIdDirectCostsGet / …IdGet)
        assertThat(check("GET", base, q("per_page", "1000"), null, "[{\"id\":7,\"vendor\":\"Acme Concrete\",\"vendor_id\":3968037}]",
                () -> c.directCosts().list(REF, ListOptions.bulk()).toList())).singleElement().satisfies(d -> {
                    assertThat(d.vendor().displayName()).isEqualTo("Acme Concrete");
                    assertThat(d.vendorId()).isEqualTo(3968037L);
                });
        assertThat(check("GET", base + "/7", q(), null, "{\"id\":7,\"grand_total\":\"412.50\",\"vendor\":{\"id\":3968037,\"name\":\"Acme\"}}",
                () -> c.directCosts().get(REF, 7)).vendor().id()).isEqualTo(3968037L);
        DirectCostInput in = new DirectCostInput(null, "invoice", 3968037L, "FB-BILL-4411", "approved", LocalDate.of(2026, 11, 18),
                LocalDate.of(2026, 11, 18), null, "Net 30", "FreshBooks bill 4411", null, "fb-bill-4411", null,
                List.of(new DirectCostLineItemInput(null, null, 9911L, null, null, new BigDecimal("412.50"), null, "Site fuel", null, null,
                        null, "fb-bill-4411#1", null, null)));
        String db = "{\"direct_cost_type\":\"invoice\",\"vendor_id\":3968037,\"invoice_number\":\"FB-BILL-4411\",\"status\":\"approved\","
                + "\"direct_cost_date\":\"2026-11-18\",\"received_date\":\"2026-11-18\",\"terms\":\"Net 30\",\"description\":\"FreshBooks bill 4411\","
                + "\"origin_id\":\"fb-bill-4411\",\"line_items\":[{\"wbs_code_id\":9911,\"manual_amount\":412.50,\"description\":\"Site fuel\","
                + "\"origin_id\":\"fb-bill-4411#1\"}]}";
        DirectCost dc = check("POST", "/rest/v1.1/projects/" + P + "/direct_costs", q(), "{\"direct_cost\":" + db + "}",
                "{\"id\":7,\"grand_total\":\"412.50\"}", () -> c.directCosts().create(REF, in));
        assertThat(dc.total()).isEqualTo(new BigDecimal("412.50"));
        check("POST", base, q(), "{\"item\":" + db + "}", "{\"id\":8}", () -> c.directCosts().createItem(REF, in));
        check("PATCH", "/rest/v1.1/projects/" + P + "/direct_costs/7", q(), "{\"direct_cost\":" + db + "}", "{\"id\":7}",
                () -> c.directCosts().update(REF, 7, in));
        check("PATCH", base + "/7", q(), "{\"item\":" + db + "}", "{\"id\":7}", () -> c.directCosts().updateItem(REF, 7, in));
        run("DELETE", base + "/7", q(), null, () -> c.directCosts().delete(REF, 7));
        check("GET", base + "/7/line_items", q(), null, "[{\"id\":1,\"amount\":\"412.50\"}]", () -> c.directCosts().lineItems(REF, 7));
        ContractLineItemInput l10 = new ContractLineItemInput(null, new BigDecimal("12.00"), 80598390L, 47L, null, "fuel", null, null, null,
                null, null, null, null);
        run("DELETE", base + "/7/line_items/2", q(), null, () -> c.directCosts().deleteLineItem(REF, 7, 2));
        check("POST", base + "/7/line_items", q(), "{\"line_item\":{\"amount\":12.00,\"cost_code_id\":80598390,\"line_item_type_id\":47,"
                + "\"description\":\"fuel\"}}", "{\"id\":2}", () -> c.directCosts().createLineItem(REF, 7, l10));
        check("PATCH", base + "/sync", q(), "{\"updates\":[" + db + "]}", "{\"entities\":[],\"errors\":[]}",
                () -> c.directCosts().sync(REF, List.of(in), 1000));
        DirectCostLineItemInput sl = new DirectCostLineItemInput(null, 7L, 9911L, null, null, null, new BigDecimal("1.10"), null, null, null,
                null, "fb-bill-4411#1", null, null);
        check("PATCH", base + "/line_items/sync", q(), "{\"updates\":[{\"direct_cost_id\":7,\"wbs_code_id\":9911,\"amount\":1.10,"
                + "\"origin_id\":\"fb-bill-4411#1\"}]}", "{\"entities\":[],\"errors\":[]}", () -> c.directCosts().syncLineItems(REF, List.of(sl), 1000));
        Assertions.assertThatThrownBy(() -> c.directCosts().create(REF, new DirectCostInput(null, "invoice", 1L, null, null, null, null,
                null, null, null, null, null, null, java.util.Collections.nCopies(101, sl)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhooks() {
        HookInput hook = new HookInput("v2", "ml-connector", "https://hooks.example/procore", Map.of("Authorization", "Bearer sekret"));
        String hb = "\"hook\":{\"api_version\":\"v2\",\"namespace\":\"ml-connector\",\"destination_url\":\"https://hooks.example/procore\","
                + "\"destination_headers\":{\"Authorization\":\"Bearer sekret\"}}";
        String hr = "{\"id\":77,\"api_version\":\"v2\",\"namespace\":\"ml-connector\",\"destination_headers\":{\"Authorization\":\"ekret\"},"
                + "\"owned_by_company_id\":" + C + "}";
        assertThat(check("POST", "/rest/v1.0/webhooks/hooks", q(), "{\"company_id\":" + C + "," + hb + "}", hr,
                () -> c.webhooks().createHook(HookScope.company(), hook)).toString()).doesNotContain("ekret");
        check("POST", "/rest/v1.0/webhooks/hooks", q(), "{\"project_id\":" + P + "," + hb + "}", hr,
                () -> c.webhooks().createHook(HookScope.project(REF), hook));
        assertThat(hook.toString()).doesNotContain("sekret");
        check("GET", "/rest/v1.0/webhooks/hooks", q("company_id", C, "namespace", "ml-connector"), null, "[" + hr + "]",
                () -> c.webhooks().listHooks(HookScope.company(), "ml-connector"));
        check("PATCH", "/rest/v1.0/webhooks/hooks/77", q(), "{\"company_id\":" + C + "," + hb + "}", hr,
                () -> c.webhooks().updateHook(HookScope.company(), 77, hook));
        run("DELETE", "/rest/v1.0/webhooks/hooks/77", q("project_id", P), null, () -> c.webhooks().deleteHook(HookScope.project(REF), 77));
        String tr = "{\"id\":5,\"webhook_hook_id\":77,\"resource_name\":\"Change Order Packages\",\"event_type\":\"update\"}";
        check("POST", "/rest/v1.0/webhooks/hooks/77/triggers", q(), "{\"company_id\":" + C + ",\"api_version\":\"v2\","
                + "\"trigger\":{\"resource_name\":\"Change Order Packages\",\"event_type\":\"update\"}}", tr,
                () -> c.webhooks().createTrigger(HookScope.company(), 77, "v2", new TriggerInput("Change Order Packages", "update")));
        assertThat(check("POST", "/rest/v1.0/webhooks/hooks/77/triggers/bulk", q(), "{\"company_id\":" + C + ",\"api_version\":\"v2\","
                + "\"triggers\":[{\"resource_name\":\"Direct Costs\",\"event_type\":\"create\"},{\"resource_name\":\"Direct Costs\","
                + "\"event_type\":\"update\"}]}", "{\"success\":[" + tr + "," + tr.replace("\"id\":5", "\"id\":6") + "]}",
                () -> c.webhooks().createTriggers(HookScope.company(), 77, "v2", List.of(new TriggerInput("Direct Costs", "create"),
                        new TriggerInput("Direct Costs", "update"))))).extracting(t -> t.id()).containsExactly(5L, 6L);
        run("DELETE", "/rest/v1.0/webhooks/hooks/77/triggers/bulk", q(), "{\"company_id\":" + C + ",\"triggers\":[5,6]}",
                () -> c.webhooks().deleteTriggers(HookScope.company(), 77, List.of(5L, 6L)));
        check("GET", "/rest/v1.0/webhooks/hooks/77/triggers", q("company_id", C), null, "[" + tr + "]",
                () -> c.webhooks().listTriggers(HookScope.company(), 77));
        run("DELETE", "/rest/v1.0/webhooks/hooks/77/triggers/5", q("company_id", C), null, () -> c.webhooks().deleteTrigger(HookScope.company(), 77, 5));
        List<WebhookDelivery> d = check("GET", "/rest/v1.0/webhooks/hooks/77/deliveries", q("company_id", C, "filters[status]", "failing",
                "page_size", "100"), null, "[{\"id\":55120931,\"event_id\":5982324300946918154,\"outcome\":\"failed\",\"response_status\":500,"
                        + "\"event\":{\"id\":5982324300946918154,\"ulid\":\"01JMYXMZRBVKK0PC6XS8SA4QRE\",\"timestamp\":\"2026-11-24T10:15:01.953581Z\","
                        + "\"company_id\":" + C + ",\"project_id\":" + P + ",\"api_version\":\"v2\",\"event_type\":\"update\","
                        + "\"resource_name\":\"Purchase Order Contracts\",\"resource_id\":786001}}]",
                () -> c.webhooks().deliveries(HookScope.company(), 77, "failing", 100).toList());
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.eventId()).isEqualTo(5982324300946918154L);
            assertThat(x.event().id()).isEqualTo("5982324300946918154");
            assertThat(x.event().resourceId()).isEqualTo(786001L);
        });
        check("GET", "/rest/v1.0/webhooks/resources", q("project_id", P), null, "[]", () -> c.webhooks().resources(HookScope.project(REF), null));
        check("GET", "/rest/v2.0/companies/" + C + "/webhooks/resources", q("payload_version", "v2", "page", "1", "per_page", "100"), null, "{\"data\":[]}",
                () -> c.webhooks().resources(HookScope.company(), "v2"));
    }

    @Test
    void patchesMissingAFieldTheSpecRequires_areRefusedBeforeAnyRequest() {
        wm.resetAll();
        VendorInput noName = new VendorInput(null, null, null, null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null);
        Assertions.assertThatThrownBy(() -> c.vendors().update(3968037, noName))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendor.name");
        Assertions.assertThatThrownBy(() -> c.costCodes().update(REF, 80598390,
                        new CostCodeInput(null, null, "Concrete", null, null, null, "cc-1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost_code.code");
        Assertions.assertThatThrownBy(() -> c.costCodes().update(REF, 80598390,
                        new CostCodeInput(null, "300", " ", null, null, null, "cc-1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost_code.name");
        Assertions.assertThatThrownBy(() -> c.requisitions().updateBillingPeriod(REF, 5,
                        new BillingPeriodInput(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), null, "open")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("billing_period.due_date");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void undocumentedFilters_areRefusedBeforeAnyRequest() {
        wm.resetAll();
        Assertions.assertThatThrownBy(() -> c.costCodes().list(REF, ListOptions.updatedBetween(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updated_at");
        Assertions.assertThatThrownBy(() -> c.changeOrders().packages(REF, ListOptions.originId("x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin_id");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
