package io.mlconnector.examples.wiring;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.examples.config.ProcoreSettings;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import java.time.Clock;
import java.util.Objects;

/**
 * The Procore side of a connection, wired from {@link ProcoreSettings}: a client-credentials client whose secret and
 * token live in the (encrypted) credential store, the engine's {@code ProjectSystem} port, and the verifier of our
 * hooks' {@code Authorization} header.
 *
 * @param client   the typed client bound to the company
 * @param projects the port the engine uses
 * @param verifier verifies deliveries of our hooks
 */
public record ProcoreSide(ProcoreClient client, ProcoreProjectSystem projects, ProcoreWebhookVerifier verifier) {
    /** The namespace our hooks are created in (and searched for undelivered events). */
    public static final String WEBHOOK_NAMESPACE = "ml-connector";

    /** Wires the side; makes no remote call. */
    public static ProcoreSide wire(ProcoreSettings s, CredentialStore store, Clock clock, RetryPolicy retry) {
        Objects.requireNonNull(s, "settings");
        ProcoreClient client = ProcoreClient.builder().apiBaseUrl(s.apiUrl().toString())
                .loginBaseUrl(s.loginUrl().toString()).clientId(s.clientId()).clientSecret(s.clientSecret().reveal())
                .companyId(s.companyId()).connectionId("procore-" + s.companyId()).credentialStore(store)
                .retryPolicy(retry).clock(clock).build();
        ProcoreProjectSystem projects = ProcoreProjectSystem.builder(client).webhookNamespace(WEBHOOK_NAMESPACE).build();
        ProcoreWebhookVerifier verifier = ProcoreWebhookVerifier.builder().secret(s.webhookSecret().reveal()).build();
        return new ProcoreSide(client, projects, verifier);
    }
}
