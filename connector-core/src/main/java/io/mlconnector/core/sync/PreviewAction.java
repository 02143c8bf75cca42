package io.mlconnector.core.sync;

/** What the engine would do with a record if it were not in dry run. */
public enum PreviewAction {
    /** Create a new target object. */
    CREATE,
    /** Update the target object posted earlier. */
    UPDATE,
    /** Reverse what was posted earlier (voided source). */
    REVERSE,
    /** Nothing: the target already holds exactly this. */
    NONE
}
