package io.mlconnector.procore.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.support.WireMockProcore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the shapes and rules of Procore's published spec (one operation per file, named in each test):
 * list shapes that differ from shows, required ids, unpaged lists, budget code patterns, inactive and deleted records.
 * Only the port is used, so each test also ran against the adapter before these fixes (and failed there).
 */
class ProcoreSpecConformanceTest extends WireMockProcore {
    private static final String DC = "/rest/v1.0/projects/" + PROJECT + "/direct_costs";
    private ProcoreProjectSystem system;

    @BeforeEach
    void setUp() {
        system = ProcoreProjectSystem.builder(warmClient()).build();
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private List<ServeEvent> requestsTo(String path) {
        return wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path)).toList();
    }

    @Test
    void directCostList_sendsTheVendorAsItsName_pollingAndOriginLookupReadIt() {
        // RestV10ProjectsProjectIdDirectCostsGet: "vendor": string (the show sends an object)
        String row = "{\"id\":7001,\"vendor\":\"Acme Concrete\",\"vendor_id\":3968037,\"origin_id\":\"fb:1:bill:50\","
                + "\"status\":\"approved\",\"grand_total\":\"412.55\",\"updated_at\":\"2026-11-24T09:59:00Z\"}";
        wm.stubFor(get(urlPathEqualTo(DC)).willReturn(json(200, "[" + row + "]")));

        List<ChangedRecord> changed = system.listChanged(REF, SourceStream.DIRECT_COSTS, START.minus(Duration.ofMinutes(5)));
        PostedObject found = system.findByOrigin(REF, TargetKind.DIRECT_COST, "fb:1:bill:50").orElseThrow();

        assertThat(changed).contains(new ChangedRecord(new ExternalRef("procore", "direct_cost", "7001"), "2026-11-24T09:59:00Z", false));
        assertThat(found.id()).isEqualTo("7001");
        assertThat(found.total()).isEqualTo(new Money(new BigDecimal("412.55"), "USD"));
    }

    @Test
    void contractPayment_isFoundByOriginOnItsContract_andEveryPaymentRequestNamesTheContract() {
        // RestV10ContractPaymentsGet: project_id and contract_id are both required
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200, "[{\"id\":22,\"status\":\"approved\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/purchase_order_contracts")).willReturn(json(200,
                "[{\"id\":786001,\"status\":\"Approved\",\"vendor\":{\"id\":3968037},\"currency_configuration\":{\"currency_iso_code\":\"CAD\"}}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/work_order_contracts")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).willReturn(json(400, "{\"errors\":\"contract_id is missing\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).withQueryParam("contract_id", equalTo("22"))
                .willReturn(json(200, "[]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).withQueryParam("contract_id", equalTo("786001"))
                .willReturn(json(200, "[{\"id\":4,\"contract_id\":786001,\"origin_id\":\"fb:1:bill_payment:7\",\"amount\":\"250.00\"},"
                        + "{\"id\":5,\"contract_id\":786001,\"origin_id\":\"fb:1:bill_payment:8\",\"amount\":\"1.00\"}]")));

        PostedObject found = system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:7").orElseThrow();

        assertThat(found.id()).isEqualTo("4");
        assertThat(found.total()).as("in its commitment's currency").isEqualTo(new Money(new BigDecimal("250.00"), "CAD"));
        assertThat(system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:99")).isEmpty();
        assertThat(requestsTo("/rest/v1.0/contract_payments")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getRequest().queryParameter("contract_id").isPresent()).isTrue();
            assertThat(e.getRequest().queryParameter("project_id").firstValue()).isEqualTo(String.valueOf(PROJECT));
        });
        // a payment seen once is looked up on its own contract only
        wm.resetRequests();
        assertThat(system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:8").orElseThrow().id()).isEqualTo("5");
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void paymentMethod_isMatchedByWholeWords_andFreshBooksTypesMapToProcoresValues() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200, "[{\"id\":22,\"status\":\"approved\"}]")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/contract_payments")).willReturn(json(201, "{\"id\":4,\"amount\":\"1.00\"}")));
        String[][] cases = {{"Cash", null}, {"ACH", "electronic"}, {"ach transfer", "electronic"}, {"Check", "check"},
                {"Wire", "electronic"}, {"Credit Card", "credit_card"}, {"VISA", "credit_card"}, {"Bank Transfer", "electronic"},
                {"Other", null}, {"Credit", null}, {"Cash (left at the site office)", null}, {"PayPal", "electronic"},
                {"Debit", "electronic"}, {"Cheque", "check"}};
        for (String[] c : cases) {
            wm.resetRequests();
            system.createContractPayment(REF, new ContractPaymentDraft("fb:1:payment:" + c[0], "22", null, "INV-1", usd("1.00"),
                    LocalDate.of(2026, 11, 21), c[0]));
            String body = wm.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                    .findFirst().orElseThrow().getRequest().getBodyAsString();
            if (c[1] == null) {
                assertThat(body).as(c[0]).doesNotContain("payment_method");
            } else {
                assertThat(body).as(c[0]).contains("\"payment_method\":\"" + c[1] + "\"");
            }
        }
    }

    @Test
    void budgetCodes_followTheCompanyPattern_andCostCodesMayHoldTheDelimiter() {
        // RestV10CompaniesCompanyIdWorkBreakdownStructurePatternsGet: segments with their own delimiter
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/companies/" + COMPANY + "/work_breakdown_structure/patterns")).willReturn(json(200, """
                {"id": 1, "segments": [
                  {"id": 1, "type": "sub_job", "position": 0, "delimiter": "/", "required": false},
                  {"id": 2, "type": "cost_code", "position": 1, "delimiter": "/", "required": true},
                  {"id": 3, "type": "line_item_type", "position": 2, "delimiter": "/", "required": true}]}""")));
        // RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet: codes with their segment items
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/work_breakdown_structure/wbs_codes")).willReturn(json(200, """
                [{"id": 9911, "flat_code": "03.300/M", "segment_items": [
                   {"id": 1, "code": "300", "path_code": "03.300", "segment": {"id": 2, "type": "cost_code"}},
                   {"id": 2, "code": "M", "path_code": "M", "segment": {"id": 3, "type": "line_item_type"}}]},
                 {"id": 9912, "flat_code": "03.400/L"}]""")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs")).willReturn(json(201,
                "{\"id\":7001,\"status\":\"approved\",\"grand_total\":\"10.00\"}")));
        wm.stubFor(get(urlPathEqualTo(DC + "/7002")).willReturn(json(200, """
                {"id": 7002, "status": "approved", "grand_total": "3.00", "line_items": [
                  {"id": 1, "amount": "1.00", "wbs_code": {"id": 9911, "flat_code": "03.300/M"}},
                  {"id": 2, "amount": "1.00", "wbs_code": {"id": 9912, "flat_code": "03.400/L"}},
                  {"id": 3, "amount": "1.00", "wbs_code": {"id": 5555, "flat_code": "SJ1/03.300/M"}}]}""")));

        system.createDirectCost(REF, new DirectCostDraft("fb:1:bill:60", "3968037", "B-60", LocalDate.of(2026, 11, 18), null,
                List.of(new AllocatedLine(1, "03.300", "M", null, "x", usd("10.00"))), usd("10.00"), "d"));
        CostUpdate read = system.fetchCostUpdate(REF, CostUpdateKind.DIRECT_COST, "7002");

        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs"))
                .withRequestBody(equalToJson("{\"direct_cost\":{\"line_items\":[{\"wbs_code_id\":9911}]}}", false, true)));
        assertThat(read.lines()).extracting(l -> l.costCode() + "|" + l.costType())
                .containsExactly("03.300|M", "03.400|L", "03.300|M");
    }

    @Test
    void budgetChanges_arePolledInOneUnpagedCall_withNoUndocumentedParameters_andFilteredHere() {
        // RestV10ProjectsProjectIdBudgetChangesGet: no filters, no paging; {"data":[…]}
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/budget_changes")).willReturn(json(200,
                "{\"data\":[{\"id\":12,\"updated_at\":\"2026-11-24T09:59:00Z\"},{\"id\":11,\"updated_at\":\"2026-10-01T00:00:00Z\"}]}")));

        List<ChangedRecord> changed = system.listChanged(REF, SourceStream.BUDGET_CHANGES, START.minus(Duration.ofMinutes(5)));

        assertThat(changed).containsExactly(new ChangedRecord(new ExternalRef("procore", "budget_change", "12"),
                "2026-11-24T09:59:00Z", false));
        List<ServeEvent> calls = requestsTo("/rest/v1.0/projects/" + PROJECT + "/budget_changes");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getRequest().getQueryParams().keySet()).isSubsetOf(Set.of("exclude_custom_fields"));
    }

    @Test
    void inactiveVendors_reachThePoller_asInactive() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).willReturn(json(200, "[]")));
        // RestV10CompaniesCompanyIdVendorsInactiveGet: the inactive vendors /vendors does not list
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/companies/" + COMPANY + "/vendors/inactive")).willReturn(json(200,
                "[{\"id\":3968040,\"name\":\"Gone Ltd\",\"updated_at\":\"2026-11-24T09:58:00Z\"},"
                        + "{\"id\":3968041,\"name\":\"Long gone\",\"updated_at\":\"2025-01-01T00:00:00Z\"}]")));

        List<ChangedRecord> changed = system.listChanged(null, SourceStream.VENDORS, START.minus(Duration.ofMinutes(5)));

        assertThat(changed).containsExactly(new ChangedRecord(new ExternalRef("procore", "vendor", "3968040"),
                "2026-11-24T09:58:00Z", false));
        assertThat(system.listVendors()).extracting(v -> v.ref().id() + ":" + v.active())
                .containsExactly("3968040:false", "3968041:false");
    }

    @Test
    void primeChangeOrderDeletions_areFoundBySweepingTheList_soTheFixedPriceMovesBack() {
        // no deleted filter and no documented webhook resource: a prime change order that stops being listed is gone
        system = ProcoreProjectSystem.builder(warmClient()).deletionSweepInterval(Duration.ofMinutes(10)).build();
        String pco = "/rest/v1.0/projects/" + PROJECT + "/prime_change_orders";
        wm.stubFor(get(urlPathEqualTo(pco)).willReturn(json(200, "[{\"id\":41},{\"id\":42}]")));
        assertThat(system.listChanged(REF, SourceStream.PRIME_CHANGE_ORDERS, START)).noneMatch(ChangedRecord::deleted);

        wm.stubFor(get(urlPathEqualTo(pco)).willReturn(json(200, "[{\"id\":41}]")));
        clock.advance(Duration.ofMinutes(11));

        assertThat(system.listChanged(REF, SourceStream.PRIME_CHANGE_ORDERS, START))
                .contains(new ChangedRecord(new ExternalRef("procore", "prime_change_order", "42"), null, true))
                .noneMatch(r -> r.deleted() && r.ref().id().equals("41"));
    }

    @Test
    void directCostDeletions_areFoundBySweepingTheList_andReportedAsDeleted() {
        // the direct cost lists have no deleted/include filter: a cost that stops being listed was deleted
        system = ProcoreProjectSystem.builder(warmClient()).deletionSweepInterval(Duration.ofMinutes(10)).build();
        wm.stubFor(get(urlPathEqualTo(DC)).willReturn(json(200, "[{\"id\":7001},{\"id\":7002}]")));
        assertThat(system.listChanged(REF, SourceStream.DIRECT_COSTS, START)).noneMatch(ChangedRecord::deleted);

        wm.stubFor(get(urlPathEqualTo(DC)).willReturn(json(200, "[{\"id\":7001}]")));
        clock.advance(Duration.ofMinutes(11));
        List<ChangedRecord> changed = system.listChanged(REF, SourceStream.DIRECT_COSTS, START);

        assertThat(changed).contains(new ChangedRecord(new ExternalRef("procore", "direct_cost", "7002"), null, true));
        assertThat(changed).noneMatch(r -> r.deleted() && r.ref().id().equals("7001"));
        // reported again on the next poll (the engine dedupes), so a failed poll does not lose it
        clock.advance(Duration.ofMinutes(1));
        assertThat(system.listChanged(REF, SourceStream.DIRECT_COSTS, START))
                .contains(new ChangedRecord(new ExternalRef("procore", "direct_cost", "7002"), null, true));
    }

    @Test
    void primeChangeOrders_areFetchedWithTheirLines_andPolledByUpdatedAt() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/prime_change_orders/41")).willReturn(json(200, """
                {"id": 41, "contract_id": 22, "number": "PCO-3", "revision": 1, "title": "Owner extras", "status": "approved",
                 "grand_total": "1500.25", "signed_change_order_received_date": "2026-11-10",
                 "currency_configuration": {"currency_iso_code": "USD"}, "updated_at": "2026-11-10T12:00:00Z"}""")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/prime_change_orders/41/line_items"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"amount\":\"1500.25\",\"description\":\"extras\","
                        + "\"wbs_code\":{\"id\":\"9911\",\"flat_code\":\"03-300.M\"}}]}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/prime_change_orders")).willReturn(json(200,
                "[{\"id\":41,\"updated_at\":\"2026-11-24T09:59:00Z\"}]")));

        ChangeOrder co = system.fetchPrimeChangeOrder(REF, "41");
        List<ChangedRecord> changed = system.listChanged(REF, SourceStream.PRIME_CHANGE_ORDERS, START.minus(Duration.ofMinutes(5)));

        assertThat(co.ref()).isEqualTo(new ExternalRef("procore", "prime_change_order", "41"));
        assertThat(co.approved()).isTrue();
        assertThat(co.voided()).isFalse();
        assertThat(co.contractId()).isEqualTo("22");
        assertThat(co.amount()).isEqualTo(new Money(new BigDecimal("1500.25"), "USD"));
        assertThat(co.date()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(co.lines()).extracting(l -> l.costCode() + "/" + l.costType() + "=" + l.amount().amount().toPlainString())
                .containsExactly("03-300/M=1500.25");
        assertThat(changed).containsExactly(new ChangedRecord(new ExternalRef("procore", "prime_change_order", "41"),
                "2026-11-24T09:59:00Z", false));
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/prime_change_orders"))
                .withQueryParam("filters[updated_at]", equalTo("2026-11-24T09:53:00Z...2026-11-24T10:00:00Z")));
    }

    @Test
    void aPrimeChangeOrderWithoutAGrandTotal_countsTheSumOfItsLines_notZero() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/prime_change_orders/42")).willReturn(json(200, """
                {"id": 42, "contract_id": 22, "title": "Owner extras", "status": "approved",
                 "currency_configuration": {"currency_iso_code": "USD"}, "updated_at": "2026-11-10T12:00:00Z"}""")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/prime_change_orders/42/line_items"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"amount\":\"1000.00\",\"wbs_code\":{\"id\":\"9911\","
                        + "\"flat_code\":\"03-300.M\"}},{\"id\":\"2\",\"amount\":\"250.50\",\"wbs_code\":{\"id\":\"9911\","
                        + "\"flat_code\":\"03-300.M\"}}]}")));

        ChangeOrder co = system.fetchPrimeChangeOrder(REF, "42");

        assertThat(co.amount()).isEqualTo(new Money(new BigDecimal("1250.50"), "USD"));
    }

    @Test
    void costCodeBudgets_areTheOriginalBudgetPlusApprovedAdjustments() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/budget_views")).willReturn(json(200, "[{\"id\":3,\"name\":\"Standard\"}]")));
        // RestV10BudgetViewsBudgetViewIdDetailRowsGet: wbs_code_id, cost_code as text, original_budget_amount
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/budget_views/3/detail_rows")).willReturn(json(200, """
                [{"id": 1, "wbs_code_id": 9911, "cost_code": "03-300 Concrete", "original_budget_amount": "120000.10"},
                 {"id": 2, "wbs_code_id": 9913, "cost_code": "01-100 General", "original_budget_amount": "5000.00"}]""")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/budget_changes/adjustment_line_items"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"wbs_code_id\":\"9911\",\"amount\":4500.05,\"budget_change_id\":\"12\","
                        + "\"budget_change_status\":\"approved\"},{\"id\":\"2\",\"wbs_code_id\":\"9913\",\"amount\":-4500.05,"
                        + "\"budget_change_id\":\"12\",\"budget_change_status\":\"approved\"},{\"id\":\"3\",\"wbs_code_id\":\"9911\","
                        + "\"amount\":99,\"budget_change_id\":\"13\",\"budget_change_status\":\"draft\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/work_breakdown_structure/wbs_codes")).willReturn(json(200,
                "[{\"id\":9911,\"flat_code\":\"03-300.M\"},{\"id\":9913,\"flat_code\":\"01-100.O\"}]")));

        List<CostCodeBudget> budgets = system.listCostCodeBudgets(REF);

        assertThat(budgets).containsExactly(
                new CostCodeBudget("03-300", "M", usd("120000.10"), usd("4500.05"), usd("124500.15")),
                new CostCodeBudget("01-100", "O", usd("5000.00"), usd("-4500.05"), usd("499.95")));
    }
}
