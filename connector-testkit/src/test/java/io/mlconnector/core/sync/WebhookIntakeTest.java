package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.flow.HandshakeVault;
import io.mlconnector.core.webhook.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook intake: verify, route, enqueue, answer — never a remote call, never a secret in the audit log. */
class WebhookIntakeTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine(fx.policy().build(), "node-a", Runnable::run, b -> b.handshakeListener(
                new WebhookHandshakeListener() {
                    @Override
                    public void onHandshakeReceived(String connectionId, String callbackId) {
                        heard.add("received " + connectionId + " " + callbackId);
                    }

                    @Override
                    public void onWebhookConfirmed(String connectionId, String callbackId, String verifier) {
                        heard.add("confirmed " + connectionId + " " + callbackId + " " + verifier);
                    }
                }));
    }

    private List<WorkItem> queued() {
        return fx.state.items(EngineFixture.CONNECTION, WorkStatus.READY);
    }

    @Test
    void signedFreshBooksWebhookIsQueuedWithoutAnyRemoteCall() {
        WebhookResponse r = engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "1234567"));

        assertThat(r).isEqualTo(new WebhookResponse(200, "{\"status\":\"queued\"}"));
        assertThat(queued()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("freshbooks.bill");
            assertThat(w.dedupeKey()).isEqualTo("freshbooks:bill:1234567:create");
            assertThat(w.payload()).contains("id=1234567");
        });
        assertThat(fx.fb.callCounts()).isEmpty();
        assertThat(fx.pc.callCounts()).isEmpty();
    }

    @Test
    void wrongSignatureIsRejectedWith401AndNothingQueued() {
        String body = "name=bill.create&object_id=77&account_id=" + EngineFixture.ACCOUNT;
        WebhookResponse r = engine.onFreshBooksWebhook(fx.signedFreshBooks(body, "not-the-secret"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain(EngineFixture.FB_SECRET);
        assertThat(queued()).isEmpty();
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        AuditEvent rejected = fx.audits(AuditOutcome.WEBHOOK_REJECTED).get(0);
        assertThat(rejected.connectionId()).isEqualTo(EngineFixture.CONNECTION);
        assertThat(rejected.details()).containsEntry("reason", "INVALID_SIGNATURE");
        assertNoSecretInAudit(fx.signedFreshBooks(body, "not-the-secret").header("X-FreshBooks-Hmac-SHA256")
                .orElseThrow());
    }

    @Test
    void tamperedBodyAndMissingHeaderAreRejected() {
        WebhookRequest signed = fx.freshBooksWebhook("bill.create", "77");
        String tampered = signed.bodyAsString().replace("object_id=77", "object_id=78");
        WebhookRequest forged = WebhookRequest.of(Map.of("X-FreshBooks-Hmac-SHA256",
                signed.header("X-FreshBooks-Hmac-SHA256").orElseThrow()), tampered);
        WebhookRequest unsigned = WebhookRequest.of(Map.of("Content-Type", "application/x-www-form-urlencoded"),
                signed.bodyAsString());

        assertThat(engine.onFreshBooksWebhook(forged).status()).isEqualTo(401);
        assertThat(engine.onFreshBooksWebhook(unsigned).status()).isEqualTo(401);

        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).extracting(e -> e.details().get("reason"))
                .containsExactly("INVALID_SIGNATURE", "MISSING_HEADER");
    }

    @Test
    void unknownAccountIsRejectedWith401() {
        String body = "name=bill.create&object_id=77&account_id=SOMEONE_ELSE";
        WebhookResponse r = engine.onFreshBooksWebhook(fx.signedFreshBooks(body, EngineFixture.FB_SECRET));

        assertThat(r.status()).isEqualTo(401);
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).singleElement().satisfies(e -> {
            assertThat(e.connectionId()).isNull();
            assertThat(e.reason()).contains("SOMEONE_ELSE");
            assertThat(e.details()).containsEntry("reason", "UNKNOWN_ROUTING_KEY");
        });
    }

    @Test
    void malformedBodyIs400AndOversizedBodyIs413() {
        WebhookResponse bad = engine.onFreshBooksWebhook(WebhookRequest.of(Map.of(), "hello=world"));
        String padded = "name=bill.create&object_id=1&account_id=" + EngineFixture.ACCOUNT + "&pad="
                + "x".repeat(300 * 1024);
        WebhookResponse big = engine.onFreshBooksWebhook(fx.signedFreshBooks(padded, EngineFixture.FB_SECRET));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(big.status()).isEqualTo(413);
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
    }

    @Test
    void unrelatedFreshBooksEventIsAcknowledgedAndIgnored() {
        WebhookResponse r = engine.onFreshBooksWebhook(fx.freshBooksWebhook("time_entry.create", "5"));

        assertThat(r).isEqualTo(new WebhookResponse(200, "{\"status\":\"ignored\"}"));
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
    }

    @Test
    void handshakeIsAnsweredAtOnceAndConfirmedFromTheWorker() {
        String verifier = "scADVVi5QuKuj5qTjVkbJNYQe7V7USpGd";
        String body = "name=callback.verify&object_id=2001&verifier=" + verifier + "&account_id="
                + EngineFixture.ACCOUNT;
        WebhookResponse r = engine.onFreshBooksWebhook(WebhookRequest.of(Map.of(), body));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"handshake\"").contains("\"callback_id\":\"2001\"")
                .doesNotContain(verifier);
        assertThat(heard).containsExactly("received acme 2001");
        assertThat(fx.fb.confirmedWebhooks()).as("not confirmed by the intake itself").isEmpty();
        assertThat(queued()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("freshbooks.callback_verify");
            assertThat(w.payload()).as("the secret is not stored in the queue").doesNotContain(verifier);
        });

        engine.drain();

        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId() + "/" + c.verifier())
                .containsExactly("2001/" + verifier);
        assertThat(heard).containsExactly("received acme 2001", "confirmed acme 2001 " + verifier);
        assertNoSecretInAudit(verifier);
    }

    private static WebhookRequest handshake(String callbackId, String verifier) {
        return WebhookRequest.of(Map.of(), "name=callback.verify&object_id=" + callbackId + "&verifier=" + verifier
                + "&account_id=" + EngineFixture.ACCOUNT);
    }

    @Test
    void aSecondHandshakeForAPendingCallback_neitherReplacesItsCodeNorQueuesMoreWork() {
        fx.fb.registerCallback("2001");
        engine.onFreshBooksWebhook(handshake("2001", "genuine-code"));

        WebhookResponse forged = engine.onFreshBooksWebhook(handshake("2001", "forged-code"));

        assertThat(forged.status()).isEqualTo(200);
        assertThat(queued()).hasSize(1);
        engine.drain();
        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId() + "/" + c.verifier())
                .containsExactly("2001/genuine-code");
    }

    @Test
    void handshakesForCallbacksTheAccountDoesNotHave_areDroppedWithoutAConfirmationCall_andListingIsCached() {
        fx.fb.registerCallback("2001");
        for (int i = 0; i < 20; i++) {
            assertThat(engine.onFreshBooksWebhook(handshake("90" + i, "code-" + i)).status()).isEqualTo(200);
        }

        engine.drain();
        // listed at the instant they arrived: the ones not yet decided are looked at again a minute later
        fx.clock.advance(java.time.Duration.ofMinutes(1).plusSeconds(2));
        engine.drain();

        assertThat(fx.fb.confirmedWebhooks()).isEmpty();
        assertThat(fx.fb.callCounts()).containsEntry("listWebhookCallbackIds", 2)
                .doesNotContainKey("confirmWebhook");
        assertThat(fx.state.count(WorkStatus.DEAD)).as("dropped, not dead-lettered").isZero();
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).hasSize(20)
                .allSatisfy(e -> assertThat(e.reason()).contains("no such callback"));
    }

    @Test
    void aCallbackRegisteredSinceTheLastListing_isConfirmedOnceTheListIsReadAgain_notDropped() {
        fx.fb.registerCallback("2001");
        engine.onFreshBooksWebhook(handshake("2001", "code-a"));
        engine.drain(); // lists the callbacks: 2001 confirmed
        fx.fb.registerCallback("2002"); // registered a moment later, its handshake follows
        engine.onFreshBooksWebhook(handshake("2002", "code-b"));

        engine.drain();
        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId()).containsExactly("2001");
        fx.clock.advance(java.time.Duration.ofMinutes(1).plusSeconds(2));
        engine.drain();

        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId() + "/" + c.verifier())
                .containsExactly("2001/code-a", "2002/code-b");
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).isEmpty();
    }

    @Test
    void aResentHandshake_replacesACodeWhoseConfirmationFailed_orThatExpired() {
        fx.fb.registerCallback("2001");
        fx.fb.failNext("confirmWebhook", 1, io.mlconnector.testkit.ports.Faults.serverError());
        engine.onFreshBooksWebhook(handshake("2001", "first-code"));
        engine.drain(); // the confirmation failed: FreshBooks will resend with a new code

        engine.onFreshBooksWebhook(handshake("2001", "resent-code"));
        fx.clock.advance(java.time.Duration.ofMinutes(5));
        engine.drain();

        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId() + "/" + c.verifier())
                .containsExactly("2001/resent-code");

        fx.fb.registerCallback("3001");
        engine.onFreshBooksWebhook(handshake("3001", "forged-first")); // a forged code arrives first …
        fx.clock.advance(HandshakeVault.CODE_TTL);
        engine.onFreshBooksWebhook(handshake("3001", "genuine-later")); // … and no longer blocks after its time
        engine.drain();
        assertThat(fx.fb.confirmedWebhooks()).extracting(c -> c.callbackId() + "/" + c.verifier())
                .contains("3001/genuine-later").doesNotContain("3001/forged-first");
    }

    @Test
    void aFloodOfHandshakes_isCappedPerConnection() {
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < HandshakeVault.MAX_PENDING + 10; i++) {
            int status = engine.onFreshBooksWebhook(handshake("70" + i, "code-" + i)).status();
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                refused++;
            }
        }

        assertThat(accepted).isEqualTo(HandshakeVault.MAX_PENDING);
        assertThat(refused).isEqualTo(10);
        assertThat(queued()).hasSize(HandshakeVault.MAX_PENDING);
    }

    @Test
    void deadLetteredItems_arePurgedAfterTheirRetention() {
        fx.state.enqueue(io.mlconnector.core.state.WorkItem.ready("w-dead", EngineFixture.CONNECTION, "k-dead",
                "freshbooks.callback_verify", "", fx.clock.instant()));
        io.mlconnector.core.state.WorkItem w = fx.state.claim("worker", 1, java.time.Duration.ofMinutes(1),
                fx.clock.instant()).get(0);
        fx.state.deadLetter(w.id(), "worker", "gave up");

        fx.clock.advance(SyncEngine.DEAD_RETENTION.minusHours(1));
        assertThat(engine.purgeFinishedWork()).isZero();
        fx.clock.advance(java.time.Duration.ofHours(2));
        assertThat(engine.purgeFinishedWork()).isEqualTo(1);
        assertThat(fx.state.item("w-dead")).isEmpty();
    }

    @Test
    void unsignedHandshakeIsRefusedWhenThePolicyRequiresSignatures() {
        engine = fx.engine(fx.policy().requireSignedHandshake(true).build());
        String body = "name=callback.verify&object_id=2001&verifier=abc&account_id=" + EngineFixture.ACCOUNT;

        assertThat(engine.onFreshBooksWebhook(WebhookRequest.of(Map.of(), body)).status()).isEqualTo(401);
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
    }

    @Test
    void procoreWebhookIsQueuedByEventUlidAndDuplicatesDropped() {
        WebhookRequest req = fx.procoreWebhook("01HULID1", "Change Order Packages", "555", fx.tower.projectId(), null);

        assertThat(engine.onProcoreWebhook(req)).isEqualTo(new WebhookResponse(200, "{\"status\":\"queued\"}"));
        assertThat(engine.onProcoreWebhook(req)).isEqualTo(new WebhookResponse(200, "{\"status\":\"duplicate\"}"));

        assertThat(queued()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("procore.change_order");
            assertThat(w.dedupeKey()).isEqualTo("procore:event:01HULID1");
            assertThat(w.payload()).contains("project=" + fx.tower.projectId());
        });
        assertThat(fx.pc.callCounts()).isEmpty();
        assertThat(fx.fb.callCounts()).isEmpty();
    }

    @Test
    void procoreWebhookWithoutTheSecretHeaderOrForAnUnknownCompanyIs401() {
        WebhookRequest good = fx.procoreWebhook("01HULID2", "Direct Costs", "9", fx.tower.projectId(), null);
        WebhookRequest wrongSecret = WebhookRequest.of(Map.of("Authorization", "Bearer guess"), good.body());
        WebhookRequest otherCompany = WebhookRequest.of(Map.of("Authorization", "Bearer "
                + EngineFixture.PROCORE_SECRET), good.bodyAsString().replace("\"company_id\":42", "\"company_id\":7"));

        assertThat(engine.onProcoreWebhook(wrongSecret).status()).isEqualTo(401);
        assertThat(engine.onProcoreWebhook(otherCompany).status()).isEqualTo(401);
        // no secret: refused before the body is read, whatever it holds
        assertThat(engine.onProcoreWebhook(WebhookRequest.of(Map.of(), "{")).status()).isEqualTo(401);
        // the right secret, a broken body: now it is read, and refused as malformed
        assertThat(engine.onProcoreWebhook(WebhookRequest.of(Map.of("Authorization", "Bearer "
                + EngineFixture.PROCORE_SECRET), "{")).status()).isEqualTo(400);

        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).hasSize(4);
        assertNoSecretInAudit("guess");
    }

    @Test
    void procoreBodiesWithoutTheSecret_areNeverParsed_andTheirRejectionsAreCountedNotEachWritten() {
        java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
        io.mlconnector.core.port.WebhookParser real = TestWebhookParsers.procore();
        SyncEngine counting = fx.engine(fx.policy().build(), "node-b", Runnable::run,
                b -> b.procoreWebhookParser(request -> {
                    parsed.incrementAndGet();
                    return real.parse(request);
                }));
        String hostile = "{\"company_id\":" + EngineFixture.COMPANY + ",\"related_resources\":[{\"id\":1e99999}],"
                + "\"pad\":\"" + "x".repeat(4000) + "\"}";

        for (int i = 0; i < 50; i++) {
            WebhookRequest r = i % 2 == 0 ? WebhookRequest.of(Map.of(), hostile)
                    : WebhookRequest.of(Map.of("Authorization", "Bearer guess-" + i), hostile);
            assertThat(counting.onProcoreWebhook(r).status()).isEqualTo(401);
        }

        assertThat(parsed).hasValue(0);
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        // one line per reason per minute, not fifty
        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).extracting(e -> e.details().get("reason"))
                .containsExactly("MISSING_HEADER", "INVALID_SIGNATURE");

        fx.clock.advance(java.time.Duration.ofMinutes(1));
        counting.onProcoreWebhook(WebhookRequest.of(Map.of(), hostile));

        assertThat(fx.audits(AuditOutcome.WEBHOOK_REJECTED)).hasSize(3).last()
                .satisfies(e -> assertThat(e.details()).containsEntry("rejections_not_written", "24"));
    }

    @Test
    void aProcoreBodyOverTheLimit_is413_withoutBeingParsed() {
        String padded = "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
        WebhookResponse r = engine.onProcoreWebhook(WebhookRequest.of(Map.of("Authorization", "Bearer "
                + EngineFixture.PROCORE_SECRET), padded));

        assertThat(r.status()).isEqualTo(413);
        assertThat(fx.state.count(WorkStatus.READY)).isZero();
    }

    @Test
    void procoreEventCausedByOurOwnApplicationIsSkippedAsEcho() {
        ChangeOrder co = fx.pc.changeOrder(fx.tower).line("03-300", null, "x", "10").save();
        WebhookRequest echo = fx.procoreWebhook("01HULID3", "Change Order Packages", co.ref().id(),
                fx.tower.projectId(), fx.pc.applicationId());

        assertThat(engine.onProcoreWebhook(echo)).isEqualTo(new WebhookResponse(200, "{\"status\":\"echo\"}"));

        assertThat(fx.state.count(WorkStatus.READY)).isZero();
        assertThat(fx.audits(AuditOutcome.SKIPPED_ECHO)).singleElement()
                .satisfies(e -> assertThat(e.sourceRef()).isEqualTo("procore:change_order:" + co.ref().id()));
    }

    private void assertNoSecretInAudit(String... extra) {
        List<String> secrets = new ArrayList<>(List.of(EngineFixture.FB_SECRET, EngineFixture.PROCORE_SECRET));
        secrets.addAll(List.of(extra));
        for (AuditEvent e : fx.audit.all()) {
            String text = e.reason() + " " + e.details();
            for (String s : secrets) {
                assertThat(text).doesNotContain(s);
            }
        }
    }
}
