package io.mlconnector.benchmarks.world;

import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.testkit.freshbooks.FreshBooksSignature;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Webhook deliveries exactly as the vendors send them: FreshBooks form posts signed with the callback verifier (the
 * testkit's independent signer, the way the FreshBooks sandbox signs), Procore v2 JSON events with the hook's static
 * {@code Authorization} header.
 */
public final class Deliveries {
    /** A delivery as raw HTTP parts, for the in-process intake and for real HTTP alike. */
    public record Delivery(Map<String, String> headers, byte[] body) {
        /** The delivery as the engine's intake takes it. */
        public WebhookRequest request() {
            return WebhookRequest.of(headers, body);
        }
    }

    private Deliveries() {
    }

    /** A FreshBooks event ({@code bill.create} ...) for one object, signed with {@code verifier}. */
    public static Delivery freshBooks(String verifier, String accountId, long businessId, long identityId,
                                      String event, long objectId) {
        String body = "name=" + event + "&object_id=" + objectId + "&account_id=" + accountId + "&business_id="
                + businessId + "&identity_id=" + identityId + "&user_id=1";
        return new Delivery(Map.of(FreshBooksSignature.HEADER, FreshBooksSignature.sign(verifier, body),
                "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Procore v2 webhook event, e.g. resource {@code Change Order Packages}, event {@code update}; {@code eventId}
     * must be unique per delivery (it is the queue's dedupe key).
     */
    public static Delivery procore(String secret, long companyId, long projectId, String resourceName, long resourceId,
                                   String eventType, long eventId) {
        String body = "{\"id\":" + eventId + ",\"ulid\":\"01HBENCH" + String.format("%018d", eventId) + "\","
                + "\"timestamp\":\"2024-05-15T12:00:00.000000Z\",\"metadata\":{\"source_user_id\":1469242,"
                + "\"source_project_id\":" + projectId + ",\"source_operation_id\":null,\"source_company_id\":"
                + companyId + ",\"source_application_id\":null},\"user_id\":1469242,\"company_id\":" + companyId
                + ",\"project_id\":" + projectId + ",\"api_version\":\"v2.0\",\"event_type\":\"" + eventType
                + "\",\"resource_name\":\"" + resourceName + "\",\"resource_id\":" + resourceId + "}";
        return new Delivery(Map.of("Authorization", "Bearer " + secret, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
