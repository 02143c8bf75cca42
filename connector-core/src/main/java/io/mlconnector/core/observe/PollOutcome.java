package io.mlconnector.core.observe;

/** How one poll of a stream ended ({@link PollEvent}). */
public enum PollOutcome {
    /** Every cursor of the stream was walked and saved. */
    SUCCEEDED,
    /** A cursor's walk failed; its cursor was not advanced and the next poll reads the same window again. */
    FAILED,
    /** Another node holds the stream's poll leases: nothing was read. */
    NOT_LEADER
}
