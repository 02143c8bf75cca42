package io.mlconnector.procore.resource;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.ContractPayment;
import io.mlconnector.procore.model.PaymentApplication;
import io.mlconnector.procore.model.PaymentApplicationItem;
import io.mlconnector.procore.model.PrimeContract;
import io.mlconnector.procore.request.ContractPaymentInput;
import io.mlconnector.procore.request.PaymentApplicationInput;
import io.mlconnector.procore.request.PaymentApplicationLineItemUpdate;
import io.mlconnector.procore.scope.ProjectScope;
import java.util.stream.Stream;

/**
 * Prime contracts, payment applications (owner invoices on the prime contract) and contract payments (issued on
 * commitments, received on prime contracts). None of these lists has an {@code origin_id} filter; contract payments
 * are always addressed through their contract ({@code contract_id} is required on list, show, update and delete).
 */
public final class ContractsApi extends ResourceSupport {

    /**
     * Creates a {@code ContractsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public ContractsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/prime_contracts?project_id=P}.
     *
     * @param project the project
     * @return the prime contracts
     */
    public Stream<PrimeContract> primeContracts(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.0/prime_contracts", projectQuery(p), ListOptions.DEFAULT_PER_PAGE, PrimeContract.class);
    }

    /**
     * {@code GET /rest/v1.0/prime_contract/{id}?project_id=P} (singular path).
     *
     * @param project the project
     * @param primeContractId the prime contract id
     * @return the prime contract
     */
    public PrimeContract primeContract(ProjectRef project, long primeContractId) {
        long p = project(project);
        return http.get("/rest/v1.0/prime_contract/" + positive(primeContractId, "primeContractId"), projectQuery(p),
                PrimeContract.class);
    }

    /**
     * {@code GET /rest/v1.0/payment_applications?project_id=P} — all owner invoices of the project.
     *
     * @param project the project
     * @return the payment applications
     */
    public Stream<PaymentApplication> paymentApplications(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.0/payment_applications", projectQuery(p), ListOptions.DEFAULT_PER_PAGE, PaymentApplication.class);
    }

    /**
     * {@code GET /rest/v1.0/prime_contracts/{PC}/payment_applications?project_id=P}.
     *
     * @param project the project
     * @param primeContractId the prime contract id
     * @return the payment applications
     */
    public Stream<PaymentApplication> paymentApplications(ProjectRef project, long primeContractId) {
        long p = project(project);
        return http.list("/rest/v1.0/prime_contracts/" + positive(primeContractId, "primeContractId") + "/payment_applications",
                projectQuery(p), ListOptions.DEFAULT_PER_PAGE, PaymentApplication.class);
    }

    /**
     * {@code GET /rest/v1.0/payment_applications/{id}?project_id=P}.
     *
     * @param project the project
     * @param id the object's id
     * @return the payment application
     */
    public PaymentApplication paymentApplication(ProjectRef project, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/payment_applications/" + positive(id, "paymentApplicationId"), projectQuery(p),
                PaymentApplication.class);
    }

    /**
     * {@code POST /rest/v1.0/prime_contracts/{PC}/payment_applications} with {@code {"project_id":P,"payment_application":{…}}}.
     *
     * @param project the project
     * @param primeContractId the prime contract id
     * @param input the payment application input
     * @return the created payment application
     */
    public PaymentApplication createPaymentApplication(ProjectRef project, long primeContractId, PaymentApplicationInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/prime_contracts/" + positive(primeContractId, "primeContractId") + "/payment_applications",
                Query.create(), body("project_id", p, "payment_application", input), PaymentApplication.class);
    }

    /**
     * {@code PATCH /rest/v1.0/prime_contracts/{PC}/payment_applications/{id}} with the same wrapper.
     *
     * @param project the project
     * @param primeContractId the prime contract id
     * @param id the object's id
     * @param input the payment application input
     * @return the updated payment application
     */
    public PaymentApplication updatePaymentApplication(ProjectRef project, long primeContractId, long id, PaymentApplicationInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/prime_contracts/" + positive(primeContractId, "primeContractId") + "/payment_applications/"
                + positive(id, "paymentApplicationId"), Query.create(), body("project_id", p, "payment_application", input),
                PaymentApplication.class);
    }

    /**
     * {@code PATCH /rest/v1.0/prime_contracts/{PC}/payment_application_line_items/{id}} with
     * {@code {"project_id":P,"payment_application_line_item":{…}}} (the wrapper name is UNCONFIRMED; it follows the
     * v1.0 convention of the singular resource key).
     *
     * @param project the project
     * @param primeContractId the prime contract id
     * @param lineItemId the line item id
     * @param update the payment application line item update
     * @return the updated payment application line item
     */
    public PaymentApplicationItem updatePaymentApplicationLineItem(ProjectRef project, long primeContractId, long lineItemId,
                                                                   PaymentApplicationLineItemUpdate update) {
        long p = project(project);
        return http.patch("/rest/v1.0/prime_contracts/" + positive(primeContractId, "primeContractId")
                        + "/payment_application_line_items/" + positive(lineItemId, "lineItemId"), Query.create(),
                body("project_id", p, "payment_application_line_item", update), PaymentApplicationItem.class);
    }

    /**
     * {@code GET /rest/v1.0/contract_payments?project_id=P&contract_id=K} — the payments of one contract (commitment
     * or prime contract); Procore requires the contract (operation {@code RestV10ContractPaymentsGet}).
     *
     * @param project the project
     * @param contractId the contract id
     * @return the contract payments
     */
    public Stream<ContractPayment> contractPayments(ProjectRef project, long contractId) {
        long p = project(project);
        return http.list("/rest/v1.0/contract_payments", contractQuery(p, contractId), ListOptions.DEFAULT_PER_PAGE,
                ContractPayment.class);
    }

    /**
     * {@code GET /rest/v1.0/contract_payments/{id}?project_id=P&contract_id=K} ({@code RestV10ContractPaymentsIdGet}).
     *
     * @param project the project
     * @param contractId the contract id
     * @param id the object's id
     * @return the contract payment
     */
    public ContractPayment contractPayment(ProjectRef project, long contractId, long id) {
        long p = project(project);
        return http.get("/rest/v1.0/contract_payments/" + positive(id, "contractPaymentId"), contractQuery(p, contractId),
                ContractPayment.class);
    }

    /**
     * {@code POST /rest/v1.0/contract_payments} with {@code {"project_id":P,"contract_id":K,"contract_payment":{…}}}.
     *
     * @param project the project
     * @param contractId the contract id
     * @param input the contract payment input
     * @return the created contract payment
     */
    public ContractPayment createContractPayment(ProjectRef project, long contractId, ContractPaymentInput input) {
        long p = project(project);
        return http.post("/rest/v1.0/contract_payments", Query.create(), body("project_id", p, "contract_id",
                positive(contractId, "contractId"), "contract_payment", input), ContractPayment.class);
    }

    /**
     * {@code PATCH /rest/v1.0/contract_payments/{id}} with {@code {"project_id":P,"contract_id":K,"contract_payment":{…}}}
     * ({@code RestV10ContractPaymentsIdPatch} requires both ids in the body).
     *
     * @param project the project
     * @param contractId the contract id
     * @param id the object's id
     * @param input the contract payment input
     * @return the updated contract payment
     */
    public ContractPayment updateContractPayment(ProjectRef project, long contractId, long id, ContractPaymentInput input) {
        long p = project(project);
        return http.patch("/rest/v1.0/contract_payments/" + positive(id, "contractPaymentId"), Query.create(),
                body("project_id", p, "contract_id", positive(contractId, "contractId"), "contract_payment", input),
                ContractPayment.class);
    }

    /**
     * {@code DELETE /rest/v1.0/contract_payments/{id}?project_id=P&contract_id=K} ({@code RestV10ContractPaymentsIdDelete}).
     *
     * @param project the project
     * @param contractId the contract id
     * @param id the object's id
     */
    public void deleteContractPayment(ProjectRef project, long contractId, long id) {
        long p = project(project);
        http.delete("/rest/v1.0/contract_payments/" + positive(id, "contractPaymentId"), contractQuery(p, contractId), null);
    }

    private static Query contractQuery(long projectId, long contractId) {
        return projectQuery(projectId).add("contract_id", positive(contractId, "contractId"));
    }
}
