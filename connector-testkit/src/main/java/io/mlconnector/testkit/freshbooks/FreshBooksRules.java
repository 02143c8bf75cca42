package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-resource FreshBooks business rules: default fields, which fields are read-only, validation, and derived
 * values (line amounts, totals, paid/outstanding, statuses). Pure functions over JSON nodes plus a read-only lookup.
 */
final class FreshBooksRules {

    /** Read access to the rest of the state, for validation and derived values. */
    interface Lookup {
        Optional<ObjectNode> find(FbResource resource, long id);

        List<ObjectNode> list(FbResource resource);

        long nextLineId();

        long nextNumber(FbResource resource);
    }

    private static final Set<String> ALWAYS_READ_ONLY = Set.of("id", "created_at", "updated", "updated_at",
        "accounting_systemid", "accountid");
    private static final Map<FbResource, Set<String>> READ_ONLY = Map.of(
        FbResource.BILL, Set.of("amount", "tax_amount", "total_amount", "outstanding", "paid", "status",
            "bill_payments", "due_date", "overall_category", "overall_description", "vendor"),
        FbResource.INVOICE, Set.of("amount", "outstanding", "paid", "discount_total", "status", "v3_status",
            "display_status", "payment_status", "due_date"),
        FbResource.BILL_VENDOR, Set.of("outstanding_balance", "overdue_balance"),
        FbResource.PAYMENT, Set.of("clientid"),
        FbResource.EXPENSE, Set.of("status"),
        FbResource.PROJECT, Set.of("billed_amount", "billed_status", "logged_duration", "group", "abilities"));

    private static final Map<FbResource, List<String>> MONEY_FIELDS = Map.of(
        FbResource.EXPENSE, List.of("amount", "taxAmount1", "taxAmount2"),
        FbResource.PAYMENT, List.of("amount"),
        FbResource.BILL_PAYMENT, List.of("amount"),
        FbResource.ITEM, List.of("unit_cost"));

    private final Json json;
    private final FreshBooksIdentity identity;

    FreshBooksRules(Json json, FreshBooksIdentity identity) {
        this.json = json;
        this.identity = identity;
    }

    /** A new stored object from a create body. */
    ObjectNode create(FbResource r, ObjectNode input, long id, Instant now, Lookup lk) {
        ObjectNode n = defaults(r, now);
        n.put("id", id);
        if (r.legacyId() != null) {
            n.put(r.legacyId(), id);
        }
        merge(r, n, input, now, lk);
        stampCreate(r, n, now);
        if (r == FbResource.INVOICE && n.path("invoice_number").isNull()) {
            n.put("invoice_number", String.format("%07d", lk.nextNumber(r)));
        }
        validate(r, n, lk);
        derive(r, n, now, lk);
        return n;
    }

    /** Applies a partial update (the vis_state trap is handled by the caller). */
    void update(FbResource r, ObjectNode n, ObjectNode input, Instant now, Lookup lk) {
        merge(r, n, input, now, lk);
        stampUpdate(r, n, now);
        validate(r, n, lk);
        derive(r, n, now, lk);
    }

    void stampUpdate(FbResource r, ObjectNode n, Instant now) {
        switch (r.stamp()) {
            case EASTERN_UPDATED:
                n.put("updated", FbTime.eastern(now));
                break;
            case EASTERN_CREATED_UPDATED:
                n.put("updated_at", FbTime.eastern(now));
                break;
            case UTC_CREATED_UPDATED:
                n.put("updated_at", FbTime.utcNaive(now));
                break;
            case PROJECT:
                n.put("updated_at", FbTime.projectTime(now));
                break;
            default:
                break;
        }
    }

    private void stampCreate(FbResource r, ObjectNode n, Instant now) {
        switch (r.stamp()) {
            case EASTERN_CREATED_UPDATED:
                n.put("created_at", FbTime.eastern(now));
                break;
            case UTC_CREATED_UPDATED:
                n.put("created_at", FbTime.utcNaive(now));
                break;
            case PROJECT:
                n.put("created_at", FbTime.projectTime(now));
                break;
            default:
                break;
        }
        if (r == FbResource.INVOICE) {
            n.put("created_at", FbTime.eastern(now));
        }
        if (r == FbResource.CLIENT) {
            n.put("signup_date", FbTime.utcNaive(now));
        }
        stampUpdate(r, n, now);
    }

    private void merge(FbResource r, ObjectNode n, ObjectNode input, Instant now, Lookup lk) {
        Set<String> readOnly = READ_ONLY.getOrDefault(r, Set.of());
        Iterator<Map.Entry<String, JsonNode>> it = input.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (ALWAYS_READ_ONLY.contains(k) || readOnly.contains(k) || k.equals(r.legacyId())) {
                continue;
            }
            if (k.equals("lines") && r == FbResource.BILL) {
                n.set("lines", billLines(e.getValue(), n, lk));
            } else if (k.equals("lines") && r == FbResource.INVOICE) {
                n.set("lines", invoiceLines(e.getValue(), n, now));
            } else if (k.startsWith("action_") || k.equals("email_recipients")) {
                if (r == FbResource.INVOICE && e.getValue().asBoolean(false)
                    && (k.equals("action_mark_as_sent") || k.equals("action_email"))
                    && n.path("status").asInt() == 1) {
                    n.put("status", 2);
                }
            } else {
                n.set(k, e.getValue().deepCopy());
            }
        }
        String code = n.path("currency_code").asText(identity.currency());
        for (String money : MONEY_FIELDS.getOrDefault(r, List.of())) {
            if (n.hasNonNull(money)) {
                FbMoney.normalize(n, money, code);
            }
        }
        for (String idField : List.of("vendorid", "categoryid", "billid", "invoiceid", "customerid", "projectid",
            "clientid", "staffid", "parentid", "client_id")) {
            JsonNode v = n.get(idField);
            if (v != null && v.isTextual() && v.asText().matches("\\d+")) {
                n.put(idField, Long.parseLong(v.asText()));
            }
        }
    }

    private ArrayNode billLines(JsonNode input, ObjectNode bill, Lookup lk) {
        ArrayNode out = json.array();
        if (!input.isArray()) {
            throw FreshBooksValidationException.invalid("bill", "lines", input, "lines must be a list.");
        }
        int index = 1;
        for (JsonNode in : input) {
            ObjectNode line = out.addObject();
            line.put("id", lk.nextLineId());
            line.put("list_index", index++);
            long categoryId = in.path("categoryid").asLong(0);
            if (categoryId == 0) {
                throw FreshBooksValidationException.required("bill_line", "categoryid");
            }
            ObjectNode category = lk.find(FbResource.EXPENSE_CATEGORY, categoryId).orElseThrow(() ->
                FreshBooksValidationException.invalid("bill_line", "categoryid", categoryId, "Category not found."));
            line.put("categoryid", categoryId);
            line.set("category", category.deepCopy());
            line.put("description", in.path("description").asText(""));
            BigDecimal qty = FbMoney.decimal(in.get("quantity"), BigDecimal.ONE);
            line.put("quantity", qty.stripTrailingZeros().toPlainString());
            BigDecimal unit = FbMoney.amount(in.get("unit_cost"));
            if (unit == null) {
                throw FreshBooksValidationException.required("bill_line", "unit_cost");
            }
            String code = in.path("unit_cost").path("code").asText(bill.path("currency_code").asText(
                identity.currency()));
            FbMoney.put(line, "unit_cost", unit, code);
            for (int t = 1; t <= 2; t++) {
                line.set("tax_name" + t, in.hasNonNull("tax_name" + t) ? in.get("tax_name" + t) : json.nullNode());
                line.set("tax_percent" + t, in.hasNonNull("tax_percent" + t) ? json.text(in.get("tax_percent" + t)
                    .asText()) : json.nullNode());
                line.set("tax_authorityid" + t, in.hasNonNull("tax_authorityid" + t) ? in.get("tax_authorityid" + t)
                    : json.nullNode());
            }
        }
        return out;
    }

    private ArrayNode invoiceLines(JsonNode input, ObjectNode invoice, Instant now) {
        ArrayNode out = json.array();
        if (!input.isArray()) {
            throw FreshBooksValidationException.invalid("invoice", "lines", input, "lines must be a list.");
        }
        int lineId = 1;
        for (JsonNode in : input) {
            ObjectNode line = out.addObject();
            line.put("lineid", lineId++);
            line.set("invoiceid", invoice.get("id"));
            line.put("type", in.path("type").asInt(0));
            line.put("name", in.path("name").asText(""));
            line.put("description", in.path("description").asText(""));
            BigDecimal qty = FbMoney.decimal(in.get("qty"), BigDecimal.ONE);
            line.put("qty", qty.stripTrailingZeros().toPlainString());
            BigDecimal unit = FbMoney.decimal(in.get("unit_cost"), BigDecimal.ZERO);
            String code = in.path("unit_cost").path("code").asText(invoice.path("currency_code").asText(
                identity.currency()));
            FbMoney.put(line, "unit_cost", unit, code);
            line.set("taxName1", in.hasNonNull("taxName1") ? in.get("taxName1") : json.nullNode());
            line.put("taxAmount1", in.hasNonNull("taxAmount1") ? in.get("taxAmount1").asText() : "0");
            line.set("taxName2", in.hasNonNull("taxName2") ? in.get("taxName2") : json.nullNode());
            line.put("taxAmount2", in.hasNonNull("taxAmount2") ? in.get("taxAmount2").asText() : "0");
            line.put("compounded_tax", in.path("compounded_tax").asBoolean(false));
            line.put("expenseid", in.path("expenseid").asLong(0));
            line.put("updated", FbTime.eastern(now));
        }
        return out;
    }

    private void validate(FbResource r, ObjectNode n, Lookup lk) {
        switch (r) {
            case BILL_VENDOR:
                requireText(n, "bill_vendor", "vendor_name");
                break;
            case BILL:
                long vendorId = n.path("vendorid").asLong(0);
                if (vendorId == 0) {
                    throw FreshBooksValidationException.required("bill", "vendorid");
                }
                lk.find(FbResource.BILL_VENDOR, vendorId).orElseThrow(() ->
                    FreshBooksValidationException.invalid("bill", "vendorid", vendorId, "Vendor not found."));
                if (!n.path("lines").isArray() || n.path("lines").isEmpty()) {
                    throw FreshBooksValidationException.required("bill", "lines");
                }
                break;
            case BILL_PAYMENT:
                long billId = n.path("billid").asLong(0);
                if (billId == 0) {
                    throw FreshBooksValidationException.required("bill_payment", "billid");
                }
                lk.find(FbResource.BILL, billId).orElseThrow(() ->
                    FreshBooksValidationException.invalid("bill_payment", "billid", billId, "Bill not found."));
                requirePresent(n, "bill_payment", "amount");
                break;
            case INVOICE:
                long customerId = n.path("customerid").asLong(0);
                if (customerId == 0) {
                    throw FreshBooksValidationException.required("invoice", "customerid");
                }
                lk.find(FbResource.CLIENT, customerId).orElseThrow(() ->
                    FreshBooksValidationException.invalid("invoice", "customerid", customerId, "Client not found."));
                break;
            case PAYMENT:
                long invoiceId = n.path("invoiceid").asLong(0);
                if (invoiceId == 0) {
                    throw FreshBooksValidationException.required("payment", "invoiceid");
                }
                ObjectNode invoice = lk.find(FbResource.INVOICE, invoiceId).orElseThrow(() ->
                    FreshBooksValidationException.invalid("payment", "invoiceid", invoiceId, "Invoice not found."));
                n.set("clientid", invoice.get("customerid"));
                requirePresent(n, "payment", "amount");
                break;
            case EXPENSE:
                requirePresent(n, "expense", "amount");
                long categoryId = n.path("categoryid").asLong(0);
                if (categoryId == 0) {
                    throw FreshBooksValidationException.required("expense", "categoryid");
                }
                lk.find(FbResource.EXPENSE_CATEGORY, categoryId).orElseThrow(() ->
                    FreshBooksValidationException.invalid("expense", "categoryid", categoryId, "Category not found."));
                long projectId = n.path("projectid").asLong(0);
                if (projectId != 0 && lk.find(FbResource.PROJECT, projectId).isEmpty()) {
                    throw FreshBooksValidationException.invalid("expense", "projectid", projectId,
                        "Project not found.");
                }
                long clientId = n.path("clientid").asLong(0);
                if (clientId != 0 && lk.find(FbResource.CLIENT, clientId).isEmpty()) {
                    throw FreshBooksValidationException.invalid("expense", "clientid", clientId, "Client not found.");
                }
                break;
            case EXPENSE_CATEGORY:
                requireText(n, "category", "category");
                break;
            case CLIENT:
                boolean any = List.of("fname", "lname", "email", "organization").stream()
                    .anyMatch(f -> !n.path(f).asText("").isBlank());
                if (!any) {
                    throw new FreshBooksValidationException(422, 1001, "client", "organization", "",
                        "At least one field among fname, lname, email and organization is required.");
                }
                break;
            case ITEM:
            case TAX:
                requireText(n, r.single(), "name");
                break;
            case PROJECT:
                requireText(n, "project", "title");
                projectBudgetHours(n);
                projectFixedPrice(n);
                break;
            default:
                break;
        }
    }

    /**
     * A project budget is a whole number of HOURS (api/freshbooks.md §2.12: typed int; "Budgets in FreshBooks are
     * completely time-based"): JSON integers and digit strings are stored as an int; a decimal, a money object or any
     * other text is refused (422, projects error shape), so money can never land there.
     */
    private static void projectBudgetHours(ObjectNode n) {
        JsonNode budget = n.get("budget");
        if (budget == null || budget.isNull()) {
            return;
        }
        if (budget.isIntegralNumber() && budget.canConvertToLong() && budget.asLong() >= 0) {
            n.put("budget", budget.asLong());
        } else if (budget.isTextual() && budget.asText().trim().matches("\\d{1,12}")) {
            n.put("budget", Long.parseLong(budget.asText().trim()));
        } else {
            throw FreshBooksValidationException.invalid("project", "budget", budget,
                "Input should be a valid integer: a budget is a whole number of hours.");
        }
    }

    /** {@code fixed_price} is money as a string ({@code "600.00"}); numbers are accepted and stored the same way. */
    private static void projectFixedPrice(ObjectNode n) {
        JsonNode price = n.get("fixed_price");
        if (price == null || price.isNull()) {
            return;
        }
        BigDecimal value = price.isNumber() || price.isTextual() ? FbMoney.decimal(price, null) : null;
        if (value == null || value.signum() < 0) {
            throw FreshBooksValidationException.invalid("project", "fixed_price", price,
                "Input should be a valid decimal.");
        }
        n.put("fixed_price", value.setScale(Math.max(2, value.scale())).toPlainString());
    }

    private static void requireText(ObjectNode n, String object, String field) {
        if (n.path(field).asText("").isBlank()) {
            throw FreshBooksValidationException.required(object, field);
        }
    }

    private static void requirePresent(ObjectNode n, String object, String field) {
        if (!n.hasNonNull(field)) {
            throw FreshBooksValidationException.required(object, field);
        }
    }

    /** Recomputes derived values of one object. */
    void derive(FbResource r, ObjectNode n, Instant now, Lookup lk) {
        if (r == FbResource.BILL) {
            deriveBill(n, now, lk);
        } else if (r == FbResource.INVOICE) {
            deriveInvoice(n, lk);
        } else if (r == FbResource.PROJECT) {
            n.put("internal", n.path("client_id").isNull() || n.path("client_id").asLong(0) == 0);
        }
    }

    private void deriveBill(ObjectNode bill, Instant now, Lookup lk) {
        String code = bill.path("currency_code").asText(identity.currency());
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal taxes = BigDecimal.ZERO;
        for (JsonNode l : bill.withArray("lines")) {
            ObjectNode line = (ObjectNode) l;
            BigDecimal amount = new BigDecimal(line.path("quantity").asText("1"))
                .multiply(FbMoney.amountOrZero(line.get("unit_cost")));
            FbMoney.put(line, "amount", amount, code);
            BigDecimal lineTotal = amount;
            for (int t = 1; t <= 2; t++) {
                BigDecimal pct = FbMoney.amount(line.get("tax_percent" + t));
                if (pct == null) {
                    line.putNull("tax_amount" + t);
                } else {
                    BigDecimal tax = amount.multiply(pct).movePointLeft(2);
                    FbMoney.put(line, "tax_amount" + t, tax, code);
                    lineTotal = lineTotal.add(tax);
                    taxes = taxes.add(tax);
                }
            }
            FbMoney.put(line, "total_amount", lineTotal, code);
            subtotal = subtotal.add(amount);
        }
        long billId = bill.path("id").asLong();
        ArrayNode payments = json.array();
        BigDecimal paid = BigDecimal.ZERO;
        for (ObjectNode p : lk.list(FbResource.BILL_PAYMENT)) {
            if (p.path("billid").asLong() == billId && p.path("vis_state").asInt() == 0) {
                payments.add(p.deepCopy());
                paid = paid.add(FbMoney.amountOrZero(p.get("amount")));
            }
        }
        BigDecimal total = subtotal.add(taxes);
        FbMoney.put(bill, "amount", subtotal, code);
        FbMoney.put(bill, "tax_amount", taxes, code);
        FbMoney.put(bill, "total_amount", total, code);
        FbMoney.put(bill, "paid", paid, code);
        FbMoney.put(bill, "outstanding", total.subtract(paid).max(BigDecimal.ZERO), code);
        bill.set("bill_payments", payments);
        LocalDate issue = LocalDate.parse(bill.path("issue_date").asText(FbTime.easternDate(now).toString()));
        LocalDate due = issue.plusDays(bill.path("due_offset_days").asInt(0));
        bill.put("due_date", due.toString());
        String status;
        if (paid.signum() > 0 && paid.compareTo(total) >= 0) {
            status = "paid";
        } else if (paid.signum() > 0) {
            status = "partial";
        } else if (due.isBefore(FbTime.easternDate(now))) {
            status = "overdue";
        } else {
            status = "unpaid";
        }
        bill.put("status", status);
        JsonNode first = bill.withArray("lines").path(0);
        bill.set("overall_category", first.isMissingNode() ? json.nullNode()
            : json.text(first.path("category").path("category").asText()));
        bill.set("overall_description", first.isMissingNode() ? json.nullNode()
            : json.text(first.path("description").asText()));
    }

    private void deriveInvoice(ObjectNode inv, Lookup lk) {
        String code = inv.path("currency_code").asText(identity.currency());
        lk.find(FbResource.CLIENT, inv.path("customerid").asLong()).ifPresent(c -> {
            inv.put("organization", c.path("organization").asText(""));
            inv.put("fname", c.path("fname").asText(""));
            inv.put("lname", c.path("lname").asText(""));
        });
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal taxes = BigDecimal.ZERO;
        for (JsonNode l : inv.withArray("lines")) {
            ObjectNode line = (ObjectNode) l;
            BigDecimal amount = new BigDecimal(line.path("qty").asText("1"))
                .multiply(FbMoney.amountOrZero(line.get("unit_cost")));
            FbMoney.put(line, "amount", amount, code);
            subtotal = subtotal.add(amount);
            for (int t = 1; t <= 2; t++) {
                BigDecimal pct = FbMoney.decimal(line.get("taxAmount" + t), BigDecimal.ZERO);
                taxes = taxes.add(amount.multiply(pct).movePointLeft(2));
            }
        }
        BigDecimal discountPct = FbMoney.decimal(inv.get("discount_value"), BigDecimal.ZERO);
        BigDecimal discount = subtotal.multiply(discountPct).movePointLeft(2).negate();
        BigDecimal total = subtotal.add(taxes).add(discount);
        long invoiceId = inv.path("id").asLong();
        BigDecimal paid = BigDecimal.ZERO;
        for (ObjectNode p : lk.list(FbResource.PAYMENT)) {
            if (p.path("invoiceid").asLong() == invoiceId && p.path("vis_state").asInt() == 0) {
                paid = paid.add(FbMoney.amountOrZero(p.get("amount")));
            }
        }
        FbMoney.put(inv, "discount_total", discount, code);
        FbMoney.put(inv, "amount", total, code);
        FbMoney.put(inv, "paid", paid, code);
        FbMoney.put(inv, "outstanding", total.subtract(paid).max(BigDecimal.ZERO), code);
        int status = inv.path("status").asInt(1);
        boolean sent = status != 1;
        String payment;
        if (paid.signum() > 0 && paid.compareTo(total) >= 0) {
            status = 4;
            payment = "paid";
        } else if (paid.signum() > 0) {
            status = 8;
            payment = "partial";
        } else {
            status = sent ? 2 : 1;
            payment = "unpaid";
        }
        inv.put("status", status);
        inv.put("payment_status", payment);
        String v3 = status == 1 ? "draft" : status == 4 ? "paid" : status == 8 ? "partial" : "sent";
        inv.put("v3_status", v3);
        inv.put("display_status", status == 1 ? "draft" : status == 4 ? "paid" : "sent");
        LocalDate created = LocalDate.parse(inv.path("create_date").asText());
        inv.put("due_date", created.plusDays(inv.path("due_offset_days").asInt(0)).toString());
    }

    private ObjectNode defaults(FbResource r, Instant now) {
        ObjectNode n = json.object();
        n.putNull("id");
        if (r.legacyId() != null) {
            n.putNull(r.legacyId());
        }
        String today = FbTime.easternDate(now).toString();
        String cur = identity.currency();
        switch (r) {
            case BILL:
                n.putNull("vendorid");
                n.putNull("bill_number");
                n.put("issue_date", today);
                n.putNull("due_date");
                n.put("due_offset_days", 0);
                n.put("currency_code", cur);
                n.put("language", "en");
                n.put("status", "unpaid");
                n.putNull("overall_category");
                n.putNull("overall_description");
                n.putNull("attachment");
                n.putArray("lines");
                n.putArray("bill_payments");
                break;
            case BILL_VENDOR:
                n.putNull("vendor_name");
                n.putNull("account_number");
                n.put("currency_code", cur);
                n.put("language", "en");
                n.put("is_1099", false);
                for (String f : List.of("note", "phone", "website", "street", "street2", "city", "province",
                    "postal_code", "country", "primary_contact_email", "primary_contact_first_name",
                    "primary_contact_last_name")) {
                    n.putNull(f);
                }
                n.putArray("tax_defaults");
                n.putArray("outstanding_balance");
                n.putArray("overdue_balance");
                break;
            case BILL_PAYMENT:
                n.putNull("billid");
                n.putNull("amount");
                n.put("paid_date", today);
                n.put("payment_type", "Check");
                n.putNull("note");
                n.put("matched_with_expense", false);
                break;
            case INVOICE:
                n.put("accountid", identity.accountId());
                n.put("accounting_systemid", identity.accountId());
                n.putNull("invoice_number");
                n.putNull("customerid");
                n.put("organization", "");
                n.put("fname", "");
                n.put("lname", "");
                n.put("create_date", today);
                n.putNull("due_date");
                n.put("due_offset_days", 0);
                n.put("currency_code", cur);
                n.put("discount_value", "0");
                n.put("status", 1);
                n.put("notes", "");
                n.put("terms", "");
                n.putNull("po_number");
                n.put("language", "en");
                n.putArray("lines");
                break;
            case PAYMENT:
                n.put("accounting_systemid", identity.accountId());
                n.putNull("invoiceid");
                n.putNull("clientid");
                n.putNull("amount");
                n.put("date", today);
                n.put("type", "Check");
                n.put("note", "");
                n.put("from_credit", false);
                for (String f : List.of("creditid", "overpaymentid", "gateway", "transactionid", "orderid",
                    "bulk_paymentid", "send_client_notification")) {
                    n.putNull(f);
                }
                break;
            case EXPENSE:
                n.put("accounting_systemid", identity.accountId());
                n.putNull("amount");
                n.putNull("categoryid");
                n.put("staffid", 1);
                n.put("clientid", 0);
                n.put("projectid", 0);
                n.putNull("invoiceid");
                n.put("date", today);
                n.putNull("vendor");
                n.putNull("notes");
                for (String f : List.of("taxName1", "taxAmount1", "taxPercent1", "taxName2", "taxAmount2",
                    "taxPercent2")) {
                    n.putNull(f);
                }
                n.put("markup_percent", "0");
                n.put("status", 0);
                n.put("has_receipt", false);
                n.putNull("bank_name");
                n.putNull("accountid");
                n.putNull("transactionid");
                n.put("is_cogs", false);
                n.put("isduplicate", false);
                n.putNull("profileid");
                break;
            case EXPENSE_CATEGORY:
                n.putNull("category");
                n.putNull("parentid");
                n.put("is_cogs", false);
                n.put("is_editable", true);
                n.put("transaction_posted", false);
                break;
            case CLIENT:
                n.put("accounting_systemid", identity.accountId());
                for (String f : List.of("fname", "lname", "email", "organization", "business_phone", "mob_phone",
                    "fax", "p_street", "p_street2", "p_city", "p_province", "p_code", "p_country", "vat_number")) {
                    n.put(f, "");
                }
                n.putNull("home_phone");
                n.putNull("vat_name");
                n.putNull("note");
                n.put("currency_code", cur);
                n.put("language", "en");
                break;
            case ITEM:
                n.put("accounting_systemid", identity.accountId());
                n.putNull("name");
                n.put("description", "");
                n.put("qty", "0");
                n.putNull("inventory");
                n.putNull("sku");
                FbMoney.put(n, "unit_cost", BigDecimal.ZERO, cur);
                n.put("tax1", 0);
                n.put("tax2", 0);
                break;
            case TAX:
                n.put("accounting_systemid", identity.accountId());
                n.putNull("name");
                n.put("amount", "0");
                n.putNull("number");
                n.put("compound", false);
                break;
            case PROJECT:
                n.putNull("title");
                n.putNull("description");
                n.putNull("due_date");
                n.putNull("client_id");
                n.put("internal", true);
                n.putNull("budget");
                n.putNull("fixed_price");
                n.putNull("rate");
                n.put("billing_method", "project_rate");
                n.put("project_type", "fixed_price");
                n.putNull("project_manager_id");
                n.put("active", true);
                n.put("complete", false);
                n.put("sample", false);
                n.putNull("created_at");
                n.putNull("updated_at");
                n.putNull("logged_duration");
                n.putArray("services");
                n.put("billed_amount", "0.00");
                n.put("billed_status", "unbilled");
                n.putNull("retainer_id");
                n.put("expense_markup", "0");
                ObjectNode group = n.putObject("group");
                group.put("id", identity.businessId() * 10 + 1);
                ObjectNode member = group.putArray("members").addObject();
                member.put("id", identity.identityId() * 10 + 7);
                member.put("identity_id", identity.identityId());
                member.put("role", "owner");
                member.put("first_name", identity.firstName());
                member.put("last_name", identity.lastName());
                member.put("email", identity.email());
                member.put("company", identity.businessName());
                member.put("active", true);
                group.putArray("pending_invitations");
                break;
            default:
                break;
        }
        if (r.stamp() != FbResource.Stamp.NONE && r != FbResource.PROJECT) {
            if (r.stamp() == FbResource.Stamp.EASTERN_UPDATED) {
                n.putNull("updated");
            } else {
                n.putNull("created_at");
                n.putNull("updated_at");
            }
        }
        if (r.softDelete()) {
            n.put("vis_state", 0);
        }
        return n;
    }
}
