package io.mlconnector.core.operator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record waiting for a person: flagged in the ledger, or parked or dead-lettered in the work queue.
 *
 * @param key       the source key ({@code freshbooks:bill:55}), or the work item's dedupe key when no ledger entry
 *                  pairs with it; what {@link OperatorService#replay(String, String)} takes
 * @param record    what the record is, in words ("FreshBooks bill 55")
 * @param state     why it waits
 * @param reasons   the reasons in plain words, at least one
 * @param technical the engine's own reason or last error (precise ids, for support), may be null
 * @param since     when it was last touched, may be null
 * @param workItem  the id of the work item that waits for it in the queue, may be null
 */
public record WaitingItem(String key, String record, WaitingState state, List<PlainReason> reasons,
                          String technical, Instant since, String workItem) {
    /**
     * Checks and copies the components.
     *
     * @param key the source key
     * @param record what the record is, in words
     * @param state why it waits
     * @param reasons the reasons in plain words
     * @param technical the engine's own reason, may be null
     * @param since when it was last touched, may be null
     * @param workItem the id of the waiting work item, may be null
     */
    public WaitingItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a waiting record has at least one reason");
        }
    }
}
