package io.mlconnector.procore.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection's service-account credentials and its current access token in a {@link CredentialStore}
 * (wrap the store in {@code EncryptedCredentialStore} so it only holds ciphertext). Credentials live under kind
 * {@value #CLIENT_KIND}, the token under {@value #TOKEN_KIND}.
 */
public final class ProcoreCredentialVault {
    /** Credential kind of the client id + secret. */
    public static final String CLIENT_KIND = "procore.client";
    /** Credential kind of the current access token. */
    public static final String TOKEN_KIND = "procore.token";
    private static final Logger LOG = LoggerFactory.getLogger(ProcoreCredentialVault.class);

    private final CredentialStore store;
    private final CredentialKey clientKey;
    private final CredentialKey tokenKey;
    private final ObjectMapper mapper;

    /**
     * Creates a {@code ProcoreCredentialVault}.
     *
     * @param store the credential store
     * @param connectionId the connection's id
     * @param mapper the JSON mapper to use
     */
    public ProcoreCredentialVault(CredentialStore store, String connectionId, ObjectMapper mapper) {
        this.store = Objects.requireNonNull(store, "store");
        this.clientKey = new CredentialKey(connectionId, CLIENT_KIND);
        this.tokenKey = new CredentialKey(connectionId, TOKEN_KIND);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Saves the client credentials unless the same ones are already stored.
     *
     * @param credentials supplies the current client credentials (read from the credential store on each call)
     */
    public void saveClient(ClientCredentials credentials) {
        Optional<StoredCredential> current = store.load(clientKey);
        if (current.isPresent() && credentials.equals(decodeClient(current.get()))) {
            return;
        }
        ObjectNode n = mapper.createObjectNode().put("client_id", credentials.clientId())
                .put("client_secret", credentials.clientSecret());
        try {
            store.compareAndSet(clientKey, current.map(StoredCredential::version).orElse(0L), bytes(n));
        } catch (CredentialConflictException e) {
            // another node saved credentials at the same moment; theirs win, ours are read back on next use
            LOG.debug("client credentials were saved concurrently for {}", clientKey);
        }
    }

    /**
     * The stored client credentials.
     *
     * @return the stored client credentials
     */
    public ClientCredentials client() {
        return store.load(clientKey).map(this::decodeClient).orElseThrow(() ->
                new ConfigurationException("no Procore client credentials stored for connection " + clientKey.connectionId()));
    }

    /**
     * The stored token, if any (expired or not).
     *
     * @return the stored token, if any (expired or not)
     */
    public Optional<AccessToken> token() {
        return store.load(tokenKey).flatMap(c -> {
            try {
                JsonNode n = mapper.readTree(c.value());
                return Optional.of(new AccessToken(n.path("access_token").asText(),
                        Instant.ofEpochSecond(n.path("expires_at").asLong())));
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring an unreadable stored Procore token for {}", tokenKey.connectionId());
                return Optional.empty();
            }
        });
    }

    /**
     * Stores {@code token} as the current one (last writer wins; a lost race is harmless).
     *
     * @param token the access token
     */
    public void saveToken(AccessToken token) {
        ObjectNode n = mapper.createObjectNode().put("access_token", token.value())
                .put("expires_at", token.expiresAt().getEpochSecond());
        long version = store.load(tokenKey).map(StoredCredential::version).orElse(0L);
        try {
            store.compareAndSet(tokenKey, version, bytes(n));
        } catch (CredentialConflictException e) {
            LOG.debug("token for {} was saved concurrently by another node", tokenKey.connectionId());
        }
    }

    private ClientCredentials decodeClient(StoredCredential c) {
        try {
            JsonNode n = mapper.readTree(c.value());
            return new ClientCredentials(n.path("client_id").asText(), n.path("client_secret").asText());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("stored Procore client credentials for " + clientKey.connectionId()
                    + " cannot be read", e);
        }
    }

    private byte[] bytes(ObjectNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }
}
