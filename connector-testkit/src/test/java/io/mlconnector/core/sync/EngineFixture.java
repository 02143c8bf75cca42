package io.mlconnector.core.sync;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.HmacSha256Verifier;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.core.webhook.SignatureEncoding;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * One connection ("acme": FreshBooks account ACC1, Procore company 42) over the in-memory fake ports, shared
 * in-memory stores, a fake clock, a project "Tower" and a vendor mapped on both sides.
 */
final class EngineFixture {
    static final String CONNECTION = "acme";
    static final String ACCOUNT = "ACC1";
    static final long COMPANY = 42;
    static final String FB_SECRET = "fb-callback-verifier-secret";
    static final String PROCORE_SECRET = "procore-hook-secret";

    final MutableClock clock = MutableClock.at("2024-05-15T12:00:00Z");
    final InMemoryAccountingSystem fb = new InMemoryAccountingSystem(ACCOUNT, clock);
    final InMemoryProjectSystem pc = new InMemoryProjectSystem(COMPANY, clock);
    final SyncStateStore state = new InMemorySyncStateStore();
    final InMemoryMappingStore mappings = new InMemoryMappingStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final ProjectRef tower;
    final Vendor fbVendor;
    final Vendor pcVendor;

    EngineFixture() {
        fb.listChangedOverlap(Duration.ZERO);
        tower = pc.addProject("Tower");
        fbVendor = fb.addVendor("Acme Steel");
        pcVendor = pc.addVendor("Acme Steel Inc", null);
        map(MappingKind.VENDOR, fbVendor.ref().id(), pcVendor.ref().id());
        map(MappingKind.VENDOR_PROJECT, fbVendor.ref().id(), String.valueOf(tower.projectId()));
    }

    SyncPolicy.Builder policy() {
        return SyncPolicy.builder().backoffBase(Duration.ofSeconds(1)).backoffMax(Duration.ofMinutes(1))
                .maxAttempts(8).pollOverlap(Duration.ofMinutes(10));
    }

    Connection connection(SyncPolicy policy) {
        return Connection.builder().id(CONNECTION).accounting(fb).projects(pc)
                .accountingVerifier(HmacSha256Verifier.builder().headerName("X-FreshBooks-Hmac-SHA256")
                        .secret(FB_SECRET).encoding(SignatureEncoding.BASE64).build())
                .projectVerifier(SharedSecretHeaderVerifier.builder().headerName("Authorization").prefix("Bearer ")
                        .secret(PROCORE_SECRET).build())
                .policy(policy).build();
    }

    SyncEngine engine() {
        return engine(policy().build());
    }

    SyncEngine engine(SyncPolicy policy) {
        return engine(policy, "node-a", Runnable::run, b -> b);
    }

    SyncEngine engine(SyncPolicy policy, String nodeId, Executor executor, UnaryOperator<SyncEngine.Builder> extra) {
        return extra.apply(SyncEngine.builder().stateStore(state).mappingStore(mappings).auditSink(audit).clock(clock)
                .executor(executor).nodeId(nodeId).freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .procoreWebhookParser(TestWebhookParsers.procore()).connection(connection(policy))).build();
    }

    void map(MappingKind kind, String source, String target) {
        mappings.put(Mapping.confirmed(CONNECTION, kind, source, target));
    }

    void mapGl(String categoryId, String costCode, String costType) {
        mappings.put(new Mapping(CONNECTION, MappingKind.GL_ACCOUNT, categoryId, costCode,
                costType == null ? Map.of() : Map.of("costType", costType), MappingStatus.CONFIRMED, null, null));
    }

    // ---- webhooks

    WebhookRequest freshBooksWebhook(String event, String objectId) {
        String body = "name=" + event + "&object_id=" + objectId + "&account_id=" + ACCOUNT
                + "&business_id=6543&identity_id=1234&user_id=1";
        return signedFreshBooks(body, FB_SECRET);
    }

    WebhookRequest signedFreshBooks(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.of(Map.of("X-FreshBooks-Hmac-SHA256", WebhookSigner.sign(secret, bytes,
                SignatureEncoding.BASE64), "Content-Type", "application/x-www-form-urlencoded"), bytes);
    }

    WebhookRequest procoreWebhook(String ulid, String resourceName, String resourceId, long projectId,
                                  String sourceApplicationId) {
        String body = "{\"id\":" + Math.abs(ulid.hashCode()) + ",\"ulid\":\"" + ulid + "\",\"timestamp\":\"2024-05-15T12:00:00Z\","
                + "\"metadata\":{\"source_user_id\":1,\"source_project_id\":" + projectId
                + ",\"source_operation_id\":null,\"source_company_id\":" + COMPANY + ",\"source_application_id\":"
                + (sourceApplicationId == null ? "null" : "\"" + sourceApplicationId + "\"") + "},"
                + "\"user_id\":1,\"company_id\":" + COMPANY + ",\"project_id\":" + projectId
                + ",\"api_version\":\"v2.0\",\"event_type\":\"update\",\"resource_name\":\"" + resourceName
                + "\",\"resource_id\":" + resourceId + "}";
        return WebhookRequest.of(Map.of("Authorization", "Bearer " + PROCORE_SECRET,
                "Content-Type", "application/json"), body);
    }

    // ---- inspection

    List<AuditEvent> audits(AuditOutcome outcome) {
        return audit.all().stream().filter(e -> e.outcome() == outcome).toList();
    }

    List<AuditEvent> audits(String sourceRef) {
        return audit.all().stream().filter(e -> sourceRef.equals(e.sourceRef())).toList();
    }

    int items(WorkStatus status) {
        return state.items(CONNECTION, status).size();
    }

    String origin(String type, String id) {
        return "fb:" + ACCOUNT + ":" + type + ":" + id;
    }
}
