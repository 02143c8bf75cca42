package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** The hourly rate of a service ({@code /comments/business/{business_id}/service/{id}/rate}). */
public record ServiceRate(
        @JsonProperty("business_id") Long businessId,
        @JsonProperty("service_id") Long serviceId,
        @JsonProperty("rate") BigDecimal rate) {
}
