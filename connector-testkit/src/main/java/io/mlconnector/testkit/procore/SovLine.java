package io.mlconnector.testkit.procore;

import java.math.BigDecimal;

/**
 * A schedule-of-values line (of a commitment, prime contract or change order), as seeded and as read back.
 *
 * @param id             line id (0 when used as seed input)
 * @param costCodeId     cost code
 * @param lineItemTypeId cost type
 * @param description    text
 * @param amount         amount
 */
public record SovLine(long id, long costCodeId, long lineItemTypeId, String description, BigDecimal amount) {

    /**
     * Seed input for a line.
     *
     * @param costCodeId cost code
     * @param lineItemTypeId cost type
     * @param description text
     * @param amount amount
     * @return the {@code SovLine}
     */
    public static SovLine of(long costCodeId, long lineItemTypeId, String description, String amount) {
        return new SovLine(0, costCodeId, lineItemTypeId, description, new BigDecimal(amount));
    }
}
