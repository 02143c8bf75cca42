package io.mlconnector.examples.config;

import io.mlconnector.core.crypto.ConstantTime;

/**
 * How the example host's operator routes ({@code /audit}, {@code /flags}, {@code /replay}, {@code /reconcile}) are
 * guarded besides answering loopback clients only: by a bearer token ({@code MLC_ADMIN_TOKEN}), or, only when the
 * operator said so explicitly ({@code MLC_ADMIN_AUTH=disabled}), by nothing more. Behind a reverse proxy on the same
 * machine every request comes from loopback, which is why the token is required by default.
 *
 * @param token the bearer token operator requests must present; null when explicitly disabled
 */
public record AdminAccess(Secret token) {
    /** The shortest token accepted: long enough that it cannot be guessed online. */
    public static final int MIN_TOKEN_LENGTH = 24;

    public AdminAccess {
        if (token != null && token.reveal().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_TOKEN_LENGTH
                    + " characters");
        }
    }

    /** Operator requests need {@code Authorization: Bearer <token>}. */
    public static AdminAccess bearer(Secret token) {
        return new AdminAccess(java.util.Objects.requireNonNull(token, "token"));
    }

    /** No token: loopback clients only (explicit opt-out). */
    public static AdminAccess disabled() {
        return new AdminAccess(null);
    }

    /** Whether a token is required. */
    public boolean tokenRequired() {
        return token != null;
    }

    /**
     * Whether an {@code Authorization} header value carries the token (constant-time comparison); always true when
     * no token is required.
     */
    public boolean accepts(String authorizationHeader) {
        if (token == null) {
            return true;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return ConstantTime.equals(authorizationHeader.substring(7).trim(), token.reveal());
    }
}
