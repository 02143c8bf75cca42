package io.mlconnector.core.sync;

/**
 * What one pass of the queue workers did.
 *
 * @param claimed      items claimed
 * @param completed    items finished (posted, updated, skipped, previewed)
 * @param retried      items returned to the queue for a later attempt (backoff)
 * @param parked       items parked for replay (flagged records, payments waiting for a flagged document)
 * @param deadLettered items that failed permanently or too often
 * @param leaseLost    items whose lease expired before they were settled (another worker owns them now)
 */
public record RunSummary(int claimed, int completed, int retried, int parked, int deadLettered, int leaseLost) {

    /** Nothing done. */
    public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0, 0);

    /**
     * The sum of two passes.
     *
     * @param o the sum of two passes
     * @return the sum of two passes
     */
    public RunSummary plus(RunSummary o) {
        return new RunSummary(claimed + o.claimed, completed + o.completed, retried + o.retried, parked + o.parked,
                deadLettered + o.deadLettered, leaseLost + o.leaseLost);
    }
}
