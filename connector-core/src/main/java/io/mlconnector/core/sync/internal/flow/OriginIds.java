package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.port.ProjectSystem;

/**
 * The stable ids the engine writes on the objects it creates, so they can be found again and recognised as ours.
 * Each side's port supplies the tag that opens them ({@link AccountingSystem#originIdPrefix()},
 * {@link ProjectSystem#expenseMarkerPrefix()}); the layout after the tag is the engine's.
 * <ul>
 *   <li>On project-side objects ({@code origin_id}): {@code <tag><accountId>:<type>:<id>} — the accounting account
 *       id makes it unique per project-side company even when several accounts feed one company; type and id are
 *       those of the accounting record.</li>
 *   <li>On accounting-side expenses (marker in the notes): {@code <tag><companyId>:<type>:<id>:<categoryId>} — one
 *       expense per project-side object and expense category.</li>
 * </ul>
 * Any project-side object whose origin id starts with the accounting tag was written by the connector. (Vendors
 * follow the alignment's convention instead: a project-side vendor's origin id is the accounting vendor id.)
 */
public final class OriginIds {
    private OriginIds() {
    }

    /** The origin id written on the project-side object made from an accounting record. */
    public static String forAccountingRecord(AccountingSystem accounting, ExternalRef source) {
        return accounting.originIdPrefix() + accounting.accountId() + ":" + source.type() + ":" + source.id();
    }

    /** The marker written on the accounting-side expense made from a project-side record and expense category. */
    public static String expenseMarker(ProjectSystem projects, ExternalRef source, String categoryId) {
        return expenseMarkerPrefix(projects) + source.type() + ":" + source.id() + ":" + categoryId;
    }

    /** What every expense marker of the project-side company starts with. */
    public static String expenseMarkerPrefix(ProjectSystem projects) {
        return projects.expenseMarkerPrefix() + projects.companyId() + ":";
    }

    /** Whether an origin id on a project-side object was written by the connector. */
    public static boolean isOurs(AccountingSystem accounting, String originId) {
        return originId != null && originId.startsWith(accounting.originIdPrefix());
    }
}
