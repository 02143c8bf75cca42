package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An approved (or revised, or voided) change order in the project system.
 *
 * @param ref                 the change order (package or commitment change order)
 * @param project             its project
 * @param contractId          the commitment or prime contract it changes, may be null
 * @param number              number
 * @param revision            revision counter, 0 for the original
 * @param title               title
 * @param status              status text ({@code approved}, {@code void}…)
 * @param approved            whether it counts (approved, executed)
 * @param voided              whether it was voided, rejected or deleted
 * @param amount              grand total
 * @param date                the date it took effect, may be null
 * @param lines               lines by cost code (may be empty when the system gives only a total)
 * @param version             change stamp
 * @param sourceApplicationId the application that last changed it, when known (to skip our own writes)
 * @param originId            its external id, when set (ours when we created it)
 */
public record ChangeOrder(ExternalRef ref, ProjectRef project, String contractId, String number, int revision,
                          String title, String status, boolean approved, boolean voided, Money amount,
                          LocalDate date, List<ChangeOrderLine> lines, String version, String sourceApplicationId,
                          String originId) {
    /**
     * Checks the components.
     *
     * @param ref the change order (package or commitment change order)
     * @param project its project
     * @param contractId the commitment or prime contract it changes, may be null
     * @param number number
     * @param revision revision counter, 0 for the original
     * @param title title
     * @param status status text ({@code approved}, {@code void}…)
     * @param approved whether it counts (approved, executed)
     * @param voided whether it was voided, rejected or deleted
     * @param amount grand total
     * @param date the date it took effect, may be null
     * @param lines lines by cost code (may be empty when the system gives only a total)
     * @param version change stamp
     * @param sourceApplicationId the application that last changed it, when known (to skip our own writes)
     * @param originId its external id, when set (ours when we created it)
     */
    public ChangeOrder {
        lines = List.copyOf(lines);
    }
}
