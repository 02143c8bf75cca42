package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.audit.AuditOutcome;
import java.time.Duration;
import java.util.List;

/**
 * Processes one kind of work item. Flows audit their own outcomes; exceptions they let escape are classified by the
 * worker (retryable → backoff, uncertain create → retry with origin lookup, invalid project / locked target → flag,
 * anything else → dead letter).
 */
public interface Flow {

    Result process(FlowContext ctx);

    /** How a flow finished with one work item; the worker settles the item accordingly. */
    sealed interface Result {

        /** Done; the flow audited what it did. */
        record Completed(AuditOutcome outcome) implements Result {
        }

        /** Stopped for fixable reasons: audited, unmapped ids recorded, ledger FLAGGED, item parked. */
        record Flagged(String sourceKey, String sourceVersion, List<Flag> flags) implements Result {
            public Flagged {
                flags = List.copyOf(flags);
                if (flags.isEmpty()) {
                    throw new IllegalArgumentException("no flags");
                }
            }
        }

        /** Try again later (backoff, at least {@code atLeast} when set); audited with {@code outcome}. */
        record Retry(String sourceKey, AuditOutcome outcome, String reason, Duration atLeast) implements Result {
        }

        /**
         * Another worker (possibly on another node) holds the record's lease: try again once that lease can have expired.
         * Never counts towards the attempt limit, so a dead node's lease cannot exhaust a record's attempts.
         */
        record Busy(String sourceKey, String reason) implements Result {
        }

        /**
         * The remote API asked to come back later (HTTP 429 with a {@code Retry-After} longer than a worker waits
         * in-line): requeued for that time without counting an attempt, so a busy API never dead-letters a record.
         */
        record Deferred(String sourceKey, String reason, Duration after) implements Result {
        }

        /** Park without a flag: waiting for another record that is itself flagged; replayed together with it. */
        record Waiting(String sourceKey, String waitingFor, String reason) implements Result {
        }

        static Flow.Result flagged(String sourceKey, String sourceVersion, List<Flag> flags) {
            return new Flagged(sourceKey, sourceVersion, flags);
        }

        static Flow.Result flagged(String sourceKey, String sourceVersion, Flag flag) {
            return new Flagged(sourceKey, sourceVersion, List.of(flag));
        }
    }
}
