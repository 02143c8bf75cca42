package io.mlconnector.testkit.procore;

/**
 * A project WBS code (budget code): a cost code and a cost type joined by the company pattern's delimiter.
 *
 * @param id             WBS code id
 * @param projectId      project
 * @param flatCode       e.g. {@code 03-300.M} with the default delimiter {@code .}
 * @param costCodeId     the cost code segment
 * @param lineItemTypeId the cost type segment
 */
public record WbsCode(long id, long projectId, String flatCode, long costCodeId, long lineItemTypeId) {
}
