package io.mlconnector.examples.wiring;

import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.PaymentApplicationDraft;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.ProjectSystem;
import io.mlconnector.core.port.SourceStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link ProjectSystem} that hands every call to another one; extend it to change a single method. */
public abstract class ForwardingProjectSystem implements ProjectSystem {
    private final ProjectSystem delegate;

    protected ForwardingProjectSystem(ProjectSystem delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The wrapped port. */
    protected ProjectSystem delegate() {
        return delegate;
    }

    @Override
    public String system() {
        return delegate.system();
    }

    @Override
    public long companyId() {
        return delegate.companyId();
    }

    @Override
    public String applicationId() {
        return delegate.applicationId();
    }

    @Override
    public void validateProject(ProjectRef project) {
        delegate.validateProject(project);
    }

    @Override
    public Optional<Commitment> findCommitment(ProjectRef project, String vendorId) {
        return delegate.findCommitment(project, vendorId);
    }

    @Override
    public Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId) {
        return delegate.findByOrigin(project, kind, originId);
    }

    @Override
    public PostedObject createRequisition(ProjectRef project, RequisitionDraft draft) {
        return delegate.createRequisition(project, draft);
    }

    @Override
    public PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft) {
        return delegate.updateRequisition(project, id, draft);
    }

    @Override
    public PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft) {
        return delegate.createDirectCost(project, draft);
    }

    @Override
    public PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft) {
        return delegate.updateDirectCost(project, id, draft);
    }

    @Override
    public PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft) {
        return delegate.createPaymentApplication(project, draft);
    }

    @Override
    public PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft) {
        return delegate.createContractPayment(project, draft);
    }

    @Override
    public ChangeOrder fetchChangeOrder(ProjectRef project, String id) {
        return delegate.fetchChangeOrder(project, id);
    }

    @Override
    public CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id) {
        return delegate.fetchCostUpdate(project, kind, id);
    }

    @Override
    public List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since) {
        return delegate.listChanged(project, stream, since);
    }

    @Override
    public List<Vendor> listVendors() {
        return delegate.listVendors();
    }

    @Override
    public List<CostCode> listCostCodes(ProjectRef project) {
        return delegate.listCostCodes(project);
    }

    @Override
    public List<Project> listProjects() {
        return delegate.listProjects();
    }

    @Override
    public BatchResult<Vendor> upsertVendors(List<Vendor> vendors) {
        return delegate.upsertVendors(vendors);
    }

    @Override
    public List<InboundEvent> undeliveredEvents(Instant since) {
        return delegate.undeliveredEvents(since);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + delegate + "]";
    }
}
