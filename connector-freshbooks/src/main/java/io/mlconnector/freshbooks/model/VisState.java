package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * FreshBooks soft-delete state ({@code vis_state}): 0 active, 1 deleted, 2 archived. A PUT carrying
 * {@code vis_state} silently drops every other field, so the client sends it only in dedicated calls.
 */
public enum VisState {
    /** 0: active. */
    ACTIVE(0),
    /** 1: deleted (restorable). */
    DELETED(1),
    /** 2: archived. */
    ARCHIVED(2),
    /** A value this client does not know. */
    UNKNOWN(-1);

    private final int code;

    VisState(int code) {
        this.code = code;
    }

    /**
     * The wire value.
     *
     * @return the wire value
     */
    @JsonValue
    public int code() {
        return code;
    }

    /**
     * The state for a wire value; unknown values map to {@link #UNKNOWN}.
     *
     * @param code the code
     * @return the {@code VisState}
     */
    @JsonCreator
    public static VisState of(int code) {
        for (VisState v : values()) {
            if (v.code == code && v != UNKNOWN) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
