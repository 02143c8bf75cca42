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
 *                     resource name…); {@link #toString()} masks the values of secret-bearing attributes
 *                     ({@code verifier}, and any name containing {@code secret}, {@code token} or {@code signature})
 */
public record InboundEvent(String routingKey, ExternalRef subject, String action, String eventId, String projectId,
                           boolean handshake, Map<String, String> attributes) {
    /**
     * Checks the components.
     *
     * @param routingKey which connection it belongs to: FreshBooks account id, or Procore company id
     * @param subject the changed object (for a handshake: the callback)
     * @param action {@code create}, {@code update}, {@code delete}, or {@code verify} for a handshake
     * @param eventId the delivery's own id when the vendor sends one (Procore ulid / id), else null
     * @param projectId the project the object belongs to, when the payload says (Procore), else null
     * @param handshake true for a webhook verification handshake (FreshBooks {@code callback.verify})
     * @param attributes extra fields (FreshBooks {@code verifier} of a handshake, Procore {@code
     *     source_application_id}, resource name…); {@link #toString()} masks the values of secret-bearing attributes
     *     ({@code verifier}, and any name containing {@code secret}, {@code token} or {@code signature})
     */
    public InboundEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * An attribute value or null.
     *
     * @param name the name
     * @return an attribute value or null
     */
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder("{");
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (shown.length() > 1) {
                shown.append(", ");
            }
            shown.append(e.getKey()).append('=').append(isSecret(e.getKey()) ? "****" : e.getValue());
        });
        return "InboundEvent[routingKey=" + routingKey + ", subject=" + subject + ", action=" + action + ", eventId="
                + eventId + ", projectId=" + projectId + ", handshake=" + handshake + ", attributes=" + shown + "}]";
    }

    private static boolean isSecret(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("verifier") || n.contains("secret") || n.contains("token") || n.contains("signature");
    }
}
