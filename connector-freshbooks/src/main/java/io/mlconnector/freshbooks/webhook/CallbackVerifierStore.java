package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.sync.WebhookHandshakeListener;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FreshBooks webhook verifier of one connection whose signing secrets (callback verifiers) can grow at run time:
 * every callback of that connection confirmed through a verification handshake adds its verifier, which is also saved
 * in the credential store (wrap it in {@code EncryptedCredentialStore}) under {@code (<connection>, }{@value #KIND}
 * {@code )}, so a restarted host keeps accepting that callback's deliveries. Until at least one verifier is known
 * every delivery is rejected as unsigned. Install it both as the connection's FreshBooks verifier and as (or behind)
 * the engine's {@link WebhookHandshakeListener}; confirmations of other connections are ignored. Thread-safe.
 *
 * <pre>{@code
 * CallbackVerifierStore verifiers = new CallbackVerifierStore(credentials, "acme", null);
 * Connection.builder().id("acme").accountingVerifier(verifiers)...;
 * SyncEngine.builder().handshakeListener(verifiers)...;
 * }</pre>
 */
public final class CallbackVerifierStore implements WebhookVerifier, WebhookHandshakeListener {
    /** Credential kind under which confirmed verifiers are stored (one per line). */
    public static final String KIND = "freshbooks.webhook-verifiers";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackVerifierStore.class);

    private final CredentialStore store;
    private final CredentialKey key;
    private final Set<String> verifiers = new LinkedHashSet<>();
    private volatile FreshBooksWebhookVerifier delegate;

    /**
     * Loads the verifiers stored for {@code connectionId} and adds {@code configured} (may be null).
     *
     * @param store        where confirmed verifiers are kept (encrypt it: a verifier signs deliveries)
     * @param connectionId the connection whose callbacks these are
     * @param configured   a verifier known from configuration, or null
     */
    public CallbackVerifierStore(CredentialStore store, String connectionId, String configured) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = new CredentialKey(connectionId, KIND);
        store.load(key).ifPresent(c -> verifiers.addAll(decode(c.value())));
        if (configured != null && !configured.isBlank()) {
            verifiers.add(configured.trim());
        }
        rebuild();
    }

    /**
     * The connection whose callbacks these are.
     *
     * @return the connection id
     */
    public String connectionId() {
        return key.connectionId();
    }

    /**
     * How many verifiers are active.
     *
     * @return the number of active verifiers
     */
    public synchronized int size() {
        return verifiers.size();
    }

    /**
     * Adds a verifier (e.g. from a confirmed handshake) and saves the set; a null, blank or known one is ignored.
     *
     * @param verifier the verifier FreshBooks sent
     */
    public synchronized void add(String verifier) {
        if (verifier == null || verifier.isBlank() || !verifiers.add(verifier)) {
            return;
        }
        rebuild();
        save();
    }

    @Override
    public void verify(WebhookRequest request) {
        FreshBooksWebhookVerifier d = delegate;
        if (d == null) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.INVALID_SIGNATURE,
                    "no FreshBooks callback is confirmed yet, so no delivery can be verified");
        }
        d.verify(request);
    }

    @Override
    public void onWebhookConfirmed(String connectionId, String callbackId, String verifier) {
        if (!key.connectionId().equals(connectionId)) {
            return; // another connection's callback: its verifier must not sign this connection's deliveries
        }
        LOG.info("FreshBooks callback {} of connection {} confirmed; its verifier is now active", callbackId,
                connectionId);
        add(verifier);
    }

    private void rebuild() {
        delegate = verifiers.isEmpty() ? null
                : FreshBooksWebhookVerifier.builder().verifiers(new ArrayList<>(verifiers)).build();
    }

    private void save() {
        byte[] value = String.join("\n", verifiers).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 3; attempt++) {
            long version = store.load(key).map(StoredCredential::version).orElse(0L);
            try {
                store.compareAndSet(key, version, value);
                return;
            } catch (CredentialConflictException e) {
                store.load(key).ifPresent(c -> verifiers.addAll(decode(c.value())));
                value = String.join("\n", verifiers).getBytes(StandardCharsets.UTF_8);
            }
        }
        LOG.warn("FreshBooks callback verifiers of {} not saved after concurrent changes; they stay active in memory",
                key.connectionId());
    }

    private static List<String> decode(byte[] value) {
        return Arrays.stream(new String(value, StandardCharsets.UTF_8).split("\n")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "CallbackVerifierStore[" + key.connectionId() + ", active=" + size() + "]";
    }
}
