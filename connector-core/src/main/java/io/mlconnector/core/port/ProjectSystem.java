package io.mlconnector.core.port;

import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.CostCodeBudget;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to the project-cost system of one connection (implemented by connector-procore), bound to one company.
 * Project-scoped methods validate the {@link ProjectRef} before any call and throw
 * {@link InvalidProjectException} for a bad pair.
 */
public interface ProjectSystem {

    /** The system name used in refs. */
    String system();

    /** The company this port is bound to; webhooks route by it. */
    long companyId();

    /** Our application's id as the system reports it on changes we make (to recognise our own echoes). */
    String applicationId();

    /** Validates a company/project pair (cached); throws {@link InvalidProjectException}. */
    void validateProject(ProjectRef project);

    /** The vendor's commitment on the project that invoices can be billed against, if any. */
    Optional<Commitment> findCommitment(ProjectRef project, String vendorId);

    /** An object we posted earlier, found by the external id it carries. */
    Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId);

    PostedObject createRequisition(ProjectRef project, RequisitionDraft draft);

    /** @throws EditNotAllowedException when the requisition is locked */
    PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft);

    PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft);

    /** @throws EditNotAllowedException when the direct cost is locked */
    PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft);

    PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft);

    PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft);

    /** A change order (package or commitment change order) with its lines. */
    ChangeOrder fetchChangeOrder(ProjectRef project, String id);

    /** A cost update (direct cost, budget change). */
    CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id);

    /** Records of a project stream changed since {@code since} (with overlap; callers dedupe). */
    List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since);

    /** Company vendors. */
    List<Vendor> listVendors();

    /** Cost codes of a project. */
    List<CostCode> listCostCodes(ProjectRef project);

    /** Projects visible to us in the company. */
    List<Project> listProjects();

    /** Creates or updates vendors in batches, matched by {@link Vendor#externalId()} (origin id). */
    BatchResult<Vendor> upsertVendors(List<Vendor> vendors);

    /** Webhook events the system failed to deliver (failing or discarded) since an instant, for re-driving. */
    List<InboundEvent> undeliveredEvents(Instant since);

    /**
     * An approved (revised, voided) change order on the project's prime contract: it changes what the owner is
     * charged, not the cost.
     */
    default ChangeOrder fetchPrimeChangeOrder(ProjectRef project, String id) {
        throw new UnsupportedOperationException(system() + " does not expose prime contract change orders");
    }

    /** The project's budget per cost code (original, approved changes, revised), for the reconciliation. */
    default List<CostCodeBudget> listCostCodeBudgets(ProjectRef project) {
        return List.of();
    }
}
