package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.model.Callback;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookEvent;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.support.WebhookReceiver;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FreshBooks webhooks end to end: the client registers a callback, the sandbox POSTs the verification handshake to a
 * local receiver (JDK HttpServer on 127.0.0.1), the client confirms it, and signed event deliveries then verify with
 * {@link FreshBooksWebhookVerifier} and parse with {@link FreshBooksWebhookParser}.
 */
class FreshBooksWebhookClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private FreshBooksSandbox fb;
    private FreshBooksClient client;
    private WebhookReceiver receiver;
    private final FreshBooksWebhookParser parser = new FreshBooksWebhookParser();

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        client = FreshBooksConnections.connect(fb, clock, Credentials.encrypted(new InMemoryCredentialStore()));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private static WebhookRequest request(WebhookReceiver.Received r) {
        return WebhookRequest.of(r.headers(), r.body());
    }

    /** Registers a callback and completes the handshake the way a host does; returns the verifier. */
    private String registerAndConfirm(String event) throws InterruptedException {
        Callback cb = client.callbacks().create(event, receiver.url("/hooks/freshbooks"));
        WebhookRequest handshake = request(receiver.next(WAIT));
        InboundEvent parsed = parser.parse(handshake);
        String verifier = parsed.attribute("verifier");
        FreshBooksAccountingSystem.builder().client(client).build()
                .confirmWebhook(parsed.subject().id(), verifier);
        assertThat(client.callbacks().get(cb.id()).verified()).isTrue();
        return verifier;
    }

    @Test
    void callbackCreate_handshakeReachesTheReceiver_andVerifyConfirmsIt() throws Exception {
        Callback cb = client.callbacks().create("bill", receiver.url("/hooks/freshbooks"));
        assertThat(cb.verified()).isFalse();
        assertThat(cb.event()).isEqualTo("bill");
        assertThat(cb.uri()).isEqualTo(receiver.url("/hooks/freshbooks"));

        WebhookReceiver.Received r = receiver.next(WAIT);
        assertThat(r.path()).isEqualTo("/hooks/freshbooks");
        assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        InboundEvent handshake = parser.parse(request(r));
        assertThat(handshake.handshake()).isTrue();
        assertThat(handshake.action()).isEqualTo("verify");
        assertThat(handshake.subject()).isEqualTo(ExternalRef.of("freshbooks", "callback", cb.id()));
        assertThat(handshake.routingKey()).isEqualTo(fb.identity().accountId());
        String verifier = handshake.attribute("verifier");
        assertThat(verifier).isNotBlank();
        // the sandbox signs the handshake with the verifier it carries (UNCONFIRMED for FreshBooks, §5.2)
        FreshBooksWebhookVerifier.of(verifier).verify(request(r));

        // nothing is delivered before the callback is verified
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        long cat = fb.seed().expenseCategory("Concrete").id();
        fb.act().bill(vendor, BillLine.of(cat, "early", "1", "1.00"));

        assertThatThrownBy(() -> client.callbacks().verify(cb.id(), "not-the-code"))
                .isInstanceOf(ValidationException.class);
        Callback verified = client.callbacks().verify(cb.id(), verifier);
        assertThat(verified.verified()).isTrue();
        assertThat(client.callbacks().listForEvent("bill.create").map(Callback::id)).containsExactly(cb.id());

        long bill = fb.act().bill(vendor, BillLine.of(cat, "after", "1", "2.00")).id();
        InboundEvent event = parser.parse(request(receiver.next(WAIT)));
        assertThat(event.subject()).isEqualTo(ExternalRef.of("freshbooks", "bill", bill));
        // the sandbox logs a delivery once the receiver has answered it
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(fb.webhookDeliveries())
                .extracting(d -> d.event()).containsExactly("callback.verify", "bill.create"));
    }

    @Test
    void signedDelivery_verifiesWithTheClientsVerifier_andParsesIntoAnInboundEvent() throws Exception {
        String verifier = registerAndConfirm("bill");
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        long cat = fb.seed().expenseCategory("Concrete").id();

        long bill = fb.act().bill(vendor, BillLine.of(cat, "Pour", "10", "125.00")).id();
        WebhookReceiver.Received r = receiver.next(WAIT);
        WebhookRequest req = request(r);

        assertThat(r.header(FreshBooksWebhookVerifier.HEADER)).isNotBlank();
        FreshBooksWebhookVerifier.of(verifier).verify(req); // throws if the signature does not match
        FreshBooksWebhookEvent typed = FreshBooksWebhookEvent.parse(req);
        assertThat(typed.name()).isEqualTo("bill.create");
        assertThat(typed.resource()).isEqualTo("bill");
        assertThat(typed.action()).isEqualTo("create");
        assertThat(typed.objectId()).isEqualTo(Long.toString(bill));
        assertThat(typed.accountId()).isEqualTo(fb.identity().accountId());
        assertThat(typed.businessId()).isEqualTo(Long.toString(fb.identity().businessId()));
        assertThat(typed.identityId()).isEqualTo(Long.toString(fb.identity().identityId()));
        InboundEvent event = parser.parse(req);
        assertThat(event.handshake()).isFalse();
        assertThat(event.routingKey()).isEqualTo(fb.identity().accountId());
        assertThat(event.subject()).isEqualTo(ExternalRef.of("freshbooks", "bill", bill));
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.attribute("business_id")).isEqualTo(Long.toString(fb.identity().businessId()));

        // a bill payment announces itself as bill.update (sandbox choice, api/freshbooks.md §5.3)
        fb.act().billPayment(bill, new BigDecimal("100.00"));
        WebhookRequest update = request(receiver.next(WAIT));
        FreshBooksWebhookVerifier.of(verifier).verify(update);
        assertThat(parser.parse(update).action()).isEqualTo("update");
    }

    @Test
    void tamperedOrForeignDeliveries_areRejectedWithATypedReason() throws Exception {
        String verifier = registerAndConfirm("bill");
        long vendor = fb.seed().billVendor("Rebar Inc").id();
        long cat = fb.seed().expenseCategory("Concrete").id();
        fb.act().bill(vendor, BillLine.of(cat, "Pour", "1", "1.00"));
        WebhookReceiver.Received r = receiver.next(WAIT);

        WebhookRequest tampered = WebhookRequest.of(r.headers(), r.body().replaceFirst("object_id=\\d+", "object_id=1"));
        assertThatThrownBy(() -> FreshBooksWebhookVerifier.of(verifier).verify(tampered))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.INVALID_SIGNATURE));
        assertThatThrownBy(() -> FreshBooksWebhookVerifier.of(verifier + "x").verify(request(r)))
                .isInstanceOf(WebhookVerificationException.class);
        WebhookRequest unsigned = WebhookRequest.of(Map.of("Content-Type", "application/x-www-form-urlencoded"),
                r.body());
        assertThatThrownBy(() -> FreshBooksWebhookVerifier.of(verifier).verify(unsigned))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.MISSING_HEADER));
    }

    @Test
    void callbacks_listUpdateResendAndDelete() throws Exception {
        Callback cb = client.callbacks().create("invoice.create", receiver.url("/a"));
        String first = parser.parse(request(receiver.next(WAIT))).attribute("verifier");

        client.callbacks().resendVerification(cb.id());
        String again = parser.parse(request(receiver.next(WAIT))).attribute("verifier");
        assertThat(again).isEqualTo(first);

        Callback moved = client.callbacks().update(cb.id(), null, receiver.url("/b"));
        assertThat(moved.uri()).isEqualTo(receiver.url("/b"));
        assertThat(moved.event()).isEqualTo("invoice.create");
        assertThat(client.callbacks().list(io.mlconnector.freshbooks.query.SearchQuery.create()).map(Callback::id))
                .containsExactly(cb.id());

        assertThatThrownBy(() -> client.callbacks().create("invoice.explode", receiver.url("/c")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("Unrecognized event"));

        client.callbacks().delete(cb.id());
        assertThat(client.callbacks().list(io.mlconnector.freshbooks.query.SearchQuery.create())).isEmpty();
        assertThat(fb.callbacks()).isEmpty();
    }
}
