package io.mlconnector.core.observe;

/** What became of a work item (or, at intake, of a webhook that queued nothing). */
public enum WorkOutcome {
    /** An object was created in the other system. */
    POSTED,
    /** The object made earlier was updated. */
    UPDATED,
    /** The object made earlier was reversed (source deleted or voided). */
    REVERSED,
    /** Dry run: what would have been done was recorded as a preview. */
    PREVIEWED,
    /** The change was the connector's own (an echo of what it wrote): not processed. */
    SKIPPED_ECHO,
    /** The record was already processed at this version, or an equal item was already queued. */
    SKIPPED_DUPLICATE,
    /** Done without posting anything (not applicable, mapping change, webhook confirmation). */
    COMPLETED,
    /** Stopped for a reason a person can fix (unmapped reference…): parked until replayed. */
    FLAGGED,
    /** Parked while waiting for another record that is itself flagged. */
    WAITING,
    /** Failed and retried later at a backoff (counts an attempt). */
    RETRIED,
    /** Asked to wait (rate limit, another worker holds the record): requeued without counting an attempt. */
    DEFERRED,
    /** Failed permanently or too often: moved to the dead letters. */
    DEAD_LETTERED,
    /** This worker's lease ran out before it settled the item; another worker has it. */
    LEASE_LOST
}
