package io.mlconnector.benchmarks.throughput;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.world.CallCounts;
import io.mlconnector.benchmarks.world.Outcomes;
import io.mlconnector.benchmarks.world.SandboxWorld;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.sync.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3: bills per second against the sandboxes with 100 ms added to every answer on both sides, for 1, 8 and 32
 * concurrent workers (a worker pass claims that many items and runs them on that many threads). Each bill costs one
 * FreshBooks read and one Procore write, so the floor is about 200 ms per bill per worker. Two budgets:
 * <ul>
 *   <li>roomy: a Procore budget far above what the run uses, to show how the engine itself scales;</li>
 *   <li>honest: Procore's documented raised-limit shape, 100 requests per 10-second spike window (14,400 / hour),
 *       with the client pacing itself from the {@code X-Rate-Limit-*} headers; the 429s the sandbox answered are
 *       counted from its request log.</li>
 * </ul>
 * Bills are delivered by webhook in process, then the workers drain the queue; a bill counts when it is POSTED. Wall
 * time runs from the first worker pass to the last bill posted; reference data is warmed by one bill first.
 */
public final class ThroughputSuite implements Suite {
    private static final Duration LATENCY = Duration.ofMillis(100);

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public String description() {
        return "bills/second with 100 ms per call, 1/8/32 workers; 429s under an honest Procore budget";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Figure> out = new ArrayList<>();
        for (int workers : new int[] {1, 8, 32}) {
            int bills = workers == 1 ? 40 : workers * 20;
            Result r = measure(workers, bills, 1_000_000, 0);
            out.add(new Figure(name(), "bills/s, 100 ms per call, " + workers + " worker" + (workers == 1 ? "" : "s")
                    + ", roomy Procore budget", Numbers.sig3(r.billsPerSecond()), "bills/s",
                    workers == 1 ? "" : "scales until the rate limit is the limit", r.note()));
        }
        int honestBills = Integer.getInteger("bench.throughput.honestBills", 300);
        Result honest = measure(32, honestBills, 14_400, 100);
        out.add(new Figure(name(), "bills/s, 100 ms per call, 32 workers, honest budget (100 req / 10 s, 14,400/h)",
                Numbers.sig3(honest.billsPerSecond()), "bills/s", "≈ the budget: 10 Procore calls/s", honest.note()));
        out.add(new Figure(name(), "429s received under the honest budget (" + Numbers.count(honestBills) + " bills, 32 workers)",
                Numbers.count(honest.procore().status429() + honest.freshBooks().status429()), "429s", "0",
                "Procore calls " + honest.procore().apiCalls() + " in " + Numbers.fixed(honest.seconds(), 1)
                        + " s = " + Numbers.fixed(honest.procore().apiCalls() / honest.seconds(), 2) + " calls/s"));
        return out;
    }

    /** One run's figures. */
    private record Result(int bills, int posted, double seconds, CallCounts freshBooks, CallCounts procore,
                          List<String> problems) {
        double billsPerSecond() {
            return posted / seconds;
        }

        String note() {
            String s = Numbers.count(posted) + " of " + Numbers.count(bills) + " bills posted in "
                    + Numbers.fixed(seconds, 1) + " s; FreshBooks " + freshBooks.apiCalls() + " calls, Procore "
                    + procore.apiCalls() + " calls, 429s " + (procore.status429() + freshBooks.status429());
            return problems.isEmpty() ? s : s + "; " + String.join(" | ", problems);
        }
    }

    private Result measure(int workers, int bills, int hourlyLimit, int spike) throws InterruptedException {
        SandboxWorld.Builder b = SandboxWorld.builder().suppliers(Math.max(8, workers)).costCodes(5)
                .hourlyLimit(hourlyLimit);
        if (spike > 0) {
            b.spikeLimit(spike, Duration.ofSeconds(10));
        }
        try (SandboxWorld w = b.start()) {
            SyncEngine engine = w.engine(workers);
            List<Long> ids = w.seedBills(bills + 1, w.suppliers(), 2);
            w.freshBooks().faults().latency(LATENCY);
            w.procore().faults().latency(LATENCY);
            engine.onFreshBooksWebhook(w.billCreated(ids.get(0)));
            engine.drain();
            if (spike > 0) {
                // start the measured run in a fresh spike window, as a steady sync would meet it
                w.procore().rateLimit().reset();
            }
            w.clearCounts();
            Outcomes outcomes = Outcomes.since(w.audit());
            for (long id : ids.subList(1, ids.size())) {
                engine.onFreshBooksWebhook(w.billCreated(id));
            }
            System.out.println("  " + workers + " workers, " + bills + " bills, Procore budget " + hourlyLimit + "/h"
                    + (spike > 0 ? " + " + spike + "/10 s" : "") + " ...");
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofMinutes(3).toNanos();
            int posted = 0;
            while (System.nanoTime() < deadline) {
                engine.drain();
                posted = outcomes.count(AuditOutcome.POSTED);
                if (posted + failed(outcomes) >= bills) {
                    break;
                }
                // items rescheduled after a 429 wait for their retry time; poll for them
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(bills, posted, seconds, w.freshBooksCalls(), w.procoreCalls(),
                    outcomes.otherReasons(2, AuditOutcome.POSTED, AuditOutcome.FAILED_RETRYABLE));
        }
    }

    private static int failed(Outcomes o) {
        return o.count(AuditOutcome.FAILED_PERMANENT);
    }
}
