package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.request.HookInput;
import io.mlconnector.procore.request.TriggerInput;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.ProcoreWebhookEvent;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.procore.webhook.WebhookDelivery;
import io.mlconnector.procore.webhook.WebhookHook;
import io.mlconnector.procore.webhook.WebhookTrigger;
import io.mlconnector.testkit.procore.ChangeOrderPackage;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.WebhookRetryPolicy;
import io.mlconnector.testkit.support.WebhookReceiver;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Procore webhooks end to end: the client registers a hook whose {@code destination_headers} carry our secret and
 * adds triggers; the sandbox delivers JSON events with that header to a local receiver; the deliveries verify with
 * {@link ProcoreWebhookVerifier}, parse with {@link ProcoreWebhookParser}, and our own writes are recognisable.
 */
class ProcoreWebhookClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SECRET = "whsec-7f3a9c2e51b84d06";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-16T15:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    @RegisterExtension
    final ClientOperationsRecorder clientOperations = ClientOperationsRecorder.of(ext);

    private ProcoreSandbox pc;
    private ProcoreWorld world;
    private ProcoreClient client;
    private WebhookReceiver receiver;
    private final ProcoreWebhookParser parser = new ProcoreWebhookParser();
    private final ProcoreWebhookVerifier verifier = ProcoreWebhookVerifier.builder().secret(SECRET).build();

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        world = ProcoreWorld.seed(pc);
        client = ProcoreConnections.client(pc, clock, world.acme().id(), new ClockSleeper(clock));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private WebhookHook hook(HookScope scope, String... resourceAndEvent) {
        WebhookHook h = client.webhooks().createHook(scope, new HookInput("v2", "ml-connector",
                receiver.url("/hooks/procore"), Map.of("Authorization", ProcoreWebhookVerifier.headerValue(SECRET))));
        for (int i = 0; i < resourceAndEvent.length; i += 2) {
            client.webhooks().createTrigger(scope, h.id(), "v2",
                    new TriggerInput(resourceAndEvent[i], resourceAndEvent[i + 1]));
        }
        return h;
    }

    private static WebhookRequest request(WebhookReceiver.Received r) {
        return WebhookRequest.of(r.headers(), r.body());
    }

    @Test
    void hookWithOurSecretHeader_deliveryVerifiesAndParses() throws Exception {
        HookScope scope = HookScope.project(world.ref());
        WebhookHook hook = hook(scope, "Change Order Packages", "update");
        assertThat(hook.destinationUrl()).isEqualTo(receiver.url("/hooks/procore"));
        assertThat(hook.destinationHeaders().get("Authorization")).as("the secret is masked in answers")
                .isNotEqualTo(ProcoreWebhookVerifier.headerValue(SECRET)).endsWith(SECRET.substring(SECRET.length() - 5));
        assertThat(client.webhooks().listTriggers(scope, hook.id())).extracting(WebhookTrigger::resourceName,
                WebhookTrigger::eventType).containsExactly(org.assertj.core.groups.Tuple.tuple("Change Order Packages",
                "update"));
        ChangeOrderPackage pkg = pc.seed().changeOrderPackage(world.tower().id(), world.commitment().id(), "Extra",
                "pending", SovLine.of(world.rebar().id(), world.labor().id(), "Extra rebar", "5000.00"));

        pc.approveChangeOrder(pkg.id());
        WebhookReceiver.Received r = receiver.next(WAIT);

        assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        WebhookRequest req = request(r);
        verifier.verify(req); // throws unless the header matches in constant time
        ProcoreWebhookEvent typed = parser.event(req);
        assertThat(typed.resourceName()).isEqualTo("Change Order Packages");
        assertThat(typed.resourceId()).isEqualTo(pkg.id());
        assertThat(typed.eventType()).isEqualTo("update");
        assertThat(typed.companyId()).isEqualTo(world.acme().id());
        assertThat(typed.projectId()).isEqualTo(world.tower().id());
        assertThat(typed.userId()).isEqualTo(pc.uiUserId());
        InboundEvent event = parser.parse(req);
        assertThat(event.routingKey()).isEqualTo(Long.toString(world.acme().id()));
        assertThat(event.subject()).isEqualTo(ExternalRef.of("procore", "change_order_package", pkg.id()));
        assertThat(event.action()).isEqualTo("update");
        assertThat(event.projectId()).isEqualTo(Long.toString(world.tower().id()));
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.attribute("source_application_id")).as("a change made by a person in the UI").isNull();

        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                client.webhooks().deliveries(scope, hook.id(), null, 100).toList())
                .singleElement().satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo("ok");
                    assertThat(d.responseStatus()).isEqualTo(200);
                    assertThat(d.event().resourceId()).isEqualTo(pkg.id());
                }));
    }

    @Test
    void wrongOrMissingSecret_isRejectedWithATypedReason() throws Exception {
        hook(HookScope.company(), "Company Vendors", "update");
        pc.updateVendor(world.vendor().id(), Map.of("name", "Rebar Incorporated"));
        WebhookReceiver.Received r = receiver.next(WAIT);
        WebhookRequest genuine = request(r);
        verifier.verify(genuine);
        InboundEvent event = parser.parse(genuine);
        assertThat(event.subject()).isEqualTo(ExternalRef.of("procore", "vendor", world.vendor().id()));
        assertThat(event.projectId()).as("company-directory events carry no project").isNull();

        WebhookRequest forged = WebhookRequest.of(Map.of("Authorization", "Bearer guessed"), r.body());
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
        WebhookRequest bare = WebhookRequest.of(Map.of("Content-Type", "application/json"), r.body());
        assertThatThrownBy(() -> verifier.verify(bare)).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
        // rotation: the old secret stays accepted while the new one is rolled out
        ProcoreWebhookVerifier rotating = ProcoreWebhookVerifier.builder().secret("whsec-new-one-000000")
                .secret(SECRET).build();
        rotating.verify(genuine);
    }

    @Test
    void ourOwnWrite_comesBackWithOurApplicationId_soTheEngineCanDropTheEcho() throws Exception {
        HookScope scope = HookScope.project(world.ref());
        hook(scope, "Direct Costs", "create");
        PostedObject posted = ProcoreProjectSystem.builder(client).build().createDirectCost(world.ref(),
                new DirectCostDraft("fb:6BApk:bill:4411", Long.toString(world.vendor().id()), "FB-4411",
                        LocalDate.of(2026, 3, 16), null, List.of(new AllocatedLine(1, "03-300", "M", null, "Fuel",
                        Money.of("412.50", "USD"))), Money.of("412.50", "USD"), "FreshBooks bill 4411"));

        WebhookRequest req = request(receiver.next(WAIT));
        verifier.verify(req);
        InboundEvent event = parser.parse(req);

        assertThat(event.subject()).isEqualTo(ExternalRef.of("procore", "direct_cost", posted.id()));
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.attribute("source_application_id")).isEqualTo(client.clientId());
        assertThat(event.attribute("user_id")).isEqualTo(Long.toString(pc.serviceAccountUserId()));
    }

    @Test
    void discardedDeliveries_areFoundAgainByUndeliveredEvents() {
        HookScope scope = HookScope.project(world.ref());
        hook(scope, "Change Order Packages", "update");
        ChangeOrderPackage pkg = pc.seed().changeOrderPackage(world.tower().id(), world.commitment().id(), "Extra",
                "pending", SovLine.of(world.rebar().id(), world.labor().id(), "Extra rebar", "5000.00"));
        receiver.failNext(100, 503); // the endpoint is down
        pc.webhookRetryPolicy(WebhookRetryPolicy.fast(Duration.ofMillis(10), 2));
        Instant before = clock.instant();

        pc.approveChangeOrder(pkg.id());
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> pc.webhookDeliveries().size() >= 2);

        ProcoreProjectSystem system = ProcoreProjectSystem.builder(client).webhookNamespace("ml-connector")
                .webhookProject(world.ref()).build();
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(system.undeliveredEvents(before))
                .extracting(InboundEvent::subject)
                .containsExactly(ExternalRef.of("procore", "change_order_package", pkg.id())));
    }

    @Test
    void failingReceiver_isRetriedAfterBackoff_andTheFailedAttemptIsListedInDeliveries() throws Exception {
        HookScope scope = HookScope.project(world.ref());
        WebhookHook h = hook(scope, "Change Order Packages", "update");
        ChangeOrderPackage pkg = pc.seed().changeOrderPackage(world.tower().id(), world.commitment().id(), "Extra",
                "pending", SovLine.of(world.rebar().id(), world.labor().id(), "Extra rebar", "5000.00"));
        receiver.failNext(1, 500);
        pc.webhookRetryPolicy(WebhookRetryPolicy.fast(Duration.ofMillis(20), 5)); // Procore waits 1 s; tests need not

        pc.approveChangeOrder(pkg.id());
        WebhookRequest retried = request(receiver.next(WAIT));

        verifier.verify(retried);
        assertThat(parser.parse(retried).subject().id()).isEqualTo(Long.toString(pkg.id()));
        assertThat(receiver.all()).hasSize(2);
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<WebhookDelivery> all = client.webhooks().deliveries(scope, h.id(), null, 100).toList();
            assertThat(all).extracting(WebhookDelivery::responseStatus).containsExactly(500, 200);
        });
    }
}
