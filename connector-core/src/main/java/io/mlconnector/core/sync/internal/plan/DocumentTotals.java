package io.mlconnector.core.sync.internal.plan;

import io.mlconnector.core.model.Money;
import io.mlconnector.core.sync.AllocationMismatchException;

/** The check that an allocation lost or invented nothing: the allocated sum equals the document's total exactly. */
public final class DocumentTotals {
    private DocumentTotals() {
    }

    /**
     * @throws AllocationMismatchException when the two differ (a permanent failure: the document itself is
     *         inconsistent, or an adapter computed its total differently)
     */
    public static void requireEqual(String what, Money allocated, Money documentTotal) {
        if (documentTotal != null && !allocated.sameValueAs(documentTotal)) {
            throw new AllocationMismatchException(what + ": lines allocate " + allocated + " but the document total is "
                    + documentTotal + "; nothing posted");
        }
    }
}
