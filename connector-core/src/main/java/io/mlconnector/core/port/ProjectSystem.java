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

    /**
     * The system name used in refs.
     *
     * @return the system name used in refs
     */
    String system();

    /**
     * The tag that opens the markers the engine writes on accounting-side expenses for this system's records:
     * {@code <tag><companyId>:<type>:<id>:<categoryId>}. The tag is part of data already written, so an adapter never
     * changes it.
     *
     * @return the expense-marker tag, e.g. {@code pc:}
     */
    String expenseMarkerPrefix();

    /**
     * Classifies the resource name this system's webhook events carry (e.g. {@code Change Order Packages},
     * {@code Direct Costs}); the adapter owns the system's spellings. A resource the engine does not sync is empty.
     *
     * @param resource the resource name as the event spells it; may be null
     * @return the kind of record, or empty when the resource is unknown or null
     */
    Optional<RecordKind> recordKindOf(String resource);

    /**
     * The streams the engine polls on this side, in polling order (each still subject to the connection's
     * {@code SyncPolicy}).
     *
     * @return the pollable streams of this side, never null
     */
    List<SourceStream> streams();

    /**
     * The company this port is bound to; webhooks route by it.
     *
     * @return the company this port is bound to
     */
    long companyId();

    /**
     * Our application's id as the system reports it on changes we make (to recognise our own echoes).
     *
     * @return our application's id as the system reports it on changes we make (to recognise our own echoes)
     */
    String applicationId();

    /**
     * Validates a company/project pair (cached); throws {@link InvalidProjectException}.
     *
     * @param project the project
     */
    void validateProject(ProjectRef project);

    /**
     * The vendor's commitment on the project that invoices can be billed against, if any.
     *
     * @param project the project
     * @param vendorId the vendor id
     * @return the vendor's commitment on the project that invoices can be billed against, if any
     */
    Optional<Commitment> findCommitment(ProjectRef project, String vendorId);

    /**
     * An object we posted earlier, found by the external id it carries.
     *
     * @param project the project
     * @param kind the kind
     * @param originId the origin id
     * @return an object we posted earlier, found by the external id it carries
     */
    Optional<PostedObject> findByOrigin(ProjectRef project, TargetKind kind, String originId);

    /**
     * Posts a requisition (subcontractor invoice) on a commitment.
     *
     * @param project the project
     * @param draft the requisition, with its origin id
     * @return the posted requisition
     */
    PostedObject createRequisition(ProjectRef project, RequisitionDraft draft);

    /**
     * Changes a requisition posted earlier.
     *
     * @param project the project
     * @param id the requisition's id
     * @param draft the requisition as it should now be
     * @return the updated requisition
     * @throws EditNotAllowedException when the requisition is locked
     */
    PostedObject updateRequisition(ProjectRef project, String id, RequisitionDraft draft);

    /**
     * Posts a direct cost.
     *
     * @param project the project
     * @param draft the direct cost, with its origin id
     * @return the posted direct cost
     */
    PostedObject createDirectCost(ProjectRef project, DirectCostDraft draft);

    /**
     * Changes a direct cost posted earlier.
     *
     * @param project the project
     * @param id the direct cost's id
     * @param draft the direct cost as it should now be
     * @return the updated direct cost
     * @throws EditNotAllowedException when the direct cost is locked
     */
    PostedObject updateDirectCost(ProjectRef project, String id, DirectCostDraft draft);

    /**
     * Posts a payment application (owner invoice) on the project's prime contract.
     *
     * @param project the project
     * @param draft the payment application, with its origin id
     * @return the posted payment application
     */
    PostedObject createPaymentApplication(ProjectRef project, PaymentApplicationDraft draft);

    /**
     * Posts a payment on a commitment or on the prime contract.
     *
     * @param project the project
     * @param draft the payment, with its origin id
     * @return the posted payment
     */
    PostedObject createContractPayment(ProjectRef project, ContractPaymentDraft draft);

    /**
     * A change order (package or commitment change order) with its lines.
     *
     * @param project the project
     * @param id the object's id
     * @return a change order (package or commitment change order) with its lines
     */
    ChangeOrder fetchChangeOrder(ProjectRef project, String id);

    /**
     * A cost update (direct cost, budget change).
     *
     * @param project the project
     * @param kind the kind
     * @param id the object's id
     * @return a cost update (direct cost, budget change)
     */
    CostUpdate fetchCostUpdate(ProjectRef project, CostUpdateKind kind, String id);

    /**
     * Records of a project stream changed since {@code since} (with overlap; callers dedupe).
     *
     * @param project the project
     * @param stream the source stream
     * @param since the earliest change time to include
     * @return the changed
     */
    List<ChangedRecord> listChanged(ProjectRef project, SourceStream stream, Instant since);

    /**
     * Company vendors.
     *
     * @return company vendors
     */
    List<Vendor> listVendors();

    /**
     * Cost codes of a project.
     *
     * @param project the project
     * @return cost codes of a project
     */
    List<CostCode> listCostCodes(ProjectRef project);

    /**
     * Projects visible to us in the company.
     *
     * @return the projects
     */
    List<Project> listProjects();

    /**
     * Creates or updates vendors in batches, matched by {@link Vendor#externalId()} (origin id).
     *
     * @param vendors the vendors
     * @return the created vendors
     */
    BatchResult<Vendor> upsertVendors(List<Vendor> vendors);

    /**
     * Webhook events the system failed to deliver (failing or discarded) since an instant, for re-driving.
     *
     * @param since the earliest change time to include
     * @return webhook events the system failed to deliver (failing or discarded) since an instant, for re-driving
     */
    List<InboundEvent> undeliveredEvents(Instant since);

    /**
     * An approved (revised, voided) change order on the project's prime contract: it changes what the owner is
     * charged, not the cost.
     *
     * @param project the project
     * @param id the object's id
     * @return an approved (revised, voided) change order on the project's prime contract: it changes what the owner is
     *     charged, not the cost
     */
    default ChangeOrder fetchPrimeChangeOrder(ProjectRef project, String id) {
        throw new UnsupportedOperationException(system() + " does not expose prime contract change orders");
    }

    /**
     * The project's budget per cost code (original, approved changes, revised), for the reconciliation.
     *
     * @param project the project
     * @return the project's budget per cost code (original, approved changes, revised), for the reconciliation
     */
    default List<CostCodeBudget> listCostCodeBudgets(ProjectRef project) {
        return List.of();
    }
}
