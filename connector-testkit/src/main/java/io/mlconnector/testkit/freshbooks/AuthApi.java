package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;

/** FreshBooks OAuth token/revoke endpoints and the identity call {@code /auth/api/v1/users/me}. */
final class AuthApi {

    private final FbContext ctx;

    AuthApi(FbContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.add("POST", "/auth/oauth/token", this::token)
            .add("POST", "/auth/oauth/revoke", this::revoke)
            .add("GET", "/auth/api/v1/users/me", this::me);
    }

    private SandboxResponse token(SandboxRequest req) {
        Params p = req.bodyParams(ctx.json());
        FreshBooksAuth.GrantResult result = ctx.auth().grant(p.get("grant_type", null), p.get("client_id", null),
            p.get("client_secret", null), p.get("code", null), p.get("refresh_token", null),
            p.get("redirect_uri", null));
        if (result instanceof FreshBooksAuth.Refused) {
            FreshBooksAuth.Refused r = (FreshBooksAuth.Refused) result;
            return ctx.errors().oauth(r.status(), r.error(), r.description());
        }
        TokenPair pair = ((FreshBooksAuth.Granted) result).pair();
        ObjectNode body = ctx.json().object();
        body.put("access_token", pair.accessToken());
        body.put("refresh_token", pair.refreshToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", pair.expiresIn());
        body.put("scope", ctx.auth().scope());
        body.put("created_at", pair.createdAt().getEpochSecond());
        return ctx.json().response(200, body).withHeader("Cache-Control", "no-store");
    }

    private SandboxResponse revoke(SandboxRequest req) {
        Params p = req.bodyParams(ctx.json());
        if (!ctx.auth().clientMatches(p.get("client_id", ""), p.get("client_secret", ""))) {
            return ctx.errors().oauth(401, "invalid_client", FreshBooksAuth.INVALID_CLIENT);
        }
        p.first("token").ifPresent(ctx.auth()::revoke);
        return ctx.json().response(200, ctx.json().object());
    }

    private SandboxResponse me(SandboxRequest req) {
        ctx.requireToken(req, ctx.errors()::authUnauthenticated);
        FreshBooksIdentity id = ctx.identity();
        ObjectNode body = ctx.json().object();
        ObjectNode r = body.putObject("response");
        r.put("id", id.identityId());
        r.put("identity_id", id.identityId());
        r.put("identity_uuid", "identity-" + id.identityId());
        r.put("first_name", id.firstName());
        r.put("last_name", id.lastName());
        r.put("email", id.email());
        r.put("language", "en");
        r.put("confirmed_at", "2020-01-02T03:04:05Z");
        r.put("created_at", "2020-01-02T03:00:00Z");
        r.put("setup_complete", true);
        r.putObject("permissions").putObject(id.accountId());
        r.putArray("groups").addObject()
            .put("id", id.identityId() * 10 + 3).put("group_id", id.businessId() * 10 + 1).put("role", "owner")
            .put("identity_id", id.identityId()).put("business_id", id.businessId()).put("active", true);
        r.putObject("subscription_statuses").put(id.accountId(), "active");
        ObjectNode membership = r.putArray("business_memberships").addObject();
        membership.put("id", id.businessId() * 10 + 9);
        membership.put("role", "owner");
        membership.put("unacknowledged_change", false);
        ObjectNode business = membership.putObject("business");
        business.put("id", id.businessId());
        business.put("business_uuid", id.businessUuid());
        business.put("name", id.businessName());
        business.put("account_id", id.accountId());
        business.put("date_format", "mm/dd/yyyy");
        business.putObject("address").put("id", 1).put("street", "1 Main St").put("city", "Austin")
            .put("province", "Texas").put("country", "United States").put("postal_code", "78701");
        business.putObject("phone_number").put("id", 1).put("phone_number", "5125550100");
        business.putArray("business_clients");
        ObjectNode role = r.putArray("roles").addObject();
        role.put("id", 61270);
        role.put("role", "admin");
        role.put("systemid", id.businessId());
        role.put("userid", id.userId());
        role.put("created_at", "2020-01-02T03:00:00Z");
        role.put("accountid", id.accountId());
        return ctx.json().response(200, body);
    }
}
