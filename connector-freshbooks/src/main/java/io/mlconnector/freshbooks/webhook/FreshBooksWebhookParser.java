package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.FreshBooksRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core {@link WebhookParser} for FreshBooks: routing key = {@code account_id}; subject =
 * {@code freshbooks:<type>:<object_id>} with the type from {@link FreshBooksRefs#typeForEventResource}
 * ({@code bill_vendor.update} → {@code vendor}); action = the event's action ({@code update} for a dotless parent
 * event). A handshake has subject {@code freshbooks:callback:<callback id>}, action {@code verify},
 * {@code handshake=true} and the attribute {@code verifier}. Attributes also carry {@code name}, {@code resource},
 * {@code business_id}, {@code identity_id}, {@code user_id} when present. Makes no remote call.
 */
public final class FreshBooksWebhookParser implements WebhookParser {

    @Override
    public InboundEvent parse(WebhookRequest request) {
        FreshBooksWebhookEvent e = FreshBooksWebhookEvent.parse(request);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", e.name());
        attributes.put("resource", e.resource());
        putIfPresent(attributes, "business_id", e.businessId());
        putIfPresent(attributes, "identity_id", e.identityId());
        putIfPresent(attributes, "user_id", e.userId());
        if (e.isHandshake()) {
            putIfPresent(attributes, "verifier", e.verifier());
            return new InboundEvent(e.accountId(), FreshBooksRefs.ref(FreshBooksRefs.CALLBACK, e.objectId()), "verify",
                    null, null, true, attributes);
        }
        String action = e.action().isEmpty() ? "update" : e.action();
        return new InboundEvent(e.accountId(), FreshBooksRefs.ref(FreshBooksRefs.typeForEventResource(e.resource()),
                e.objectId()), action, null, null, false, attributes);
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
