package io.mlconnector.procore.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.procore.internal.json.ProcoreJson;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads bodies written here in every shape the Procore fixtures document (ids as numbers or strings, money as
 * strings with varying scale or as numbers, uom as text or object, g702 vs summary, offsets in timestamps, dates
 * sent as timestamps, origin ids as numbers or "null"). The values are our own; the shapes are Procore's.
 */
class DocumentedShapesTest {
    private final ObjectMapper m = ProcoreJson.newObjectMapper();

    private <T> T read(String json, Class<T> type) throws Exception {
        return m.readValue(json, type);
    }

    @Test
    void me_andTokenInfo() throws Exception {
        Me me = read("{\"id\":7654321,\"login\":\"ap@builder.example\",\"name\":\"AP Robot\"}", Me.class);
        assertThat(me).isEqualTo(new Me(7654321L, "ap@builder.example", "AP Robot"));
        TokenInfo info = read("{\"resource_owner_id\":42,\"scopes\":[],\"expires_in_seconds\":5399,"
                + "\"application\":{\"uid\":\"abc123\"},\"created_at\":1700000000}", TokenInfo.class);
        assertThat(info.application().uid()).isEqualTo("abc123");
        assertThat(info.expiresInSeconds()).isEqualTo(5399L);
    }

    @Test
    void projectListElement_withStageText_andCreateAnswer_withStageObject() throws Exception {
        ProcoreProject listed = read("""
                {"id": 2468013579, "name": "Bridge", "display_name": "B-1 Bridge", "project_number": null,
                 "address": "1 River Rd", "city": "Reno", "state_code": "NV", "country_code": "US", "zip": "89501",
                 "county": null, "latitude": 39.52, "longitude": -119.81, "stage": "Pre-Construction", "phone": "",
                 "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-02-03T04:05:06Z", "active": true,
                 "origin_id": null, "origin_data": null, "company": {"id": 99, "name": "GC"}}""", ProcoreProject.class);
        assertThat(listed.id()).isEqualTo(2468013579L);
        assertThat(listed.stageName()).isEqualTo("Pre-Construction");
        assertThat(listed.company().id()).isEqualTo(99L);
        assertThat(listed.updatedAt()).isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));

        ProcoreProject created = read("""
                {"id": 11, "name": "Depot", "display_name": "D-9 - Depot", "project_number": "D-9", "active": true,
                 "square_feet": 1200, "estimated_start_date": "2024-05-01", "office": {"id": 5, "name": "HQ"},
                 "project_stage": {"id": 2, "name": "Bidding"}, "project_type": {"id": 3, "name": "Civil"},
                 "program": {"id": 4, "name": "P"}, "departments": [{"id": 1, "name": "Ops"}],
                 "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:01Z"}""", ProcoreProject.class);
        assertThat(created.stageName()).isEqualTo("Bidding");
        assertThat(created.estimatedStartDate()).isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void syncAnswers_createdByOriginId_andPartialError() throws Exception {
        SyncResult<ProcoreProject> ok = SyncBatches.parse(m.readTree("""
                {"entities": [{"id": 21, "name": "North", "origin_id": "fb-p-1", "active": true,
                               "project_stage": {"id": 3, "name": "Course of Construction"}, "departments": []},
                              {"id": 22, "name": "South", "origin_id": "fb-p-2"}],
                 "errors": []}"""), m, ProcoreProject.class);
        assertThat(ok.entities()).extracting(ProcoreProject::originId).containsExactly("fb-p-1", "fb-p-2");
        assertThat(ok.hasFailures()).isFalse();

        SyncResult<ProcoreProject> partial = SyncBatches.parse(m.readTree("""
                {"entities": [{"id": 21, "name": "North renamed"}],
                 "errors": [{"id": 0, "name": "Ghost", "errors": {"id": ["Entity with this ID not found"]}}]}"""),
                m, ProcoreProject.class);
        assertThat(partial.entities()).hasSize(1);
        assertThat(partial.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isZero();
            assertThat(f.submitted()).containsEntry("name", "Ghost");
            assertThat(f.fieldErrors()).containsEntry("id", List.of("Entity with this ID not found"));
            assertThat(f.message()).isEqualTo("id: Entity with this ID not found");
        });
    }

    @Test
    void requisition_withG702Block_numberAndPercentText() throws Exception {
        Requisition r = read("""
                {"id": 901, "billing_date": "2026-03-31", "commitment_id": 55, "invoice_number": 8812,
                 "origin_data": null, "origin_id": null, "percent_complete": "12.50%", "period_id": 77,
                 "status": "draft", "requisition_start": "2026-03-01", "requisition_end": "2026-03-31", "number": 3,
                 "g702": {"balance_to_finish_including_retainage": "800.10", "completed_work_retainage_percent": "5.00",
                          "completed_work_retainage_amount": "10.0", "contract_sum_to_date": "1000.00",
                          "current_payment_due": "190.00", "less_previous_certificates_for_payment": "0.00",
                          "net_change_by_change_orders": "0.0", "original_contract_sum": "1000.00",
                          "stored_materials_retainage_amount": "0.00", "stored_materials_retainage_percent": "5.00",
                          "total_completed_and_stored_to_date": "200.00", "total_earned_less_retainage": "190.00",
                          "total_retainage": "10.00"},
                 "attachments": []}""", Requisition.class);
        assertThat(r.invoiceNumber()).isEqualTo("8812");
        assertThat(r.number()).isEqualTo("3");
        assertThat(r.percentComplete()).isEqualTo("12.50%");
        assertThat(r.summary().currentPaymentDue()).isEqualByComparingTo("190.00");
        assertThat(r.summary().balanceToFinishIncludingRetainage()).isEqualTo(new BigDecimal("800.10"));

        Requisition current = read("{\"id\": 902, \"summary\": {\"current_payment_due\": \"5.5\"}, \"total_claimed_amount\": \"5.50\"}",
                Requisition.class);
        assertThat(current.summary().currentPaymentDue()).isEqualTo(new BigDecimal("5.5"));
    }

    @Test
    void requisitionItems_contractAndChangeOrderItems_andTheAddPackageArray() throws Exception {
        RequisitionItem contract = read("""
                {"id": 1001, "cost_code_id": 3003, "line_item_id": 4004, "description_of_work": "Framing",
                 "scheduled_value": "2500.00", "work_completed_from_previous_application": "0.00",
                 "work_completed_this_period": "300.25", "materials_presently_stored": "0.00",
                 "total_completed_and_stored_to_date": "300.25", "total_completed_and_stored_to_date_percent": "12.01",
                 "work_completed_retainage_from_previous_application": "0.00",
                 "work_completed_retainage_retained_this_period": "30.03",
                 "work_completed_retainage_percent_this_period": "10.00",
                 "materials_stored_retainage_currently_retained": "0.00",
                 "materials_stored_retainage_percent_this_period": "10.00",
                 "work_completed_retainage_released_this_period": "0.00",
                 "materials_stored_retainage_released_this_period": "0.00"}""", RequisitionItem.class);
        assertThat(contract.lineItemId()).isEqualTo(4004L);
        assertThat(contract.workCompletedThisPeriod()).isEqualTo(new BigDecimal("300.25"));

        List<RequisitionItem> added = List.of(m.readValue("""
                [{"id": 1, "cost_code_id": 9, "line_item_id": 10, "scheduled_value": "80.00",
                  "work_completed_this_period": "20.00", "scheduled_quantity": "4.0", "scheduled_unit_price": "20.0000",
                  "work_completed_this_period_quantity": "1.0", "change_order_package_id": 6006},
                 {"id": 2, "line_item_id": 11, "scheduled_value": "1.00", "change_order_package_id": 6006}]""",
                RequisitionItem[].class));
        assertThat(added).extracting(RequisitionItem::changeOrderPackageId).containsOnly(6006L);
        assertThat(added.get(0).scheduledUnitPrice()).isEqualTo(new BigDecimal("20.0000"));
    }

    @Test
    void budgetShapes_modificationWithNumericOriginId_adjustmentWithFloats_changeInDataEnvelope() throws Exception {
        BudgetModification mod = read("""
                {"id": 5, "created_at": "2025-01-01T00:00:00Z", "from_budget_line_item_id": 1,
                 "notes": "move", "origin_data": "x", "origin_id": 123456, "to_budget_line_item_id": 2,
                 "transfer_amount": "99.9", "updated_at": "2025-01-02T00:00:00Z"}""", BudgetModification.class);
        assertThat(mod.originId()).isEqualTo("123456");
        assertThat(mod.transferAmount()).isEqualTo(new BigDecimal("99.9"));

        BudgetChangeAdjustment adj = read("""
                {"id": 8, "ref": "r8", "adjustment_number": 2, "wbs_code": {"id": 12, "flat_code": "02-100.L",
                 "description": "Demo.Labor"}, "description": "more", "calculation_strategy": "manual", "quantity": 2,
                 "type": "budget_change", "uom": "hr", "unit_cost": 10.1, "amount": 20.2, "change_event_line_item_id": 9}""",
                BudgetChangeAdjustment.class);
        assertThat(adj.amount()).isEqualTo(new BigDecimal("20.2"));
        assertThat(adj.wbsCode().flatCode()).isEqualTo("02-100.L");

        BudgetLineItem bli = read("""
                {"id": 3, "original_budget_amount": 1000.5, "uom": "LS", "quantity": 1.0, "unit_cost": 1000.5,
                 "calculation_strategy": "automatic", "direct_costs": 0.35,
                 "cost_code": {"id": 1, "name": "Site", "code": "100", "full_code": "01-100"},
                 "division": {"id": 2, "name": "General", "full_code": "01"},
                 "line_item_type": {"id": 4, "name": "Labor"}, "currency_configuration": {"currency_iso_code": "CAD"}}""",
                BudgetLineItem.class);
        assertThat(bli.directCosts()).isEqualTo(new BigDecimal("0.35"));
        assertThat(bli.currencyConfiguration().currencyIsoCode()).isEqualTo("CAD");
    }

    @Test
    void wbsPattern_andSegmentItem() throws Exception {
        WbsPattern p = read("""
                {"id": 1, "segments": [{"id": 10, "name": "Sub Job", "type": "sub_job", "position": 0, "delimiter": ".",
                  "required": false, "segment_items_count": 0, "structure": "flat"},
                 {"id": 11, "name": "Cost Code", "type": "cost_code", "position": 1, "delimiter": ".", "required": true,
                  "segment_items_count": 3, "structure": "tiered"}]}""", WbsPattern.class);
        assertThat(p.segments()).extracting(WbsSegment::type).containsExactly("sub_job", "cost_code");
        WbsSegmentItem item = read("""
                {"code": "Q", "name": "Quality", "id": 5, "parent_id": null, "path_code": "Q", "path_ids": [5],
                 "path_codes": ["Q"], "path_names": ["Q"], "in_use": false,
                 "segment": {"id": 12, "name": "Phase", "type": "custom"}, "status": "active", "is_parent": false}""",
                WbsSegmentItem.class);
        assertThat(item.pathIds()).containsExactly(5L);
        assertThat(item.segment().type()).isEqualTo("custom");
    }

    @Test
    void erpVendor_andStandardCostCodeArray() throws Exception {
        ErpRequest vendorReq = read("""
                {"request_name": "create_vendor", "request_data": {"vendor": {"id": 70, "name": "Pipe Co",
                 "abbreviated_name": null, "address": "", "country_code": "US", "created_at": "2022-02-02T02:02:02Z",
                 "is_active": true, "origin_code": "PC-1", "origin_data": null, "origin_id": null,
                 "erp_custom_fields": {"vendor_type_origin_id": "t"}, "business_register": null, "attachments": []},
                 "request_detail_id": 4, "company_id": 8}}""", ErpRequest.class);
        ProcoreVendor v = vendorReq.part(m, "vendor", ProcoreVendor.class).orElseThrow();
        assertThat(v.originCode()).isEqualTo("PC-1");
        assertThat(v.isActive()).isTrue();

        ErpRequest scc = read("""
                {"request_name": "create_standard_cost_codes", "request_data": [{"id": 3, "standard_cost_code_list_id": 2,
                 "origin_id": null, "parent_id": 1, "code": "200", "full_code": "02-200", "name": "Grading",
                 "origin_data": null, "parent_origin_id": "p-1", "long_name_helper": [["02", "200"], ["A", "B"]],
                 "erp_custom_fields": {"income_account_origin_id": "i", "expense_account_origin_id": "e"},
                 "request_detail_id": 9}]}""", ErpRequest.class);
        assertThat(scc.parts(m, null, StandardCostCode.class)).extracting(StandardCostCode::fullCode).containsExactly("02-200");
    }

    @Test
    void erpCommitment_withOffsetsNullsAndStringQuantities() throws Exception {
        ErpRequest req = read("""
                {"request_name": "create_commitment", "request_data": {"job_id": "J-1", "request_detail_id": 1,
                 "commitment": {"id": 41, "accounting_method": "amount", "approved_change_orders": "0.0",
                  "created_at": "2021-06-01T09:30:00-07:00", "custom_fields": {"custom_field_3": {"data_type": "datetime",
                  "value": "2025-01-01T00:00:00Z"}}, "deleted_at": null, "executed": false, "grand_total": "1200.5",
                  "number": "SC-042", "private": true, "retainage_percent": null, "requisitions_are_enabled": null,
                  "status": "Approved", "title": "Drywall", "updated_at": "2021-06-01T16:31:00Z",
                  "vendor": {"id": 47, "company": "Walls Inc", "origin_data": null, "origin_id": "V-9"},
                  "project": {"id": 86, "name": "Tower", "origin_id": "P-1"}, "code": "777", "type": "WorkOrderContract"},
                 "commitment_items": [{"id": 177, "amount": "1200.5", "company": {"id": 9, "name": "GC"},
                  "cost_code": {"id": 1472, "name": "Drywall", "full_code": "09-250", "origin_id": "a|b", "code": "250",
                   "parent": {"id": 1471}, "line_item_types": [{"id": 47, "name": "Sub", "code": "S", "base_type": null}]},
                  "description": "Board", "extended_amount": "1200.5", "extended_type": "manual",
                  "holder": {"id": 41, "holder_type": "WorkOrderContract"},
                  "line_item_type": {"id": 47, "code": "S", "name": "Sub"}, "position": 1, "quantity": "0.0",
                  "tax_amount": "0.0", "tax_code": null, "total_amount": "1200.5", "unit_cost": "0.0", "uom": null}],
                 "additional_data": {"accounting_date": null}, "company_id": 7}}""", ErpRequest.class);
        CommitmentContract c = req.part(m, "commitment", CommitmentContract.class).orElseThrow();
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2021-06-01T16:30:00Z"));
        assertThat(c.type()).isEqualTo("WorkOrderContract");
        assertThat(c.requisitionsAreEnabled()).isNull();
        assertThat(c.vendor().displayName()).isEqualTo("Walls Inc");
        List<ContractLineItem> items = req.parts(m, "commitment_items", ContractLineItem.class);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo(new BigDecimal("1200.5"));
            assertThat(i.costCode().fullCode()).isEqualTo("09-250");
            assertThat(i.holder().holderType()).isEqualTo("WorkOrderContract");
        });
    }

    @Test
    void erpCommitmentChangeOrder_withDatesSentAsTimestamps() throws Exception {
        ErpRequest req = read("""
                {"request_name": "create_commitment_change_order", "request_data": {
                 "change_order": {"id": 3, "contract_id": 1, "number": 12, "status": "Approved", "title": "CO",
                  "due_date": "2021-10-19T19:17:54Z", "paid_date": "2021-10-20T01:00:00Z", "reviewed_at": "2021-10-19T19:17:54Z",
                  "origin_code": "co-1", "origin_id": null},
                 "change_order_items": [{"id": 188, "amount": "233.75", "commitment_line_item_id": 177,
                  "cost_code": {"id": 1, "full_code": "01-000"}, "line_item_type": {"id": 2, "code": "O"},
                  "total_amount": "233.75", "uom": null}]}}""", ErpRequest.class);
        CommitmentChangeOrder co = req.part(m, "change_order", CommitmentChangeOrder.class).orElseThrow();
        assertThat(co.number()).isEqualTo("12");
        assertThat(co.dueDate()).isEqualTo(LocalDate.of(2021, 10, 19));
        assertThat(co.originCode()).isEqualTo("co-1");
        assertThat(req.parts(m, "change_order_items", ChangeOrderLineItem.class)).singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo(new BigDecimal("233.75")));
    }

    @Test
    void erpContractPayment_wholeRecord_bigVendorId_andEpochSentinel() throws Exception {
        ErpRequest req = read("""
                {"id": 1, "company_id": 2, "request_name": "create_contract_payment",
                 "request_data": {"request_detail_id": 3, "contract_payment": {"id": 4, "company_id": 2, "project_id": 5,
                  "contract_id": 6, "requisition_id": 7, "external_payment_id": "x", "invoice_number": "INV-5",
                  "invoice_date": "2024-05-01", "status": "paid", "amount": "12.30",
                  "date_payment_initiated": "1970-01-01T00:00:00Z", "date_payment_settled": null,
                  "retainage_released_payment_amount": "0.5", "draw_request_number": 9, "payment_method": "ach",
                  "payment_number": null, "vendor_id": 598134325841112, "check_number": "12"}, "company_id": 2},
                 "created_at": "2024-05-08T19:56:28Z", "updated_at": "2024-05-08T19:56:28Z", "integration_app_name": null}""",
                ErpRequest.class);
        assertThat(req.companyId()).isEqualTo(2L);
        ContractPayment p = req.part(m, "contract_payment", ContractPayment.class).orElseThrow();
        assertThat(p.vendorId()).isEqualTo(598134325841112L);
        assertThat(p.amount()).isEqualTo(new BigDecimal("12.30"));
        assertThat(p.drawRequestNumber()).isEqualTo("9");
        assertThat(p.datePaymentInitiated()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void erpPaymentApplication_withNumericMoney_andOriginIdNullString() throws Exception {
        ErpRequest req = read("""
                {"request_name": "create_payment_application", "request_data": {"request_detail_id": 1,
                 "payment_application": {"id": 1, "billing_date": "2024-06-01",
                  "billing_period": {"start_date": "2024-06-01", "end_date": "2024-06-30"}, "contract_name": "Prime #1",
                  "invoice_number": "77", "items": [{"id": 1, "scheduled_value": 750, "work_completed_this_period": 125.5,
                   "holder_id": 22, "holder_type": "PrimeContract", "type": "payment_application_line_item",
                   "wbs_code": {"description": "", "flat_code": "01-100", "id": 123, "segment_items": []}}],
                  "period_end": "2024-06-30", "period_id": 12, "period_start": "2024-06-01", "status": "approved",
                  "summary": {"application_number": "77", "contract_original_sum": 1500, "contract_sum_to_date": 750,
                   "current_payment_due": 125.5, "net_change_by_change_order": 0},
                  "origin_id": "null", "origin_code": null}, "company_id": 1}}""", ErpRequest.class);
        PaymentApplication pa = req.part(m, "payment_application", PaymentApplication.class).orElseThrow();
        assertThat(pa.summary().originalContractSum()).isEqualTo(new BigDecimal("1500"));
        assertThat(pa.summary().currentPaymentDue()).isEqualTo(new BigDecimal("125.5"));
        assertThat(pa.items()).singleElement().satisfies(i -> assertThat(i.workCompletedThisPeriod()).isEqualTo(new BigDecimal("125.5")));
        assertThat(pa.billingPeriod().endDate()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(pa.originId()).isEqualTo("null");
    }

    @Test
    void erpDirectCost_withStringIds_andUomObject() throws Exception {
        ErpRequest req = read("""
                {"request_name": "create_company_level_direct_cost", "request_data": {"company_id": 7,
                 "direct_cost": {"id": "20000002", "billed_amount": "80.0",
                  "currency_configuration": {"base_currency_iso_code": null, "currency_exchange_rate": "1.0", "currency_iso_code": "EUR"},
                  "direct_cost_date": "2025-07-01", "direct_cost_type": "invoice", "invoice_number": "E-1",
                  "line_item_total": "80.0", "paid_status": "unpaid", "status": "approved",
                  "vendor": {"id": "30000003", "name": "Fuel GmbH", "origin_id": "v-1", "origin_code": "F", "origin_data": "{}"},
                  "origin_id": null, "origin_code": "E-1",
                  "line_items": [{"id": "40000004", "company": {"id": "7"}, "description": "Diesel", "direct_cost_id": "20000002",
                   "extended_type": "calculated", "position": 1, "project": {"id": "86", "name": "Site"}, "quantity": "2.0",
                   "total_amount": "80.0", "unit_cost": "40.0", "uom": {"name": "l", "read_only": false},
                   "wbs_code": {"id": "50000005", "flat_code": "01-100.E", "description": "x"},
                   "cost_code_id": 456, "line_item_type_id": 789}]}}}""", ErpRequest.class);
        DirectCost dc = req.part(m, "direct_cost", DirectCost.class).orElseThrow();
        assertThat(dc.id()).isEqualTo(20000002L);
        assertThat(dc.vendor().id()).isEqualTo(30000003L);
        assertThat(dc.total()).isEqualTo(new BigDecimal("80.0"));
        assertThat(dc.currencyConfiguration().currencyExchangeRate()).isEqualTo(new BigDecimal("1.0"));
        assertThat(dc.lineItems()).singleElement().satisfies(l -> {
            assertThat(l.uom()).isEqualTo("l");
            assertThat(l.wbsCode().id()).isEqualTo(50000005L);
            assertThat(l.directCostId()).isEqualTo(20000002L);
            assertThat(l.costCodeId()).isEqualTo(456L);
        });
    }

    @Test
    void erpRequisitionsExport_readsTheHeaderFields() throws Exception {
        ErpRequest req = read("""
                {"request_name": "create_requisitions", "request_data": {"requisitions": [{"procore_requisition_id": 5,
                 "billing_date": "2022-03-31", "contract_id": 1, "invoice_number": "4411", "code": "4411",
                 "line_items": [{"procore_requisition_item_id": 1, "amount": "10.0", "cost_code_id": 6}]}]}}""",
                ErpRequest.class);
        assertThat(req.parts(m, "requisitions", Requisition.class)).singleElement().satisfies(r -> {
            assertThat(r.invoiceNumber()).isEqualTo("4411");
            assertThat(r.billingDate()).isEqualTo(LocalDate.of(2022, 3, 31));
        });
    }

    @Test
    void changeOrderPackage_andPurchaseOrder_compositeShapes() throws Exception {
        ChangeOrderPackage pkg = read("""
                {"id": 1708958, "contract_id": 786002, "number": "002", "revision": 1, "title": "Extra",
                 "status": "approved", "executed": true, "grand_total": "1234.56", "due_date": "2026-11-10",
                 "reviewed_at": "2026-11-08T14:03:00Z", "designated_reviewer": {"id": 1, "name": "PM"},
                 "currency_configuration": {"currency_iso_code": "USD"}, "deleted_at": null}""", ChangeOrderPackage.class);
        assertThat(pkg.grandTotal()).isEqualTo(new BigDecimal("1234.56"));
        CommitmentContract po = read("""
                {"id": 9, "number": "PO-1", "status": "Approved", "retainage_percent": "10.0", "requisitions_are_enabled": true,
                 "vendor": {"id": 3, "company": "Rebar Co"}, "grand_total": "500.0",
                 "line_items": [{"id": 1, "amount": "500.0", "quantity": 0.0, "unit_cost": 0.0, "total_amount": 500.0,
                  "cost_code": {"id": 2, "full_code": "03-300"}, "line_item_type": {"id": 47, "code": "M"},
                  "wbs_code": {"id": 9911, "flat_code": "03-300.M"}}]}""", CommitmentContract.class);
        assertThat(po.retainagePercent()).isEqualTo(new BigDecimal("10.0"));
        assertThat(po.lineItems().get(0).totalAmount()).isEqualTo(new BigDecimal("500.0"));
    }
}
