package io.mlconnector.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.crypto.HmacSha256;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Expected signatures were computed independently with Python's {@code hmac} module, e.g.
 * {@code python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(b"whsec-primary-1",
 * b"{\"event\":\"bill.create\",\"object_id\":12345}", hashlib.sha256).digest()).decode())'}.
 */
class HmacSha256VerifierTest {
    private static final String HEADER = "X-Signature";
    private static final String BODY = "{\"event\":\"bill.create\",\"object_id\":12345}";
    private static final String PRIMARY = "whsec-primary-1";
    private static final String NEXT = "whsec-next-2";
    private static final String SIG_PRIMARY_B64 = "0Io5b3aft8lVdV8xFJ2kqdML7UHBsL6ihZwpiz+NA+A=";
    private static final String SIG_PRIMARY_HEX = "d08a396f769fb7c955755f31149da4a9d30bed41c1b0bea2859c298b3f8d03e0";
    private static final String SIG_NEXT_B64 = "4STpp862+cC9grvUpBKYh3aNy5jxnUt2VponYdSppVM=";
    private static final String SIG_WRONG_SECRET_B64 = "fS2QSPXfs9/Yoqs5jt3LzSILhSwHt3nMwN2/iD8cJLs=";

    private static HmacSha256Verifier.Builder verifier() {
        return HmacSha256Verifier.builder().headerName(HEADER).secret(PRIMARY);
    }

    private static WebhookRequest request(String signature, String body) {
        return WebhookRequest.of(signature == null ? Map.of() : Map.of(HEADER, signature), body);
    }

    private static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void validBase64Signature_isAccepted() {
        HmacSha256Verifier v = verifier().build();

        assertThatCode(() -> v.verify(request(SIG_PRIMARY_B64, BODY))).doesNotThrowAnyException();
    }

    @Test
    void headerName_isCaseInsensitive_andSurroundingSpaceIgnored() {
        HmacSha256Verifier v = verifier().build();

        assertThatCode(() -> v.verify(WebhookRequest.of(Map.of("x-signature", "  " + SIG_PRIMARY_B64 + " "), BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void tamperedBody_isRejected() {
        HmacSha256Verifier v = verifier().build();

        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, BODY.replace("12345", "12346"))), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, BODY + " ")), Reason.INVALID_SIGNATURE);
    }

    @Test
    void signatureMadeWithAnotherSecret_isRejected() {
        HmacSha256Verifier v = verifier().build();

        assertRejected(() -> v.verify(request(SIG_WRONG_SECRET_B64, BODY)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void tamperedSignature_isRejected() {
        HmacSha256Verifier v = verifier().build();
        String flipped = (SIG_PRIMARY_B64.charAt(0) == 'A' ? "B" : "A") + SIG_PRIMARY_B64.substring(1);

        assertRejected(() -> v.verify(request(flipped, BODY)), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64.substring(0, 20), BODY)), Reason.INVALID_SIGNATURE);
        assertRejected(() -> v.verify(request("not base64 at all", BODY)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void missingOrEmptyHeader_isRejected() {
        HmacSha256Verifier v = verifier().build();

        assertRejected(() -> v.verify(request(null, BODY)), Reason.MISSING_HEADER);
        assertRejected(() -> v.verify(request("   ", BODY)), Reason.MISSING_HEADER);
        assertRejected(() -> v.verify(WebhookRequest.of(Map.of("X-Other", SIG_PRIMARY_B64), BODY)), Reason.MISSING_HEADER);
    }

    @Test
    void oversizedBody_isRejectedBeforeAnyMacIsComputed() {
        int limit = BODY.length();
        HmacSha256Verifier v = verifier().maxBodyBytes(limit)
                .signedContent(r -> {
                    throw new AssertionError("must not be called for an oversized body");
                }).build();

        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, BODY + "x")), Reason.BODY_TOO_LARGE);
    }

    @Test
    void bodyExactlyAtTheLimit_isAccepted() {
        HmacSha256Verifier v = verifier().maxBodyBytes(BODY.length()).build();

        assertThatCode(() -> v.verify(request(SIG_PRIMARY_B64, BODY))).doesNotThrowAnyException();
    }

    @Test
    void rotation_twoActiveSecrets_acceptBothSignatures_andNothingElse() {
        HmacSha256Verifier v = HmacSha256Verifier.builder().headerName(HEADER).secrets(List.of(PRIMARY, NEXT)).build();

        assertThatCode(() -> v.verify(request(SIG_PRIMARY_B64, BODY))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request(SIG_NEXT_B64, BODY))).doesNotThrowAnyException();
        assertRejected(() -> v.verify(request(SIG_WRONG_SECRET_B64, BODY)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void afterRotation_theRetiredSecretNoLongerVerifies() {
        HmacSha256Verifier v = HmacSha256Verifier.builder().headerName(HEADER).secret(NEXT).build();

        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, BODY)), Reason.INVALID_SIGNATURE);
        assertThatCode(() -> v.verify(request(SIG_NEXT_B64, BODY))).doesNotThrowAnyException();
    }

    @Test
    void hexEncoding_isAccepted_inEitherCase() {
        HmacSha256Verifier v = verifier().encoding(SignatureEncoding.HEX).build();

        assertThatCode(() -> v.verify(request(SIG_PRIMARY_HEX, BODY))).doesNotThrowAnyException();
        assertThatCode(() -> v.verify(request(SIG_PRIMARY_HEX.toUpperCase(), BODY))).doesNotThrowAnyException();
        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, BODY)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void base64Verifier_rejectsAHexSignature() {
        HmacSha256Verifier v = verifier().build();

        assertRejected(() -> v.verify(request(SIG_PRIMARY_HEX, BODY)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void signedContent_anyCandidateRenderingMayMatch() {
        // a vendor that signs a JSON rendering of its form fields rather than the raw body
        String form = "name=bill.create&object_id=12345";
        byte[] rendering = "{\"name\": \"bill.create\", \"object_id\": \"12345\"}".getBytes(StandardCharsets.UTF_8);
        HmacSha256Verifier v = verifier()
                .signedContent(r -> List.of(r.body(), "something else".getBytes(StandardCharsets.UTF_8), rendering))
                .build();

        assertThatCode(() -> v.verify(request("3LpnpqBYUvaJN1xO0EvzWn15BvkLOhLcTs0XXGmKSZQ=", form)))
                .doesNotThrowAnyException();
        assertRejected(() -> v.verify(request(SIG_NEXT_B64, form)), Reason.INVALID_SIGNATURE);
    }

    @Test
    void malformedBody_reportedBySignedContent_propagatesTyped() {
        HmacSha256Verifier v = verifier().signedContent(r -> {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "not a form body");
        }).build();

        assertRejected(() -> v.verify(request(SIG_PRIMARY_B64, "%%%")), Reason.MALFORMED_BODY);
    }

    @Test
    void rejectionMessages_neverRevealTheSecretOrTheExpectedSignature() {
        HmacSha256Verifier v = verifier().build();

        assertThatThrownBy(() -> v.verify(request(SIG_WRONG_SECRET_B64, BODY)))
                .hasMessageNotContaining(PRIMARY)
                .hasMessageNotContaining(SIG_PRIMARY_B64)
                .hasMessageNotContaining(SIG_PRIMARY_HEX);
    }

    @Test
    void builder_requiresAHeaderAndANonEmptySecret() {
        assertThatThrownBy(() -> HmacSha256Verifier.builder().headerName(HEADER).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HmacSha256Verifier.builder().secret(PRIMARY).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HmacSha256Verifier.builder().headerName(HEADER).secret(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signer_matchesIndependentlyComputedValues() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.sign(PRIMARY, body, SignatureEncoding.BASE64)).isEqualTo(SIG_PRIMARY_B64);
        assertThat(WebhookSigner.sign(PRIMARY, body, SignatureEncoding.HEX)).isEqualTo(SIG_PRIMARY_HEX);
        assertThat(WebhookSigner.sign(PRIMARY, new byte[0], SignatureEncoding.HEX))
                .isEqualTo("59277360d563ba37b31cb787ba8137b6d31acac8dc6ba086eaa4e29567f95674");
    }

    @Test
    void hmacSha256_matchesRfc4231TestCase2() {
        byte[] mac = HmacSha256.mac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
