package io.mlconnector.testkit.server;

/** How one webhook delivery attempt ended. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    OK,
    /** The attempt failed and the event will be tried again. */
    RETRIED,
    /** The attempt failed and the event will not be tried again. */
    FAILED,
    /** The event was given up without (another) attempt. */
    DISCARDED,
    /** A webhook fault knob dropped the event on purpose; nothing was sent. */
    DROPPED
}
