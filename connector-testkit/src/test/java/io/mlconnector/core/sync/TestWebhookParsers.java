package io.mlconnector.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.http.ConnectorJson;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.webhook.WebhookVerificationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Minimal webhook parsers for the documented body shapes (FreshBooks form fields {@code name, object_id,
 * account_id[, verifier]}; Procore v2 JSON), standing in for the vendor modules' parsers in engine tests.
 */
final class TestWebhookParsers {
    private static final ObjectMapper JSON = ConnectorJson.newObjectMapper();

    private TestWebhookParsers() {
    }

    static WebhookParser freshBooks() {
        return request -> {
            Map<String, String> f = new LinkedHashMap<>();
            for (String pair : request.bodyAsString().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    f.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String name = f.get("name");
            String objectId = f.get("object_id");
            if (name == null || objectId == null || !name.contains(".")) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                        "not a FreshBooks webhook form body");
            }
            String resource = name.substring(0, name.indexOf('.'));
            String action = name.substring(name.indexOf('.') + 1);
            boolean handshake = name.equals("callback.verify");
            Map<String, String> attrs = new HashMap<>();
            if (f.containsKey("verifier")) {
                attrs.put("verifier", f.get("verifier"));
            }
            attrs.put("resource", resource);
            // like the real parser, the subject uses the adapter's ref types (here: the in-memory fake's)
            String type = switch (resource) {
                case "bill_vendor" -> "vendor";
                case "payment" -> "invoice_payment";
                default -> resource;
            };
            return new InboundEvent(f.get("account_id"), new ExternalRef(Systems.FRESHBOOKS, type, objectId),
                    action, null, null, handshake, attrs);
        };
    }

    static WebhookParser procore() {
        return request -> {
            JsonNode n;
            try {
                n = JSON.readTree(request.body());
            } catch (Exception e) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                        "not JSON");
            }
            if (n == null || !n.hasNonNull("resource_id") || !n.hasNonNull("company_id")) {
                throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_BODY,
                        "not a Procore webhook");
            }
            Map<String, String> attrs = new HashMap<>();
            attrs.put("resource_name", n.path("resource_name").asText());
            JsonNode app = n.path("metadata").path("source_application_id");
            if (!app.isMissingNode() && !app.isNull()) {
                attrs.put("source_application_id", app.asText());
            }
            String eventId = n.hasNonNull("ulid") ? n.get("ulid").asText() : n.path("id").asText(null);
            String type = switch (n.path("resource_name").asText()) {
                case "Change Order Packages" -> "change_order";
                case "Prime Change Orders", "Prime Contract Change Orders" -> "prime_change_order";
                case "Direct Costs" -> "direct_cost";
                case "Budget Changes" -> "budget_change";
                case "Company Vendors" -> "vendor";
                case "Projects" -> "project";
                case "Cost Codes" -> "cost_code";
                default -> "other";
            };
            return new InboundEvent(n.get("company_id").asText(),
                    new ExternalRef(Systems.PROCORE, type, n.get("resource_id").asText()),
                    n.path("event_type").asText("update"), eventId,
                    n.hasNonNull("project_id") ? n.get("project_id").asText() : null, false, attrs);
        };
    }
}
