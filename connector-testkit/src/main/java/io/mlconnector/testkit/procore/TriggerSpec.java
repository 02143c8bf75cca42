package io.mlconnector.testkit.procore;

/**
 * A webhook trigger to register from Java.
 *
 * @param resourceName e.g. {@code Direct Costs}
 * @param eventType    create, update or delete
 */
public record TriggerSpec(String resourceName, String eventType) {

    /**
     * Shorthand constructor.
     *
     * @param resourceName e.g. {@code Direct Costs}
     * @param eventType create, update or delete
     * @return the {@code TriggerSpec}
     */
    public static TriggerSpec of(String resourceName, String eventType) {
        return new TriggerSpec(resourceName, eventType);
    }
}
