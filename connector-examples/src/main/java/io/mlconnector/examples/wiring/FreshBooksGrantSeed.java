package io.mlconnector.examples.wiring;

import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.crypto.ConstantTime;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.examples.config.EnvConfig;
import io.mlconnector.examples.config.Secret;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the configured FreshBooks refresh token into the credential store the first time it is seen. FreshBooks
 * refresh tokens are single use: after the first refresh the stored (rotated) grant is the only valid one, so the same
 * configured token must not overwrite it on the next start. A digest of the token that seeded the store is kept
 * beside the grant; a configured token with another digest is a new authorization and replaces the grant.
 */
final class FreshBooksGrantSeed {
    /** Credential kind holding the SHA-256 of the refresh token that seeded the stored grant. */
    static final String SEED_KIND = "freshbooks.seed";
    private static final Logger LOG = LoggerFactory.getLogger(FreshBooksGrantSeed.class);

    private FreshBooksGrantSeed() {
    }

    /**
     * Seeds or keeps the grant.
     *
     * @throws ConfigurationException when no grant is stored and no refresh token is configured
     */
    static void apply(FreshBooksTokenSource source, CredentialStore store, Secret configured) {
        CredentialKey seedKey = new CredentialKey(source.key().connectionId(), SEED_KIND);
        boolean stored = source.storedGrant().isPresent();
        if (configured == null) {
            if (!stored) {
                throw new ConfigurationException(EnvConfig.FB_REFRESH_TOKEN + " is required on the first start: no "
                        + "FreshBooks grant is stored in the data directory yet");
            }
            return;
        }
        byte[] digest = digest(configured.reveal());
        var seeded = store.load(seedKey);
        if (stored && seeded.isPresent() && ConstantTime.equals(seeded.get().value(), digest)) {
            LOG.debug("{} was used already; the stored (rotated) grant stays in force", EnvConfig.FB_REFRESH_TOKEN);
            return;
        }
        source.storeGrant(new OAuthTokens("", configured.reveal(), Instant.EPOCH, List.of(), "Bearer"));
        long version = seeded.map(StoredCredential::version).orElse(0L);
        store.compareAndSet(seedKey, version, digest);
        LOG.info("FreshBooks grant {} from {}", stored ? "replaced" : "stored", EnvConfig.FB_REFRESH_TOKEN);
    }

    private static byte[] digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
