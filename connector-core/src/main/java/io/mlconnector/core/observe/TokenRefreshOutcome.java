package io.mlconnector.core.observe;

/** How a token refresh ended ({@link TokenRefreshEvent}). */
public enum TokenRefreshOutcome {
    /** A new access token was obtained. */
    REFRESHED,
    /** The refresh failed for a reason that may pass (network, server error); the next call tries again. */
    FAILED,
    /** The grant is dead (refresh token used or revoked): a person must authorize the app again. */
    REAUTHORIZATION_REQUIRED
}
