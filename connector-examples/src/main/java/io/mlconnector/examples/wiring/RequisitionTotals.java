package io.mlconnector.examples.wiring;

import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.model.RequisitionItem;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Work-around for connector-procore 0.1: {@code ProcoreProjectSystem.findByOrigin(REQUISITION)} reports no total
 * (it builds the {@link PostedObject} without a currency), so month-end reconciliation would call every requisition
 * "different". This view fills the total from the requisition itself, in the currency of its commitment (the
 * connection's default when the commitment cannot be found). It only acts when the total is missing, so it becomes a
 * no-op once the adapter is fixed — then remove it. Used by the reconciler only; the engine does not need totals.
 */
final class RequisitionTotals extends ForwardingProjectSystem {
    private final ProcoreClient client;
    private final String defaultCurrency;

    RequisitionTotals(ProjectSystem delegate, ProcoreClient client, String defaultCurrency) {
        super(delegate);
        this.client = Objects.requireNonNull(client, "client");
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency");
    }

    @Override
    public Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        Optional<PostedObject> found = super.findByOrigin(project, kind, originId);
        if (kind != TargetKind.REQUISITION || found.isEmpty() || found.get().total() != null) {
            return found;
        }
        PostedObject p = found.get();
        Optional<Requisition> requisition = client.requisitions().findByOriginId(project, originId);
        BigDecimal total = requisition.map(RequisitionTotals::claimed).orElse(null);
        if (total == null) {
            return found;
        }
        String currency = requisition.map(r -> currencyOf(project, r)).orElse(defaultCurrency);
        return Optional.of(new PostedObject(p.kind(), p.id(), p.project(), p.originId(), new Money(total, currency),
                p.status(), p.editable()));
    }

    private static BigDecimal claimed(Requisition r) {
        if (r.totalClaimedAmount() != null) {
            return r.totalClaimedAmount();
        }
        if (r.items() == null || r.items().isEmpty()) {
            return null;
        }
        return r.items().stream().map(RequisitionItem::workCompletedThisPeriod).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String currencyOf(ProjectRef project, Requisition r) {
        if (r.vendorId() == null || r.commitmentId() == null) {
            return defaultCurrency;
        }
        return delegate().findCommitment(project, Long.toString(r.vendorId()))
                .filter(c -> Long.toString(r.commitmentId()).equals(c.id())).map(Commitment::currency)
                .filter(Objects::nonNull).orElse(defaultCurrency);
    }
}
