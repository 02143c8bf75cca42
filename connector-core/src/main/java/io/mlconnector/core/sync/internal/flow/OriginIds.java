package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.model.ExternalRef;

/**
 * The stable ids the engine writes on the objects it creates, so they can be found again and recognised as ours.
 * <ul>
 *   <li>On Procore objects ({@code origin_id}): {@code fb:<accountId>:<type>:<id>}, e.g. {@code fb:6BApk:bill:123}
 *       — the FreshBooks account id makes it unique per Procore company even when several FreshBooks accounts feed
 *       one company; type and id are those of the FreshBooks record.</li>
 *   <li>On FreshBooks expenses (marker in the notes): {@code pc:<companyId>:<type>:<id>:<categoryId>} — one expense
 *       per Procore object and expense category.</li>
 * </ul>
 * Any Procore object whose origin id starts with {@code fb:} was written by the connector. (Vendors follow the
 * alignment's convention instead: a Procore vendor's origin id is the FreshBooks vendor id.)
 */
public final class OriginIds {
    static final String FRESHBOOKS_PREFIX = "fb:";
    public static final String PROCORE_PREFIX = "pc:";

    private OriginIds() {
    }

    public static String forFreshBooks(String accountId, ExternalRef source) {
        return FRESHBOOKS_PREFIX + accountId + ":" + source.type() + ":" + source.id();
    }

    public static String expenseMarker(long companyId, ExternalRef source, String categoryId) {
        return PROCORE_PREFIX + companyId + ":" + source.type() + ":" + source.id() + ":" + categoryId;
    }

    /** Whether an origin id was written by the connector on the project side. */
    public static boolean isOurs(String originId) {
        return originId != null && originId.startsWith(FRESHBOOKS_PREFIX);
    }
}
