package io.mlconnector.core.sync.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the connector has not finished with: flagged in the ledger and/or parked or dead-lettered in the work
 * queue, whatever its period.
 *
 * @param key           the ledger source key, or the work item's dedupe key when no ledger entry pairs with it
 * @param ledgerFlagged whether the ledger holds it as flagged
 * @param queueStatus   {@code PARKED} or {@code DEAD} when a work item waits for it, else null
 * @param reason        the last flag reason or error, may be null
 * @param since         when it was last touched
 */
public record WaitingRecord(String key, boolean ledgerFlagged, String queueStatus, String reason, Instant since) {
    /**
     * Checks the components.
     *
     * @param key the ledger source key, or the work item's dedupe key when no ledger entry pairs with it
     * @param ledgerFlagged whether the ledger holds it as flagged
     * @param queueStatus {@code PARKED} or {@code DEAD} when a work item waits for it, else null
     * @param reason the last flag reason or error, may be null
     * @param since when it was last touched
     */
    public WaitingRecord {
        Objects.requireNonNull(key, "key");
    }
}
