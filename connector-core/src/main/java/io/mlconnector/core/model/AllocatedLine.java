package io.mlconnector.core.model;

/**
 * An amount allocated to a cost code (and cost type) in the project system, with the source line it came from.
 *
 * @param sourceLineNo     the source document line (1-based), or 0 when aggregated
 * @param costCode         full cost code
 * @param costType         cost type code, may be null
 * @param commitmentLineId the commitment SOV line it bills against (requisitions only), may be null
 * @param description      text
 * @param amount           amount
 */
public record AllocatedLine(int sourceLineNo, String costCode, String costType, String commitmentLineId,
                            String description, Money amount) {
}
