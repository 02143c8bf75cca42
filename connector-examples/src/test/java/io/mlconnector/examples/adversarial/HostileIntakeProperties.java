package io.mlconnector.examples.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * Properties of the webhook intake under hostile input (unauthenticated, forged, malformed, oversized): only typed
 * rejections, nothing queued from a forged request, no parsing before authentication where the secret needs no
 * body, bounded audit. Each try uses a fresh engine.
 */
class HostileIntakeProperties {

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> hugeNumbers = Arbitraries.of("1e99999", "-1e99999", "123456789012345678901234567890",
                        "1.5", "9e18", "0x10", "NaN")
                .map(n -> ("{\"id\":" + n + ",\"company_id\":" + HostileIntake.COMPANY + ",\"resource_id\":" + n
                        + ",\"resource_name\":\"Direct Costs\",\"event_type\":\"update\",\"related_resources\":[{\"id\":"
                        + n + ",\"name\":\"Direct Costs\"}]}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> deepNesting = Arbitraries.integers().between(100, 50_000)
                .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> repeatedKeys = Arbitraries.integers().between(2, 2_000)
                .map(n -> ("{" + "\"company_id\":1,".repeat(n) + "\"company_id\":" + HostileIntake.COMPANY + "}")
                        .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> oversized = Arbitraries.integers().between(256 * 1024 + 1, 2 * 1024 * 1024)
                .map(n -> HostileIntake.repeat('x', n));
        Arbitrary<byte[]> nonUtf8 = Arbitraries.integers().between(1, 512)
                .map(n -> {
                    byte[] b = new byte[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = (byte) (0x80 | (i % 0x40));
                    }
                    return b;
                });
        Arbitrary<byte[]> almostValid = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(30),
                        Arbitraries.longs().between(-5, Long.MAX_VALUE))
                .as((name, id) -> HostileIntake.procoreEvent("01J" + Math.abs(id % 1000), name, id)
                        .getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(randomBytes, hugeNumbers, deepNesting, repeatedKeys, oversized, nonUtf8, almostValid);
    }

    @Provide
    Arbitrary<String> wrongAuthorization() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(200).map(s -> "Bearer " + s),
                Arbitraries.strings().ofMaxLength(8_000), Arbitraries.just("Bearer " + HostileIntake.PC_SECRET + "x"),
                Arbitraries.just("Basic " + HostileIntake.PC_SECRET));
    }

    private static WebhookRequest request(byte[] body, String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return WebhookRequest.of(headers, body);
    }

    @Property(tries = 300)
    void procoreRequestsWithoutTheSecret_areRejectedWithoutBeingParsed(@ForAll("hostileBodies") byte[] body,
                                                                        @ForAll("wrongAuthorization") String auth) {
        HostileIntake in = new HostileIntake();

        WebhookResponse r = in.engine.onProcoreWebhook(request(body, auth));

        assertThat(r.status()).isIn(401, 413);
        assertThat(in.procoreParser.calls).hasValue(0);
        assertThat(in.queued()).isZero();
        assertThat(in.auditBytes()).isLessThan(4_096);
    }

    @Property(tries = 300)
    void procoreRequestsWithTheSecret_getATypedAnswer_andOnlyWellFormedEventsQueue(
            @ForAll("hostileBodies") byte[] body) {
        HostileIntake in = new HostileIntake();

        WebhookResponse r = in.engine.onProcoreWebhook(request(body, "Bearer " + HostileIntake.PC_SECRET));

        assertThat(r.status()).isIn(200, 400, 401, 413);
        if (r.status() != 200 || !r.body().contains("queued")) {
            assertThat(in.queued()).isZero();
        } else {
            assertThat(in.queued()).isEqualTo(1);
        }
        assertThat(in.procoreParser.maxBytes.get()).isLessThanOrEqualTo(256 * 1024);
    }

    @Property(tries = 300)
    void forgedFreshBooksWebhooks_neverQueueWork(@ForAll("formBodies") String body,
                                                @ForAll("signatures") String signature) {
        HostileIntake in = new HostileIntake();
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (signature != null) {
            headers.put("X-FreshBooks-Hmac-SHA256", signature);
        }

        WebhookResponse r = in.engine.onFreshBooksWebhook(WebhookRequest.of(headers, body));

        boolean handshake = body.contains("callback.verify") || body.contains("verifier=");
        if (handshake) {
            // unsigned by design; at most one pending confirmation, which FreshBooks itself must accept
            assertThat(r.status()).isIn(200, 400, 401, 413, 429);
            assertThat(in.queued()).isLessThanOrEqualTo(1);
        } else {
            assertThat(r.status()).isIn(400, 401, 413);
            assertThat(in.queued()).isZero();
        }
    }

    @Provide
    Arbitrary<String> formBodies() {
        Arbitrary<String> fields = Combinators.combine(
                Arbitraries.of("name", "object_id", "account_id", "verifier", "business_id", "name", "x"),
                Arbitraries.oneOf(Arbitraries.of("bill.create", "callback.verify", HostileIntake.ACCOUNT, "1e99999",
                        "%0A%0Daudit outcome=POSTED", "%FF%FE"), Arbitraries.strings().ofMaxLength(50)))
                .as((k, v) -> k + "=" + v);
        return fields.list().ofMaxSize(12).map(l -> String.join("&", l));
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(100),
                Arbitraries.strings().withCharRange('A', 'z').ofLength(44));
    }
}
