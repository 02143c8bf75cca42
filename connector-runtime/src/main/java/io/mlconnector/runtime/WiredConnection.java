package io.mlconnector.runtime;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.auth.FreshBooksGrantSeed;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.webhook.CallbackVerifierStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import java.time.Clock;
import java.util.List;

/**
 * One connection wired from its {@link ConnectionSettings}: both clients over the shared transport with their
 * credentials in the (encrypted) credential store, both ports, and both webhook verifiers.
 *
 * @param connection the connection as the engine uses it
 * @param freshBooks the FreshBooks client bound to the business
 * @param procore    the Procore client bound to the company
 * @param verifiers  the FreshBooks callback verifiers of the connection (grow with each confirmed handshake)
 */
record WiredConnection(Connection connection, FreshBooksClient freshBooks, ProcoreClient procore,
                       CallbackVerifierStore verifiers, FreshBooksTokenSource grant) {
    /** Namespace of the Procore hooks the connector creates (and searches for undelivered events). */
    static final String WEBHOOK_NAMESPACE = "ml-connector";

    /**
     * Wires a connection. The only remote call is the exchange of an authorization code, when one is given.
     *
     * @throws io.mlconnector.core.error.ConfigurationException when no FreshBooks grant is stored and none is given
     */
    static WiredConnection wire(ConnectionSettings s, FreshBooksApp fbApp, ProcoreServiceAccount pcApp,
                                CredentialStore credentials, HttpTransport transport, Clock clock,
                                List<ConnectorListener> listeners) {
        FreshBooksOAuth oauth = FreshBooksOAuth.builder().clientId(fbApp.clientId())
                .clientSecret(fbApp.clientSecret()).redirectUri(fbApp.redirectUri()).apiBaseUrl(fbApp.apiBaseUrl())
                .authBaseUrl(fbApp.authBaseUrl()).transport(transport).clock(clock).build();
        FreshBooksTokenSource tokens = FreshBooksTokenSource.builder().oauth(oauth).store(credentials)
                .key(FreshBooksTokenSource.keyFor(s.id())).clock(clock).build();
        if (s.freshBooksAuthorizationCode() != null) {
            FreshBooksGrantSeed.authorize(tokens, oauth, s.freshBooksAuthorizationCode());
        } else {
            FreshBooksGrantSeed.seed(tokens, credentials, s.freshBooksRefreshToken());
        }
        FreshBooksClient.Builder fbb = FreshBooksClient.builder().apiBaseUrl(fbApp.apiBaseUrl())
                .authBaseUrl(fbApp.authBaseUrl()).tokenSource(tokens).transport(transport).clock(clock)
                .accountId(s.freshBooksAccountId()).businessId(s.freshBooksBusinessId());
        ProcoreClient.Builder pcb = ProcoreClient.builder();
        for (ConnectorListener l : listeners) {
            fbb.listener(l);
            pcb.listener(l);
        }
        FreshBooksClient fb = fbb.build();
        ProcoreClient pc = pcb.apiBaseUrl(pcApp.apiBaseUrl()).loginBaseUrl(pcApp.loginBaseUrl())
                .clientId(pcApp.clientId()).clientSecret(pcApp.clientSecret()).companyId(s.procoreCompanyId())
                .connectionId(s.id()).credentialStore(credentials).transport(transport).clock(clock).build();
        CallbackVerifierStore verifiers = new CallbackVerifierStore(credentials, s.id(),
                s.freshBooksCallbackVerifier());
        Connection connection = Connection.builder().id(s.id())
                .accounting(FreshBooksAccountingSystem.builder().client(fb).build())
                .projects(ProcoreProjectSystem.builder(pc).webhookNamespace(WEBHOOK_NAMESPACE).build())
                .accountingVerifier(verifiers)
                .projectVerifier(ProcoreWebhookVerifier.builder().secret(s.procoreWebhookSecret()).build())
                .policy(s.policy()).build();
        return new WiredConnection(connection, fb, pc, verifiers, tokens);
    }
}
