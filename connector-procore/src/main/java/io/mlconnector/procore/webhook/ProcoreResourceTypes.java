package io.mlconnector.procore.webhook;

import java.util.Locale;
import java.util.Map;

/**
 * Maps Procore webhook resource names ({@code "Change Order Packages"}) to the {@code ExternalRef} types this
 * connector uses ({@code change_order_package}). Names not listed become snake_case singulars
 * ({@code "RFIs"} → {@code rfi}).
 */
public final class ProcoreResourceTypes {
    /** Change order package. */
    public static final String CHANGE_ORDER_PACKAGE = "change_order_package";
    /** Prime contract change order (1- and 2-tier projects). */
    public static final String PRIME_CHANGE_ORDER = "prime_change_order";
    /** Commitment change order. */
    public static final String COMMITMENT_CHANGE_ORDER = "commitment_change_order";
    /** Direct cost. */
    public static final String DIRECT_COST = "direct_cost";
    /** Budget change. */
    public static final String BUDGET_CHANGE = "budget_change";
    /** Company vendor. */
    public static final String VENDOR = "vendor";
    /** Project. */
    public static final String PROJECT = "project";
    /** Requisition (subcontractor invoice). */
    public static final String REQUISITION = "requisition";
    /** Payment application (owner invoice). */
    public static final String PAYMENT_APPLICATION = "payment_application";
    /** Contract payment. */
    public static final String CONTRACT_PAYMENT = "contract_payment";
    /** Cost code. */
    public static final String COST_CODE = "cost_code";
    /** Line item type (cost type). */
    public static final String LINE_ITEM_TYPE = "line_item_type";
    /** Purchase order contract. */
    public static final String PURCHASE_ORDER_CONTRACT = "purchase_order_contract";
    /** Work order contract. */
    public static final String WORK_ORDER_CONTRACT = "work_order_contract";
    /** Prime contract. */
    public static final String PRIME_CONTRACT = "prime_contract";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("change order packages", CHANGE_ORDER_PACKAGE),
            Map.entry("commitment change orders", COMMITMENT_CHANGE_ORDER),
            // procore.md §6.7 lists no prime change order resource; should one be offered, it is read as such
            Map.entry("prime change orders", PRIME_CHANGE_ORDER),
            Map.entry("prime contract change orders", PRIME_CHANGE_ORDER),
            Map.entry("direct costs", DIRECT_COST),
            Map.entry("direct cost line items", "direct_cost_line_item"),
            Map.entry("company direct cost line items", "direct_cost_line_item"),
            Map.entry("budget changes", BUDGET_CHANGE),
            Map.entry("budget change adjustments", "budget_change_adjustment"),
            Map.entry("budget change adjustment line items", "budget_change_adjustment_line_item"),
            Map.entry("budget modifications", "budget_modification"),
            Map.entry("budget line items", "budget_line_item"),
            Map.entry("company vendors", VENDOR),
            Map.entry("project vendors", VENDOR),
            Map.entry("vendors", VENDOR),
            Map.entry("projects", PROJECT),
            Map.entry("requisitions", REQUISITION),
            Map.entry("subcontractor invoices", REQUISITION),
            Map.entry("payment applications", PAYMENT_APPLICATION),
            Map.entry("contract payments", CONTRACT_PAYMENT),
            Map.entry("cost codes", COST_CODE),
            Map.entry("line item types", LINE_ITEM_TYPE),
            Map.entry("purchase order contracts", PURCHASE_ORDER_CONTRACT),
            Map.entry("purchase order contract line items", "purchase_order_contract_line_item"),
            Map.entry("work order contracts", WORK_ORDER_CONTRACT),
            Map.entry("work order contract line items", "work_order_contract_line_item"),
            Map.entry("prime contracts", PRIME_CONTRACT),
            Map.entry("prime contract line items", "prime_contract_line_item"),
            Map.entry("change events", "change_event"),
            Map.entry("change event line items", "change_event_line_item"),
            Map.entry("potential change orders", "potential_change_order"),
            Map.entry("potential change order line items", "potential_change_order_line_item"),
            Map.entry("change order requests", "change_order_request"),
            Map.entry("erp requests", "erp_request"),
            Map.entry("standard cost codes", "standard_cost_code"),
            Map.entry("sub jobs", "sub_job"));

    /** Line-item resources whose v3.0 {@code related_resources} name the parent worth routing to. */
    private static final Map<String, String> PARENTS = Map.of(
            "direct_cost_line_item", DIRECT_COST,
            "purchase_order_contract_line_item", PURCHASE_ORDER_CONTRACT,
            "work_order_contract_line_item", WORK_ORDER_CONTRACT,
            "prime_contract_line_item", PRIME_CONTRACT,
            "budget_change_adjustment", BUDGET_CHANGE,
            "budget_change_adjustment_line_item", BUDGET_CHANGE);

    private ProcoreResourceTypes() {
    }

    /**
     * The ref type for a resource name.
     *
     * @param resourceName e.g. {@code Change Order Packages}
     * @return the ref type for a resource name
     */
    public static String typeOf(String resourceName) {
        String key = resourceName == null ? "" : resourceName.trim().toLowerCase(Locale.ROOT);
        String known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        String snake = key.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (snake.endsWith("ies")) {
            return snake.substring(0, snake.length() - 3) + "y";
        }
        return snake.endsWith("s") ? snake.substring(0, snake.length() - 1) : snake.isEmpty() ? "unknown" : snake;
    }

    /**
     * The parent type a line-item type rolls up to, or null.
     *
     * @param type the type
     * @return the parent type a line-item type rolls up to, or null
     */
    public static String parentOf(String type) {
        return PARENTS.get(type);
    }
}
