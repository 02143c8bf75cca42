package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Converts stored JSON objects into the sandbox's typed records. */
final class FbViews {

    private FbViews() {
    }

    private static String textOrNull(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long longOrNull(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || v.asLong() == 0 ? null : v.asLong();
    }

    private static LocalDate date(JsonNode n, String f) {
        String t = textOrNull(n, f);
        return t == null ? null : LocalDate.parse(t.substring(0, 10));
    }

    static BillVendor billVendor(JsonNode n) {
        return new BillVendor(n.path("id").asLong(), textOrNull(n, "vendor_name"), textOrNull(n, "currency_code"),
            n.path("vis_state").asInt(), n);
    }

    static ExpenseCategory category(JsonNode n) {
        return new ExpenseCategory(n.path("id").asLong(), textOrNull(n, "category"), longOrNull(n, "parentid"),
            n.path("vis_state").asInt());
    }

    static Bill bill(JsonNode n) {
        List<BillLine> lines = new ArrayList<>();
        for (JsonNode l : n.path("lines")) {
            lines.add(new BillLine(l.path("categoryid").asLong(), l.path("description").asText(""),
                new BigDecimal(l.path("quantity").asText("1")), FbMoney.amountOrZero(l.get("unit_cost")),
                textOrNull(l, "tax_name1"), FbMoney.amount(l.get("tax_percent1"))));
        }
        return new Bill(n.path("id").asLong(), n.path("vendorid").asLong(), textOrNull(n, "bill_number"),
            date(n, "issue_date"), date(n, "due_date"), textOrNull(n, "currency_code"),
            FbMoney.amountOrZero(n.get("amount")), FbMoney.amountOrZero(n.get("total_amount")),
            FbMoney.amountOrZero(n.get("paid")), FbMoney.amountOrZero(n.get("outstanding")), textOrNull(n, "status"),
            n.path("vis_state").asInt(), List.copyOf(lines), n);
    }

    static BillPayment billPayment(JsonNode n) {
        return new BillPayment(n.path("id").asLong(), n.path("billid").asLong(), FbMoney.amountOrZero(n.get("amount")),
            date(n, "paid_date"), textOrNull(n, "payment_type"), n.path("vis_state").asInt());
    }

    static Invoice invoice(JsonNode n) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (JsonNode l : n.path("lines")) {
            lines.add(new InvoiceLine(l.path("name").asText(""), l.path("description").asText(""),
                new BigDecimal(l.path("qty").asText("1")), FbMoney.amountOrZero(l.get("unit_cost")),
                textOrNull(l, "taxName1"), FbMoney.amount(l.get("taxAmount1"))));
        }
        return new Invoice(n.path("id").asLong(), n.path("customerid").asLong(), textOrNull(n, "invoice_number"),
            date(n, "create_date"), textOrNull(n, "currency_code"), FbMoney.amountOrZero(n.get("amount")),
            FbMoney.amountOrZero(n.get("paid")), FbMoney.amountOrZero(n.get("outstanding")), n.path("status").asInt(),
            n.path("vis_state").asInt(), List.copyOf(lines), n);
    }

    static Payment payment(JsonNode n) {
        return new Payment(n.path("id").asLong(), n.path("invoiceid").asLong(), FbMoney.amountOrZero(n.get("amount")),
            date(n, "date"), textOrNull(n, "type"), n.path("vis_state").asInt());
    }

    static Expense expense(JsonNode n) {
        return new Expense(n.path("id").asLong(), n.path("categoryid").asLong(), n.path("projectid").asLong(0),
            n.path("clientid").asLong(0), FbMoney.amountOrZero(n.get("amount")),
            n.path("amount").path("code").asText(null), date(n, "date"), textOrNull(n, "vendor"),
            textOrNull(n, "notes"), n.path("vis_state").asInt(), textOrNull(n, "updated"), n);
    }

    static Client client(JsonNode n) {
        return new Client(n.path("id").asLong(), textOrNull(n, "organization"), textOrNull(n, "email"),
            n.path("vis_state").asInt());
    }

    static Project project(JsonNode n) {
        return new Project(n.path("id").asLong(), textOrNull(n, "title"), longOrNull(n, "client_id"),
            textOrNull(n, "budget"), n.path("active").asBoolean(), n.path("complete").asBoolean(),
            textOrNull(n, "updated_at"), n, textOrNull(n, "project_type"), textOrNull(n, "billing_method"),
            textOrNull(n, "fixed_price"));
    }
}
