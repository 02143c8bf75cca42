package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Creates FreshBooks objects from Java. From {@link FreshBooksSandbox#seed()} nothing is announced (pre-existing
 * data); from {@link FreshBooksSandbox#act()} every creation fires its webhook, as if a user had done it in FreshBooks.
 */
public final class FreshBooksSeeder {

    private final FreshBooksStore store;
    private final Json json;
    private final boolean notify;

    FreshBooksSeeder(FreshBooksStore store, Json json, boolean notify) {
        this.store = store;
        this.json = json;
        this.notify = notify;
    }

    private ObjectNode create(FbResource r, ObjectNode body) {
        return store.create(r, body, notify);
    }

    /**
     * Any resource from raw fields (request shape, without the envelope); returns the stored object.
     *
     * @param resource the FreshBooks resource
     * @param fields the fields to set
     * @return the stored object
     */
    public JsonNode raw(FbResource resource, Map<String, ?> fields) {
        return create(resource, (ObjectNode) json.tree(fields));
    }

    /**
     * A bill vendor in the business currency.
     *
     * @param name the name
     * @return a bill vendor in the business currency
     */
    public BillVendor billVendor(String name) {
        ObjectNode b = json.object();
        b.put("vendor_name", name);
        return FbViews.billVendor(create(FbResource.BILL_VENDOR, b));
    }

    /**
     * A bill vendor in a given currency.
     *
     * @param name the name
     * @param currency the currency code
     * @return a bill vendor in a given currency
     */
    public BillVendor billVendor(String name, String currency) {
        ObjectNode b = json.object();
        b.put("vendor_name", name);
        b.put("currency_code", currency);
        return FbViews.billVendor(create(FbResource.BILL_VENDOR, b));
    }

    /**
     * A top-level expense category.
     *
     * @param name the name
     * @return a top-level expense category
     */
    public ExpenseCategory expenseCategory(String name) {
        ObjectNode b = json.object();
        b.put("category", name);
        return FbViews.category(create(FbResource.EXPENSE_CATEGORY, b));
    }

    /**
     * A child expense category.
     *
     * @param name the name
     * @param parentId parent category or null
     * @return a child expense category
     */
    public ExpenseCategory expenseCategory(String name, long parentId) {
        ObjectNode b = json.object();
        b.put("category", name);
        b.put("parentid", parentId);
        return FbViews.category(create(FbResource.EXPENSE_CATEGORY, b));
    }

    /**
     * A bill issued today (Eastern) with the given lines.
     *
     * @param vendorId bill vendor id
     * @param lines lines
     * @return a bill issued today (Eastern) with the given lines
     */
    public Bill bill(long vendorId, BillLine... lines) {
        return bill(vendorId, null, null, List.of(lines));
    }

    /**
     * A bill with issue date (null = today) and number (may be null).
     *
     * @param vendorId bill vendor id
     * @param issueDate issue date
     * @param billNumber bill number or null
     * @param lines lines
     * @return a bill with issue date (null = today) and number (may be null)
     */
    public Bill bill(long vendorId, LocalDate issueDate, String billNumber, List<BillLine> lines) {
        ObjectNode b = json.object();
        b.put("vendorid", vendorId);
        if (issueDate != null) {
            b.put("issue_date", issueDate.toString());
        }
        if (billNumber != null) {
            b.put("bill_number", billNumber);
        }
        ArrayNode arr = b.putArray("lines");
        for (BillLine l : lines) {
            ObjectNode line = arr.addObject();
            line.put("categoryid", l.categoryId());
            line.put("description", l.description());
            line.put("quantity", l.quantity().toPlainString());
            line.putObject("unit_cost").put("amount", l.unitCost().toPlainString());
            if (l.taxName1() != null) {
                line.put("tax_name1", l.taxName1());
            }
            if (l.taxPercent1() != null) {
                line.put("tax_percent1", l.taxPercent1().toPlainString());
            }
        }
        return FbViews.bill(create(FbResource.BILL, b));
    }

    /**
     * A payment of a bill, dated today.
     *
     * @param billId bill paid
     * @param amount the amount
     * @return a payment of a bill, dated today
     */
    public BillPayment billPayment(long billId, BigDecimal amount) {
        ObjectNode b = json.object();
        b.put("billid", billId);
        b.putObject("amount").put("amount", amount.toPlainString());
        return FbViews.billPayment(create(FbResource.BILL_PAYMENT, b));
    }

    /**
     * A client with an organization name.
     *
     * @param organization organization
     * @return a client with an organization name
     */
    public Client client(String organization) {
        return client(organization, null);
    }

    /**
     * A client with organization and e-mail.
     *
     * @param organization organization
     * @param email e-mail
     * @return a client with organization and e-mail
     */
    public Client client(String organization, String email) {
        ObjectNode b = json.object();
        b.put("organization", organization);
        if (email != null) {
            b.put("email", email);
        }
        return FbViews.client(create(FbResource.CLIENT, b));
    }

    /**
     * A draft invoice dated today.
     *
     * @param clientId the OAuth client id
     * @param lines lines
     * @return a draft invoice dated today
     */
    public Invoice invoice(long clientId, InvoiceLine... lines) {
        ObjectNode b = json.object();
        b.put("customerid", clientId);
        ArrayNode arr = b.putArray("lines");
        for (InvoiceLine l : lines) {
            ObjectNode line = arr.addObject();
            line.put("type", 0);
            line.put("name", l.name());
            line.put("description", l.description());
            line.put("qty", l.qty().toPlainString());
            line.putObject("unit_cost").put("amount", l.unitCost().toPlainString());
            if (l.taxName1() != null) {
                line.put("taxName1", l.taxName1());
            }
            if (l.taxPercent1() != null) {
                line.put("taxAmount1", l.taxPercent1().toPlainString());
            }
        }
        return FbViews.invoice(create(FbResource.INVOICE, b));
    }

    /**
     * A payment of an invoice, dated today.
     *
     * @param invoiceId invoice paid
     * @param amount the amount
     * @return a payment of an invoice, dated today
     */
    public Payment payment(long invoiceId, BigDecimal amount) {
        ObjectNode b = json.object();
        b.put("invoiceid", invoiceId);
        b.putObject("amount").put("amount", amount.toPlainString());
        return FbViews.payment(create(FbResource.PAYMENT, b));
    }

    /**
     * An expense; {@code projectId} 0 for none.
     *
     * @param categoryId expense category (the line's GL account)
     * @param amount the amount
     * @param date the date
     * @param projectId the project's id
     * @param notes the notes
     * @return an expense
     */
    public Expense expense(long categoryId, BigDecimal amount, LocalDate date, long projectId, String notes) {
        ObjectNode b = json.object();
        b.put("categoryid", categoryId);
        b.putObject("amount").put("amount", amount.toPlainString());
        b.put("date", date.toString());
        b.put("projectid", projectId);
        if (notes != null) {
            b.put("notes", notes);
        }
        return FbViews.expense(create(FbResource.EXPENSE, b));
    }

    /**
     * An internal project without budget or price.
     *
     * @param title title
     * @return an internal project without budget or price
     */
    public Project project(String title) {
        return project(title, null, null, null, null);
    }

    /**
     * A fixed-price project ({@code project_type} {@code fixed_price}): the client is charged {@code fixedPrice}.
     *
     * @param title title
     * @param clientId the client, or null for an internal project
     * @param fixedPrice what the client is charged on a fixed-price project ({@code "600.00"}), or null
     * @return a fixed-price project ({@code project_type} {@code fixed_price}): the client is charged {@code
     *     fixedPrice}
     */
    public Project fixedPriceProject(String title, Long clientId, BigDecimal fixedPrice) {
        return project(title, clientId, "fixed_price", fixedPrice, null);
    }

    /**
     * A fixed-price project that also has a time budget (whole hours), as a project manager would set both.
     *
     * @param title title
     * @param clientId the OAuth client id
     * @param fixedPrice what the client is charged on a fixed-price project ({@code "600.00"}), or null
     * @param budgetHours the time budget in hours
     * @return a fixed-price project that also has a time budget (whole hours), as a project manager would set both
     */
    public Project fixedPriceProject(String title, Long clientId, BigDecimal fixedPrice, int budgetHours) {
        return project(title, clientId, "fixed_price", fixedPrice, budgetHours);
    }

    /**
     * An hourly project ({@code project_type} {@code hourly_rate}) with an optional time budget in whole hours.
     *
     * @param title title
     * @param clientId    the client, or null for an internal project
     * @param budgetHours the time budget in hours, or null
     * @return an hourly project ({@code project_type} {@code hourly_rate}) with an optional time budget in whole hours
     */
    public Project hourlyProject(String title, Long clientId, Integer budgetHours) {
        return project(title, clientId, "hourly_rate", null, budgetHours);
    }

    /**
     * A project with a time budget.
     *
     * @param title title
     * @param budget the budget in whole HOURS (a FreshBooks budget is never money); a fractional value is refused
     * @return a project with a time budget
     * @deprecated a FreshBooks budget is hours, not money: use {@link #fixedPriceProject} for a price or
     *     {@link #hourlyProject} for a time budget
     */
    @Deprecated
    public Project project(String title, BigDecimal budget) {
        return project(title, null, budget);
    }

    /**
     * A project for a client (null for internal) with a time budget.
     *
     * @param title title
     * @param clientId the OAuth client id
     * @param budget the budget in whole HOURS (a FreshBooks budget is never money); a fractional value is refused
     * @return a project for a client (null for internal) with a time budget
     * @deprecated a FreshBooks budget is hours, not money: use {@link #fixedPriceProject} for a price or
     *     {@link #hourlyProject} for a time budget
     */
    @Deprecated
    public Project project(String title, Long clientId, BigDecimal budget) {
        Integer hours = null;
        if (budget != null) {
            try {
                hours = budget.intValueExact();
            } catch (ArithmeticException e) {
                throw FreshBooksValidationException.invalid("project", "budget", budget.toPlainString(),
                    "Input should be a valid integer: a budget is a whole number of hours.");
            }
        }
        return project(title, clientId, null, null, hours);
    }

    private Project project(String title, Long clientId, String projectType, BigDecimal fixedPrice,
                            Integer budgetHours) {
        ObjectNode b = json.object();
        b.put("title", title);
        if (clientId != null) {
            b.put("client_id", clientId);
        }
        if (projectType != null) {
            b.put("project_type", projectType);
        }
        if (fixedPrice != null) {
            b.put("fixed_price", fixedPrice.toPlainString());
        }
        if (budgetHours != null) {
            b.put("budget", budgetHours.intValue());
        }
        return FbViews.project(create(FbResource.PROJECT, b));
    }

    /**
     * An item with a unit cost.
     *
     * @param name the name
     * @param unitCost unit cost
     * @return an item with a unit cost
     */
    public JsonNode item(String name, BigDecimal unitCost) {
        ObjectNode b = json.object();
        b.put("name", name);
        b.putObject("unit_cost").put("amount", unitCost.toPlainString());
        return create(FbResource.ITEM, b);
    }

    /**
     * A tax with a percent.
     *
     * @param name the name
     * @param percent the percent
     * @return a tax with a percent
     */
    public JsonNode tax(String name, BigDecimal percent) {
        ObjectNode b = json.object();
        b.put("name", name);
        b.put("amount", percent.toPlainString());
        return create(FbResource.TAX, b);
    }
}
