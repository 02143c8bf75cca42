package io.mlconnector.examples.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One fixed, seeded run of 2,000 mixed hostile requests against one engine, counting what happened: requests tried,
 * rejected and accepted, parse work per rejected request, audit lines written. The figures are written to
 * {@code target/adversarial/intake-figures.txt}; the assertions are the guarantees, not timings.
 */
class HostileIntakeFiguresTest {
    private static final int REQUESTS = 2_000;

    @Test
    void twoThousandHostileRequests_onlyTypedRejections_nothingQueuedFromForgeries_boundedWorkAndAudit()
            throws Exception {
        HostileIntake in = new HostileIntake();
        Random random = new Random(20261206);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int unauthenticated = 0;
        long parsedBeforeUnauthenticated = 0;
        int handshakes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            WebhookResponse r;
            switch (i % 5) {
                case 0 -> { // Procore, no secret, CPU-bait body
                    unauthenticated++;
                    long before = in.procoreParser.calls.get();
                    r = in.engine.onProcoreWebhook(WebhookRequest.of(Map.of("Content-Type", "application/json"),
                            ("{\"company_id\":" + HostileIntake.COMPANY + ",\"related_resources\":["
                                    + "{\"id\":1e99999},".repeat(100) + "{}]}").getBytes(StandardCharsets.UTF_8)));
                    parsedBeforeUnauthenticated += in.procoreParser.calls.get() - before;
                }
                case 1 -> { // Procore, guessed secret
                    unauthenticated++;
                    long before = in.procoreParser.calls.get();
                    r = in.engine.onProcoreWebhook(WebhookRequest.of(Map.of("Authorization", "Bearer guess-"
                            + random.nextInt()), HostileIntake.procoreEvent("01JX" + i, "Direct Costs", i)));
                    parsedBeforeUnauthenticated += in.procoreParser.calls.get() - before;
                }
                case 2 -> { // FreshBooks, forged signature, line-forging id
                    r = in.engine.onFreshBooksWebhook(WebhookRequest.of(Map.of("X-FreshBooks-Hmac-SHA256",
                            "forged" + random.nextInt()), "name=bill.create&object_id=" + i
                            + "%0Aaudit+outcome%3DPOSTED&account_id=" + HostileIntake.ACCOUNT));
                }
                case 3 -> { // FreshBooks handshake flood for callbacks that do not exist
                    handshakes++;
                    r = in.engine.onFreshBooksWebhook(WebhookRequest.of(Map.of(), "name=callback.verify&object_id="
                            + (900_000 + i) + "&verifier=v" + i + "&account_id=" + HostileIntake.ACCOUNT));
                }
                default -> { // random bytes with the right secret
                    byte[] junk = new byte[random.nextInt(2048)];
                    random.nextBytes(junk);
                    r = in.engine.onProcoreWebhook(WebhookRequest.of(Map.of("Authorization", "Bearer "
                            + HostileIntake.PC_SECRET), junk));
                }
            }
            byStatus.merge(r.status(), 1, Integer::sum);
        }
        in.fb.registerCallback("1"); // the account's only real callback
        in.engine.drain();
        in.clock.advance(java.time.Duration.ofMinutes(2)); // handshakes listed at their own instant are decided then
        in.engine.drain();

        int accepted = byStatus.getOrDefault(200, 0);
        int rejected = REQUESTS - accepted;
        long audited = in.rejectionsAudited();
        String figures = "requests tried: " + REQUESTS + "\n"
                + "answers by status: " + byStatus + "\n"
                + "rejected: " + rejected + ", accepted (handshakes answered, confirmed by FreshBooks only): "
                + accepted + "\n"
                + "unauthenticated Procore requests: " + unauthenticated + ", parsed before authentication: "
                + parsedBeforeUnauthenticated + "\n"
                + "largest body parsed: " + in.procoreParser.maxBytes.get() + " bytes (Procore), "
                + in.freshBooksParser.maxBytes.get() + " bytes (FreshBooks)\n"
                + "rejections audited: " + audited + " lines (" + in.auditBytes() + " characters), of which "
                + (audited - byStatus.getOrDefault(400, 0)) + " for the " + (rejected - byStatus.getOrDefault(400, 0))
                + " rejections of unauthenticated callers\n"
                + "work items left after the drain: " + in.queued() + " (" + in.state.count(
                io.mlconnector.core.state.WorkStatus.DEAD) + " dead)\n"
                + "FreshBooks confirmation calls: " + in.fb.confirmedWebhooks().size() + ", callback listings: "
                + in.fb.callCounts().getOrDefault("listWebhookCallbackIds", 0) + "\n";
        Path out = Path.of("target", "adversarial", "intake-figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);

        assertThat(parsedBeforeUnauthenticated).isZero();
        assertThat(byStatus.keySet()).allMatch(s -> s == 200 || s == 400 || s == 401 || s == 413 || s == 429);
        // handshakes are the only accepted requests, capped by the vault; none reached FreshBooks
        assertThat(accepted).isLessThanOrEqualTo(32);
        assertThat(in.fb.confirmedWebhooks()).isEmpty();
        assertThat(in.state.count(io.mlconnector.core.state.WorkStatus.DEAD)).isZero();
        assertThat(in.state.count(io.mlconnector.core.state.WorkStatus.READY)).isZero();
        // a request that carried the right secret is audited each time; the 1,568 from callers that could not be
        // authenticated produce one line per reason per minute (a handful), plus one per dropped handshake, which the
        // vault caps at 32: not thousands
        int authenticatedRejections = byStatus.getOrDefault(400, 0);
        assertThat(audited - authenticatedRejections).isLessThan(10 + 32);
        assertThat(handshakes).isEqualTo(REQUESTS / 5);
    }
}
