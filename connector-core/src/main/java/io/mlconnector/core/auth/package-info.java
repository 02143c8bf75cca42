/**
 * Credentials and tokens: the {@link io.mlconnector.core.auth.CredentialStore} SPI (versioned compare-and-set, so
 * one node wins each refresh-token rotation) with in-memory, file and encrypting implementations; encryption keys
 * and their {@link io.mlconnector.core.auth.KeyProvider}; and {@link io.mlconnector.core.auth.TokenManager}, which
 * caches an access token and refreshes it once for all callers, ahead of expiry. A refresh token that no longer
 * works ends in {@link io.mlconnector.core.auth.ReauthorizationRequiredException}.
 */
package io.mlconnector.core.auth;
