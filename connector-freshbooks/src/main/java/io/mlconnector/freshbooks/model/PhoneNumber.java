package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A phone number object. */
public record PhoneNumber(@JsonProperty("id") Long id, @JsonProperty("phone_number") String phoneNumber) {
}
