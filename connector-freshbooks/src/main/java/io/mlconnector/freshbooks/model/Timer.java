package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The timer attached to a time entry. */
public record Timer(@JsonProperty("id") Long id, @JsonProperty("is_running") Boolean isRunning) {
}
