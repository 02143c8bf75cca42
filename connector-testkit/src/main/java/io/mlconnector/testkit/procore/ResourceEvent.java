package io.mlconnector.testkit.procore;

/**
 * A change Procore would announce to webhooks.
 *
 * @param resourceName e.g. {@code Direct Costs}
 * @param eventType    create, update or delete
 * @param resourceId   changed object id
 * @param companyId    company
 * @param projectId    project, null for company-level resources
 * @param actor        who did it
 */
record ResourceEvent(String resourceName, String eventType, long resourceId, long companyId, Long projectId,
                     Actor actor) {
}
