package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.model.Money;
import java.math.BigDecimal;

/**
 * The comparison of an accounting amount with a project-side amount.
 *
 * @param status        matched or different
 * @param projectAmount the project amount, or null when it is missing or in another currency
 * @param reason        why it differs in kind (currency, missing total), else null
 */
record Comparison(RecordStatus status, BigDecimal projectAmount, String reason) {

    static Comparison of(Money accounting, Money project) {
        if (project == null) {
            return new Comparison(RecordStatus.DIFFERENT, null, "the project system reports no total");
        }
        if (!project.currency().equals(accounting.currency())) {
            return new Comparison(RecordStatus.DIFFERENT, null, "currencies differ: the project system holds " + project);
        }
        boolean same = accounting.amount().compareTo(project.amount()) == 0;
        return new Comparison(same ? RecordStatus.MATCHED : RecordStatus.DIFFERENT, project.amount(), null);
    }
}
