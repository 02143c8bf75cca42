package io.mlconnector.benchmarks.world;

import io.mlconnector.benchmarks.world.Deliveries.Delivery;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;

/**
 * A sync engine wired for webhook intake only: the real FreshBooks and Procore parsers and verifiers, one connection
 * whose clients point at an unused loopback port (intake never calls a remote API, so nothing is sent), and a
 * state store chosen by the caller. Also builds rings of distinct, correctly signed deliveries.
 */
public final class IntakeWorld {
    public static final String ACCOUNT = "6BApk";
    public static final long BUSINESS = 6543;
    public static final long IDENTITY = 1234;
    public static final long COMPANY = 5358233;
    public static final long PROJECT = 316469;
    public static final String FB_VERIFIER = "fb-callback-verifier-8f2c1d";
    public static final String PC_SECRET = "pc-hook-secret-51c9e0";

    private static final String NOWHERE = "http://127.0.0.1:9";

    private IntakeWorld() {
    }

    /** The connection both sides' webhooks route to. */
    public static Connection connection() {
        FreshBooksClient fb = FreshBooksClient.builder().apiBaseUrl(NOWHERE).authBaseUrl(NOWHERE)
                .accessToken("unused").accountId(ACCOUNT).businessId(BUSINESS).build();
        ProcoreClient pc = ProcoreClient.builder().apiBaseUrl(NOWHERE).loginBaseUrl(NOWHERE).clientId("bench-app")
                .clientSecret("bench-app-secret").companyId(COMPANY).build();
        return Connection.builder().id("bench")
                .accounting(FreshBooksAccountingSystem.builder().client(fb).build())
                .projects(ProcoreProjectSystem.builder(pc).build())
                .accountingVerifier(FreshBooksWebhookVerifier.of(FB_VERIFIER))
                .projectVerifier(ProcoreWebhookVerifier.builder().secret(PC_SECRET).build())
                .build();
    }

    /** An engine over {@code state} with the real parsers; not started (intake only, no workers). */
    public static SyncEngine engine(SyncStateStore state, Connection connection) {
        return SyncEngine.builder().stateStore(state).mappingStore(new InMemoryMappingStore())
                .auditSink(new InMemoryAuditLog(1_000)).nodeId("bench-node")
                .freshBooksWebhookParser(new FreshBooksWebhookParser())
                .procoreWebhookParser(new ProcoreWebhookParser())
                .connection(connection).build();
    }

    /** An engine over a fresh in-memory state store. */
    public static SyncEngine inMemoryEngine(Connection connection) {
        return engine(new InMemorySyncStateStore(), connection);
    }

    /** {@code n} signed {@code bill.create} deliveries for bills {@code firstId, firstId+1, ...}. */
    public static WebhookRequest[] freshBooksRing(int n, long firstId) {
        return ring(n, i -> Deliveries.freshBooks(FB_VERIFIER, ACCOUNT, BUSINESS, IDENTITY, "bill.create", firstId + i));
    }

    /** {@code n} Procore change-order-package update events with distinct event ids. */
    public static WebhookRequest[] procoreRing(int n, long firstId) {
        return ring(n, i -> Deliveries.procore(PC_SECRET, COMPANY, PROJECT, "Change Order Packages", firstId + i,
                "update", 5_982_324_300_000_000_000L + firstId + i));
    }

    private static WebhookRequest[] ring(int n, java.util.function.IntFunction<Delivery> make) {
        WebhookRequest[] out = new WebhookRequest[n];
        for (int i = 0; i < n; i++) {
            out[i] = make.apply(i).request();
        }
        return out;
    }
}
