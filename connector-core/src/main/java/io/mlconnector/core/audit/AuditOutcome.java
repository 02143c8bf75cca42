package io.mlconnector.core.audit;

/** What happened to a record. {@code FLAGGED_*} outcomes mean nothing was posted and the record waits for replay. */
public enum AuditOutcome {
    /** The target object was created in the other system. */
    POSTED,
    /** An object posted earlier was changed to follow an edit of its source record. */
    UPDATED,
    /** An object posted earlier was reversed (deleted or voided) because its source record was. */
    REVERSED,
    /** Nothing was done: the same version of the record was already handled. */
    SKIPPED_DUPLICATE,
    /** Nothing was done: the change was the connector's own write coming back as a webhook. */
    SKIPPED_ECHO,
    /** Nothing was done: the record has no counterpart in the other system (the reason says why). */
    SKIPPED_NOT_APPLICABLE,
    /** Dry run: what would have been posted, without posting it. */
    PREVIEW,
    /** Not posted: the record's vendor has no confirmed mapping. */
    FLAGGED_UNMAPPED_VENDOR,
    /** Not posted: the record's client or project has no confirmed project mapping. */
    FLAGGED_UNMAPPED_PROJECT,
    /** Not posted: a line's GL account (expense category) has no confirmed cost code mapping. */
    FLAGGED_UNMAPPED_GL_ACCOUNT,
    /** Not posted: a cost code has no confirmed mapping in the other direction. */
    FLAGGED_UNMAPPED_COST_CODE,
    /** Not posted: the target project does not belong to the connected Procore company. */
    FLAGGED_INVALID_COMPANY,
    /** Not posted: the record's currency differs from the target's. */
    FLAGGED_CURRENCY_MISMATCH,
    /** Not posted: the commitment has no schedule-of-values line for a line's cost code. */
    FLAGGED_NO_COMMITMENT_LINE,
    /** Not updated: the posted object can no longer be edited in the other system (for example approved). */
    FLAGGED_EDIT_NOT_ALLOWED,
    /** Not posted: something the target needs is missing there (for example a billing period). */
    FLAGGED_TARGET_SETUP,
    /**
     * The target changed in a way the connector cannot attribute (e.g. a fixed price that is neither what it was
     * before our earlier attempt nor what that attempt wrote, or a project mapping that moved after an amount was
     * applied): nothing is written until a person checks and replays.
     */
    FLAGGED_NEEDS_REVIEW,
    /** The attempt failed for a passing reason (timeout, 5xx, rate limit) and will be retried. */
    FAILED_RETRYABLE,
    /** The attempt failed for a reason retrying cannot fix, or retries ran out; the work item is dead-lettered. */
    FAILED_PERMANENT,
    /** A create may or may not have reached the other system; the retry looks the object up by its origin id first. */
    OUTCOME_UNCERTAIN,
    /** A webhook passed verification and was queued. */
    WEBHOOK_ACCEPTED,
    /** A webhook failed verification (signature, secret or shape) and was dropped. */
    WEBHOOK_REJECTED,
    /** A mapping was created, confirmed, changed or removed. */
    MAPPING_CHANGED,
    /**
     * A person changed a mapping (operator console, API or the mapping file): the details name who
     * ({@code who}), what ({@code kind}, {@code sourceId}) and the mapping before and after ({@code before*},
     * {@code after*}).
     */
    MAPPING_EDITED,
    /** A stream's polls failed {@code streamFailureThreshold} times in a row (reported once until it recovers). */
    STREAM_FAILING,
    /** A stream reported failing was polled successfully again. */
    STREAM_RECOVERED;

    /**
     * Whether the record was stopped for a reason a person can fix, then replayed.
     *
     * @return whether the record was stopped for a reason a person can fix, then replayed
     */
    public boolean isFlag() {
        return name().startsWith("FLAGGED_");
    }
}
