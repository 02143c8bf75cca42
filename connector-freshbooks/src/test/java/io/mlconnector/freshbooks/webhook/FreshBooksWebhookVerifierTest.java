package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.error.ConfigurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature cases. Every expected value is a literal: the worked vector of api/freshbooks.md §5.5, or computed
 * independently with CPython ({@code json.dumps(dict(parse_qsl(body)))}, {@code hmac}, {@code base64}).
 */
class FreshBooksWebhookVerifierTest {
    private static final String VERIFIER = "scADVVi5QuKuj5qTjVkbJNYQe7V7USpGd";
    private static final String BODY =
            "name=invoice.create&object_id=1234567&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1";

    private static WebhookRequest request(String body, String signature) {
        return WebhookRequest.of(Map.of("Content-Type", "application/x-www-form-urlencoded",
                FreshBooksWebhookVerifier.HEADER, signature), body);
    }

    private static Reason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (WebhookVerificationException e) {
            return e.reason();
        }
        throw new AssertionError("expected a WebhookVerificationException");
    }

    @Test
    void documentedWorkedVectorVerifies() {
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of(VERIFIER);
        assertThatCode(() -> v.verify(request(BODY, "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc=")))
                .doesNotThrowAnyException();
    }

    @Test
    void signedTextIsPythonJsonDumpsOfTheFieldsInBodyOrder() {
        byte[] first = FreshBooksWebhookVerifier.signedContent(request(BODY, "x")).get(0);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"invoice.create\", "
                + "\"object_id\": \"1234567\", \"account_id\": \"6BApk\", \"business_id\": \"6543\", "
                + "\"identity_id\": \"1234\", \"user_id\": \"1\"}");
    }

    @Test
    void documentedWrongVariantsAreRejected() {
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of(VERIFIER);
        // compact JSON and HMAC of the raw body (api/freshbooks.md §5.5 negative examples)
        assertThat(reasonOf(() -> v.verify(request(BODY, "ENwe/8MKygI95fsgnoIq4e1NnxOVl/8jdAncDoXm2/k="))))
                .isEqualTo(Reason.INVALID_SIGNATURE);
        assertThat(reasonOf(() -> v.verify(request(BODY, "53P2UswGzbvlPS2+pFzhcWDdnV4/8rAO0PI1mWr7nhA="))))
                .isEqualTo(Reason.INVALID_SIGNATURE);
        // the hex spelling of the right digest is not accepted either (Base64 only)
        assertThat(reasonOf(() -> v.verify(request(BODY,
                "fd2d37bf262623b09e90ce185c11d486cf68e6b9ccb6a18bad6dda03c4bd80f7")))).isEqualTo(Reason.INVALID_SIGNATURE);
    }

    @Test
    void documentedHandshakeExampleVerifiesWithItsVerifier() {
        String body = "name=callback.verify&object_id=2001&verifier=" + VERIFIER + "&account_id=6BApk";
        assertThatCode(() -> FreshBooksWebhookVerifier.of(VERIFIER)
                .verify(request(body, "oP1CMrpzY5TlbiDOJXiQT0FCoU+nwkUV8Sr2xKQGNcg="))).doesNotThrowAnyException();
    }

    @Test
    void nonAsciiValuesAreEscapedLikePythonIncludingSurrogatePairsQuotesBackslashAndControls() {
        // value: Café "Ünï" \ back/slash<TAB>tab<LF>nl<DEL>del<U+0001>ctl 😀 ✓ 中 ; key is also non-ASCII
        String body = "name=client.update&object_id=921895&account_id=p7rQW5&note=Caf%C3%A9%20%22%C3%9Cn%C3%AF%22%20"
                + "%5C%20back%2Fslash%09tab%0Anl%7Fdel%01ctl%20%F0%9F%98%80%20%E2%9C%93%20%E4%B8%AD";
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of("vérifier-ü-secret");
        assertThatCode(() -> v.verify(request(body, "CJPaHtetoz+nM306pkVUXAQPhlQwMmhKlgGmrPmzILI=")))
                .doesNotThrowAnyException();
        assertThat(new String(FreshBooksWebhookVerifier.signedContent(request(body, "x")).get(0), StandardCharsets.UTF_8))
                .endsWith("\"note\": \"Caf\\u00e9 \\\"\\u00dcn\\u00ef\\\" \\\\ back/slash\\ttab\\nnl\\u007fdel"
                        + "\\u0001ctl \\ud83d\\ude00 \\u2713 \\u4e2d\"}");
    }

    @Test
    void shortEscapesForBackspaceFormFeedAndCarriageReturn() {
        String body = "name=item.update&object_id=7&account_id=AB&memo=bs%08ff%0Ccr%0Dq%22";
        assertThatCode(() -> FreshBooksWebhookVerifier.of("k")
                .verify(request(body, "PCZZkB7b1ua03dzpSP8OEicQ1Frn3GB2Oa3uvfXXxRQ="))).doesNotThrowAnyException();
    }

    @Test
    void plusDecodesToSpaceAndEncodedPlusStaysPlus() {
        String body = "name=bill.update&object_id=43221133&account_id=6BApk&note=two+words%2Bplus";
        assertThatCode(() -> FreshBooksWebhookVerifier.of(VERIFIER)
                .verify(request(body, "4GNz/2ACgOwgnpRcZ22fbqrs0o/fkSbiGiaGlBoxutw="))).doesNotThrowAnyException();
    }

    @Test
    void reorderedFieldsVerifyThroughTheSortedKeysFallback() {
        String body = "user_id=1&name=bill.update&object_id=43221133&identity_id=1234&business_id=6543&account_id=6BApk";
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of(VERIFIER);
        // signed over json.dumps(..., sort_keys=True) although the body is in another order
        assertThatCode(() -> v.verify(request(body, "A+033D+lMfmzSZH5rz2FKMQxplbcOmFMaw4knlzcN6w=")))
                .doesNotThrowAnyException();
        // and the body-order signature of the same body also verifies
        assertThatCode(() -> v.verify(request(body, "xR+H35xnZ9iNEuymU7P0btNOL+AxcCibkOfU7Mi4Z98=")))
                .doesNotThrowAnyException();
    }

    @Test
    void tamperedBodyIsRejected() {
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of(VERIFIER);
        String tampered = BODY.replace("object_id=1234567", "object_id=1234568");
        assertThat(reasonOf(() -> v.verify(request(tampered, "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc="))))
                .isEqualTo(Reason.INVALID_SIGNATURE);
        String extraField = BODY + "&extra=1";
        assertThat(reasonOf(() -> v.verify(request(extraField, "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc="))))
                .isEqualTo(Reason.INVALID_SIGNATURE);
    }

    @Test
    void wrongVerifierIsRejectedAndAnyActiveVerifierIsAccepted() {
        assertThat(reasonOf(() -> FreshBooksWebhookVerifier.of("another-verifier")
                .verify(request(BODY, "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc=")))).isEqualTo(Reason.INVALID_SIGNATURE);
        FreshBooksWebhookVerifier two = FreshBooksWebhookVerifier.builder().verifier("another-verifier")
                .verifier(VERIFIER).build();
        assertThatCode(() -> two.verify(request(BODY, "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc=")))
                .doesNotThrowAnyException();
    }

    @Test
    void missingOrBlankHeaderIsRejectedAndHeaderNameIsCaseInsensitive() {
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.of(VERIFIER);
        assertThat(reasonOf(() -> v.verify(WebhookRequest.of(Map.of(), BODY)))).isEqualTo(Reason.MISSING_HEADER);
        assertThat(reasonOf(() -> v.verify(request(BODY, "  ")))).isEqualTo(Reason.MISSING_HEADER);
        assertThatCode(() -> v.verify(WebhookRequest.of(Map.of("x-freshbooks-hmac-sha256",
                "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc="), BODY))).doesNotThrowAnyException();
    }

    @Test
    void junkBodiesAreMalformedAndOversizedBodiesAreRefused() {
        FreshBooksWebhookVerifier v = FreshBooksWebhookVerifier.builder().verifier(VERIFIER).maxBodyBytes(200).build();
        assertThat(reasonOf(() -> v.verify(request("name=%zz&object_id=1", "abc=")))).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(reasonOf(() -> v.verify(WebhookRequest.of(Map.of(FreshBooksWebhookVerifier.HEADER, "abc="),
                new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28})))).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(reasonOf(() -> v.verify(request("", "abc=")))).isEqualTo(Reason.MALFORMED_BODY);
        assertThat(reasonOf(() -> v.verify(request("a=" + "x".repeat(300), "abc=")))).isEqualTo(Reason.BODY_TOO_LARGE);
    }

    @Test
    void configurationWithoutVerifierFailsAndToStringHidesSecrets() {
        assertThatThrownBy(() -> FreshBooksWebhookVerifier.builder().build()).isInstanceOf(ConfigurationException.class);
        assertThat(FreshBooksWebhookVerifier.of(VERIFIER).toString()).doesNotContain(VERIFIER);
    }
}
