package io.mlconnector.benchmarks.tokens;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.world.CallCounts;
import io.mlconnector.benchmarks.world.Outcomes;
import io.mlconnector.benchmarks.world.SandboxWorld;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.testkit.server.RecordedRequest;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 6: Procore token requests per hour of steady work, with Procore's real token semantics (90-minute tokens)
 * on a fake clock shared by the client and the sandbox: one bill per simulated minute is delivered by webhook and
 * synced (one FreshBooks read, one Procore write), for six simulated hours; the token endpoint's requests, their
 * answers and any 401 from the API are counted from the sandbox's request log. The client renews a token 10 minutes
 * before it expires (its default prefetch), so the expected count is one token per 80 minutes, never a 401.
 */
public final class TokenTrafficSuite implements Suite {
    private static final int HOURS = Integer.getInteger("bench.tokens.hours", 6);
    private static final Duration STEP = Duration.ofMinutes(1);

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public String description() {
        return "Procore token requests per hour of steady work (" + HOURS + " simulated hours, 90-minute tokens)";
    }

    @Override
    public List<Figure> run() {
        MutableClock clock = MutableClock.at(Instant.parse("2024-05-15T12:00:00Z"));
        try (SandboxWorld w = SandboxWorld.builder().clock(clock).suppliers(10).costCodes(5).start()) {
            SyncEngine engine = w.engine(1);
            int steps = HOURS * 60;
            List<Long> bills = w.seedBills(steps, w.suppliers(), 2);
            w.clearCounts();
            Outcomes outcomes = Outcomes.since(w.audit());
            Instant start = clock.instant();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                engine.onFreshBooksWebhook(w.billCreated(bills.get(i)));
                engine.drain();
                clock.advance(STEP);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double hours = Duration.between(start, clock.instant()).toSeconds() / 3600.0;
            CallCounts pc = w.procoreCalls();
            long tokenFailures = w.procore().requestLog().entries(r -> r.path().equals("/oauth/token")
                    && r.status() != 200).size();
            List<Instant> issued = w.procore().requestLog().entries(r -> r.path().equals("/oauth/token")
                    && r.status() == 200).stream().map(RecordedRequest::at).toList();
            List<String> gaps = new ArrayList<>();
            for (int i = 1; i < issued.size(); i++) {
                gaps.add(Duration.between(issued.get(i - 1), issued.get(i)).toMinutes() + " min");
            }
            int posted = outcomes.count(AuditOutcome.POSTED);
            List<Figure> out = new ArrayList<>();
            out.add(new Figure(name(), "Procore token requests per hour of steady work",
                    Numbers.fixed(pc.tokens() / hours, 2), "tokens/h", "one per token lifetime (90 min ≈ 0.67/h)",
                    pc.tokens() + " token requests in " + Numbers.fixed(hours, 1) + " simulated hours, "
                            + "intervals " + (gaps.isEmpty() ? "-" : String.join(", ", gaps)) + "; "
                            + posted + " of " + steps + " bills posted (" + Numbers.fixed(wall, 1) + " s real time)"));
            out.add(new Figure(name(), "failed token requests / API 401s over " + HOURS + " h",
                    tokenFailures + " / " + pc.status401(), "", "0 / 0",
                    "Procore API calls " + pc.apiCalls() + " (" + Numbers.fixed(pc.apiCalls() / hours, 1)
                            + "/h incl. reference-data reloads: " + reloads(pc) + ")"));
            return out;
        }
    }

    private static String reloads(CallCounts c) {
        StringBuilder sb = new StringBuilder();
        c.byEndpoint().forEach((k, v) -> {
            if (k.startsWith("GET ")) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.substring(4)).append(" ×").append(v);
            }
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
