package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.DeliveryOutcome;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import io.mlconnector.testkit.server.WebhookDelivery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The v1.0 webhooks API: hooks, triggers (single and bulk), deliveries, resources (also the REST v2 company list) (§6.2). */
final class WebhooksApi {

    static final List<String> RESOURCES = List.of("Projects", "Company Vendors", "Line Item Types", "Cost Codes",
        "Purchase Order Contracts", "Work Order Contracts", "Change Order Packages", "Direct Costs",
        "Contract Payments", "Prime Contracts", "Payment Applications");
    private static final String BASE = "/rest/v1.0/webhooks/hooks";

    private final PcContext ctx;

    WebhooksApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/rest/v1.0/webhooks/resources", ctx.safe(this::resources))
            .add("GET", "/rest/v2.0/companies/{companyId}/webhooks/resources", ctx.safe(this::companyResources))
            .add("POST", BASE, ctx.safe(this::createHook))
            .add("GET", BASE, ctx.safe(this::hooks))
            .add("POST", BASE + "/{id}/triggers/bulk", ctx.safe(this::bulkCreate))
            .add("DELETE", BASE + "/{id}/triggers/bulk", ctx.safe(this::bulkDelete))
            .add("POST", BASE + "/{id}/triggers", ctx.safe(this::createTrigger))
            .add("GET", BASE + "/{id}/triggers", ctx.safe(this::triggers))
            .add("DELETE", BASE + "/{id}/triggers/{tid}", ctx.safe(this::deleteTrigger))
            .add("GET", BASE + "/{id}/deliveries", ctx.safe(this::deliveries))
            .add("PATCH", BASE + "/{id}", ctx.safe(this::updateHook))
            .add("DELETE", BASE + "/{id}", ctx.safe(this::deleteHook));
    }

    /** Scope from query or body: company_id (must be the header's) or project_id (must be in it). */
    private Long[] scope(SandboxRequest req, ObjectNode body, PcContext.Caller c) {
        boolean hasProject = req.query().has("project_id") || (body != null && body.hasNonNull("project_id"));
        if (hasProject) {
            long projectId = PcContext.scopeId(req, body, "project_id");
            ctx.directory.project(c.companyId(), projectId);
            return new Long[] {null, projectId};
        }
        return new Long[] {PcContext.companyScope(req, body, c), null};
    }

    private Hook owned(SandboxRequest req, ObjectNode body, PcContext.Caller c) {
        Long[] scope = scope(req, body, c);
        Hook h = ctx.webhooks.hook(PcContext.pathId(req, "id")).orElseThrow(ProcoreValidationException::notFound);
        boolean mine = scope[0] != null ? scope[0].equals(h.companyId()) : scope[1].equals(h.projectId());
        if (!mine) {
            throw ProcoreValidationException.notFound();
        }
        return h;
    }

    static ObjectNode render(ObjectNode out, Hook h, long userId) {
        out.put("id", h.id());
        out.put("api_version", h.apiVersion());
        out.put("namespace", h.namespace());
        out.put("destination_url", h.destinationUrl());
        ObjectNode headers = out.putObject("destination_headers");
        h.destinationHeaders().forEach((k, v) -> headers.put(k, v.length() <= 5 ? "*****"
            : "*****" + v.substring(v.length() - 5)));
        if (h.companyId() == null) {
            out.putNull("owned_by_company_id");
        } else {
            out.put("owned_by_company_id", h.companyId());
        }
        if (h.projectId() == null) {
            out.putNull("owned_by_project_id");
        } else {
            out.put("owned_by_project_id", h.projectId());
        }
        out.put("owned_by_user_id", userId);
        return out;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private SandboxResponse resources(SandboxRequest req) {
        ctx.caller(req);
        ArrayNode arr = ctx.json.array();
        for (String name : RESOURCES) {
            ObjectNode r = arr.addObject();
            r.put("name", name);
            r.put("api_version", "v2");
            r.putNull("product_category");
            r.putNull("tools");
            r.putArray("except");
            // the spec types the three event fields as strings: the event type each one subscribes to
            r.put("create", "create");
            r.put("update", "update");
            r.put("delete", "delete");
        }
        return ctx.ok(arr);
    }

    /**
     * {@code GET /rest/v2.0/companies/{c}/webhooks/resources?payload_version=V}
     * ({@code RestV20CompaniesCompanyIdWebhooksResourcesGet}): the same resources in the REST v2 shape,
     * {@code {"data":[{category, tool, name, payload_version, actions}]}}, paged. The spec fixes the shape, not the
     * values: the sandbox files the directory resources under {@code Core} and the rest under
     * {@code Construction Financials}, names the tool after the resource, and echoes the requested payload version.
     */
    private SandboxResponse companyResources(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        if (PcContext.pathId(req, "companyId") != c.companyId()) {
            throw ProcoreValidationException.notFound();
        }
        String version = req.query().get("payload_version", "");
        List<ObjectNode> rows = new ArrayList<>();
        for (String name : RESOURCES) {
            ObjectNode r = ctx.json.object();
            r.put("category", name.equals("Projects") || name.equals("Company Vendors") ? "Core"
                : "Construction Financials");
            r.put("tool", name);
            r.put("name", name);
            r.put("payload_version", version);
            r.putArray("actions").add("create").add("update").add("delete");
            rows.add(r);
        }
        return ctx.pageV2(req, rows, r -> r);
    }

    private SandboxResponse createHook(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        Long[] scope = scope(req, body, c);
        JsonNode in = PcContext.wrapped(body, "hook");
        String url = in.path("destination_url").asText("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ProcoreValidationException.unprocessable("destination_url", "is invalid");
        }
        String namespace = in.path("namespace").asText("");
        if (!namespace.isEmpty() && !namespace.matches("[a-z0-9-]+")) {
            throw ProcoreValidationException.unprocessable("namespace", "is invalid");
        }
        Hook h = ctx.webhooks.createHook(scope[0], scope[1], namespace, in.path("api_version").asText("v2"), url,
            headers(in.get("destination_headers")));
        return ctx.created(render(ctx.json.object(), h, c.grant().app().userId()));
    }

    private SandboxResponse hooks(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        Long[] scope = scope(req, null, c);
        String ns = req.query().get("namespace", "*");
        ArrayNode arr = ctx.json.array();
        ctx.webhooks.hooks().stream()
            .filter(h -> scope[0] != null ? scope[0].equals(h.companyId()) : scope[1].equals(h.projectId()))
            .filter(h -> ns.equals("*") || ns.equals(h.namespace()))
            .forEach(h -> arr.add(render(ctx.json.object(), h, c.grant().app().userId())));
        return ctx.ok(arr);
    }

    private SandboxResponse updateHook(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        Hook h = owned(req, body, c);
        JsonNode in = PcContext.wrapped(body, "hook");
        Hook updated = ctx.webhooks.updateHook(h.id(), Docs.text(in, "namespace"), Docs.text(in, "api_version"),
            Docs.text(in, "destination_url"), in.has("destination_headers") ? headers(in.get("destination_headers"))
                : null);
        return ctx.ok(render(ctx.json.object(), updated, c.grant().app().userId()));
    }

    private SandboxResponse deleteHook(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ctx.webhooks.deleteHook(owned(req, null, c).id());
        return SandboxResponse.empty(204);
    }

    private ObjectNode renderTrigger(ProcoreWebhooks.Trigger t) {
        ObjectNode o = ctx.json.object();
        o.put("id", t.id());
        o.put("webhook_hook_id", t.hookId());
        o.put("resource_name", t.resourceName());
        o.putNull("resource_id");
        o.put("event_type", t.eventType());
        if (t.companyId() == null) {
            o.putNull("company_id");
        } else {
            o.put("company_id", t.companyId());
        }
        if (t.projectId() == null) {
            o.putNull("project_id");
        } else {
            o.put("project_id", t.projectId());
        }
        o.put("user_id", t.userId());
        return o;
    }

    private ProcoreWebhooks.Trigger addTrigger(Hook h, JsonNode t, PcContext.Caller c) {
        String resource = t.path("resource_name").asText("");
        String event = t.path("event_type").asText("");
        if (resource.isEmpty()) {
            throw ProcoreValidationException.unprocessable("resource_name", "can't be blank");
        }
        if (!Set.of("create", "update", "delete").contains(event)) {
            throw ProcoreValidationException.unprocessable("event_type", "is not included in the list");
        }
        return ctx.webhooks.addTrigger(h.id(), resource, event, c.grant().app().userId());
    }

    private SandboxResponse createTrigger(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        Hook h = owned(req, body, c);
        JsonNode t = body.has("trigger") ? body.get("trigger") : body.path("hook").path("trigger");
        if (!t.isObject()) {
            throw ProcoreValidationException.missing("trigger");
        }
        return ctx.created(renderTrigger(addTrigger(h, t, c)));
    }

    private SandboxResponse bulkCreate(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        Hook h = owned(req, body, c);
        ObjectNode out = ctx.json.object();
        ArrayNode ok = out.putArray("success");
        body.path("triggers").forEach(t -> ok.add(renderTrigger(addTrigger(h, t, c))));
        return ctx.created(out);
    }

    private SandboxResponse bulkDelete(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        ObjectNode body = ctx.body(req);
        Hook h = owned(req, body, c);
        ObjectNode out = ctx.json.object();
        ArrayNode success = out.putArray("success");
        body.path("triggers").forEach(t -> {
            ctx.webhooks.deleteTrigger(h.id(), t.asLong());
            success.add(t.asLong());
        });
        return ctx.ok(out);
    }

    private SandboxResponse triggers(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        Hook h = owned(req, null, c);
        ArrayNode arr = ctx.json.array();
        ctx.webhooks.triggers(h.id()).forEach(t -> arr.add(renderTrigger(t)));
        return ctx.ok(arr);
    }

    private SandboxResponse deleteTrigger(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        Hook h = owned(req, null, c);
        if (!ctx.webhooks.deleteTrigger(h.id(), PcContext.pathId(req, "tid"))) {
            throw ProcoreValidationException.notFound();
        }
        return SandboxResponse.empty(204);
    }

    private SandboxResponse deliveries(SandboxRequest req) {
        PcContext.Caller c = ctx.caller(req);
        Hook h = owned(req, null, c);
        String status = req.query().first("filters[status]").or(() -> req.query().first("filter[status]"))
            .orElse("any");
        int pageSize = Math.max(1, Math.min(1000, Integer.parseInt(req.query().get("page_size", "100"))));
        long pageStart = Long.parseLong(req.query().get("page_start", "0"));
        ArrayNode arr = ctx.json.array();
        ctx.webhooks.deliveries(h.id()).stream()
            .filter(d -> d.delivery().id() > pageStart)
            .filter(d -> matches(status, d.delivery().outcome()))
            .limit(pageSize)
            .forEach(d -> arr.add(renderDelivery(d)));
        return ctx.ok(arr);
    }

    private static boolean matches(String status, DeliveryOutcome o) {
        switch (status) {
            case "successful":
                return o == DeliveryOutcome.OK;
            case "failing":
                return o == DeliveryOutcome.RETRIED || o == DeliveryOutcome.FAILED;
            case "discarded":
                return o == DeliveryOutcome.DISCARDED || o == DeliveryOutcome.DROPPED;
            default:
                return true;
        }
    }

    private ObjectNode renderDelivery(ProcoreWebhooks.HookDelivery hd) {
        WebhookDelivery d = hd.delivery();
        ObjectNode o = ctx.json.object();
        o.put("id", d.id());
        o.put("event_id", d.eventId());
        o.put("outcome", d.outcome() == DeliveryOutcome.DROPPED ? "discarded"
            : d.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (d.responseStatus() == 0) {
            o.putNull("response_status");
        } else {
            o.put("response_status", d.responseStatus());
        }
        o.put("response_error", d.error());
        o.put("response_body", d.responseBody());
        o.putObject("response_headers");
        o.put("started_at", d.startedAt().toString());
        o.put("completed_at", d.completedAt().toString());
        o.set("event", hd.event());
        return o;
    }
}
