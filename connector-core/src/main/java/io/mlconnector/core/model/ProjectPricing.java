package io.mlconnector.core.model;

import java.util.Objects;

/**
 * How the accounting system bills the owner for a project: fixed price (with its amount) or not. A prime contract
 * change order moves {@link #fixedPrice()} on a fixed-price project; on any other project nothing is written.
 * The project's budget is never part of this: in FreshBooks a budget is a number of hours, never money.
 *
 * @param project    the project in the accounting system
 * @param fixedPriceBilling whether the project is billed at a fixed price
 * @param fixedPrice the fixed price; null when the project is not billed at a fixed price or has none yet
 */
public record ProjectPricing(ExternalRef project, boolean fixedPriceBilling, Money fixedPrice) {
    /**
     * Checks the components.
     *
     * @param project the project in the accounting system
     * @param fixedPriceBilling whether the project is billed at a fixed price
     * @param fixedPrice the fixed price; null when the project is not billed at a fixed price or has none yet
     */
    public ProjectPricing {
        Objects.requireNonNull(project, "project");
    }
}
