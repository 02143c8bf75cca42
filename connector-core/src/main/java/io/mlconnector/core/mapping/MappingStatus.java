package io.mlconnector.core.mapping;

/** Whether a mapping is in force. */
public enum MappingStatus {
    /** Confirmed by a person or by policy; used for posting. */
    CONFIRMED,
    /** Proposed by alignment (e.g. same normalised name); never used for posting until confirmed. */
    SUGGESTED
}
