package io.mlconnector.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where two secrets first differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /**
     * Constant-time equality of two byte arrays (length is not hidden).
     *
     * @param a one array, may be null
     * @param b the other array, may be null
     * @return whether both are non-null and hold the same bytes
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Constant-time equality of two strings' UTF-8 bytes.
     *
     * @param a one string, may be null
     * @param b the other string, may be null
     * @return whether both are non-null and equal
     */
    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
