package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.request.HookInput;
import io.mlconnector.procore.request.TriggerInput;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.WebhookDelivery;
import io.mlconnector.procore.webhook.WebhookHook;
import io.mlconnector.procore.webhook.WebhookTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Webhooks API v1.0 (procore.md §6.2): hooks at company or project level with {@code destination_headers}
 * carrying our shared secret, triggers (single and bulk, {@code api_version} at the top level of the body) and
 * deliveries ({@code filters[status]}, paged by {@code page_size} + {@code page_start}).
 */
public final class WebhooksApi extends ResourceSupport {
    private static final String HOOKS = "/rest/v1.0/webhooks/hooks";

    /**
     * Creates a {@code WebhooksApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public WebhooksApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code POST /rest/v1.0/webhooks/hooks} with {@code {"company_id"|"project_id":…,"hook":{…}}}.
     *
     * @param where the where scope
     * @param hook the hook input
     * @return the created hook
     */
    public WebhookHook createHook(HookScope where, HookInput hook) {
        return http.post(HOOKS, Query.create(), scoped(where, "hook", hook), WebhookHook.class);
    }

    /**
     * {@code GET /rest/v1.0/webhooks/hooks?company_id|project_id=…&namespace=N} ({@code *} = all namespaces).
     *
     * @param where the where scope
     * @param namespace the namespace
     * @return the hooks
     */
    public List<WebhookHook> listHooks(HookScope where, String namespace) {
        return http.getList(HOOKS, scopeQuery(where).add("namespace", namespace), WebhookHook.class);
    }

    /**
     * {@code PATCH /rest/v1.0/webhooks/hooks/{id}} with the {@code hook} wrapper (e.g. to rotate the secret header).
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param hook the hook input
     * @return the updated hook
     */
    public WebhookHook updateHook(HookScope where, long hookId, HookInput hook) {
        return http.patch(HOOKS + "/" + positive(hookId, "hookId"), Query.create(), scoped(where, "hook", hook), WebhookHook.class);
    }

    /**
     * {@code DELETE /rest/v1.0/webhooks/hooks/{id}?company_id|project_id=…}.
     *
     * @param where the where scope
     * @param hookId the hook id
     */
    public void deleteHook(HookScope where, long hookId) {
        http.delete(HOOKS + "/" + positive(hookId, "hookId"), scopeQuery(where), null);
    }

    /**
     * {@code POST …/hooks/{id}/triggers} with {@code {scope, "api_version":V, "trigger":{resource_name, event_type}}}.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param apiVersion the API version
     * @param trigger the trigger input
     * @return the created trigger
     */
    public WebhookTrigger createTrigger(HookScope where, long hookId, String apiVersion, TriggerInput trigger) {
        Map<String, Object> b = scopeBody(where);
        b.put("api_version", apiVersion);
        b.put("trigger", trigger);
        return http.post(HOOKS + "/" + positive(hookId, "hookId") + "/triggers", Query.create(), b, WebhookTrigger.class);
    }

    /**
     * {@code POST …/hooks/{id}/triggers/bulk} with {@code {scope, "api_version":V, "triggers":[…]}} → the created triggers.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param apiVersion the API version
     * @param triggers the triggers
     * @return the triggers
     */
    public List<WebhookTrigger> createTriggers(HookScope where, long hookId, String apiVersion, List<TriggerInput> triggers) {
        Map<String, Object> b = scopeBody(where);
        b.put("api_version", apiVersion);
        b.put("triggers", triggers);
        JsonNode answer = http.post(HOOKS + "/" + positive(hookId, "hookId") + "/triggers/bulk", Query.create(), b, JsonNode.class);
        List<WebhookTrigger> out = new ArrayList<>();
        JsonNode success = answer == null ? null : answer.isArray() ? answer : answer.get("success");
        if (success != null) {
            for (JsonNode t : success) {
                out.add(http.mapper().convertValue(t, WebhookTrigger.class));
            }
        }
        return out;
    }

    /**
     * {@code DELETE …/hooks/{id}/triggers/bulk} with {@code {scope, "triggers":[ids]}}.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param triggerIds the trigger ids
     */
    public void deleteTriggers(HookScope where, long hookId, List<Long> triggerIds) {
        Map<String, Object> b = scopeBody(where);
        b.put("triggers", triggerIds);
        http.delete(HOOKS + "/" + positive(hookId, "hookId") + "/triggers/bulk", Query.create(), b);
    }

    /**
     * {@code GET …/hooks/{id}/triggers?scope}.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @return the triggers
     */
    public List<WebhookTrigger> listTriggers(HookScope where, long hookId) {
        return http.getList(HOOKS + "/" + positive(hookId, "hookId") + "/triggers", scopeQuery(where), WebhookTrigger.class);
    }

    /**
     * {@code DELETE …/hooks/{id}/triggers/{trigger}?scope}.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param triggerId the trigger id
     */
    public void deleteTrigger(HookScope where, long hookId, long triggerId) {
        http.delete(HOOKS + "/" + positive(hookId, "hookId") + "/triggers/" + positive(triggerId, "triggerId"),
                scopeQuery(where), null);
    }

    /**
     * {@code GET …/hooks/{id}/deliveries?scope&filters[status]=S&page_size=N[&page_start=last id]} — lazily paged:
     * each next page starts after the last delivery id of the previous one.
     *
     * @param where the where scope
     * @param hookId the hook id
     * @param status {@code any}, {@code successful}, {@code failing} or {@code discarded}; null for Procore's default
     * @param pageSize the page size
     * @return the webhook deliverys
     */
    public Stream<WebhookDelivery> deliveries(HookScope where, long hookId, String status, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        String path = HOOKS + "/" + positive(hookId, "hookId") + "/deliveries";
        Long[] start = new Long[1];
        return Paginator.stream(pageNo -> {
            Query q = scopeQuery(where).filter("status", status).add("page_size", pageSize).add("page_start", start[0]);
            List<WebhookDelivery> items = http.getList(path, q, WebhookDelivery.class);
            items = items == null ? List.of() : items;
            Long last = items.isEmpty() ? null : items.get(items.size() - 1).id();
            boolean more = items.size() >= pageSize && last != null && !last.equals(start[0]);
            start[0] = last;
            return Page.of(items, more);
        });
    }

    /**
     * The resources a scope can subscribe to (raw): {@code GET /rest/v1.0/webhooks/resources?project_id=P} for a
     * project ({@code RestV10WebhooksResourcesGet} takes only a project); for the company,
     * {@code GET /rest/v2.0/companies/{C}/webhooks/resources?payload_version=V}
     * ({@code RestV20CompaniesCompanyIdWebhooksResourcesGet}, {@code payload_version} required, {@code {"data":[…]}}, every
     * page read; the answer is the array of every page's rows).
     *
     * @param where the where scope
     * @param payloadVersion the hook payload version, e.g. {@code v2}; used for the company scope
     * @return the resources a scope can subscribe to (raw): {@code GET /rest/v1.0/webhooks/resources?project_id=P} for
     *     a project ({@code RestV10WebhooksResourcesGet} takes only a project)
     */
    public JsonNode resources(HookScope where, String payloadVersion) {
        if (where.isCompany()) {
            if (payloadVersion == null || payloadVersion.isBlank()) {
                throw new IllegalArgumentException("listing company webhook resources needs a payload version");
            }
            ArrayNode all = http.mapper().createArrayNode();
            http.list("/rest/v2.0/companies/" + company() + "/webhooks/resources", Query.of("payload_version", payloadVersion),
                    ListOptions.DEFAULT_PER_PAGE, JsonNode.class).forEach(all::add);
            return all;
        }
        return http.get("/rest/v1.0/webhooks/resources", scopeQuery(where), JsonNode.class);
    }

    private Query scopeQuery(HookScope where) {
        return where.isCompany() ? companyQuery() : projectQuery(project(where.project()));
    }

    private Map<String, Object> scopeBody(HookScope where) {
        return where.isCompany() ? body("company_id", company()) : body("project_id", project(where.project()));
    }

    private Map<String, Object> scoped(HookScope where, String key, Object value) {
        Map<String, Object> b = scopeBody(where);
        b.put(key, value);
        return b;
    }
}
