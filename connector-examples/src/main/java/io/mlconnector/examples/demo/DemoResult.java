package io.mlconnector.examples.demo;

import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the demo did and found, read back from the sandboxes (the systems' own state), the audit log and the
 * reconciliation — not from what the demo intended.
 *
 * @param accountId        the FreshBooks account
 * @param companyId        the Procore company
 * @param alignment        the first-sync alignment report
 * @param postings         objects the connector created, on either side
 * @param flagged          records stopped for a person, with the reason
 * @param skippedEchoes    Procore events caused by our own writes that were recognised and skipped
 * @param pollerCaught     bills whose webhook the sandbox dropped and that the poller enqueued
 * @param fixedPriceBefore FreshBooks fixed price of Harbor Tower before the prime contract change order
 * @param fixedPriceAfter  FreshBooks fixed price of Harbor Tower at the end
 * @param reconciliation   the month-end reconciliation
 * @param freshBooksCalls  API calls the FreshBooks sandbox answered, per endpoint
 * @param procoreCalls     API calls the Procore sandbox answered, per endpoint
 * @param auditLog         the JSON Lines audit file
 * @param auditEvents      events in it
 * @param problems         how the end state differs from the expected one (empty when it is as expected)
 */
public record DemoResult(String accountId, long companyId, AlignmentReport alignment, List<Posting> postings,
                         List<Flagged> flagged, int skippedEchoes, List<String> pollerCaught,
                         BigDecimal fixedPriceBefore, BigDecimal fixedPriceAfter, ReconciliationReport reconciliation, Map<String, Long> freshBooksCalls,
                         Map<String, Long> procoreCalls, Path auditLog, int auditEvents, List<String> problems) {
    public DemoResult {
        postings = List.copyOf(postings);
        flagged = List.copyOf(flagged);
        pollerCaught = List.copyOf(pollerCaught);
        freshBooksCalls = Map.copyOf(freshBooksCalls);
        procoreCalls = Map.copyOf(procoreCalls);
        problems = List.copyOf(problems);
    }

    /** Whether the run reached the expected end state. */
    public boolean reachedExpectedEndState() {
        return problems.isEmpty();
    }

    /** Postings of one kind ({@code requisition}, {@code direct cost}, {@code expense}). */
    public List<Posting> postings(String kind) {
        return postings.stream().filter(p -> p.kind().equals(kind)).toList();
    }

    /** Total API calls answered by a sandbox. */
    public static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * One object the connector created.
     *
     * @param source the source record ({@code freshbooks:bill:3}) with its number
     * @param kind   {@code requisition}, {@code direct cost} or {@code expense}
     * @param target where it landed, in words
     * @param amount its amount
     */
    public record Posting(String source, String kind, String target, BigDecimal amount) {
    }

    /**
     * A record stopped before anything was posted.
     *
     * @param source  the source record
     * @param outcome the audit outcome ({@code FLAGGED_UNMAPPED_VENDOR}…)
     * @param reason  why, in words
     */
    public record Flagged(String source, String outcome, String reason) {
    }
}
