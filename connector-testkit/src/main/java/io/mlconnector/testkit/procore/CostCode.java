package io.mlconnector.testkit.procore;

/**
 * A project cost code.
 *
 * @param id        cost code id
 * @param projectId project
 * @param code      segment code (e.g. {@code 300})
 * @param fullCode  full code (e.g. {@code 03-300})
 * @param name      name
 * @param originId  origin id or null
 */
public record CostCode(long id, long projectId, String code, String fullCode, String name, String originId) {
}
