package io.mlconnector.core.audit;

/** What happened to a record. {@code FLAGGED_*} outcomes mean nothing was posted and the record waits for replay. */
public enum AuditOutcome {
    POSTED,
    UPDATED,
    REVERSED,
    SKIPPED_DUPLICATE,
    SKIPPED_ECHO,
    SKIPPED_NOT_APPLICABLE,
    PREVIEW,
    FLAGGED_UNMAPPED_VENDOR,
    FLAGGED_UNMAPPED_PROJECT,
    FLAGGED_UNMAPPED_GL_ACCOUNT,
    FLAGGED_UNMAPPED_COST_CODE,
    FLAGGED_INVALID_COMPANY,
    FLAGGED_CURRENCY_MISMATCH,
    FLAGGED_NO_COMMITMENT_LINE,
    FLAGGED_EDIT_NOT_ALLOWED,
    FLAGGED_TARGET_SETUP,
    /**
     * The target changed in a way the connector cannot attribute (e.g. a fixed price that is neither what it was
     * before our earlier attempt nor what that attempt wrote, or a project mapping that moved after an amount was
     * applied): nothing is written until a person checks and replays.
     */
    FLAGGED_NEEDS_REVIEW,
    FAILED_RETRYABLE,
    FAILED_PERMANENT,
    OUTCOME_UNCERTAIN,
    WEBHOOK_ACCEPTED,
    WEBHOOK_REJECTED,
    MAPPING_CHANGED,
    /** A stream's polls failed {@code streamFailureThreshold} times in a row (reported once until it recovers). */
    STREAM_FAILING,
    /** A stream reported failing was polled successfully again. */
    STREAM_RECOVERED;

    /** Whether the record was stopped for a reason a person can fix, then replayed. */
    public boolean isFlag() {
        return name().startsWith("FLAGGED_");
    }
}
