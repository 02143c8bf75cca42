package io.mlconnector.freshbooks.auth;

import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.crypto.ConstantTime;
import io.mlconnector.core.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a FreshBooks grant gets into the credential store: from an authorization code (the OAuth redirect of a user
 * connecting their account, {@link #authorize}) or from a refresh token handed over in configuration
 * ({@link #seed}).
 *
 * <p>FreshBooks refresh tokens are single use: after the first refresh the stored (rotated) grant is the only valid
 * one, so the same configured token must not overwrite it on the next start. {@link #seed} keeps a SHA-256 digest of
 * the token that seeded the store beside the grant (credential kind {@value #SEED_KIND}); a configured token with the
 * same digest leaves the stored grant alone, one with another digest is a new authorization and replaces it.
 *
 * <pre>{@code
 * // in the OAuth redirect handler, once per user:
 * FreshBooksGrantSeed.authorize(tokenSource, oauth, request.getParameter("code"));
 * // or, at every start, from configuration:
 * FreshBooksGrantSeed.seed(tokenSource, credentials, System.getenv("FRESHBOOKS_REFRESH_TOKEN"));
 * }</pre>
 */
public final class FreshBooksGrantSeed {
    /** Credential kind holding the SHA-256 (hex) of the refresh token that seeded the stored grant. */
    public static final String SEED_KIND = "freshbooks.seed";
    private static final Logger LOG = LoggerFactory.getLogger(FreshBooksGrantSeed.class);

    /** What {@link #seed} did. */
    public enum Outcome {
        /** No grant was stored; the configured token is now the grant. */
        STORED,
        /** A grant was stored, but the configured token is a new authorization and replaced it. */
        REPLACED,
        /** The stored grant stays in force (no token configured, or the configured one was used already). */
        KEPT
    }

    private FreshBooksGrantSeed() {
    }

    /**
     * Seeds or keeps the grant of {@code source} from a configured refresh token. Makes no remote call.
     *
     * @param source       the token source whose grant is seeded
     * @param store        the credential store the source keeps its grant in (the seed digest goes beside it)
     * @param refreshToken the configured refresh token, or null/blank when none is configured
     * @return whether the token was stored as the grant, replaced the stored grant, or left it in force
     * @throws ConfigurationException when no grant is stored and no refresh token is given
     */
    public static Outcome seed(FreshBooksTokenSource source, CredentialStore store, String refreshToken) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(store, "store");
        CredentialKey seedKey = new CredentialKey(source.key().connectionId(), SEED_KIND);
        boolean stored = source.storedGrant().isPresent();
        if (refreshToken == null || refreshToken.isBlank()) {
            if (!stored) {
                throw new ConfigurationException("no FreshBooks grant is stored for " + source.key().connectionId()
                        + " yet: authorize the account (authorization code) or give a refresh token");
            }
            return Outcome.KEPT;
        }
        String token = refreshToken.trim();
        byte[] digest = digest(token);
        var seeded = store.load(seedKey);
        if (stored && seeded.isPresent() && ConstantTime.equals(seeded.get().value(), digest)) {
            LOG.debug("the configured FreshBooks refresh token was used already; the stored grant stays in force");
            return Outcome.KEPT;
        }
        source.storeGrant(new OAuthTokens("", token, Instant.EPOCH, List.of(), "Bearer"));
        long version = seeded.map(StoredCredential::version).orElse(0L);
        store.compareAndSet(seedKey, version, digest);
        LOG.info("FreshBooks grant of {} {} from the configured refresh token", source.key().connectionId(),
                stored ? "replaced" : "stored");
        return stored ? Outcome.REPLACED : Outcome.STORED;
    }

    /**
     * Exchanges an authorization code (valid 5 minutes, single use) for the first token pair and stores it as the
     * grant of {@code source}, replacing any grant stored before. Calls FreshBooks' token endpoint once.
     *
     * @param source the token source that will use the grant
     * @param oauth  the app's OAuth client (its redirect URI must be the one the code was issued for)
     * @param code   the {@code code} parameter of the OAuth redirect
     * @return the new token pair (already stored)
     * @throws ConfigurationException when the code is blank or FreshBooks rejects the app's credentials
     */
    public static OAuthTokens authorize(FreshBooksTokenSource source, FreshBooksOAuth oauth, String code) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(oauth, "oauth");
        if (code == null || code.isBlank()) {
            throw new ConfigurationException("a FreshBooks authorization code is required");
        }
        OAuthTokens tokens = oauth.exchangeCode(code.trim());
        source.storeGrant(tokens);
        LOG.info("FreshBooks grant of {} stored from an authorization code", source.key().connectionId());
        return tokens;
    }

    private static byte[] digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
