package io.mlconnector.core.webhook;

import io.mlconnector.core.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;

/** Signs payloads the way an HMAC-SHA256 sender would; for tests, sandboxes and local replays. */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    /**
     * Signature of {@code message} under {@code secret} (UTF-8) in the given encoding.
     *
     * @param secret the secret
     * @param message what went wrong
     * @param encoding the signature encoding
     * @return signature of {@code message} under {@code secret} (UTF-8) in the given encoding
     */
    public static String sign(String secret, byte[] message, SignatureEncoding encoding) {
        return encoding.encode(HmacSha256.mac(secret.getBytes(StandardCharsets.UTF_8), message));
    }
}
