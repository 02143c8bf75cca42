package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.state.LedgerEntry;
import java.util.Map;

/**
 * A FreshBooks record that was deleted (or no longer exists). The connector never deletes Procore objects: if one
 * was posted, the record is flagged so a person voids it in Procore; otherwise nothing is to be done.
 */
public final class SourceGone {
    private SourceGone() {
    }

    public static Flow.Result handle(FlowContext ctx, String sourceKey, String version, String what) {
        LedgerEntry e = sourceKey == null ? null : ctx.state().ledger(ctx.connectionId(), sourceKey).orElse(null);
        if (e != null && e.targetId() != null) {
            return Flow.Result.flagged(sourceKey, version, Flag.of(AuditOutcome.FLAGGED_EDIT_NOT_ALLOWED,
                    what + " after it was posted as " + e.targetKind() + " " + e.targetId()
                            + "; the connector never deletes Procore objects, void it in Procore"));
        }
        ctx.audit(Direction.ACCOUNTING_TO_PROJECT, null, AuditOutcome.SKIPPED_NOT_APPLICABLE,
                what + " before anything was posted", Map.of());
        return new Flow.Result.Completed(AuditOutcome.SKIPPED_NOT_APPLICABLE);
    }
}
