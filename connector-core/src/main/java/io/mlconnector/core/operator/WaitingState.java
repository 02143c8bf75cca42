package io.mlconnector.core.operator;

/** Why a record waits for a person. */
public enum WaitingState {
    /** Stopped for a reason a person can fix (a missing mapping, a currency, a locked target), then replayed. */
    FLAGGED,
    /** Parked in the work queue until something it waits for happens (replay requeues it). */
    PARKED,
    /** Failed and gave up after its retries (dead-lettered); replay tries it again. */
    DEAD
}
