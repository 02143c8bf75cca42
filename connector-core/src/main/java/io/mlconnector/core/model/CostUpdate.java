package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A cost change in the project system (a direct cost, a budget change) on a project.
 *
 * @param ref                 the object
 * @param project             its project
 * @param kind                direct cost or budget change
 * @param description         text
 * @param status              status text
 * @param voided              deleted / voided / rejected
 * @param date                date, may be null
 * @param lines               lines by cost code
 * @param total               total
 * @param version             change stamp
 * @param sourceApplicationId the application that last changed it, when known
 * @param originId            external id, when set (ours when we created it)
 */
public record CostUpdate(ExternalRef ref, ProjectRef project, CostUpdateKind kind, String description, String status,
                         boolean voided, LocalDate date, List<ChangeOrderLine> lines, Money total, String version,
                         String sourceApplicationId, String originId) {
    /**
     * Checks the components.
     *
     * @param ref the object
     * @param project its project
     * @param kind direct cost or budget change
     * @param description text
     * @param status status text
     * @param voided deleted / voided / rejected
     * @param date date, may be null
     * @param lines lines by cost code
     * @param total total
     * @param version change stamp
     * @param sourceApplicationId the application that last changed it, when known
     * @param originId external id, when set (ours when we created it)
     */
    public CostUpdate {
        lines = List.copyOf(lines);
    }
}
