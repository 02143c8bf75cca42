package io.mlconnector.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a message under a key. */
public final class HmacSha256 {
    private HmacSha256() {
    }

    /**
     * The 32-byte MAC of {@code message} under {@code key}.
     *
     * @param key the key
     * @param message what went wrong
     * @return the 32-byte MAC of {@code message} under {@code key}
     */
    public static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
