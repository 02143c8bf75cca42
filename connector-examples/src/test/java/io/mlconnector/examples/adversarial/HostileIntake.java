package io.mlconnector.examples.adversarial;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine wired as a host wires it (the real FreshBooks and Procore parsers and verifiers, in-memory stores), with
 * its parsers counted: how many requests were parsed and the most bytes one parse read. What the adversarial suite
 * throws requests at.
 */
final class HostileIntake {
    static final String ACCOUNT = "6BApk";
    static final long COMPANY = 4000000002L;
    static final String FB_SECRET = "fb-callback-verifier-7c1e2d";
    static final String PC_SECRET = "pc-hook-secret-93ab0f11e5";
    static final String CONNECTION = "acme";

    final MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
    final InMemorySyncStateStore state = new InMemorySyncStateStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog(100_000);
    final InMemoryAccountingSystem fb = new InMemoryAccountingSystem(ACCOUNT, clock);
    final CountingParser freshBooksParser = new CountingParser(new FreshBooksWebhookParser());
    final CountingParser procoreParser = new CountingParser(new ProcoreWebhookParser());
    final SyncEngine engine;

    HostileIntake() {
        engine = SyncEngine.builder().stateStore(state).mappingStore(new InMemoryMappingStore()).auditSink(audit)
                .clock(clock).executor(Runnable::run).nodeId("node-a")
                .freshBooksWebhookParser(freshBooksParser).procoreWebhookParser(procoreParser)
                .connection(Connection.builder().id(CONNECTION).accounting(fb)
                        .projects(new InMemoryProjectSystem(COMPANY, clock))
                        .accountingVerifier(FreshBooksWebhookVerifier.of(FB_SECRET))
                        .projectVerifier(ProcoreWebhookVerifier.builder().secret(PC_SECRET).build())
                        .build())
                .build();
    }

    /** Work items in any status. */
    long queued() {
        long n = 0;
        for (WorkStatus s : WorkStatus.values()) {
            n += state.count(s);
        }
        return n;
    }

    long rejectionsAudited() {
        return audit.all().stream().filter(e -> e.outcome() == AuditOutcome.WEBHOOK_REJECTED).count();
    }

    long auditBytes() {
        return audit.all().stream().mapToLong(HostileIntake::size).sum();
    }

    private static long size(AuditEvent e) {
        long n = String.valueOf(e.reason()).length() + String.valueOf(e.sourceRef()).length();
        for (var d : e.details().entrySet()) {
            n += d.getKey().length() + d.getValue().length();
        }
        return n;
    }

    /** A parser that counts its calls and the largest body it was handed. */
    static final class CountingParser implements WebhookParser {
        private final WebhookParser delegate;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong maxBytes = new AtomicLong();

        CountingParser(WebhookParser delegate) {
            this.delegate = delegate;
        }

        @Override
        public InboundEvent parse(WebhookRequest request) {
            calls.incrementAndGet();
            maxBytes.accumulateAndGet(request.bodyLength(), Math::max);
            return delegate.parse(request);
        }
    }

    /** A Procore event body for our company (valid unless tampered with). */
    static String procoreEvent(String ulid, String resourceName, long resourceId) {
        return "{\"id\":1,\"ulid\":\"" + ulid + "\",\"timestamp\":\"2026-03-02T15:00:00Z\",\"user_id\":1,"
                + "\"company_id\":" + COMPANY + ",\"project_id\":77,\"api_version\":\"v3.0\",\"event_type\":\"update\","
                + "\"resource_name\":\"" + resourceName + "\",\"resource_id\":" + resourceId + "}";
    }

    static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
