package io.mlconnector.testkit.freshbooks;

import java.time.Instant;

/**
 * An access/refresh token pair issued by the FreshBooks sandbox.
 *
 * @param accessToken  bearer token for API calls
 * @param refreshToken single-use refresh token
 * @param expiresIn    access token lifetime in seconds
 * @param createdAt    issue time
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, Instant createdAt) {

    @Override
    public String toString() {
        return "TokenPair[accessToken=****, refreshToken=****, expiresIn=" + expiresIn + ", createdAt=" + createdAt
            + "]";
    }
}
