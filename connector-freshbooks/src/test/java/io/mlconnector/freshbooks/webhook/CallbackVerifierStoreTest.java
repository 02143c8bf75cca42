package io.mlconnector.freshbooks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackVerifierStoreTest {
    /** The worked example of api/freshbooks.md §5.5 (signature computed with CPython, not with this code). */
    private static final String DOC_VERIFIER = "scADVVi5QuKuj5qTjVkbJNYQe7V7USpGd";
    private static final String DOC_BODY =
            "name=invoice.create&object_id=1234567&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1";
    private static final String DOC_SIGNATURE = "/S03vyYmI7CekM4YXBHUhs9o5rnMtqGLrW3aA8S9gPc=";

    @TempDir
    Path dir;

    private EncryptedCredentialStore store() {
        return new EncryptedCredentialStore(new FileCredentialStore(dir),
                StaticKeyProvider.of(EncryptionKey.aes256("k1", new byte[32])));
    }

    private static WebhookRequest signed(String signature) {
        return WebhookRequest.of(Map.of("X-FreshBooks-Hmac-SHA256", signature), DOC_BODY);
    }

    @Test
    void beforeAnyConfirmedCallback_everyDeliveryIsRejected() {
        CallbackVerifierStore v = new CallbackVerifierStore(store(), "acme", null);
        assertThat(v.size()).isZero();
        assertThatThrownBy(() -> v.verify(signed(DOC_SIGNATURE))).isInstanceOf(WebhookVerificationException.class)
                .extracting(e -> ((WebhookVerificationException) e).reason())
                .isEqualTo(WebhookVerificationException.Reason.INVALID_SIGNATURE);
    }

    @Test
    void confirmedHandshake_activatesTheVerifier_andPersistsItEncrypted() throws Exception {
        CallbackVerifierStore v = new CallbackVerifierStore(store(), "acme", null);

        v.onWebhookConfirmed("acme", "2001", DOC_VERIFIER);

        v.verify(signed(DOC_SIGNATURE));
        assertThatThrownBy(() -> v.verify(signed("AAAA" + DOC_SIGNATURE.substring(4))))
                .isInstanceOf(WebhookVerificationException.class);
        CallbackVerifierStore restarted = new CallbackVerifierStore(store(), "acme", null);
        assertThat(restarted.size()).isEqualTo(1);
        restarted.verify(signed(DOC_SIGNATURE));
        assertThat(new CallbackVerifierStore(store(), "other-connection", null).size()).isZero();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(DOC_VERIFIER);
            }
        }
        assertThat(store().load(new CredentialKey("acme", CallbackVerifierStore.KIND))).isPresent();
    }

    @Test
    void configuredVerifier_isActiveAtOnce_andNotPrinted() {
        CallbackVerifierStore v = new CallbackVerifierStore(store(), "acme", DOC_VERIFIER);
        v.verify(signed(DOC_SIGNATURE));
        v.add(DOC_VERIFIER);
        assertThat(v.size()).isEqualTo(1);
        assertThat(v.toString()).doesNotContain(DOC_VERIFIER);
    }

    @Test
    void confirmationOfAnotherConnection_isIgnored() {
        CallbackVerifierStore v = new CallbackVerifierStore(store(), "acme", null);

        v.onWebhookConfirmed("other-connection", "2001", DOC_VERIFIER);

        assertThat(v.size()).isZero();
        assertThatThrownBy(() -> v.verify(signed(DOC_SIGNATURE))).isInstanceOf(WebhookVerificationException.class);
        assertThat(store().load(new CredentialKey("acme", CallbackVerifierStore.KIND))).isEmpty();
    }
}
