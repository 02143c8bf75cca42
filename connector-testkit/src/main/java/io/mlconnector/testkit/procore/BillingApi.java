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
            .add("PATCH", "/rest/v1.1/requisitions/{id}", ctx.safe(this::updateRequisitionV11))
            .add("GET", "/rest/v1.0/requisitions/{id}/contract_items", ctx.safe(this::contractItems))
            .add("PATCH", "/rest/v1.0/requisitions/{rid}/contract_items/{id}", ctx.safe(this::updateContractItem))
            .add("GET", "/rest/v1.0/contract_payments", ctx.safe(this::payments))
            .add("POST", "/rest/v1.0/contract_payments", ctx.safe(this::createPayment))
            .add("GET", "/rest/v1.0/contract_payments/{id}", ctx.safe(this::payment))
            .add("PATCH", "/rest/v1.0/contract_payments/{id}", ctx.safe(this::updatePayment))
            .add("DELETE", "/rest/v1.0/contract_payments/{id}", ctx.safe(this::deletePayment))
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

    // ---- billing periods --------------------------------------------------------------------------------------

    private SandboxResponse periods(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.page(req, ctx.filter(ctx.billing.periods(projectId), req.query(), Set.of()),
            ctx.store::render);
    }

    private SandboxResponse createPeriod(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.created(ctx.store.render(ctx.billing.createBillingPeriod(c.companyId(), projectId,
            PcContext.wrapped(ctx.body(req), "billing_period"))));
    }

    private SandboxResponse updatePeriod(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.pathProject(req, c);
        return ctx.ok(ctx.store.render(ctx.billing.updateBillingPeriod(c.companyId(), projectId,
            PcContext.pathId(req, "id"), PcContext.wrapped(ctx.body(req), "billing_period"))));
    }

    // ---- requisitions -----------------------------------------------------------------------------------------

    private SandboxResponse requisitions(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.REQUISITION, x -> x.path("_project_id").asLong() == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.billing::renderRequisition);
    }

    private SandboxResponse requisition(SandboxRequest req) {
        return ctx.showInProject(req, ctx.billing::requisition, ctx.billing::renderRequisition);
    }

    private SandboxResponse createRequisition(SandboxRequest req, String version) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        long commitmentId = PcContext.scopeId(req, w.body(), "commitment_id");
        JsonNode in = PcContext.wrapped(w.body(), "requisition");
        JsonNode items = version.equals("v1.1") ? in.get("items") : null;
        return ctx.created(ctx.billing.renderRequisition(ctx.billing.createRequisition(w.companyId(), w.scopeId(),
            commitmentId, in, items, w.actor())));
    }

    private SandboxResponse updateRequisition(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        ObjectNode r = ctx.billing.requisition(w.companyId(), w.scopeId(), PcContext.pathId(req, "id"));
        if (w.body().hasNonNull("commitment_id")
            && PcContext.scopeId(req, w.body(), "commitment_id") != r.path("commitment_id").asLong()) {
            throw ProcoreValidationException.unprocessable("commitment_id", "does not match the requisition");
        }
        return ctx.ok(ctx.billing.renderRequisition(ctx.billing.updateRequisition(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), "requisition"))));
    }

    /** {@code PATCH /rest/v1.1/requisitions/{id}} {@code {"project_id","commitment_id","requisition":{…,"items":[…]}}}. */
    private SandboxResponse updateRequisitionV11(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        long commitmentId = PcContext.scopeId(req, w.body(), "commitment_id");
        JsonNode in = w.body().has("requisition") ? PcContext.wrapped(w.body(), "requisition") : ctx.json.object();
        return ctx.ok(ctx.billing.renderRequisition(ctx.billing.updateRequisition(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), commitmentId, in)));
    }

    private SandboxResponse contractItems(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        ObjectNode r = ctx.billing.requisition(c.companyId(), projectId, PcContext.pathId(req, "id"));
        return ctx.page(req, ctx.billing.items(r), ctx.store::render);
    }

    private SandboxResponse updateContractItem(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.ok(ctx.store.render(ctx.billing.updateRequisitionItem(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "rid"), PcContext.pathId(req, "id"),
            PcContext.wrapped(w.body(), "requisition_contract_item"))));
    }

    // ---- contract payments ------------------------------------------------------------------------------------

    private SandboxResponse payments(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        String contract = req.query().get("contract_id", null);
        List<ObjectNode> docs = ctx.store.where(PcKind.CONTRACT_PAYMENT, p -> p.path("_project_id").asLong()
            == projectId && (contract == null || p.path("contract_id").asText().equals(contract)));
        return ctx.page(req, docs, ctx.store::render);
    }

    private SandboxResponse payment(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        return ctx.ok(ctx.store.render(paymentOfContract(req, c, ctx.queryProject(req, c))));
    }

    /** The path's payment, which must be on the query's {@code contract_id} (else 404). */
    private ObjectNode paymentOfContract(SandboxRequest req, PcContext.Caller c, long projectId) {
        ObjectNode p = ctx.billing.contractPayment(c.companyId(), projectId, PcContext.pathId(req, "id"));
        if (!p.path("contract_id").asText().equals(req.query().get("contract_id", "").trim())) {
            throw ProcoreValidationException.notFound();
        }
        return p;
    }

    /** {@code DELETE /rest/v1.0/contract_payments/{id}?project_id=&contract_id=}. */
    private SandboxResponse deletePayment(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        ObjectNode p = paymentOfContract(req, c, projectId);
        ctx.billing.deleteContractPayment(c.companyId(), projectId, p.path("id").asLong(), c.actor());
        return SandboxResponse.empty(204);
    }

    private SandboxResponse createPayment(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        long contractId = PcContext.scopeId(req, w.body(), "contract_id");
        return ctx.created(ctx.store.render(ctx.billing.createContractPayment(w.companyId(), w.scopeId(), contractId,
            PcContext.wrapped(w.body(), "contract_payment"), w.actor())));
    }

    private SandboxResponse updatePayment(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.ok(ctx.store.render(ctx.billing.updateContractPayment(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), "contract_payment"), w.actor())));
    }

    // ---- prime contracts and payment applications -------------------------------------------------------------

    private SandboxResponse primes(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.PRIME_CONTRACT, p -> p.path("_project_id").asLong()
            == projectId);
        return ctx.page(req, ctx.filter(docs, req.query(), Set.of()), ctx.billing::renderPrimeContract);
    }

    private SandboxResponse prime(SandboxRequest req) {
        return ctx.showInProject(req, ctx.billing::primeContract, ctx.billing::renderPrimeContract);
    }

    private SandboxResponse createPrime(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.created(ctx.billing.renderPrimeContract(ctx.billing.createPrimeContract(w.companyId(), w.scopeId(),
            PcContext.wrapped(w.body(), "prime_contract"), List.of(), w.actor())));
    }

    private SandboxResponse updatePrime(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.ok(ctx.billing.renderPrimeContract(ctx.billing.updatePrimeContract(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "id"), PcContext.wrapped(w.body(), "prime_contract"), w.actor())));
    }

    private SandboxResponse payApps(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        long primeId = PcContext.pathId(req, "pc");
        ctx.billing.primeContract(c.companyId(), projectId, primeId);
        List<ObjectNode> docs = ctx.store.where(PcKind.PAYMENT_APPLICATION, a -> a.path("_prime_id").asLong()
            == primeId);
        return ctx.page(req, docs, a -> {
            // this list's schema (RestV10PrimeContractsPrimeContractIdPaymentApplicationsGet) types both as dates
            ObjectNode row = ctx.billing.renderPaymentApplication(a);
            for (String f : List.of("created_at", "updated_at")) {
                if (row.path(f).isTextual() && row.path(f).asText().length() > 10) {
                    row.put(f, row.path(f).asText().substring(0, 10));
                }
            }
            return row;
        });
    }

    private SandboxResponse allPayApps(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        long projectId = ctx.queryProject(req, c);
        List<ObjectNode> docs = ctx.store.where(PcKind.PAYMENT_APPLICATION, a -> a.path("_project_id").asLong()
            == projectId);
        return ctx.page(req, docs, ctx.billing::renderPaymentApplication);
    }

    private SandboxResponse payApp(SandboxRequest req) {
        return ctx.showInProject(req, ctx.billing::paymentApplication, ctx.billing::renderPaymentApplication);
    }

    private SandboxResponse createPayApp(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        return ctx.created(ctx.billing.renderPaymentApplication(ctx.billing.createPaymentApplication(w.companyId(),
            w.scopeId(), PcContext.pathId(req, "pc"), PcContext.wrapped(w.body(), "payment_application"), w.actor())));
    }

    private SandboxResponse updatePayApp(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        ObjectNode a = ctx.billing.paymentApplication(w.companyId(), w.scopeId(), PcContext.pathId(req, "id"));
        if (a.path("_prime_id").asLong() != PcContext.pathId(req, "pc")) {
            throw ProcoreValidationException.notFound();
        }
        return ctx.ok(ctx.billing.renderPaymentApplication(ctx.billing.updatePaymentApplication(w.companyId(),
            w.scopeId(), a.path("id").asLong(), PcContext.wrapped(w.body(), "payment_application"), w.actor())));
    }

    private SandboxResponse updatePayAppLine(SandboxRequest req) {
        PcContext.ScopedWrite w = ctx.projectWrite(req);
        JsonNode in = w.body().has("payment_application_line_item") ? w.body().get("payment_application_line_item")
            : PcContext.wrapped(w.body(), "line_item");
        return ctx.ok(ctx.store.render(ctx.billing.updatePayAppLine(w.companyId(), w.scopeId(),
            PcContext.pathId(req, "pc"), PcContext.pathId(req, "id"), in, w.actor())));
    }
}
