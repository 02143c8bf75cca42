package io.mlconnector.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SharedSecretHeaderVerifierTest {
    private static final String SECRET = "hook-secret-7d1e";
    private static final String BODY = "{\"resource_name\":\"Change Order Packages\",\"id\":9}";

    private static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static WebhookRequest request(String header, String value) {
        return WebhookRequest.of(Map.of(header, value), BODY);
    }

    @Test
    void matchingSecret_isAccepted_underTheDefaultAuthorizationHeader() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).build();

        assertThatCode(() -> v.verify(request("Authorization", SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request("authorization", SECRET))).doesNotThrowAnyException();
    }

    @Test
    void customHeader_isUsed() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().headerName("X-Hook-Token").secret(SECRET).build();

        assertThatCode(() -> v.verify(request("x-hook-token", SECRET))).doesNotThrowAnyException();
        assertRejected(() -> v.verify(request("Authorization", SECRET)), Reason.MISSING_HEADER);
    }

    @Test
    void wrongSecret_isRejected() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).build();

        assertRejected(() -> v.verify(request("Authorization", "hook-secret-7d1f")), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request("Authorization", SECRET + "x")), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request("Authorization", SECRET.substring(1))), Reason.INVALID_SIGNATURE);
    }

    @Test
    void missingHeader_isRejected() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).build();

        assertRejected(() -> v.verify(WebhookRequest.of(Map.of(), BODY)), Reason.MISSING_HEADER);
        assertRejected(() -> v.verify(request("Authorization", "  ")), Reason.MISSING_HEADER);
    }

    @Test
    void prefix_isStripped_caseInsensitively_andStillRequiresTheSecret() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).prefix("Bearer ").build();

        assertThatCode(() -> v.verify(request("Authorization", "Bearer " + SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request("Authorization", "bearer " + SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request("Authorization", SECRET))).doesNotThrowAnyException();
        assertRejected(() -> v.verify(request("Authorization", "Bearer wrong")), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request("Authorization", "Basic " + SECRET)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void withoutAPrefix_aPrefixedValueDoesNotMatch() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).build();

        assertRejected(() -> v.verify(request("Authorization", "Bearer " + SECRET)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void rotation_bothSecretsAreAccepted() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).secret("hook-secret-next").build();

        assertThatCode(() -> v.verify(request("Authorization", SECRET))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request("Authorization", "hook-secret-next"))).doesNotThrowAnyException();
        assertRejected(() -> v.verify(request("Authorization", "hook-secret-old")), Reason.INVALID_SIGNATURE);
    }

    @Test
    void oversizedBody_isRejected() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).maxBodyBytes(10).build();

        assertRejected(() -> v.verify(request("Authorization", SECRET)), Reason.BODY_TOO_LARGE);
    }

    @Test
    void rejectionMessages_neverContainTheSecret() {
        SharedSecretHeaderVerifier v = SharedSecretHeaderVerifier.builder().secret(SECRET).build();

        assertThatThrownBy(() -> v.verify(request("Authorization", "guess"))).hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("guess");
    }

    @Test
    void builder_requiresASecret_andRejectsBlankOnes() {
        assertThatThrownBy(() -> SharedSecretHeaderVerifier.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharedSecretHeaderVerifier.builder().secret(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookRequest_mergesHeaderCase_andHidesTheBodyInToString() {
        WebhookRequest r = new WebhookRequest(Map.of("X-A", java.util.List.of("1"), "x-a", java.util.List.of("2")),
                "secret body".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.headers().get("X-A")).containsExactlyInAnyOrder("1", "2");
        assertThat(r.toString()).doesNotContain("secret body").contains("bytes=11");
        assertThat(r.bodyLength()).isEqualTo(11);
    }
}
