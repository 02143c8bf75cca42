package io.mlconnector.procore.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.CurrencyMismatchException;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.EditNotAllowedException;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.support.WireMockProcore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcoreProjectSystemTest extends WireMockProcore {
    private static final String PO_LIST = """
            [{"id": 786001, "number": "PO-007", "title": "Rebar", "status": "Approved", "requisitions_are_enabled": true,
              "vendor": {"id": 3968037, "company": "Acme"}, "updated_at": "2026-11-21T08:02:44Z"},
             {"id": 786002, "number": "PO-008", "status": "Draft", "vendor": {"id": 3968037, "company": "Acme"}}]""";
    private static final String WO_LIST = """
            [{"id": 55, "number": "SC-001", "status": "Approved", "requisitions_are_enabled": false, "vendor": {"id": 111}}]""";
    private static final String PO_DETAIL = """
            {"id": 786001, "number": "PO-007", "title": "Rebar", "status": "Approved", "requisitions_are_enabled": true,
             "vendor": {"id": 3968037, "company": "Acme"}, "currency_configuration": {"currency_iso_code": "USD"},
             "line_items": [
               {"id": 5175960, "amount": "50000.0", "total_amount": 50000.0, "description": "Rebar #5",
                "cost_code": {"id": 80598390, "full_code": "03-300"}, "line_item_type": {"id": 47, "code": "M"}},
               {"id": 5175961, "amount": "1000.00", "description": "Labor", "wbs_code": {"id": 9912, "flat_code": "03-400.L"}}]}""";
    private static final String PERIODS = """
            [{"id": 117329, "status": "closed", "start_date": "2026-10-01", "end_date": "2026-10-31"},
             {"id": 117330, "status": "open", "start_date": "2026-11-01", "end_date": "2026-11-30"}]""";

    private ProcoreClient client;
    private ProcoreProjectSystem system;

    @BeforeEach
    void setUp() {
        client = warmClient();
        system = ProcoreProjectSystem.builder(client).webhookNamespace("ml-connector").build();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/purchase_order_contracts")).willReturn(json(200, PO_LIST)));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/work_order_contracts")).willReturn(json(200, WO_LIST)));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/purchase_order_contracts/786001")).willReturn(json(200, PO_DETAIL)));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/billing_periods")).willReturn(json(200, PERIODS)));
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static RequisitionDraft bill(String origin, LocalDate date, AllocatedLine... lines) {
        Money total = java.util.Arrays.stream(lines).map(AllocatedLine::amount).reduce(Money::plus).orElse(usd("0"));
        return new RequisitionDraft(origin, "786001", "FB-4411", date, null, null, List.of(lines), total, "FreshBooks bill 4411");
    }

    private int requests() {
        return wm.getAllServeEvents().size();
    }

    @Test
    void portIdentity() {
        assertThat(system.system()).isEqualTo("procore");
        assertThat(system.companyId()).isEqualTo(COMPANY);
        assertThat(system.applicationId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void findCommitment_picksTheApprovedBillableOne_withExactLines_andIsCached() {
        Commitment c = system.findCommitment(REF, "3968037").orElseThrow();

        assertThat(c.id()).isEqualTo("786001");
        assertThat(c.vendorId()).isEqualTo("3968037");
        assertThat(c.requisitionsEnabled()).isTrue();
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.lines()).hasSize(2);
        assertThat(c.lines().get(0).costCode()).isEqualTo("03-300");
        assertThat(c.lines().get(0).costType()).isEqualTo("M");
        assertThat(c.lines().get(0).scheduledValue()).isEqualTo(new Money(new BigDecimal("50000.0"), "USD"));
        assertThat(c.lines().get(1).costCode()).isEqualTo("03-400");
        assertThat(c.lines().get(1).costType()).isEqualTo("L");
        assertThat(system.findCommitment(REF, "111")).isEmpty(); // approved but requisitions disabled
        int after = requests();
        system.findCommitment(REF, "3968037");
        assertThat(requests()).isEqualTo(after);
    }

    @Test
    void createRequisition_postsItemsOnTheSovLinesByCostCode_andWhenWarmCostsOneWrite() {
        wm.stubFor(post(urlPathEqualTo("/rest/v1.1/requisitions")).willReturn(json(201,
                "{\"id\": 1280646, \"status\": \"draft\", \"origin_id\": \"fb:1:bill:44\", \"total_claimed_amount\": \"1284.57\"}")));
        RequisitionDraft draft = bill("fb:1:bill:44", LocalDate.of(2026, 11, 18),
                new AllocatedLine(1, "03-300", "M", null, "bars", usd("1000.10")),
                new AllocatedLine(2, "03-300", "M", null, "ties", usd("234.47")),
                new AllocatedLine(3, "03-400", null, null, "labor", usd("50.00")));

        PostedObject posted = system.createRequisition(REF, draft);

        assertThat(posted.kind()).isEqualTo(TargetKind.REQUISITION);
        assertThat(posted.id()).isEqualTo("1280646");
        assertThat(posted.originId()).isEqualTo("fb:1:bill:44");
        assertThat(posted.total()).isEqualTo(new Money(new BigDecimal("1284.57"), "USD"));
        assertThat(posted.editable()).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.1/requisitions"))
                .withHeader("Procore-Company-Id", equalTo(String.valueOf(COMPANY)))
                .withRequestBody(equalToJson("""
                        {"project_id": %d, "commitment_id": 786001, "requisition": {"period_id": 117330,
                         "requisition_start": "2026-11-01", "requisition_end": "2026-11-30", "billing_date": "2026-11-18",
                         "invoice_number": "FB-4411", "comment": "FreshBooks bill 4411", "origin_id": "fb:1:bill:44",
                         "items": [{"item_type": "contract_item", "line_item_id": 5175960, "work_completed_this_period": "1234.57"},
                                   {"item_type": "contract_item", "line_item_id": 5175961, "work_completed_this_period": "50.00"}]}}"""
                        .formatted(PROJECT), false, false)));

        wm.resetRequests();
        system.createRequisition(REF, bill("fb:1:bill:45", LocalDate.of(2026, 11, 19),
                new AllocatedLine(1, "03-300", "M", null, "bars", usd("10.00"))));
        assertThat(requests()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/rest/v1.1/requisitions")));
    }

    @Test
    void createRequisition_refusedForAPeriodThatAlreadyHoldsAnInvoice_isAPostingBlockedForAPersonToFix() {
        wm.stubFor(post(urlPathEqualTo("/rest/v1.1/requisitions")).willReturn(json(422,
                "{\"errors\":{\"period_id\":[\"already has a subcontractor invoice for this commitment\"]}}")));

        assertThatThrownBy(() -> system.createRequisition(REF, bill("fb:1:bill:47", LocalDate.of(2026, 11, 20),
                new AllocatedLine(1, "03-300", "M", null, "bars", usd("10.00")))))
                .isInstanceOf(io.mlconnector.core.port.PostingBlockedException.class)
                .hasMessageContaining("one invoice per commitment per billing period")
                .hasMessageContaining("117330");
    }

    @Test
    void createRequisition_createsABillingPeriodForTheMonth_whenNoneCoversTheBillDate() {
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/billing_periods")).willReturn(json(201,
                "{\"id\": 117331, \"status\": \"open\", \"start_date\": \"2026-12-01\", \"end_date\": \"2026-12-31\"}")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.1/requisitions")).willReturn(json(201, "{\"id\": 9, \"status\": \"draft\"}")));

        system.createRequisition(REF, bill("fb:1:bill:46", LocalDate.of(2026, 12, 5),
                new AllocatedLine(1, "03-300", null, "5175960", "x", usd("1.00"))));

        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/billing_periods")).withRequestBody(equalToJson(
                "{\"billing_period\":{\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-31\",\"due_date\":\"2026-12-31\",\"status\":\"open\"}}")));
        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.1/requisitions"))
                .withRequestBody(equalToJson("{\"requisition\":{\"period_id\":117331}}", false, true)));
    }

    @Test
    void createRequisition_refusesUnmappableLines_andMixedCurrencies_beforeAnyWrite() {
        assertThatThrownBy(() -> system.createRequisition(REF, bill("o1", LocalDate.of(2026, 11, 18),
                new AllocatedLine(1, "09-999", null, null, "?", usd("5.00")))))
                .isInstanceOf(UnresolvedReferenceException.class).hasMessageContaining("09-999");
        assertThatThrownBy(() -> system.createRequisition(REF, new RequisitionDraft("o2", "786001", "X", LocalDate.of(2026, 11, 18),
                null, null, List.of(new AllocatedLine(1, "03-300", null, null, "x", Money.of("5.00", "CAD"))), Money.of("5.00", "CAD"), "d")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> system.createRequisition(REF, bill("o3", LocalDate.of(2026, 11, 18),
                new AllocatedLine(1, "03-300", null, "999", "x", usd("5.00"))))).isInstanceOf(UnresolvedReferenceException.class);
        wm.verify(0, postRequestedFor(urlPathEqualTo("/rest/v1.1/requisitions")));
    }

    @Test
    void updateRequisition_patchesHeaderAndOnlyChangedItems_andA422IsEditNotAllowed() {
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/requisitions/1280646")).willReturn(json(200, "{\"id\":1280646,\"status\":\"draft\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/requisitions/1280646/contract_items")).willReturn(json(200,
                "[{\"id\":1,\"line_item_id\":5175960,\"work_completed_this_period\":\"1234.57\"},"
                        + "{\"id\":2,\"line_item_id\":5175961,\"work_completed_this_period\":\"0.00\"}]")));
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/requisitions/1280646/contract_items/2")).willReturn(json(200, "{\"id\":2}")));

        system.updateRequisition(REF, "1280646", bill("fb:1:bill:44", LocalDate.of(2026, 11, 18),
                new AllocatedLine(1, "03-300", "M", null, "bars", usd("1234.570")),
                new AllocatedLine(2, "03-400", null, null, "labor", usd("75.25"))));

        wm.verify(patchRequestedFor(urlPathEqualTo("/rest/v1.0/requisitions/1280646")).withRequestBody(equalToJson(
                "{\"project_id\":" + PROJECT + ",\"commitment_id\":786001,\"requisition\":{\"billing_date\":\"2026-11-18\","
                        + "\"invoice_number\":\"FB-4411\",\"comment\":\"FreshBooks bill 4411\"}}")));
        wm.verify(1, patchRequestedFor(urlPathEqualTo("/rest/v1.0/requisitions/1280646/contract_items/2"))
                .withQueryParam("project_id", equalTo(String.valueOf(PROJECT)))
                .withRequestBody(equalToJson("{\"requisition_contract_item\":{\"work_completed_this_period\":\"75.25\"}}")));
        wm.verify(0, patchRequestedFor(urlPathEqualTo("/rest/v1.0/requisitions/1280646/contract_items/1")));

        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/requisitions/1280646")).willReturn(json(422,
                "{\"errors\":{\"base\":[\"Invoice is approved and can no longer be edited\"]}}")));
        assertThatThrownBy(() -> system.updateRequisition(REF, "1280646", bill("fb:1:bill:44", LocalDate.of(2026, 11, 18),
                new AllocatedLine(1, "03-300", "M", null, "bars", usd("1.00")))))
                .isInstanceOf(EditNotAllowedException.class).hasMessageContaining("can no longer be edited");
    }

    @Test
    void createDirectCost_resolvesWbsCodes_once_andPostsHeaderAndLinesInOneCall() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/work_breakdown_structure/wbs_codes")).willReturn(json(200,
                "[{\"id\":9911,\"flat_code\":\"03-300.M\"},{\"id\":9913,\"flat_code\":\"01-100.O\"}]")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs")).willReturn(json(201,
                "{\"id\":7001,\"status\":\"approved\",\"grand_total\":\"412.55\",\"origin_id\":\"fb:1:bill:50\"}")));
        DirectCostDraft draft = new DirectCostDraft("fb:1:bill:50", "3968037", "B-50", LocalDate.of(2026, 11, 18), null,
                List.of(new AllocatedLine(1, "03-300", "m", null, "rebar", usd("400.05")),
                        new AllocatedLine(2, "01-100", "O", null, "fuel", usd("12.50"))), usd("412.55"), "FreshBooks bill 50");

        PostedObject p = system.createDirectCost(REF, draft);

        assertThat(p.total()).isEqualTo(new Money(new BigDecimal("412.55"), "USD"));
        assertThat(p.editable()).isFalse();
        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs")).withRequestBody(equalToJson("""
                {"direct_cost": {"direct_cost_type": "invoice", "vendor_id": 3968037, "invoice_number": "B-50", "status": "approved",
                 "direct_cost_date": "2026-11-18", "received_date": "2026-11-18", "description": "FreshBooks bill 50",
                 "origin_id": "fb:1:bill:50", "line_items": [
                   {"wbs_code_id": 9911, "manual_amount": 400.05, "description": "rebar", "origin_id": "fb:1:bill:50#1"},
                   {"wbs_code_id": 9913, "manual_amount": 12.50, "description": "fuel", "origin_id": "fb:1:bill:50#2"}]}}""",
                false, false)));

        wm.resetRequests();
        system.createDirectCost(REF, draft);
        assertThat(requests()).isEqualTo(1);

        assertThatThrownBy(() -> system.createDirectCost(REF, new DirectCostDraft("o", "3968037", "B", LocalDate.of(2026, 11, 18), null,
                List.of(new AllocatedLine(1, "99-999", "X", null, "?", usd("1"))), usd("1"), "d")))
                .isInstanceOf(UnresolvedReferenceException.class).hasMessageContaining("99-999");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs")));
    }

    @Test
    void updateDirectCost_leavesExactlyTheBillsNumberAndLines_andA422IsEditNotAllowed() {
        String base = "/rest/v1.0/projects/" + PROJECT + "/direct_costs";
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/work_breakdown_structure/wbs_codes")).willReturn(json(200,
                "[{\"id\":9911,\"flat_code\":\"03-300.M\"},{\"id\":9913,\"flat_code\":\"01-100.O\"}]")));
        wm.stubFor(patch(urlPathEqualTo(base + "/7001")).willReturn(json(200,
                "{\"id\":7001,\"status\":\"pending\",\"grand_total\":\"20.00\",\"invoice_number\":\"B-50-rev\"}")));
        // in Procore: line 1 (ours, amount changed), line 2 (ours, removed from the bill), line 3 (added by a person)
        wm.stubFor(get(urlPathEqualTo(base + "/7001/line_items")).willReturn(json(200, """
                [{"id": 1, "amount": "15.00", "wbs_code": {"id": 9911, "flat_code": "03-300.M"}, "description": "rebar", "origin_id": "fb:1:bill:50#1"},
                 {"id": 2, "amount": "5.00", "wbs_code": {"id": 9913, "flat_code": "01-100.O"}, "description": "fuel", "origin_id": "fb:1:bill:50#2"},
                 {"id": 3, "amount": "1.00", "wbs_code": {"id": 9913, "flat_code": "01-100.O"}, "description": "extra"}]""")));
        wm.stubFor(patch(urlPathEqualTo(base + "/line_items/sync")).willReturn(json(200,
                "{\"entities\":[{\"id\":1,\"amount\":\"20.00\"}],\"errors\":[]}")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(base + "/7001/line_items/2")).willReturn(json(204, "")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(base + "/7001/line_items/3")).willReturn(json(204, "")));
        DirectCostDraft draft = new DirectCostDraft("fb:1:bill:50", "3968037", "B-50-rev", LocalDate.of(2026, 11, 18), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "rebar", usd("20.00"))), usd("20.00"), "d");

        system.updateDirectCost(REF, "7001", draft);

        // the v1.0 update carries invoice_number (the v1.1 one has no such field: RestV11ProjectsProjectIdDirectCostsIdPatch)
        wm.verify(patchRequestedFor(urlPathEqualTo(base + "/7001")).withRequestBody(equalToJson(
                "{\"item\":{\"vendor_id\":3968037,\"invoice_number\":\"B-50-rev\",\"direct_cost_date\":\"2026-11-18\","
                        + "\"received_date\":\"2026-11-18\",\"description\":\"d\"}}")));
        wm.verify(0, patchRequestedFor(urlPathEqualTo("/rest/v1.1/projects/" + PROJECT + "/direct_costs/7001")));
        wm.verify(patchRequestedFor(urlPathEqualTo(base + "/line_items/sync"))
                .withRequestBody(equalToJson("{\"updates\":[{\"id\":1,\"direct_cost_id\":7001,\"wbs_code_id\":9911,\"amount\":20.00,"
                        + "\"description\":\"rebar\",\"origin_id\":\"fb:1:bill:50#1\"}]}")));
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo(base + "/7001/line_items/2")));
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo(base + "/7001/line_items/3")));
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo(base + "/7001/line_items/1")));

        wm.stubFor(patch(urlPathEqualTo(base + "/7001")).willReturn(json(422,
                "{\"errors\":\"This record is locked because it is synced with an ERP system\"}")));
        assertThatThrownBy(() -> system.updateDirectCost(REF, "7001", draft)).isInstanceOf(EditNotAllowedException.class);
    }

    @Test
    void findByOrigin_ofAPaymentOnAContractCreatedSinceTheListsWereCached_readsThemAgain_soItIsNotPostedTwice() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200, "[{\"id\":22,\"status\":\"approved\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/work_order_contracts")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/purchase_order_contracts")).inScenario("po")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(200, "[]")).willSetStateTo("created elsewhere"));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/purchase_order_contracts")).inScenario("po")
                .whenScenarioStateIs("created elsewhere").willReturn(json(200, "[{\"id\":31,\"status\":\"Approved\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).withQueryParam("contract_id", equalTo("22"))
                .willReturn(json(200, "[]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).withQueryParam("contract_id", equalTo("31"))
                .willReturn(json(200, "[{\"id\":9,\"origin_id\":\"fb:1:bill_payment:5\",\"amount\":\"75.00\"}]")));

        // the first search read the (then empty) commitment list; another node then created PO 31 and paid on it
        assertThat(system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:4")).isEmpty();
        PostedObject found = system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:5").orElseThrow();

        assertThat(found.id()).isEqualTo("9");
    }

    @Test
    void findByOrigin_usesTheOriginFilterWhereOffered_andListsWhereNot() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/requisitions")).withQueryParam("filters[origin_id]", equalTo("fb:1:bill:44"))
                .willReturn(json(200, "[{\"id\":1280646,\"origin_id\":\"fb:1:bill:44\",\"status\":\"approved\","
                        + "\"commitment_id\":786001,\"total_claimed_amount\":\"1284.57\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/direct_costs")).withQueryParam("filters[origin_id]", equalTo("dc-1"))
                .willReturn(json(200, "[{\"id\":7001,\"origin_id\":\"dc-1\",\"status\":\"draft\",\"grand_total\":\"9.99\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("filters[origin_id]", equalTo("v-1"))
                .willReturn(json(200, "[{\"id\":3968037,\"origin_id\":\"v-1\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/payment_applications")).willReturn(json(200,
                "[{\"id\":1,\"origin_id\":\"null\"},{\"id\":2,\"origin_id\":\"fb:1:invoice:9\",\"status\":\"draft\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200, "[{\"id\":22,\"status\":\"approved\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).willReturn(json(200, "[]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/contract_payments")).withQueryParam("contract_id", equalTo("22")).willReturn(json(200,
                "[{\"id\":4,\"origin_id\":\"fb:1:payment:3\",\"amount\":\"250.00\"}]")));

        PostedObject req = system.findByOrigin(REF, TargetKind.REQUISITION, "fb:1:bill:44").orElseThrow();
        assertThat(req.id()).isEqualTo("1280646");
        assertThat(req.editable()).isFalse();
        assertThat(req.total()).as("in the commitment's currency").isEqualTo(new Money(new BigDecimal("1284.57"), "USD"));
        assertThat(system.findByOrigin(REF, TargetKind.DIRECT_COST, "dc-1").orElseThrow().total())
                .isEqualTo(new Money(new BigDecimal("9.99"), "USD"));
        assertThat(system.findByOrigin(null, TargetKind.VENDOR, "v-1").orElseThrow().id()).isEqualTo("3968037");
        assertThat(system.findByOrigin(REF, TargetKind.PAYMENT_APPLICATION, "fb:1:invoice:9").orElseThrow().id()).isEqualTo("2");
        assertThat(system.findByOrigin(REF, TargetKind.PAYMENT_APPLICATION, "null")).isEmpty();
        assertThat(system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "fb:1:payment:3").orElseThrow().total())
                .isEqualTo(new Money(new BigDecimal("250.00"), "USD"));
        assertThat(system.findByOrigin(REF, TargetKind.CONTRACT_PAYMENT, "nope")).isEmpty();
    }

    @Test
    void paymentApplication_onThePrimeContract_fillsMatchingLines() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200,
                "[{\"id\":22,\"status\":\"Approved\",\"currency_configuration\":{\"currency_iso_code\":\"USD\"}}]")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/prime_contracts/22/payment_applications")).willReturn(json(201, """
                {"id": 8, "status": "draft", "origin_id": "fb:1:invoice:9",
                 "g703": [{"id": 301, "cost_code": {"full_code": "03-300"}}, {"id": 302, "wbs_code": {"flat_code": "01-100.O"}}],
                 "g702": {"current_payment_due": "0.00"}}""")));
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/prime_contracts/22/payment_application_line_items/301")).willReturn(json(200, "{\"id\":301}")));
        PaymentApplicationDraft draft = new PaymentApplicationDraft("fb:1:invoice:9", "INV-9", LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(new AllocatedLine(1, "03-300", null, null, "work", usd("7000.01"))), usd("7000.01"), "FreshBooks invoice 9");

        PostedObject p = system.createPaymentApplication(REF, draft);

        assertThat(p.kind()).isEqualTo(TargetKind.PAYMENT_APPLICATION);
        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.0/prime_contracts/22/payment_applications")).withRequestBody(equalToJson(
                "{\"project_id\":" + PROJECT + ",\"payment_application\":{\"period_start\":\"2026-11-01\",\"period_end\":\"2026-11-30\","
                        + "\"billing_date\":\"2026-11-30\",\"invoice_number\":\"INV-9\",\"origin_id\":\"fb:1:invoice:9\"}}")));
        wm.verify(patchRequestedFor(urlPathEqualTo("/rest/v1.0/prime_contracts/22/payment_application_line_items/301")).withRequestBody(
                equalToJson("{\"project_id\":" + PROJECT + ",\"payment_application_line_item\":{\"work_completed_this_period\":\"7000.01\"}}")));
        wm.verify(0, patchRequestedFor(urlPathEqualTo("/rest/v1.0/prime_contracts/22/payment_application_line_items/302")));
    }

    @Test
    void contractPayment_linksTheRequisitionOnCommitmentsOnly_andMapsTheMethod() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200, "[{\"id\":22}]")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/contract_payments")).willReturn(json(201, "{\"id\":4,\"amount\":\"250.00\"}")));

        system.createContractPayment(REF, new ContractPaymentDraft("fb:1:bp:1", "786001", "1280646", "FB-4411", usd("250.00"),
                LocalDate.of(2026, 11, 20), "ACH"));
        system.createContractPayment(REF, new ContractPaymentDraft("fb:1:ip:2", "22", "8", "INV-9", usd("99.00"),
                LocalDate.of(2026, 11, 21), "Check"));

        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.0/contract_payments")).withRequestBody(equalToJson(
                "{\"project_id\":" + PROJECT + ",\"contract_id\":786001,\"contract_payment\":{\"date\":\"2026-11-20\",\"amount\":\"250.00\","
                        + "\"invoice_number\":\"FB-4411\",\"payment_method\":\"electronic\",\"requisition_id\":1280646,\"origin_id\":\"fb:1:bp:1\"}}")));
        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.0/contract_payments")).withRequestBody(equalToJson(
                "{\"project_id\":" + PROJECT + ",\"contract_id\":22,\"contract_payment\":{\"date\":\"2026-11-21\",\"amount\":\"99.00\","
                        + "\"invoice_number\":\"INV-9\",\"payment_method\":\"check\",\"origin_id\":\"fb:1:ip:2\"}}")));
    }

    @Test
    void contractPayment_withoutContractId_goesOnTheProjectsPrimeContract() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/prime_contracts")).willReturn(json(200,
                "[{\"id\":21,\"status\":\"draft\"},{\"id\":22,\"status\":\"approved\"}]")));
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/contract_payments")).willReturn(json(201, "{\"id\":5,\"amount\":\"99.00\"}")));

        system.createContractPayment(REF, new ContractPaymentDraft("fb:1:payment:3", null, "8", "INV-9", usd("99.00"),
                LocalDate.of(2026, 11, 21), "Check"));

        wm.verify(postRequestedFor(urlPathEqualTo("/rest/v1.0/contract_payments")).withRequestBody(equalToJson(
                "{\"project_id\":" + PROJECT + ",\"contract_id\":22,\"contract_payment\":{\"date\":\"2026-11-21\",\"amount\":\"99.00\","
                        + "\"invoice_number\":\"INV-9\",\"payment_method\":\"check\",\"origin_id\":\"fb:1:payment:3\"}}")));
    }

    @Test
    void fetchChangeOrder_package_withLinesFromItsCommitmentChangeOrder_exactAmounts() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/change_order_packages/1708957")).willReturn(json(200, """
                {"id": 1708957, "contract_id": 786001, "number": "001", "revision": 2, "title": "Extra rebar", "status": "approved",
                 "executed": true, "grand_total": "5000.10", "signed_change_order_received_date": "2026-11-08",
                 "currency_configuration": {"currency_iso_code": "USD"}, "updated_at": "2026-11-08T14:03:00Z", "origin_id": null}""")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/commitment_change_orders"))
                .withQueryParam("filters[legacy_package_id]", equalTo("1708957")).willReturn(json(200, "[{\"id\":31,\"legacy_package_id\":1708957}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/commitment_change_orders/31/line_items"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"amount\":\"4000.05\",\"description\":\"bars\",\"wbs_code\":{\"id\":\"9911\","
                        + "\"flat_code\":\"03-300.M\"}},{\"id\":\"2\",\"amount\":\"1000.05\",\"cost_code\":{\"full_code\":\"03-400\"}}]}")));

        ChangeOrder co = system.fetchChangeOrder(REF, "1708957");

        assertThat(co.ref()).isEqualTo(new ExternalRef("procore", "change_order_package", "1708957"));
        assertThat(co.approved()).isTrue();
        assertThat(co.voided()).isFalse();
        assertThat(co.revision()).isEqualTo(2);
        assertThat(co.contractId()).isEqualTo("786001");
        assertThat(co.amount()).isEqualTo(new Money(new BigDecimal("5000.10"), "USD"));
        assertThat(co.date()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(co.version()).isEqualTo("2026-11-08T14:03:00Z");
        assertThat(co.sourceApplicationId()).isNull();
        assertThat(co.lines()).extracting(l -> l.costCode() + "/" + l.costType() + "=" + l.amount().amount().toPlainString())
                .containsExactly("03-300/M=4000.05", "03-400/null=1000.05");
    }

    @Test
    void fetchChangeOrder_linesAnswering404_isRetryable_notMistakenForADeletedChangeOrder() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/change_order_packages/1708957")).willReturn(json(200,
                "{\"id\":1708957,\"status\":\"approved\",\"grand_total\":\"5000.10\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/commitment_change_orders"))
                .willReturn(json(200, "[{\"id\":31,\"legacy_package_id\":1708957}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/commitment_change_orders/31/line_items"))
                .willReturn(json(404, "{\"error\":\"Not Found\"}")));

        assertThatThrownBy(() -> system.fetchChangeOrder(REF, "1708957"))
                .isInstanceOf(io.mlconnector.procore.adapter.IncompleteObjectException.class)
                .isNotInstanceOf(io.mlconnector.core.error.NotFoundException.class)
                .satisfies(e -> assertThat(((io.mlconnector.core.error.ConnectorException) e).isRetryable()).isTrue());
    }

    @Test
    void fetchChangeOrder_commitmentChangeOrder_void() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/commitment_change_orders/31")).willReturn(json(200,
                "{\"id\":31,\"contract_id\":786001,\"number\":\"002\",\"status\":\"void\",\"grand_total\":\"-12.34\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/commitment_change_orders/31/line_items"))
                .willReturn(json(200, "{\"data\":[]}")));

        ChangeOrder co = system.fetchChangeOrder(REF, "commitment_change_order:31");

        assertThat(co.ref().type()).isEqualTo("commitment_change_order");
        assertThat(co.voided()).isTrue();
        assertThat(co.approved()).isFalse();
        assertThat(co.amount()).isEqualTo(new Money(new BigDecimal("-12.34"), "USD"));
    }

    @Test
    void fetchCostUpdate_directCostAndBudgetChange() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/work_breakdown_structure/wbs_codes")).willReturn(json(200,
                "[{\"id\":9911,\"flat_code\":\"03-300.M\"},{\"id\":9913,\"flat_code\":\"01-100.O\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/direct_costs/7001")).willReturn(json(200,
                "{\"id\":7001,\"status\":\"approved\",\"direct_cost_date\":\"2026-11-18\",\"grand_total\":\"30.30\",\"description\":\"fuel\","
                        + "\"currency_configuration\":{\"currency_iso_code\":\"CAD\"},\"updated_at\":\"2026-11-19T00:00:00Z\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/direct_costs/7001/line_items")).willReturn(json(200,
                "[{\"id\":1,\"amount\":\"10.10\",\"cost_code\":{\"full_code\":\"01-100\"},\"line_item_type\":{\"code\":\"O\"}},"
                        + "{\"id\":2,\"total_amount\":20.2,\"wbs_code\":{\"flat_code\":\"03-300.M\"}}]")));
        CostUpdate dc = system.fetchCostUpdate(REF, CostUpdateKind.DIRECT_COST, "7001");
        assertThat(dc.total()).isEqualTo(new Money(new BigDecimal("30.30"), "CAD"));
        assertThat(dc.lines()).extracting(l -> l.costCode() + "/" + l.costType() + "=" + l.amount())
                .containsExactly("01-100/O=10.10 CAD", "03-300/M=20.2 CAD");
        assertThat(dc.date()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(dc.voided()).isFalse();

        // the show lists no adjustment lines; they come from the REST v2 project list (…BudgetChangesAdjustmentLineItemsGet)
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/budget_changes/12")).willReturn(json(200,
                "{\"data\":{\"id\":12,\"title\":\"Transfer\",\"status\":\"approved\"}}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/budget_changes/adjustment_line_items"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"wbs_code_id\":\"9911\",\"amount\":4500,\"budget_change_id\":\"12\","
                        + "\"budget_change_status\":\"approved\"},{\"id\":\"2\",\"wbs_code_id\":\"9913\",\"amount\":-4500.5,"
                        + "\"budget_change_id\":\"12\",\"budget_change_status\":\"approved\"},{\"id\":\"3\",\"wbs_code_id\":\"9911\","
                        + "\"amount\":99,\"budget_change_id\":\"13\",\"budget_change_status\":\"draft\"}]}")));
        CostUpdate bc = system.fetchCostUpdate(REF, CostUpdateKind.BUDGET_CHANGE, "12");
        assertThat(bc.ref().type()).isEqualTo("budget_change");
        assertThat(bc.total().amount()).isEqualByComparingTo("-0.5");
        assertThat(bc.lines()).extracting(l -> l.costCode() + "/" + l.costType() + "=" + l.amount().amount().toPlainString())
                .containsExactly("03-300/M=4500", "01-100/O=-4500.5");
    }

    @Test
    void listChanged_usesAnUpdatedWindowWithATwoMinuteOverlap() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/change_order_packages")).willReturn(json(200,
                "[{\"id\":1,\"updated_at\":\"2026-11-24T09:59:00Z\"},{\"id\":2,\"deleted_at\":\"2026-11-24T09:58:00Z\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/direct_costs")).willReturn(json(200, "[{\"id\":7}]")));
        java.time.Instant since = START.minus(Duration.ofMinutes(30));

        List<ChangedRecord> cos = system.listChanged(REF, SourceStream.CHANGE_ORDERS, since);
        system.listChanged(REF, SourceStream.DIRECT_COSTS, since);

        assertThat(cos).containsExactly(new ChangedRecord(new ExternalRef("procore", "change_order_package", "1"), "2026-11-24T09:59:00Z", false),
                new ChangedRecord(new ExternalRef("procore", "change_order_package", "2"), null, true));
        String window = "2026-11-24T09:28:00Z...2026-11-24T10:00:00Z";
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/change_order_packages")).withQueryParam("project_id", equalTo(String.valueOf(PROJECT)))
                .withQueryParam("filters[updated_at]", equalTo(window)).withQueryParam("filters[include_deleted]", equalTo("with")));
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/projects/" + PROJECT + "/direct_costs")).withQueryParam("filters[updated_at]", equalTo(window)));
        assertThatThrownBy(() -> system.listChanged(REF, SourceStream.BILLS, since)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referenceLists_mapToTheNeutralModel() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).willReturn(json(200,
                "[{\"id\":3968037,\"name\":\"Acme\",\"origin_id\":\"fb-v-1\",\"origin_code\":\"V-1\",\"is_active\":true}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/companies/" + COMPANY + "/vendors/inactive")).willReturn(json(200,
                "[{\"id\":3968040,\"name\":\"Gone Ltd\",\"origin_id\":\"fb-v-9\",\"updated_at\":\"2026-11-20T00:00:00Z\"}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/cost_codes")).willReturn(json(200,
                "[{\"id\":80598390,\"full_code\":\"03-300\",\"name\":\"Concrete\",\"origin_id\":null}]")));
        // inactive vendors are listed apart by Procore (RestV10CompaniesCompanyIdVendorsInactiveGet) and come out inactive
        assertThat(system.listVendors()).containsExactly(new Vendor(new ExternalRef("procore", "vendor", "3968037"), "Acme", "fb-v-1",
                "V-1", true, null), new Vendor(new ExternalRef("procore", "vendor", "3968040"), "Gone Ltd", "fb-v-9", null, false,
                java.time.Instant.parse("2026-11-20T00:00:00Z")));
        assertThat(system.listCostCodes(REF)).singleElement().satisfies(cc -> {
            assertThat(cc.code()).isEqualTo("03-300");
            assertThat(cc.ref()).isEqualTo(new ExternalRef("procore", "cost_code", "80598390"));
        });
        assertThat(system.listProjects()).singleElement().satisfies(p -> assertThat(p.ref().id()).isEqualTo(String.valueOf(PROJECT)));
        // whole reference lists are read in pages of 1,000 (alignment of 10,000 vendors: ~10 calls, not ~100)
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("per_page", equalTo("1000")));
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/cost_codes")).withQueryParam("per_page", equalTo("1000")));
    }

    @Test
    void upsertVendors_batchesAndReportsFailuresAgainstTheSubmittedVendor() {
        wm.stubFor(patch(urlPathEqualTo("/rest/v1.0/vendors/sync")).willReturn(json(200,
                "{\"entities\":[{\"id\":1,\"name\":\"V0\",\"origin_id\":\"fb-v-0\"}],"
                        + "\"errors\":[{\"name\":\"V7\",\"origin_id\":\"fb-v-7\",\"errors\":{\"name\":[\"is too long\"]}}]}")));
        List<Vendor> vendors = IntStream.range(0, 1500).mapToObj(i -> new Vendor(null, "V" + i, "fb-v-" + i, null, true, null)).toList();

        BatchResult<Vendor> r = system.upsertVendors(vendors);

        wm.verify(2, patchRequestedFor(urlPathEqualTo("/rest/v1.0/vendors/sync")));
        assertThat(r.succeeded()).hasSize(2).allSatisfy(v -> assertThat(v.externalId()).isEqualTo("fb-v-0"));
        assertThat(r.failed()).hasSize(2).allSatisfy(f -> {
            assertThat(f.item()).isSameAs(vendors.get(7));
            assertThat(f.reason()).isEqualTo("name: is too long");
        });
        assertThatThrownBy(() -> system.upsertVendors(List.of(new Vendor(null, "x", null, null, true, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undeliveredEvents_readsFailingAndDiscardedDeliveries_deduplicated() {
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/webhooks/hooks")).willReturn(json(200, "[{\"id\":77,\"namespace\":\"ml-connector\"}]")));
        String event = "{\"id\":5982324300946918154,\"ulid\":\"01JMYXMZRBVKK0PC6XS8SA4QRE\",\"timestamp\":\"2026-11-24T09:15:01Z\","
                + "\"company_id\":" + COMPANY + ",\"project_id\":" + PROJECT + ",\"api_version\":\"v2\",\"event_type\":\"update\","
                + "\"resource_name\":\"Direct Costs\",\"resource_id\":7001}";
        String old = event.replace("2026-11-24T09:15:01Z", "2026-11-01T00:00:00Z").replace("01JMYXMZRBVKK0PC6XS8SA4QRE", "OLD");
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/webhooks/hooks/77/deliveries")).withQueryParam("filters[status]", equalTo("failing"))
                .willReturn(json(200, "[{\"id\":1,\"event_id\":5982324300946918154,\"outcome\":\"retried\",\"event\":" + event + "}]")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/webhooks/hooks/77/deliveries")).withQueryParam("filters[status]", equalTo("discarded"))
                .willReturn(json(200, "[{\"id\":2,\"outcome\":\"discarded\",\"event\":" + event + "},{\"id\":3,\"event\":" + old + "}]")));

        List<InboundEvent> events = system.undeliveredEvents(START.minus(Duration.ofDays(1)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(new ExternalRef("procore", "direct_cost", "7001"));
            assertThat(e.eventId()).isEqualTo("01JMYXMZRBVKK0PC6XS8SA4QRE");
            assertThat(e.routingKey()).isEqualTo(String.valueOf(COMPANY));
        });
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/webhooks/hooks")).withQueryParam("namespace", equalTo("ml-connector"))
                .withQueryParam("company_id", equalTo(String.valueOf(COMPANY))));
    }
}
