package io.mlconnector.procore.request;

/**
 * A webhook trigger: a resource name such as {@code "Change Order Packages"} and an event type {@code create|update|delete}.
 */
public record TriggerInput(String resourceName,
                           String eventType) {
}
