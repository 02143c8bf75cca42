package io.mlconnector.core.state;

/** Life cycle of a work item. */
public enum WorkStatus {
    /** Waiting to be claimed (possibly not before {@code availableAt}). */
    READY,
    /** Claimed by a worker until its lease expires. */
    LEASED,
    /** Done. */
    DONE,
    /** Stopped for a fixable reason (mapping); waits for replay. */
    PARKED,
    /** Failed permanently or too often; waits for a person. */
    DEAD
}
