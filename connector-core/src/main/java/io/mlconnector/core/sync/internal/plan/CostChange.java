package io.mlconnector.core.sync.internal.plan;

import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectRef;
import java.time.LocalDate;
import java.util.List;

/**
 * A Procore commitment change order or direct cost reduced to what FreshBooks needs: expenses by category.
 *
 * @param sourceKey           canonical ledger key ({@code procore:change_order:<id>})
 * @param label               for people ({@code change order #7 "Extra footing" (revision 1)})
 * @param project             its Procore project
 * @param counts              whether its amounts count now (approved, not voided)
 * @param voided              voided, rejected or deleted
 * @param date                effective date, may be null
 * @param lines               lines by cost code
 * @param total               total
 * @param version             change stamp
 * @param sourceApplicationId the application that last changed it, may be null
 * @param originId            its origin id, may be null
 * @param echoGuardKey        the key under which the engine would have recorded this object as its own target
 *                            ({@code procore:direct_cost:<id>}), or null for kinds the engine never creates
 */
public record CostChange(String sourceKey, String label, ProjectRef project, boolean counts, boolean voided, LocalDate date,
                  List<ChangeOrderLine> lines, Money total, String version, String sourceApplicationId,
                  String originId, String echoGuardKey) {
    public CostChange {
        lines = List.copyOf(lines);
    }
}
