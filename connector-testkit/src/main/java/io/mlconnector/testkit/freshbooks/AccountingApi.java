package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The accounting namespace: {@code /accounting/account/{account_id}/<group>/<resource>[/{id}]} for every resource. */
final class AccountingApi {

    static final String PREFIX = "/accounting/account/{accountId}/";

    private final FbContext ctx;

    AccountingApi(FbContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        for (FbResource r : FbResource.values()) {
            if (r == FbResource.PROJECT) {
                continue;
            }
            String base = PREFIX + r.path();
            router.add("GET", base, req -> list(r, req));
            router.add("GET", base + "/{id}", req -> get(r, req));
            if (r != FbResource.EXPENSE_CATEGORY) {
                router.add("POST", base, req -> create(r, req));
                router.add("PUT", base + "/{id}", req -> update(r, req));
                router.add("DELETE", base + "/{id}", req -> delete(r, req));
            }
        }
    }

    private void guard(SandboxRequest req) {
        ctx.requireToken(req, ctx.errors()::accountingUnauthorized);
        if (!ctx.identity().accountId().equals(req.pathVar("accountId"))) {
            throw new HttpProblem(ctx.errors().accounting(403, 1003, "", "accountid", req.pathVar("accountId"),
                "The server could not verify that you are authorized to access the URL requested."));
        }
    }

    private long id(FbResource r, SandboxRequest req) {
        return FbContext.idVar(req, "id", () -> notFound(r, req.pathVar("id")));
    }

    private SandboxResponse notFound(FbResource r, String value) {
        FreshBooksValidationException e = FreshBooksValidationException.notFound(r.single(),
            r.legacyId() == null ? "id" : r.legacyId(), value);
        return ctx.errors().accounting(e);
    }

    private SandboxResponse list(FbResource r, SandboxRequest req) {
        guard(req);
        Params q = ctx.unlistedParams().apply(r, req.query());
        int page = intParam(q, "page", 1, 1014, "Invalid page.");
        int perPage = intParam(q, "per_page", 15, 1013, "Invalid per_page.");
        if (page < 0) {
            throw new HttpProblem(ctx.errors().accounting(400, 1014, "", "page", String.valueOf(page),
                "Invalid page."));
        }
        if (perPage < 1) {
            throw new HttpProblem(ctx.errors().accounting(400, 1013, "", "per_page", String.valueOf(perPage),
                "Invalid per_page."));
        }
        page = Math.max(page, 1);
        perPage = Math.min(perPage, 100);
        List<ObjectNode> items = AccountingQuery.apply(r, ctx.store().list(r), q);
        Set<String> includes = includes(q);
        int total = items.size();
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int from = Math.min(total, (page - 1) * perPage);
        int to = Math.min(total, from + perPage);
        ObjectNode body = ctx.json().object();
        ObjectNode result = body.putObject("response").putObject("result");
        ArrayNode list = result.putArray(r.plural());
        for (ObjectNode n : items.subList(from, to)) {
            list.add(render(r, n, includes));
        }
        result.put("page", page);
        result.put("pages", pages);
        result.put("per_page", perPage);
        result.put("total", total);
        return ctx.json().response(200, body);
    }

    private int intParam(Params q, String name, int fallback, int errno, String message) {
        String v = q.first(name).orElse(null);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new HttpProblem(ctx.errors().accounting(400, errno, "", name, v, message));
        }
    }

    private static Set<String> includes(Params q) {
        Set<String> out = new HashSet<>(q.all("include[]"));
        out.addAll(q.all("include"));
        return out;
    }

    private ObjectNode render(FbResource r, ObjectNode n, Set<String> includes) {
        if (r == FbResource.INVOICE && !includes.contains("lines")) {
            n.remove("lines");
        }
        if (r == FbResource.BILL && !ctx.unlistedParams().billsCarryPayments()) {
            n.remove("bill_payments");
        }
        if (r == FbResource.BILL && includes.contains("vendor")) {
            ctx.store().raw(FbResource.BILL_VENDOR, n.path("vendorid").asLong()).ifPresent(v -> n.set("vendor", v));
        }
        if (r == FbResource.EXPENSE && includes.contains("category")) {
            ctx.store().raw(FbResource.EXPENSE_CATEGORY, n.path("categoryid").asLong())
                .ifPresent(c -> n.set("category", c));
        }
        return n;
    }

    private SandboxResponse single(FbResource r, ObjectNode n, Set<String> includes) {
        ObjectNode body = ctx.json().object();
        body.putObject("response").putObject("result").set(r.single(), render(r, n, includes));
        return ctx.json().response(200, body);
    }

    private SandboxResponse get(FbResource r, SandboxRequest req) {
        guard(req);
        long id = id(r, req);
        ObjectNode n = ctx.store().get(r, id).orElseThrow(() -> new HttpProblem(notFound(r, req.pathVar("id"))));
        return single(r, n, includes(req.query()));
    }

    private ObjectNode wrapped(FbResource r, SandboxRequest req) {
        ObjectNode body = ctx.jsonBody(req, () -> ctx.errors().accounting(400, 1005, "", "", "",
            "Could not parse the request body as JSON."));
        JsonNode inner = body.get(r.single());
        if (inner == null || !inner.isObject()) {
            throw new HttpProblem(ctx.errors().accounting(422, 1001, r.single(), r.single(), "",
                "Required field " + r.single() + " missing."));
        }
        return (ObjectNode) inner;
    }

    private SandboxResponse create(FbResource r, SandboxRequest req) {
        guard(req);
        ObjectNode input = wrapped(r, req);
        try {
            return single(r, ctx.store().create(r, input, true), includes(req.query()));
        } catch (FreshBooksValidationException e) {
            return ctx.errors().accounting(e);
        }
    }

    private SandboxResponse update(FbResource r, SandboxRequest req) {
        guard(req);
        long id = id(r, req);
        ObjectNode input = wrapped(r, req);
        try {
            return single(r, ctx.store().update(r, id, input, true), includes(req.query()));
        } catch (FreshBooksValidationException e) {
            return ctx.errors().accounting(e);
        }
    }

    private SandboxResponse delete(FbResource r, SandboxRequest req) {
        guard(req);
        long id = id(r, req);
        try {
            ctx.store().delete(r, id, true);
        } catch (FreshBooksValidationException e) {
            return ctx.errors().accounting(e);
        }
        ObjectNode body = ctx.json().object();
        body.putObject("response");
        return ctx.json().response(200, body);
    }
}
