package io.mlconnector.procore.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Procore webhook event, read from any payload version (procore.md §6.4):
 * <ul>
 *   <li>v2.0 (legacy; older hooks say {@code "v2"}): {@code id} (a ~19-digit integer — read as text, never through a
 *       double), {@code ulid}, {@code timestamp}, {@code metadata{source_*}}, {@code user_id}, {@code company_id},
 *       {@code project_id}, {@code api_version}, {@code event_type}, {@code resource_name}, {@code resource_id};</li>
 *   <li>v3.0: v2.0 plus {@code related_resources[{id, name}]};</li>
 *   <li>v4.0: every id a string, {@code id} is a ULID, no {@code ulid}/{@code metadata}/{@code api_version},
 *       {@code reason} instead of {@code event_type}, {@code resource_type} instead of {@code resource_name}.</li>
 * </ul>
 *
 * @param id               the event id as sent (digits in v2/v3, a ULID in v4)
 * @param ulid             the v2/v3 ULID, or null (not validated: the doc's sample is not a real ULID)
 * @param timestamp        when the change happened
 * @param companyId        the company (routing key)
 * @param projectId        the project, or null for company-level resources
 * @param userId           the user who made the change, or null
 * @param resourceName     e.g. {@code Change Order Packages} ({@code resource_type} in v4)
 * @param resourceId       the changed object's id
 * @param eventType        {@code create|update|delete} ({@code reason} in v4, which may hold other values)
 * @param apiVersion       the payload version ({@code v2}, {@code v2.0}, {@code v3.0}; {@code v4.0} when inferred)
 * @param metadata         v2/v3 metadata, or null in v4
 * @param relatedResources v3 parents of line-item resources; empty otherwise
 */
@JsonDeserialize(using = ProcoreWebhookEventDeserializer.class)
public record ProcoreWebhookEvent(String id, String ulid, Instant timestamp, long companyId, Long projectId, Long userId,
                                  String resourceName, long resourceId, String eventType, String apiVersion,
                                  Metadata metadata, List<RelatedResource> relatedResources) {
    /**
     * Checks the components.
     *
     * @param id the event id as sent (digits in v2/v3, a ULID in v4)
     * @param ulid the v2/v3 ULID, or null (not validated: the doc's sample is not a real ULID)
     * @param timestamp when the change happened
     * @param companyId the company (routing key)
     * @param projectId the project, or null for company-level resources
     * @param userId the user who made the change, or null
     * @param resourceName e.g. {@code Change Order Packages} ({@code resource_type} in v4)
     * @param resourceId the changed object's id
     * @param eventType {@code create|update|delete} ({@code reason} in v4, which may hold other values)
     * @param apiVersion the payload version ({@code v2}, {@code v2.0}, {@code v3.0}; {@code v4.0} when inferred)
     * @param metadata v2/v3 metadata, or null in v4
     * @param relatedResources v3 parents of line-item resources; empty otherwise
     */
    public ProcoreWebhookEvent {
        relatedResources = relatedResources == null ? List.of() : List.copyOf(relatedResources);
    }

    /**
     * The v2/v3 {@code metadata} block; {@code source_application_id} is the client id of the app that made the change.
     *
     * @param sourceUserId        user
     * @param sourceCompanyId     company
     * @param sourceProjectId     project
     * @param sourceApplicationId the client id of the app behind the change, or null (UI changes)
     * @param sourceOperationId   a client-supplied operation token, or null
     */
    public record Metadata(Long sourceUserId, Long sourceCompanyId, Long sourceProjectId, String sourceApplicationId,
                           String sourceOperationId) {
    }

    /**
     * A parent named by a v3.0 payload, e.g. {@code {"id":1234,"name":"Direct Costs"}}.
     *
     * @param id   the parent's id
     * @param name its resource name
     */
    public record RelatedResource(long id, String name) {
    }

    /**
     * The id to de-duplicate deliveries on: the ULID when present, else the event id.
     *
     * @return the id to de-duplicate deliveries on: the ULID when present, else the event id
     */
    public String eventId() {
        return ulid != null && !ulid.isBlank() ? ulid : id;
    }

    /**
     * The source application id from the metadata, or null.
     *
     * @return the source application id from the metadata, or null
     */
    public String sourceApplicationId() {
        return metadata == null ? null : metadata.sourceApplicationId();
    }

    /**
     * Reads an event from its JSON object; a body that is not one gets {@code MALFORMED_BODY}.
     *
     * @param n the n
     * @return the from JSON
     */
    public static ProcoreWebhookEvent fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw malformed("payload is not a JSON object");
        }
        boolean v4 = n.has("resource_type") || n.has("reason");
        String resourceName = text(n, v4 && n.has("resource_type") ? "resource_type" : "resource_name");
        String eventType = text(n, n.has("event_type") ? "event_type" : "reason");
        String id = text(n, "id");
        Long company = id(n, "company_id");
        Long resource = id(n, "resource_id");
        if (id == null || company == null || resource == null || resourceName == null || eventType == null) {
            throw malformed("payload lacks id, company_id, resource_id, resource name or event type");
        }
        String version = text(n, "api_version");
        if (version == null && v4) {
            version = "v4.0";
        }
        Metadata metadata = null;
        JsonNode m = n.get("metadata");
        if (m != null && m.isObject()) {
            metadata = new Metadata(id(m, "source_user_id"), id(m, "source_company_id"), id(m, "source_project_id"),
                    text(m, "source_application_id"), text(m, "source_operation_id"));
        }
        List<RelatedResource> related = new ArrayList<>();
        JsonNode rr = n.get("related_resources");
        if (rr != null && rr.isArray()) {
            for (JsonNode r : rr) {
                Long rid = id(r, "id");
                if (rid != null) {
                    related.add(new RelatedResource(rid, text(r, "name")));
                }
            }
        }
        return new ProcoreWebhookEvent(id, text(n, "ulid"), timestamp(text(n, "timestamp")), company, id(n, "project_id"),
                id(n, "user_id"), resourceName, resource, eventType.toLowerCase(java.util.Locale.ROOT), version, metadata, related);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s;
        if (v.isNumber()) {
            // ids are bounded integers; a fraction or an exponent (1e99999) is refused before it could ever be
            // expanded into a huge BigInteger
            if (!v.isIntegralNumber()) {
                throw malformed(field + " is not an integer");
            }
            s = v.asText();
        } else {
            s = v.asText();
        }
        if (s.length() > MAX_VALUE_LENGTH) {
            throw malformed(field + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return s.isBlank() ? null : s;
    }

    private static Long id(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw malformed(field + " is not an integer id: " + s);
        }
    }

    private static Instant timestamp(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("timestamp is not ISO-8601: " + s);
        }
    }

    /** Longest id or name read from a payload; anything longer is not a Procore event. */
    static final int MAX_VALUE_LENGTH = 200;

    private static WebhookVerificationException malformed(String message) {
        return new WebhookVerificationException(Reason.MALFORMED_BODY, "not a Procore webhook event: " + message);
    }
}
