package io.mlconnector.testkit.freshbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.testkit.server.DeliveryOutcome;
import io.mlconnector.testkit.server.WebhookDelivery;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import io.mlconnector.testkit.support.WebhookReceiver;
import io.mlconnector.testkit.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreshBooksWebhookTest {

    /** Values of the worked example in api/freshbooks.md §5.5 (computed with CPython, not by this code). */
    private static final String DOC_VERIFIER = "scADVVi5QuKuj5qTjVkbJNYQe7V7USpGd";
    private static final String DOC_BODY =
        "name=invoice.create&object_id=1234567&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1";
    private static final String DOC_SIGNATURE = "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc=";
    private static final String DOC_HANDSHAKE_SIGNATURE = "oP1CMrpzY5TlbiDOJXiQT0FCoU+nwkUV8Sr2xKQGNcg=";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.create();

    private final WebhookReceiver receiver = new WebhookReceiver();
    private FreshBooksSandbox fb;
    private TestHttp http;
    private String auth;
    private String callbacks;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        http = new TestHttp(fb.baseUrl());
        auth = "Bearer " + fb.issueTokens().accessToken();
        callbacks = "/events/account/" + fb.identity().accountId() + "/events/callbacks";
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void signature_matchesTheDocumentedWorkedVector() {
        assertThat(FreshBooksSignature.sign(DOC_VERIFIER, DOC_BODY)).isEqualTo(DOC_SIGNATURE);
        assertThat(FreshBooksSignature.sign(DOC_VERIFIER, DOC_BODY))
            .isNotEqualTo("ENwe/8MKygI95fsgnoIq4e1NnxOVl/8jdAncDoXm2/k=")
            .isNotEqualTo("53P2UswGzbvlPS2+pFzhcWDdnV4/8rAO0PI1mWr7nhA=");
    }

    @Test
    void delivery_carriesTheDocumentedBodyAndSignature() throws Exception {
        fb.registerCallback("invoice", receiver.url("/fb"), DOC_VERIFIER);

        fb.fireEvent("invoice.create", 1234567);

        Received r = receiver.next(WAIT);
        assertThat(r.body()).isEqualTo(DOC_BODY);
        assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.header("X-FreshBooks-Hmac-SHA256")).isEqualTo(DOC_SIGNATURE);
    }

    @Test
    void handshake_resentWithKnownVerifier_isSignedLikeTheDocumentedExample() throws Exception {
        Callback cb = fb.registerCallback("bill.create", receiver.url("/fb"), DOC_VERIFIER);
        assertThat(cb.id()).isEqualTo(2001);

        http.putJson(callbacks + "/" + cb.id(), "{\"callback\":{\"resend\":true}}", "Authorization", auth);

        Received r = receiver.next(WAIT);
        assertThat(r.body()).isEqualTo("name=callback.verify&object_id=2001&verifier=" + DOC_VERIFIER
            + "&account_id=6BApk");
        assertThat(r.header("X-FreshBooks-Hmac-SHA256")).isEqualTo(DOC_HANDSHAKE_SIGNATURE);
    }

    @Test
    void fullHandshake_thenEventsReachOnlyVerifiedCallbacks() throws Exception {
        Resp created = http.postJson(callbacks, "{\"callback\":{\"event\":\"bill\",\"uri\":\"" + receiver.url("/fb")
            + "\"}}", "Authorization", auth);
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("response").path("result").path("callback").path("callbackid").asLong();
        assertThat(created.json().path("response").path("result").path("callback").path("verified").asBoolean())
            .isFalse();

        Received handshake = receiver.next(WAIT);
        Map<String, String> form = parse(handshake.body());
        assertThat(form).containsEntry("name", "callback.verify").containsEntry("object_id", Long.toString(id));
        String verifier = form.get("verifier");

        BillVendor v = fb.seed().billVendor("V");
        ExpenseCategory c = fb.seed().expenseCategory("C");
        fb.act().bill(v.id(), BillLine.of(c.id(), "not yet verified", "1", "1"));

        assertThat(http.putJson(callbacks + "/" + id, "{\"callback\":{\"verifier\":\"wrong\"}}", "Authorization",
            auth).status()).isEqualTo(422);
        Resp verified = http.putJson(callbacks + "/" + id, "{\"callback\":{\"verifier\":\"" + verifier + "\"}}",
            "Authorization", auth);
        assertThat(verified.json().path("response").path("result").path("callback").path("verified").asBoolean())
            .isTrue();

        Bill bill = fb.act().bill(v.id(), BillLine.of(c.id(), "after verification", "2", "10"));
        Received event = receiver.next(WAIT);
        assertThat(parse(event.body())).containsEntry("name", "bill.create")
            .containsEntry("object_id", Long.toString(bill.id()))
            .containsEntry("account_id", "6BApk");
        assertThat(event.header("X-FreshBooks-Hmac-SHA256")).isEqualTo(FreshBooksSignature.sign(verifier,
            event.body()));

        fb.updateBill(bill.id(), Map.of("bill_number", "B-7"));
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "bill.update");
        assertThat(receiver.all()).hasSize(3);
    }

    @Test
    void billPaymentCreatedChangedOrDeleted_firesBillUpdateOfItsBill_assumedNotDocumented() throws Exception {
        BillVendor v = fb.seed().billVendor("V");
        ExpenseCategory c = fb.seed().expenseCategory("C");
        Bill bill = fb.seed().bill(v.id(), BillLine.of(c.id(), "x", "1", "1000"));
        fb.registerCallback("bill", receiver.url("/fb"));
        String payments = "/accounting/account/" + fb.identity().accountId() + "/bill_payments/bill_payments";

        long id = http.postJson(payments, "{\"bill_payment\":{\"billid\":" + bill.id() + ",\"amount\":{\"amount\":"
            + "\"400.00\",\"code\":\"USD\"},\"payment_type\":\"Check\",\"paid_date\":\"2026-03-01\"}}",
            "Authorization", auth).json().path("response").path("result").path("bill_payment").path("id").asLong();
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "bill.update")
            .containsEntry("object_id", Long.toString(bill.id()));
        assertThat(fb.bill(bill.id()).orElseThrow().json().path("bill_payments").get(0).path("id").asLong())
            .isEqualTo(id);

        http.putJson(payments + "/" + id, "{\"bill_payment\":{\"amount\":{\"amount\":\"450.00\",\"code\":\"USD\"}}}",
            "Authorization", auth);
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "bill.update")
            .containsEntry("object_id", Long.toString(bill.id()));

        http.putJson(payments + "/" + id, "{\"bill_payment\":{\"vis_state\":1}}", "Authorization", auth);
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "bill.update")
            .containsEntry("object_id", Long.toString(bill.id()));
        assertThat(fb.bill(bill.id()).orElseThrow().json().path("bill_payments")).isEmpty();
        assertThat(receiver.all()).extracting(r -> parse(r.body()).get("name")).containsOnly("bill.update");
    }

    @Test
    void apiChangesFireEvents_andPutVisState1FiresDelete() throws Exception {
        fb.registerCallback("expense", receiver.url("/fb"));
        ExpenseCategory c = fb.seed().expenseCategory("C");
        String base = "/accounting/account/" + fb.identity().accountId() + "/expenses/expenses";
        long id = http.postJson(base, "{\"expense\":{\"amount\":{\"amount\":\"5\"},\"categoryid\":" + c.id() + "}}",
            "Authorization", auth).json().path("response").path("result").path("expense").path("id").asLong();
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "expense.create");

        http.putJson(base + "/" + id, "{\"expense\":{\"vis_state\":1}}", "Authorization", auth);
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("name", "expense.delete")
            .containsEntry("object_id", Long.toString(id));
    }

    @Test
    void callbackValidation_usesEventsErrorShape() {
        Resp r = http.postJson(callbacks, "{\"callback\":{\"event\":\"nonsense.happened\",\"uri\":\"not a url\"}}",
            "Authorization", auth);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errno").asInt()).isEqualTo(422);
        assertThat(r.json().path("details").toString()).contains("Unrecognized event");

        Resp anon = http.get(callbacks);
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.json().path("message").asText()).startsWith("invalid_token");
        assertThat(http.delete(callbacks + "/999", "Authorization", auth).json().path("errno").asInt())
            .isEqualTo(404);
    }

    @Test
    void webhookFaults_dropAndDuplicate() throws Exception {
        fb.registerCallback("client", receiver.url("/fb"));
        fb.webhookFaults().dropNext(1).duplicateNext(1);

        Client dropped = fb.act().client("Dropped");
        Client twice = fb.act().client("Twice");

        assertThat(parse(receiver.next(WAIT).body())).containsEntry("object_id", Long.toString(twice.id()));
        assertThat(parse(receiver.next(WAIT).body())).containsEntry("object_id", Long.toString(twice.id()));
        await().atMost(WAIT).until(() -> fb.webhookDeliveries().size() == 3);
        assertThat(fb.webhookDeliveries()).filteredOn(d -> d.outcome() == DeliveryOutcome.DROPPED)
            .extracting(WebhookDelivery::requestBody).singleElement().asString()
            .contains("object_id=" + dropped.id());
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        io.mlconnector.testkit.server.Params.parse(form).entries().forEach(e -> out.put(e.name(), e.value()));
        return out;
    }
}
