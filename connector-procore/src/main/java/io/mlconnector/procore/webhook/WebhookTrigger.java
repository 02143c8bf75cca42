package io.mlconnector.procore.webhook;

/**
 * A trigger of a hook: which resource and event type are delivered.
 *
 * @param id            trigger id
 * @param webhookHookId its hook
 * @param resourceName  e.g. {@code Change Order Packages}
 * @param resourceId    a single resource, or null for all
 * @param eventType     {@code create|update|delete} (the spec's response enum is upper case; kept as sent)
 * @param companyId     company scope
 * @param projectId     project scope
 * @param userId        creator
 */
public record WebhookTrigger(long id, Long webhookHookId, String resourceName, Long resourceId, String eventType,
                             Long companyId, Long projectId, Long userId) {
}
