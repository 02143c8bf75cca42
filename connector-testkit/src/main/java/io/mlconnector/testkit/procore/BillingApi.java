package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.List;
import java.util.Set;

/** Billing periods, requisitions, contract payments, prime contracts and payment applications (§3.7–3.9). */
final class BillingApi {

    private final PcContext ctx;

    BillingApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/rest/v1.0/projects/{projectId}/billing_periods", ctx.safe(this::periods))
            .add("POST", "/rest/v1.0/projects/{projectId}/billing_periods", ctx.safe(this::createPeriod))
            .add("PATCH", "/rest/v1.0/projects/{projectId}/billing_periods/{id}", ctx.safe(this::updatePeriod));
        for (String v : List.of("v1.0", "v1.1")) {
            r.add("GET", "/rest/" + v + "/requisitions", ctx.safe(this::requisitions))
                .add("POST", "/rest/" + v + "/requisitions", ctx.safe(req -> createRequisition(req, v)))
                .add("GET", "/rest/" + v + "/requisitions/{id}", ctx.safe(this::requisition));
        }
        r.add("PATCH", "/rest/v1.0/requisitions/{id}", ctx.safe(this::updateRequisition))
            .add("GET", "/rest/v1.0/requisitions/{id}/contract_items", ctx.safe(this::contractItems))
            .add("PATCH", "/rest/v1.0/requisitions/{rid}/contract_items/{id}", ctx.safe(this::updateContractItem))
            .add("GET", "/rest/v1.0/contract_payments", ctx.safe(this::payments))
            .add("POST", "/rest/v1.0/contract_payments", ctx.safe(this::createPayment))
            .add("GET", "/rest/v1.0/contract_payments/{id}", ctx.safe(this::payment))
            .add("PATCH", "/rest/v1.0/contract_payments/{id}", ctx.safe(this::updatePayment))
            .add("GET", "/rest/v1.0/prime_contracts", ctx.safe(this::primes))
            .add("POST", "/rest/v1.0/prime_contract", ctx.safe(this::createPrime))
            .add("GET", "/rest/v1.0/prime_contract/{id}", ctx.safe(this::prime))
            .add("PATCH", "/rest/v1.0/prime_contract/{id}", ctx.safe(this::updatePrime))
            .add("GET", "/rest/v1.0/prime_contracts/{pc}/payment_applications", ctx.safe(this::payApps))
            .add("POST", "/rest/v1.0/prime_contracts/{pc}/payment_applications", ctx.safe(this::createPayApp))
            .add("PATCH", "/rest/v1.0/prime_contracts/{pc}/payment_applications/{id}", ctx.safe(this::updatePayApp))
            .add("PATCH", "/rest/v1.0/prime_contracts/{pc}/payment_application_line_items/{id}",
                ctx.safe(this::updatePayAppLine))
            .add("GET", "/rest/v1.0/payment_applications", ctx.safe(this::allPayApps))
            .add("GET", "/rest/v1.0/payment_applications/{id}", ctx.safe(this::payApp));
    }

    private long project(SandboxRequest req, ObjectNode body, PcContext.Caller c) {
        long projectId = PcContext.scopeId(req, body, "project_id");
        ctx.directory.project(c.companyId(), projectId);
        return projectId;
    }

    private long pathProject(SandboxRequest req, PcContext.Caller c) {
        long projectId = PcContext.pathId(req, "projectId");
        ctx.directory.project(c.companyId(), projectId);
        return projectId;
    }

    // ---- billing periods --------------------------------------------------------------------------------------

    private SandboxResponse periods(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = pathProject(req, c);
        return ctx.page(req, ctx.filter(ctx.billing.periods(projectId), req.query(), Set.of()),
            ctx.store::render);
    }

    private SandboxResponse createPeriod(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = pathProject(req, c);
        return ctx.created(ctx.store.render(ctx.billing.createBillingPeriod(c.companyId(), projectId,
            PcContext.wrapped(ctx.body(req), "billing_period"))));
    }

    private SandboxResponse updatePeriod(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = pathProject(req, c);
        return ctx.ok(ctx.store.render(ctx.billing.updateBillingPeriod(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(ctx.body(req), "billing_period"))));
    }

    // ---- requisitions -----------------------------------------------------------------------------------------

    private SandboxResponse requisitions(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.REQUISITION, x -> x.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.billing::renderRequisition);
    }

    private SandboxResponse requisition(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        return ctx.ok(ctx.billing.renderRequisition(ctx.billing.requisition(c.companyId(), projectId,
            PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createRequisition(SandboxRequest req, String version) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        long commitmentId = PcContext.scopeId(req, body, "commitment_id");
        JsonNode in = PcContext.wrapped(body, "requisition");
        JsonNode items = version.equals("v1.1") ? in.get("items") : null;
        return ctx.created(ctx.billing.renderRequisition(ctx.billing.createRequisition(c.companyId(), projectId,
            commitmentId, in, items, c.actor())));
    }

    private SandboxResponse updateRequisition(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.ok(ctx.billing.renderRequisition(ctx.billing.updateRequisition(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(body, "requisition"))));
    }

    private SandboxResponse contractItems(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        ObjectNode r = ctx.billing.requisition(c.companyId(), projectId, PcContext.pathId(req, "id"));
        return ctx.page(req, ctx.billing.items(r), ctx.store::render);
    }

    private SandboxResponse updateContractItem(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.ok(ctx.store.render(ctx.billing.updateRequisitionItem(c.companyId(), projectId,
            PcContext.pathId(req, "rid"), PcContext.pathId(req, "id"),
            PcContext.wrapped(body, "requisition_contract_item"))));
    }

    // ---- contract payments ------------------------------------------------------------------------------------

    private SandboxResponse payments(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        String contract = req.query().get("contract_id", null);
        List<ObjectNode> docs = ctx.store.where(PcKind.CONTRACT_PAYMENT, p -> p.path("_project_id").asLong()
            == projectId && (contract == null || p.path("contract_id").asText().equals(contract)));
        return ctx.page(req, docs, ctx.store::render);
    }

    private SandboxResponse payment(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        return ctx.ok(ctx.store.render(ctx.billing.contractPayment(c.companyId(), projectId,
            PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createPayment(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        long contractId = PcContext.scopeId(req, body, "contract_id");
        return ctx.created(ctx.store.render(ctx.billing.createContractPayment(c.companyId(), projectId, contractId,
            PcContext.wrapped(body, "contract_payment"), c.actor())));
    }

    private SandboxResponse updatePayment(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.ok(ctx.store.render(ctx.billing.updateContractPayment(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(body, "contract_payment"), c.actor())));
    }

    // ---- prime contracts and payment applications -------------------------------------------------------------

    private SandboxResponse primes(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.PRIME_CONTRACT, p -> p.path("_project_id").asLong()
            == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.billing::renderPrimeContract);
    }

    private SandboxResponse prime(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        return ctx.ok(ctx.billing.renderPrimeContract(ctx.billing.primeContract(c.companyId(), projectId,
            PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createPrime(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.created(ctx.billing.renderPrimeContract(ctx.billing.createPrimeContract(c.companyId(), projectId,
            PcContext.wrapped(body, "prime_contract"), List.of(), c.actor())));
    }

    private SandboxResponse updatePrime(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.ok(ctx.billing.renderPrimeContract(ctx.billing.updatePrimeContract(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(body, "prime_contract"), c.actor())));
    }

    private SandboxResponse payApps(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        long primeId = PcContext.pathId(req, "pc");
        ctx.billing.primeContract(c.companyId(), projectId, primeId);
        List<ObjectNode> docs = ctx.store.where(PcKind.PAYMENT_APPLICATION, a -> a.path("_prime_id").asLong()
            == primeId);
        return ctx.page(req, docs, ctx.billing::renderPaymentApplication);
    }

    private SandboxResponse allPayApps(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.PAYMENT_APPLICATION, a -> a.path("_project_id").asLong()
            == projectId);
        return ctx.page(req, docs, ctx.billing::renderPaymentApplication);
    }

    private SandboxResponse payApp(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = project(req, null, c);
        return ctx.ok(ctx.billing.renderPaymentApplication(ctx.billing.paymentApplication(c.companyId(), projectId,
            PcContext.pathId(req, "id"))));
    }

    private SandboxResponse createPayApp(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        return ctx.created(ctx.billing.renderPaymentApplication(ctx.billing.createPaymentApplication(c.companyId(),
            projectId, PcContext.pathId(req, "pc"), PcContext.wrapped(body, "payment_application"), c.actor())));
    }

    private SandboxResponse updatePayApp(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        ObjectNode a = ctx.billing.paymentApplication(c.companyId(), projectId, PcContext.pathId(req, "id"));
        if (a.path("_prime_id").asLong() != PcContext.pathId(req, "pc")) {
            throw ProcoreValidationException.notFound();
        }
        return ctx.ok(ctx.billing.renderPaymentApplication(ctx.billing.updatePaymentApplication(c.companyId(),
            projectId, a.path("id").asLong(), PcContext.wrapped(body, "payment_application"), c.actor())));
    }

    private SandboxResponse updatePayAppLine(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        long projectId = PcContext.scopeId(req, body, "project_id");
        JsonNode in = body.has("payment_application_line_item") ? body.get("payment_application_line_item")
            : PcContext.wrapped(body, "line_item");
        return ctx.ok(ctx.store.render(ctx.billing.updatePayAppLine(c.companyId(), projectId,
            PcContext.pathId(req, "pc"), PcContext.pathId(req, "id"), in, c.actor())));
    }
}
