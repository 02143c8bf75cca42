package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.Router;
import io.mlconnector.testkit.server.SandboxRequest;
import io.mlconnector.testkit.server.SandboxResponse;
import java.time.Duration;

/** {@code /oauth/token} (client credentials; form, multipart or JSON), {@code /oauth/token/info}, {@code /oauth/revoke}. */
final class OAuthApi {

    private final PcContext ctx;

    OAuthApi(PcContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        router.add("POST", "/oauth/token", this::token)
            .add("GET", "/oauth/token/info", this::info)
            .add("POST", "/oauth/revoke", this::revoke);
    }

    private SandboxResponse error(int status, String error, String description) {
        ObjectNode body = ctx.json.object();
        body.put("error", error);
        body.put("error_description", description);
        return ctx.json.response(status, body);
    }

    private SandboxResponse token(SandboxRequest req) {
        Params p = req.bodyParams(ctx.json);
        String grantType = p.get("grant_type", "");
        if (!grantType.equals("client_credentials")) {
            ctx.auth.clientCredentials(null, null);
            return error(400, "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.");
        }
        return ctx.auth.clientCredentials(p.get("client_id", null), p.get("client_secret", null))
            .map(g -> {
                ObjectNode body = ctx.json.object();
                body.put("access_token", g.token());
                body.put("token_type", "bearer");
                body.put("expires_in", Duration.between(g.createdAt(), g.expiresAt()).toSeconds());
                body.put("created_at", g.createdAt().getEpochSecond());
                return ctx.json.response(200, body);
            })
            .orElseGet(() -> error(401, "invalid_client", "Client authentication failed due to unknown client, no "
                + "client authentication included, or unsupported authentication method."));
    }

    private SandboxResponse info(SandboxRequest req) {
        return ctx.auth.valid(req.bearerToken().orElse(null)).map(g -> {
            ObjectNode body = ctx.json.object();
            body.put("resource_owner_id", g.app().userId());
            body.putArray("scopes");
            body.put("expires_in_seconds", Math.max(0, Duration.between(ctx.auth.clock().instant(), g.expiresAt())
                .toSeconds()));
            body.putObject("application").put("uid", g.app().clientId());
            body.put("created_at", g.createdAt().getEpochSecond());
            return ctx.json.response(200, body);
        }).orElseGet(ctx::unauthorized);
    }

    private SandboxResponse revoke(SandboxRequest req) {
        Params p = req.bodyParams(ctx.json);
        String token = p.get("token", null);
        if (token != null) {
            ctx.auth.valid(token).filter(g -> g.app().clientId().equals(p.get("client_id", "")))
                .ifPresent(g -> ctx.auth.revoke(token));
        }
        return ctx.json.response(200, ctx.json.object());
    }
}
