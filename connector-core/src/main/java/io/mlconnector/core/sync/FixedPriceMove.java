package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import java.util.Objects;

/**
 * What a Procore prime contract change order does to the fixed price of a FreshBooks project, as a dry run previews
 * it ({@link Preview#draft()}).
 *
 * @param project the FreshBooks project (billed at a fixed price)
 * @param before  its fixed price now
 * @param delta   how much it moves: the change order's amount, the difference of a revision, or back for a void
 * @param after   the fixed price that would be written
 */
public record FixedPriceMove(ExternalRef project, Money before, Money delta, Money after) {
    /**
     * Checks the components.
     *
     * @param project the FreshBooks project (billed at a fixed price)
     * @param before its fixed price now
     * @param delta how much it moves: the change order's amount, the difference of a revision, or back for a void
     * @param after the fixed price that would be written
     */
    public FixedPriceMove {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(after, "after");
    }
}
