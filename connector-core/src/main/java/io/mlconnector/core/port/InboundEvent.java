package io.mlconnector.core.port;

import io.mlconnector.core.model.ExternalRef;
import java.util.Map;

/**
 * A webhook parsed into what the engine needs to route and enqueue it; it carries ids only, never object data.
 *
 * @param routingKey   which connection it belongs to: FreshBooks account id, or Procore company id
 * @param subject      the changed object (for a handshake: the callback)
 * @param action       {@code create}, {@code update}, {@code delete}, or {@code verify} for a handshake
 * @param eventId      the delivery's own id when the vendor sends one (Procore ulid / id), else null
 * @param projectId    the project the object belongs to, when the payload says (Procore), else null
 * @param handshake    true for a webhook verification handshake (FreshBooks {@code callback.verify})
 * @param attributes   extra fields (FreshBooks {@code verifier} of a handshake, Procore {@code source_application_id},
 *                     resource name…)
 */
public record InboundEvent(String routingKey, ExternalRef subject, String action, String eventId, String projectId,
                           boolean handshake, Map<String, String> attributes) {
    public InboundEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An attribute value or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
