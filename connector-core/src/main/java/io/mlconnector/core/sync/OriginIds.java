package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Systems;

/**
 * The stable ids the engine writes on the objects it creates, so they can be found again and recognised as ours.
 * <ul>
 *   <li>On Procore objects ({@code origin_id}): {@code fb:<accountId>:<type>:<id>}, e.g. {@code fb:6BApk:bill:123}
 *       — the FreshBooks account id makes it unique per Procore company even when several FreshBooks accounts feed
 *       one company; type and id are those of the FreshBooks record.</li>
 *   <li>On FreshBooks expenses (marker in the notes): {@code pc:<companyId>:<type>:<id>:<categoryId>} — one expense
 *       per Procore object and expense category.</li>
 * </ul>
 * Any Procore object whose origin id starts with {@code fb:} was written by the connector.
 */
final class OriginIds {
    static final String FRESHBOOKS_PREFIX = "fb:";
    static final String PROCORE_PREFIX = "pc:";

    private OriginIds() {
    }

    static String forFreshBooks(String accountId, ExternalRef source) {
        return FRESHBOOKS_PREFIX + accountId + ":" + source.type() + ":" + source.id();
    }

    static String expenseMarker(long companyId, ExternalRef source, String categoryId) {
        return PROCORE_PREFIX + companyId + ":" + source.type() + ":" + source.id() + ":" + categoryId;
    }

    /** Whether an origin id was written by the connector on the project side. */
    static boolean isOurs(String originId) {
        return originId != null && originId.startsWith(FRESHBOOKS_PREFIX);
    }

    /**
     * The FreshBooks record an origin id of ours names, when it was written for {@code accountId}; null otherwise.
     */
    static ExternalRef parseFreshBooks(String originId, String accountId) {
        String prefix = FRESHBOOKS_PREFIX + accountId + ":";
        if (originId == null || !originId.startsWith(prefix)) {
            return null;
        }
        String rest = originId.substring(prefix.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return null;
        }
        return new ExternalRef(Systems.FRESHBOOKS, rest.substring(0, colon), rest.substring(colon + 1));
    }
}
