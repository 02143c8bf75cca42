package io.mlconnector.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * What the engine would post for one record, computed in {@link SyncPolicy#dryRun() dry run} with the same code
 * path as a live run, up to the write.
 *
 * @param connectionId the connection
 * @param sourceKey    the source record ({@code freshbooks:bill:123})
 * @param sourceVersion the source version previewed
 * @param action       what would happen
 * @param targetKind   the target object kind ({@code REQUISITION}, {@code DIRECT_COST}, {@code PAYMENT_APPLICATION},
 *                     {@code CONTRACT_PAYMENT}, {@code EXPENSE}, {@code FIXED_PRICE})
 * @param targetId     the existing target when the action is an update, else null
 * @param target       where it would go (Procore {@code company 1 / project 2}, or the FreshBooks project/client key)
 * @param draft        the exact draft that would be sent: {@link io.mlconnector.core.model.RequisitionDraft},
 *                     {@link io.mlconnector.core.model.DirectCostDraft},
 *                     {@link io.mlconnector.core.model.PaymentApplicationDraft},
 *                     {@link io.mlconnector.core.model.ContractPaymentDraft}, {@link ExpensePlan} or
 *                     {@link FixedPriceMove}
 * @param mappings     the mappings used
 * @param createdAt    when it was computed
 */
public record Preview<D>(String connectionId, String sourceKey, String sourceVersion, PreviewAction action,
                         String targetKind, String targetId, String target, D draft, List<ResolvedMapping> mappings,
                         Instant createdAt) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param sourceKey the source record ({@code freshbooks:bill:123})
     * @param sourceVersion the source version previewed
     * @param action what would happen
     * @param targetKind the target object kind ({@code REQUISITION}, {@code DIRECT_COST}, {@code PAYMENT_APPLICATION},
     *     {@code CONTRACT_PAYMENT}, {@code EXPENSE}, {@code FIXED_PRICE})
     * @param targetId the existing target when the action is an update, else null
     * @param target where it would go (Procore {@code company 1 / project 2}, or the FreshBooks project/client key)
     * @param draft the exact draft that would be sent: {@link io.mlconnector.core.model.RequisitionDraft}, {@link
     *     io.mlconnector.core.model.DirectCostDraft}, {@link io.mlconnector.core.model.PaymentApplicationDraft}, {@link
     *     io.mlconnector.core.model.ContractPaymentDraft}, {@link ExpensePlan} or {@link FixedPriceMove}
     * @param mappings the mappings used
     * @param createdAt when it was computed
     */
    public Preview {
        mappings = List.copyOf(mappings);
    }

    /**
     * The draft as the given type. @throws ClassCastException if it is another kind of draft
     *
     * @param type the type
     * @param <T> the result type
     * @return the draft as the given type
     */
    public <T> T draftAs(Class<T> type) {
        return type.cast(draft);
    }
}
