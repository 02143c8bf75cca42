package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known about an expense the connector may have created earlier, so the accounting system can look for it
 * with the narrowest filters it offers instead of scanning every expense of a project.
 *
 * <p>The marker decides: an implementation returns only an expense carrying {@code marker}. The other fields narrow
 * the search and may be null when unknown; an implementation must never miss an expense with the marker because a
 * narrowing field was given (when it cannot trust a filter, it reads more, never less).
 *
 * @param marker   our stable key written on the expense (required)
 * @param project  accounting-side project the expense was written on, or null
 * @param category expense category the expense was written in, or null
 * @param amount   the amount the expense was created with, or null when unknown
 * @param date     the date the expense was created with, or null when unknown
 */
public record ExpenseLookup(String marker, ExternalRef project, ExternalRef category, Money amount, LocalDate date) {

    /**
     * Validates the marker.
     *
     * @param marker   our stable key written on the expense (required)
     * @param project  accounting-side project the expense was written on, or null
     * @param category expense category the expense was written in, or null
     * @param amount   the amount the expense was created with, or null when unknown
     * @param date     the date the expense was created with, or null when unknown
     * @throws IllegalArgumentException when the marker is blank
     */
    public ExpenseLookup {
        Objects.requireNonNull(marker, "marker");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("marker must not be blank");
        }
    }
}
