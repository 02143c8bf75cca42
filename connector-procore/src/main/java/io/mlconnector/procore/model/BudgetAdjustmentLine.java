package io.mlconnector.procore.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.procore.internal.json.LenientTextDeserializer;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One adjustment line item of a project's budget changes, from
 * {@code GET /rest/v2.0/companies/{c}/projects/{p}/budget_changes/adjustment_line_items} (operation
 * {@code RestV20CompaniesCompanyIdProjectsProjectIdBudgetChangesAdjustmentLineItemsGet}, {@code {"data":[…]}}, ids
 * as strings): the line's budget code ({@code wbs_code_id}), amount, and the budget change it belongs to with
 * that change's status.
 */
public record BudgetAdjustmentLine(String id,
                                   Integer adjustmentNumber,
                                   Long wbsCodeId,
                                   BigDecimal amount,
                                   @JsonDeserialize(using = LenientTextDeserializer.class) String uom,
                                   BigDecimal quantity,
                                   String description,
                                   String type,
                                   String budgetChangeNumber,
                                   String budgetChangeStatus,
                                   String budgetChangeName,
                                   Long budgetChangeId) {
    /**
     * Whether its budget change is approved.
     *
     * @return whether its budget change is approved
     */
    public boolean approved() {
        return budgetChangeStatus != null && "approved".equals(budgetChangeStatus.trim().toLowerCase(Locale.ROOT));
    }
}
