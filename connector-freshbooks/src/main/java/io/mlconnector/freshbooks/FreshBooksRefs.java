package io.mlconnector.freshbooks;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Systems;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link ExternalRef} types this module uses for FreshBooks objects; the sync engine keys its mappings, ledger and
 * queue by them ({@code freshbooks:<type>:<id>}). Ids are FreshBooks' own: numeric ids as decimal strings.
 */
public final class FreshBooksRefs {
    /** A bill ({@code bills/bills}). */
    public static final String BILL = "bill";
    /** An invoice. */
    public static final String INVOICE = "invoice";
    /** A payment of a bill. */
    public static final String BILL_PAYMENT = "bill_payment";
    /** A payment of an invoice. */
    public static final String PAYMENT = "payment";
    /** A bill vendor ({@code vendorid}). */
    public static final String VENDOR = "vendor";
    /** A client ({@code userid}, invoices' {@code customerid}). */
    public static final String CLIENT = "client";
    /** An expense category, the GL account of bill lines and expenses ({@code categoryid}). */
    public static final String CATEGORY = "category";
    /** A business-namespace project. */
    public static final String PROJECT = "project";
    /** An expense. */
    public static final String EXPENSE = "expense";
    /** An item. */
    public static final String ITEM = "item";
    /** A webhook callback. */
    public static final String CALLBACK = "callback";

    /** Webhook event resources whose ref type differs from the event prefix. */
    private static final Map<String, String> EVENT_RESOURCES = Map.of("bill_vendor", VENDOR, "bill_payment", BILL_PAYMENT);

    private FreshBooksRefs() {
    }

    /**
     * {@code freshbooks:<type>:<id>}.
     *
     * @param type the type
     * @param id the object's id
     * @return the ref
     */
    public static ExternalRef ref(String type, Object id) {
        return ExternalRef.of(Systems.FRESHBOOKS, type, id);
    }

    /**
     * The ref type for a webhook event resource ({@code bill_vendor} → {@code vendor}); other resources
     * ({@code bill}, {@code invoice}, {@code estimate}, {@code time_entry}…) keep their name.
     *
     * @param resource the resource
     * @return the ref type for a webhook event resource ({@code bill_vendor} → {@code vendor})
     */
    public static String typeForEventResource(String resource) {
        String r = resource.toLowerCase(Locale.ROOT);
        return EVENT_RESOURCES.getOrDefault(r, r);
    }
}
