package io.mlconnector.core.sync.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One record of the period compared across the two systems. Amounts are plain decimals in {@link #currency()};
 * {@code difference = accountingAmount - projectAmount}. An absent side counts as zero; when the project side holds
 * another currency, {@code projectAmount} and {@code difference} are null and {@link #reason()} says so.
 *
 * @param status           how it compares
 * @param flow             which pairing
 * @param sourceKey        the record that flows ({@code freshbooks:bill:123}, or {@code procore:change_order:9})
 * @param number           the number people see (bill/invoice number, change order number), may be null
 * @param targetKind       what it became on the other side ({@code REQUISITION}, {@code EXPENSE}…), may be null
 * @param targetId         the other side's id, may be null
 * @param projectId        the project-system project, may be null when it could not be resolved
 * @param date             the record's date (issue, payment or effective date)
 * @param currency         the currency of the amounts
 * @param accountingAmount what the accounting system holds
 * @param projectAmount    what the project system holds, or null (other currency)
 * @param difference       accounting minus project, or null (other currency)
 * @param reason           why it is not matched (or how it was paired), may be null
 */
public record RecordComparison(RecordStatus status, ReconciledFlow flow, String sourceKey, String number,
                               String targetKind, String targetId, String projectId, LocalDate date, String currency,
                               BigDecimal accountingAmount, BigDecimal projectAmount, BigDecimal difference,
                               String reason) {
    /**
     * Checks the components.
     *
     * @param status how it compares
     * @param flow which pairing
     * @param sourceKey the record that flows ({@code freshbooks:bill:123}, or {@code procore:change_order:9})
     * @param number the number people see (bill/invoice number, change order number), may be null
     * @param targetKind what it became on the other side ({@code REQUISITION}, {@code EXPENSE}…), may be null
     * @param targetId the other side's id, may be null
     * @param projectId the project-system project, may be null when it could not be resolved
     * @param date the record's date (issue, payment or effective date)
     * @param currency the currency of the amounts
     * @param accountingAmount what the accounting system holds
     * @param projectAmount what the project system holds, or null (other currency)
     * @param difference accounting minus project, or null (other currency)
     * @param reason why it is not matched (or how it was paired), may be null
     */
    public RecordComparison {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(accountingAmount, "accountingAmount");
    }
}
