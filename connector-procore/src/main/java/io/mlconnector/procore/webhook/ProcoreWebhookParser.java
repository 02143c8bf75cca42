package io.mlconnector.procore.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import io.mlconnector.procore.internal.json.ProcoreJson;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a Procore webhook body (payload v2.0, v3.0 or v4.0) into core's {@link InboundEvent}, without verifying it
 * and without any remote call:
 * <ul>
 *   <li>{@code routingKey} = company id; {@code projectId} = project id or null (company-directory events);</li>
 *   <li>{@code subject} = {@code ExternalRef("procore", <type>, resource_id)} with the type from
 *       {@link ProcoreResourceTypes} ({@code change_order_package}, {@code direct_cost}, {@code budget_change},
 *       {@code vendor}, {@code project}, {@code purchase_order_contract}…); a line-item event whose v3.0
 *       {@code related_resources} names its parent is routed to the parent (e.g. a {@code Direct Cost Line Items}
 *       event becomes {@code direct_cost:<parent id>} with {@code resource_name} {@code Direct Costs}; attributes
 *       {@code line_item_id} and {@code line_item_resource_name} keep the line);</li>
 *   <li>a commitment change order's subject id is {@code commitment_change_order:<id>} (packages keep bare ids), so
 *       {@code ProcoreProjectSystem.fetchChangeOrder} can tell the two apart from the id alone;</li>
 *   <li>{@code action} = event type / reason; {@code eventId} = ulid, else id;</li>
 *   <li>attributes {@code resource_name}, {@code api_version}, {@code source_application_id},
 *       {@code source_user_id} (when present) and {@code user_id}.</li>
 * </ul>
 */
public final class ProcoreWebhookParser implements WebhookParser {
    private final ObjectMapper mapper;

    /** Creates a {@code ProcoreWebhookParser}. */
    public ProcoreWebhookParser() {
        this(ProcoreJson.newObjectMapper());
    }

    /**
     * Creates a {@code ProcoreWebhookParser}.
     *
     * @param mapper the JSON mapper to use
     */
    public ProcoreWebhookParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public InboundEvent parse(WebhookRequest request) {
        return toInbound(event(request));
    }

    /**
     * Parses the body into the typed event.
     *
     * @param request the webhook request
     * @return the event
     */
    public ProcoreWebhookEvent event(WebhookRequest request) {
        JsonNode root;
        try {
            root = mapper.readTree(request.body());
        } catch (IOException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "Procore webhook body is not JSON");
        }
        return ProcoreWebhookEvent.fromJson(root);
    }

    /**
     * Maps a typed event to the engine's {@link InboundEvent}.
     *
     * @param e the Procore webhook event
     * @return the inbound
     */
    public static InboundEvent toInbound(ProcoreWebhookEvent e) {
        String type = ProcoreResourceTypes.typeOf(e.resourceName());
        String resourceName = e.resourceName();
        String subjectId = Long.toString(e.resourceId());
        Map<String, String> attributes = new HashMap<>();
        String parent = ProcoreResourceTypes.parentOf(type);
        if (parent != null) {
            for (ProcoreWebhookEvent.RelatedResource r : e.relatedResources()) {
                if (parent.equals(ProcoreResourceTypes.typeOf(r.name()))) {
                    attributes.put("line_item_id", Long.toString(e.resourceId()));
                    attributes.put("line_item_type", type);
                    attributes.put("line_item_resource_name", e.resourceName());
                    type = parent;
                    resourceName = r.name();
                    subjectId = Long.toString(r.id());
                    break;
                }
            }
        }
        if (ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER.equals(type)) {
            // packages and commitment change orders share one change-order stream; the prefix tells them apart
            subjectId = ProcoreResourceTypes.COMMITMENT_CHANGE_ORDER + ":" + subjectId;
        }
        attributes.put("resource_name", resourceName);
        if (e.apiVersion() != null) {
            attributes.put("api_version", e.apiVersion());
        }
        if (e.userId() != null) {
            attributes.put("user_id", Long.toString(e.userId()));
        }
        if (e.metadata() != null) {
            if (e.metadata().sourceApplicationId() != null) {
                attributes.put("source_application_id", e.metadata().sourceApplicationId());
            }
            if (e.metadata().sourceUserId() != null) {
                attributes.put("source_user_id", Long.toString(e.metadata().sourceUserId()));
            }
        }
        return new InboundEvent(Long.toString(e.companyId()), new ExternalRef(Systems.PROCORE, type, subjectId), e.eventType(),
                e.eventId(), e.projectId() == null ? null : Long.toString(e.projectId()), false, attributes);
    }
}
