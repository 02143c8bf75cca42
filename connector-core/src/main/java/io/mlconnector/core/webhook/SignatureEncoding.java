package io.mlconnector.core.webhook;

import java.util.Base64;
import java.util.HexFormat;

/** How a signature header spells the MAC bytes. */
public enum SignatureEncoding {
    /** Standard Base64 with padding. */
    BASE64 {
        @Override
        public String encode(byte[] mac) {
            return Base64.getEncoder().encodeToString(mac);
        }
    },
    /** Lower-case hexadecimal. */
    HEX {
        @Override
        public String encode(byte[] mac) {
            return HexFormat.of().formatHex(mac);
        }
    };

    /**
     * The MAC as text, as the vendor sends it.
     *
     * @param mac the MAC bytes
     * @return the encoded MAC
     */
    public abstract String encode(byte[] mac);
}
