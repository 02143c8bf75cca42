package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Converts Procore documents into the sandbox's typed records. */
final class PcViews {

    private PcViews() {
    }

    private static Long nullableLong(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asLong();
    }

    static Company company(ObjectNode d) {
        return new Company(d.path("id").asLong(), d.path("name").asText());
    }

    static ProcoreProject project(ProcoreStore s, ObjectNode d) {
        return new ProcoreProject(d.path("id").asLong(), d.path("_company_id").asLong(), d.path("name").asText(),
            Docs.text(d, "origin_id"), s.render(d));
    }

    static Vendor vendor(ProcoreStore s, ObjectNode d) {
        return new Vendor(d.path("id").asLong(), d.path("_company_id").asLong(), d.path("name").asText(),
            Docs.text(d, "origin_id"), d.path("is_active").asBoolean(true), s.render(d));
    }

    static CostCode costCode(ObjectNode d) {
        return new CostCode(d.path("id").asLong(), d.path("_project_id").asLong(), d.path("code").asText(),
            d.path("full_code").asText(), d.path("name").asText(), Docs.text(d, "origin_id"));
    }

    static LineItemType lineItemType(ObjectNode d) {
        return new LineItemType(d.path("id").asLong(), d.path("_company_id").asLong(), d.path("name").asText(),
            d.path("code").asText(), d.path("base_type").asText());
    }

    static SovLine line(JsonNode l) {
        return new SovLine(l.path("id").asLong(), l.path("cost_code").path("id").asLong(),
            l.path("line_item_type").path("id").asLong(), l.path("description").asText(),
            PcMoney.decOrZero(l.get("amount")));
    }

    static Commitment commitment(CommitmentModel m, ObjectNode d) {
        ObjectNode view = m.renderDetail(d);
        List<SovLine> lines = new ArrayList<>();
        view.path("line_items").forEach(l -> lines.add(line(l)));
        return new Commitment(d.path("id").asLong(), d.path("_project_id").asLong(),
            CommitmentType.ofHolder(d.path("_type").asText()), Docs.text(d, "title"), d.path("status").asText(),
            nullableLong(d.path("vendor").get("id")), List.copyOf(lines), view);
    }

    static BillingPeriod period(ObjectNode d) {
        return new BillingPeriod(d.path("id").asLong(), d.path("_project_id").asLong(),
            LocalDate.parse(d.path("start_date").asText()), LocalDate.parse(d.path("end_date").asText()),
            LocalDate.parse(d.path("due_date").asText()), d.path("status").asText());
    }

    static ChangeOrderPackage changeOrder(CommitmentModel m, ObjectNode d) {
        return new ChangeOrderPackage(d.path("id").asLong(), d.path("_project_id").asLong(),
            d.path("contract_id").asLong(), Docs.text(d, "title"), d.path("status").asText(),
            PcMoney.decOrZero(d.get("grand_total")), m.renderPackage(d, true));
    }

    static PrimeContract prime(BillingModel m, ObjectNode d) {
        ObjectNode view = m.renderPrimeContract(d);
        return new PrimeContract(d.path("id").asLong(), d.path("_project_id").asLong(), Docs.text(d, "title"),
            PcMoney.decOrZero(view.get("grand_total")), view);
    }

    static Requisition requisition(ProcoreStore s, ObjectNode d) {
        return new Requisition(d.path("id").asLong(), d.path("_project_id").asLong(), d.path("commitment_id").asLong(),
            d.path("period_id").asLong(), d.path("number").asInt(), d.path("status").asText(),
            Docs.text(d, "invoice_number"), Docs.text(d, "origin_id"),
            PcMoney.decOrZero(d.get("total_claimed_amount")),
            PcMoney.decOrZero(d.path("summary").get("current_payment_due")), s.render(d));
    }

    static DirectCost directCost(DirectCostModel m, ObjectNode d) {
        return new DirectCost(d.path("id").asLong(), d.path("_project_id").asLong(),
            d.path("direct_cost_type").asText(), d.path("status").asText(), nullableLong(d.get("vendor_id")),
            Docs.text(d, "invoice_number"), Docs.text(d, "origin_id"), PcMoney.decOrZero(d.get("grand_total")),
            m.render(d, true));
    }

    static ContractPayment payment(ProcoreStore s, ObjectNode d) {
        BigDecimal amount = PcMoney.decOrZero(d.get("amount"));
        return new ContractPayment(d.path("id").asLong(), d.path("_project_id").asLong(),
            d.path("contract_id").asLong(), amount, d.path("date").asText(), nullableLong(d.get("requisition_id")),
            Docs.text(d, "origin_id"), s.render(d));
    }

    static PaymentApplication paymentApplication(BillingModel m, ObjectNode d) {
        return new PaymentApplication(d.path("id").asLong(), d.path("_project_id").asLong(),
            d.path("_prime_id").asLong(), d.path("status").asText(), Docs.text(d, "invoice_number"),
            Docs.text(d, "origin_id"), PcMoney.decOrZero(d.get("total_amount_accrued_this_period")),
            m.renderPaymentApplication(d));
    }

    static WbsCode wbsCode(ObjectNode d) {
        return new WbsCode(d.path("id").asLong(), d.path("_project_id").asLong(), d.path("flat_code").asText(),
            d.path("_cost_code_id").asLong(), d.path("_line_item_type_id").asLong());
    }

    static BudgetChange budgetChange(BudgetChangeModel m, ObjectNode d) {
        return new BudgetChange(d.path("id").asLong(), d.path("_project_id").asLong(), d.path("number").asText(),
            d.path("title").asText(), d.path("status").asText(), m.render(d));
    }

    static PrimeChangeOrder primeChangeOrder(CommitmentModel m, ObjectNode d) {
        ObjectNode view = m.renderPrimeChangeOrder(d);
        return new PrimeChangeOrder(view.path("id").asLong(), d.path("_project_id").asLong(),
            d.path("contract_id").asLong(), Docs.text(d, "title"), d.path("status").asText(),
            PcMoney.decOrZero(d.get("grand_total")), view);
    }
}
