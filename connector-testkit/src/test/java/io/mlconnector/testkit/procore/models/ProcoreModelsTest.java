package io.mlconnector.testkit.procore.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.BudgetChangeAdjustment;
import io.mlconnector.procore.model.BudgetLineItem;
import io.mlconnector.procore.model.BudgetModification;
import io.mlconnector.procore.model.BudgetView;
import io.mlconnector.procore.model.ChangeEvent;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.CommitmentSummary;
import io.mlconnector.procore.model.Company;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.model.ContractPayment;
import io.mlconnector.procore.model.DirectCost;
import io.mlconnector.procore.model.DirectCostLineItem;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.Me;
import io.mlconnector.procore.model.PaymentApplication;
import io.mlconnector.procore.model.PaymentApplicationItem;
import io.mlconnector.procore.model.PrimeContract;
import io.mlconnector.procore.model.ProcoreCostCode;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import io.mlconnector.procore.model.StandardCostCode;
import io.mlconnector.procore.model.TokenInfo;
import io.mlconnector.procore.model.WbsCode;
import io.mlconnector.procore.model.WbsPattern;
import io.mlconnector.procore.model.WbsSegment;
import io.mlconnector.procore.webhook.WebhookDelivery;
import io.mlconnector.procore.webhook.WebhookHook;
import io.mlconnector.procore.webhook.WebhookTrigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * One test per Procore response the client reads: a body built from the operation's response type in the facts
 * table, every field present in the spec's JSON type ({@link SpecSamples}), read with the client's own mapper; every
 * scalar the model and the body share must come out as sent, and the fields the connector relies on are named.
 *
 * <p>Operations whose published response has no shape ({@code any}: vendors, the commitment change order and prime
 * change order families, the budget change show, payment application show/list) cannot be checked this way.
 */
class ProcoreModelsTest {

    private static final BigDecimal MONEY = new BigDecimal("1234.50");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);
    private static final Instant AT = Instant.parse("2026-03-15T10:20:30Z");

    private final SpecSamples samples = new SpecSamples();

    private <T> T read(String operationId, Class<T> model) throws Exception {
        JsonNode node = samples.element(operationId, model);
        T value = samples.read(node, model);
        assertThat(samples.differences(node, value)).as(operationId + " read as " + model.getSimpleName()).isEmpty();
        return value;
    }

    @Test
    void directCost_listRow_vendorIsTheVendorsName() throws Exception {
        DirectCost d = read("RestV10ProjectsProjectIdDirectCostsGet", DirectCost.class);
        assertThat(d.grandTotal()).isEqualByComparingTo(MONEY);
        assertThat(d.vendorName()).isEqualTo("s-vendor_name");
        assertThat(d.invoiceNumber()).isEqualTo("s-invoice_number");
        assertThat(d.directCostDate()).isEqualTo(DAY);
        assertThat(d.originId()).isEqualTo("s-origin_id");
        assertThat(d.updatedAt()).isEqualTo(AT);
        assertThat(read("RestV11ProjectsProjectIdDirectCostsGet", DirectCost.class).vendorName())
            .isEqualTo("s-vendor_name");
    }

    @Test
    void directCost_show_v10AndV11() throws Exception {
        DirectCost v10 = read("RestV10ProjectsProjectIdDirectCostsIdGet", DirectCost.class);
        assertThat(v10.vendor().name()).isEqualTo("s-name");
        assertThat(v10.vendorId()).isNotNull();
        assertThat(v10.lineItemsCount()).isNotNull();
        DirectCost v11 = read("RestV11ProjectsProjectIdDirectCostsIdGet", DirectCost.class);
        assertThat(v11.lineItems()).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualByComparingTo(MONEY);
            assertThat(l.originId()).isEqualTo("s-origin_id");
        });
        assertThat(v11.currencyConfiguration().currencyIsoCode()).isEqualTo("s-currency_iso_code");
        read("RestV11ProjectsProjectIdDirectCostsPost", DirectCost.class);
        read("RestV11ProjectsProjectIdDirectCostsIdPatch", DirectCost.class);
        read("RestV10ProjectsProjectIdDirectCostsSyncPatch", JsonNode.class);
    }

    @Test
    void directCostLineItem() throws Exception {
        DirectCostLineItem l = read("RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet",
            DirectCostLineItem.class);
        assertThat(l.amount()).isEqualByComparingTo(MONEY);
        assertThat(l.wbsCode().flatCode()).isEqualTo("s-flat_code");
        assertThat(l.lineItemType().code()).isEqualTo("s-code");
        read("RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost", DirectCostLineItem.class);
        read("RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdPatch", DirectCostLineItem.class);
    }

    @Test
    void contractPayment() throws Exception {
        ContractPayment p = read("RestV10ContractPaymentsGet", ContractPayment.class);
        assertThat(p.amount()).isEqualByComparingTo(MONEY);
        assertThat(p.date()).isEqualTo(DAY);
        assertThat(p.contractId()).isNotNull();
        assertThat(p.requisitionId()).isNotNull();
        assertThat(p.paymentNumber()).isNotNull();
        assertThat(p.originId()).isEqualTo("s-origin_id");
        read("RestV10ContractPaymentsIdGet", ContractPayment.class);
        read("RestV10ContractPaymentsPost", ContractPayment.class);
        read("RestV10ContractPaymentsIdPatch", ContractPayment.class);
    }

    @Test
    void requisition() throws Exception {
        Requisition r = read("RestV10RequisitionsGet", Requisition.class);
        assertThat(r.commitmentId()).isNotNull();
        assertThat(r.invoiceNumber()).isEqualTo("s-invoice_number");
        assertThat(r.billingDate()).isEqualTo(DAY);
        assertThat(r.number()).isNotNull();
        Requisition show = read("RestV10RequisitionsIdGet", Requisition.class);
        assertThat(show.totalClaimedAmount()).isEqualByComparingTo(MONEY);
        read("RestV11RequisitionsPost", Requisition.class);
        read("RestV11RequisitionsIdPatch", Requisition.class);
        read("RestV10RequisitionsIdPatch", Requisition.class);
    }

    @Test
    void requisitionItem() throws Exception {
        RequisitionItem i = read("RestV10RequisitionsRequisitionIdContractItemsGet", RequisitionItem.class);
        assertThat(i.itemType()).isEqualTo("s-item_type");
        assertThat(i.workCompletedThisPeriod()).isEqualByComparingTo(MONEY);
        read("RestV10RequisitionsRequisitionIdContractItemsIdPatch", RequisitionItem.class);
        read("RestV10RequisitionsRequisitionIdChangeOrderItemsGet", RequisitionItem.class);
    }

    @Test
    void commitmentContract_workOrderAndPurchaseOrder() throws Exception {
        CommitmentContract wo = read("RestV10WorkOrderContractsIdGet", CommitmentContract.class);
        assertThat(wo.status()).isEqualTo("s-status");
        assertThat(wo.grandTotal()).isEqualByComparingTo(MONEY);
        assertThat(wo.vendor()).isNotNull();
        CommitmentContract po = read("RestV10PurchaseOrderContractsIdGet", CommitmentContract.class);
        assertThat(po.id()).isPositive();
        assertThat(po.lineItems()).isNotEmpty();
        read("RestV10PurchaseOrderContractsGet", CommitmentContract.class);
        read("RestV10CommitmentsIdGet", CommitmentContract.class);
    }

    @Test
    void commitmentSummary() throws Exception {
        CommitmentSummary s = read("RestV10CommitmentsGet", CommitmentSummary.class);
        assertThat(s.title()).isEqualTo("s-title");
    }

    @Test
    void contractLineItem() throws Exception {
        ContractLineItem l = read("RestV10WorkOrderContractsWorkOrderContractIdLineItemsPost", ContractLineItem.class);
        assertThat(l.amount()).isEqualByComparingTo(MONEY);
        assertThat(l.costCode()).isNotNull();
        read("RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdPatch", ContractLineItem.class);
    }

    @Test
    void procoreProject_listAndShow() throws Exception {
        ProcoreProject list = read("RestV10ProjectsGet", ProcoreProject.class);
        assertThat(list.name()).isEqualTo("s-name");
        assertThat(list.stageName()).isNotNull();
        ProcoreProject show = read("RestV10ProjectsIdGet", ProcoreProject.class);
        assertThat(show.company()).isNotNull();
        assertThat(show.originId()).isEqualTo("s-origin_id");
    }

    @Test
    void procoreCostCode() throws Exception {
        ProcoreCostCode c = read("RestV10CostCodesIdGet", ProcoreCostCode.class);
        assertThat(c.fullCode()).isEqualTo("s-full_code");
        assertThat(c.parent()).isNotNull();
        read("RestV10CostCodesPost", ProcoreCostCode.class);
    }

    @Test
    void standardCostCode() throws Exception {
        assertThat(read("RestV10StandardCostCodesGet", StandardCostCode.class).fullCode()).isEqualTo("s-full_code");
    }

    @Test
    void lineItemType() throws Exception {
        LineItemType t = read("RestV10LineItemTypesGet", LineItemType.class);
        assertThat(t.code()).isEqualTo("s-code");
        assertThat(t.baseType()).isEqualTo("s-base_type");
        read("RestV10LineItemTypesIdGet", LineItemType.class);
    }

    @Test
    void wbsCode_pattern_andSegments() throws Exception {
        WbsCode code = read("RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet", WbsCode.class);
        assertThat(code.flatCode()).isEqualTo("s-flat_code");
        WbsPattern pattern = read("RestV10CompaniesCompanyIdWorkBreakdownStructurePatternsGet", WbsPattern.class);
        assertThat(pattern.segments()).singleElement().satisfies(s -> {
            assertThat(s.delimiter()).isEqualTo("s-delimiter");
            assertThat(s.type()).isEqualTo("s-type");
            assertThat(s.position()).isNotNull();
        });
        WbsSegment segment = read("RestV10CompaniesCompanyIdWorkBreakdownStructureSegmentsGet", WbsSegment.class);
        assertThat(segment.delimiter()).isEqualTo("s-delimiter");
    }

    @Test
    void budgetChangeAdjustment_v2Row() throws Exception {
        BudgetChangeAdjustment a = read("RestV20CompaniesCompanyIdProjectsProjectIdBudgetChangesAdjustmentLineItemsGet",
            BudgetChangeAdjustment.class);
        assertThat(a.amount()).isEqualByComparingTo("1234.5");
        assertThat(a.adjustmentNumber()).isNotNull();
    }

    @Test
    void budgetLineItem_view_andModification() throws Exception {
        assertThat(read("RestV10BudgetLineItemsIdGet", BudgetLineItem.class).originalBudgetAmount()).isNotNull();
        read("RestV11BudgetLineItemsPost", BudgetLineItem.class);
        assertThat(read("RestV10BudgetViewsGet", BudgetView.class).name()).isEqualTo("s-name");
        read("RestV10ProjectsProjectIdBudgetModificationsIdGet", BudgetModification.class);
    }

    @Test
    void changeOrderPackage() throws Exception {
        ChangeOrderPackage p = read("RestV10ChangeOrderPackagesGet", ChangeOrderPackage.class);
        assertThat(p.status()).isEqualTo("s-status");
        assertThat(p.grandTotal()).isEqualByComparingTo(MONEY);
        read("RestV10ChangeOrderPackagesIdGet", ChangeOrderPackage.class);
    }

    @Test
    void commitmentChangeOrderLineItem_v2() throws Exception {
        ChangeOrderLineItem l = read(
            "RestV20CompaniesCompanyIdProjectsProjectIdCommitmentChangeOrdersCommitmentChangeOrderIdLineItemsGet",
            ChangeOrderLineItem.class);
        assertThat(l.wbsCode()).isNotNull();
    }

    @Test
    void changeEvent() throws Exception {
        assertThat(read("RestV10ChangeEventsIdGet", ChangeEvent.class).title()).isEqualTo("s-title");
        read("RestV10ChangeEventsGet", ChangeEvent.class);
    }

    @Test
    void primeContract() throws Exception {
        PrimeContract show = read("RestV10PrimeContractIdGet", PrimeContract.class);
        assertThat(show.grandTotal()).isEqualByComparingTo(MONEY);
        assertThat(show.title()).isEqualTo("s-title");
        read("RestV10PrimeContractsGet", PrimeContract.class);
    }

    @Test
    void paymentApplication_andItsLineItems() throws Exception {
        PaymentApplication a = read("RestV10PrimeContractsPrimeContractIdPaymentApplicationsGet",
            PaymentApplication.class);
        assertThat(a.invoiceNumber()).isEqualTo("s-invoice_number");
        assertThat(a.periodStart()).isEqualTo(DAY);
        PaymentApplicationItem item = read("RestV10PrimeContractsPrimeContractIdPaymentApplicationLineItemsIdPatch",
            PaymentApplicationItem.class);
        assertThat(item.workCompletedThisPeriod()).isEqualByComparingTo(MONEY);
    }

    @Test
    void billingPeriod() throws Exception {
        BillingPeriod b = read("RestV10ProjectsProjectIdBillingPeriodsGet", BillingPeriod.class);
        assertThat(b.startDate()).isEqualTo(DAY);
        assertThat(b.status()).isEqualTo("s-status");
    }

    @Test
    void company_me_andTokenInfo() throws Exception {
        assertThat(read("RestV10CompaniesGet", Company.class).name()).isEqualTo("s-name");
        assertThat(read("RestV10MeGet", Me.class).login()).isEqualTo("s-login");
        TokenInfo info = read("OauthTokenInfoGet", TokenInfo.class);
        assertThat(info.application().uid()).isEqualTo("s-uid");
        assertThat(info.expiresInSeconds()).isNotNull();
    }

    @Test
    void webhookHook_trigger_andDelivery() throws Exception {
        WebhookHook h = read("RestV10WebhooksHooksGet", WebhookHook.class);
        assertThat(h.destinationUrl()).isEqualTo("s-destination_url");
        assertThat(h.namespace()).isEqualTo("s-namespace");
        read("RestV10WebhooksHooksPost", WebhookHook.class);
        WebhookTrigger t = read("RestV10WebhooksHooksHookIdTriggersGet", WebhookTrigger.class);
        assertThat(t.resourceName()).isEqualTo("s-resource_name");
        assertThat(t.eventType()).isEqualTo("s-event_type");
        read("RestV10WebhooksHooksHookIdTriggersPost", WebhookTrigger.class);
        WebhookDelivery d = read("RestV10WebhooksHooksHookIdDeliveriesGet", WebhookDelivery.class);
        assertThat(d.outcome()).isEqualTo("s-outcome");
    }
}
