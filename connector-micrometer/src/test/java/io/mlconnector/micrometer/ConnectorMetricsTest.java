package io.mlconnector.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.ReauthorizationRequiredException;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.FakeSleeper;
import io.mlconnector.core.http.HeaderRateLimiter;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.testkit.ports.Faults;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.WebhookRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real engine over the in-memory ports, a real transport against a loopback server and a token manager, all
 * reporting to one {@link ConnectorMetrics} in a {@link SimpleMeterRegistry}: every meter the README lists shows the
 * figures of what happened, and the test prints them.
 */
class ConnectorMetricsTest {
    private static final String CONN = "acme";
    private static final String ACCOUNT = "ACC1";
    private static final long COMPANY = 42;

    private final MutableClock clock = MutableClock.at("2024-05-15T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConnectorMetrics metrics = ConnectorMetrics.builder(registry).healthMaxAge(Duration.ZERO).build();
    private final InMemoryAccountingSystem fb = new InMemoryAccountingSystem(ACCOUNT, clock);
    private final InMemoryProjectSystem pc = new InMemoryProjectSystem(COMPANY, clock);
    private final InMemoryMappingStore mappings = new InMemoryMappingStore();
    private HttpServer server;
    private SyncEngine engine;
    private Vendor fbVendor;
    private String gl;
    private ProjectRef tower;

    @BeforeEach
    void setUp() throws IOException {
        fb.listChangedOverlap(Duration.ZERO);
        tower = pc.addProject("Tower");
        fbVendor = fb.addVendor("Acme Steel");
        Vendor pcVendor = pc.addVendor("Acme Steel Inc", null);
        GlAccount concrete = fb.addGlAccount("Concrete", "5100");
        gl = concrete.ref().id();
        mappings.put(Mapping.confirmed(CONN, MappingKind.VENDOR, fbVendor.ref().id(), pcVendor.ref().id()));
        mappings.put(Mapping.confirmed(CONN, MappingKind.VENDOR_PROJECT, fbVendor.ref().id(),
                String.valueOf(tower.projectId())));
        mappings.put(new Mapping(CONN, MappingKind.GL_ACCOUNT, gl, "03-300", Map.of("costType", "M"),
                MappingStatus.CONFIRMED, null, null));
        WebhookParser freshBooks = r -> { // body: <resource>:<id>
            String[] p = r.bodyAsString().split(":");
            return new InboundEvent(ACCOUNT, new ExternalRef("freshbooks", p[0], p[1]), "create", null, null, false,
                    Map.of("resource", p[0]));
        };
        WebhookParser procore = r -> { // body: change_order:<id>:<project>:<source application>
            String[] p = r.bodyAsString().split(":");
            return new InboundEvent(String.valueOf(COMPANY), new ExternalRef("procore", p[0], p[1]), "update",
                    "ev-" + p[1], p[2], false, Map.of("resource_name", "Change Order Packages",
                    "source_application_id", p[3]));
        };
        engine = SyncEngine.builder().stateStore(new InMemorySyncStateStore()).mappingStore(mappings)
                .auditSink(new InMemoryAuditLog()).clock(clock).nodeId("node-a").listener(metrics)
                .freshBooksWebhookParser(freshBooks).procoreWebhookParser(procore)
                .connection(Connection.builder().id(CONN).accounting(fb).projects(pc)
                        .accountingVerifier(r -> { }).projectVerifier(r -> { })
                        .policy(SyncPolicy.builder().enabledStreams(Set.of(SourceStream.BILLS))
                                .backoffBase(Duration.ofSeconds(1)).backoffMax(Duration.ofMinutes(1)).maxAttempts(2)
                                .build()).build())
                .build();
        metrics.bindHealth(engine::health);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private SourceDocument bill(String vendorId) {
        return fb.bill(vendorId).number("B").issued(LocalDate.of(2024, 5, 10)).line(gl, "pour", "100.00").save();
    }

    private void webhook(SourceDocument bill) {
        engine.onFreshBooksWebhook(WebhookRequest.of(Map.of(), "bill:" + bill.ref().id()));
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private long timed(String name, String... tags) {
        return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void engineAndHttpFigures_becomeTheDocumentedMeters() throws Exception {
        // ---- engine: a poll, one posted, one flagged, one retried then dead-lettered, a duplicate and an echo
        bill(fbVendor.ref().id());
        engine.pollOnce(CONN);
        engine.drain();
        webhook(bill(fb.addVendor("Nobody Ltd").ref().id()));
        engine.drain();
        SourceDocument broken = bill(fbVendor.ref().id());
        fb.failNext("fetchBill", 2, Faults.serverError());
        webhook(broken);
        webhook(broken);
        engine.drain();
        clock.advance(Duration.ofMinutes(2));
        engine.drain();
        ChangeOrder co = pc.changeOrder(tower).line("03-300", null, "x", "10").save();
        engine.onProcoreWebhook(WebhookRequest.of(Map.of(), "change_order:" + co.ref().id() + ":"
                + tower.projectId() + ":" + pc.applicationId()));
        fb.failNext("listChanged", 1, () -> new ReauthorizationRequiredException("grant revoked (test)"));
        engine.pollOnce(CONN);

        // ---- HTTP: a 429 with the budget spent, a retry, a rate-limit wait, then 200
        long reset = clock.instant().getEpochSecond() + 3;
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/v1.0/projects", ex -> {
            boolean first = calls.getAndIncrement() == 0;
            ex.getResponseHeaders().add("X-Rate-Limit-Limit", "3600");
            ex.getResponseHeaders().add("X-Rate-Limit-Remaining", first ? "0" : "3599");
            ex.getResponseHeaders().add("X-Rate-Limit-Reset", String.valueOf(first ? reset : reset + 3600));
            if (first) {
                ex.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(first ? 429 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        FakeSleeper sleeper = new FakeSleeper(clock);
        HttpTransport http = HttpTransport.builder().clock(clock).sleeper(sleeper).system("procore")
                .rateLimiter(HeaderRateLimiter.builder().clock(clock).sleeper(sleeper).build()).listener(metrics).build();
        http.send(ApiRequest.builder(HttpMethod.GET, URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/rest/v1.0/projects/316469")).build());
        TokenManager tokens = TokenManager.builder().clock(clock).system("procore").listener(metrics)
                .source(() -> new AccessToken("t", clock.instant().plusSeconds(5400))).build();
        tokens.token();

        // ---- what an operator sees
        print();
        assertThat(timed(ConnectorMetrics.POLL, "connection", CONN, "stream", "bills", "outcome", "succeeded"))
                .isEqualTo(1);
        assertThat(timed(ConnectorMetrics.POLL, "outcome", "failed")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.POLL_RECORDS, "stream", "bills")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "connection", CONN, "type", "freshbooks.bill", "outcome", "posted"))
                .isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "outcome", "flagged")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "outcome", "retried")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "outcome", "dead_lettered")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "outcome", "skipped_duplicate")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.WORK, "type", "procore.change_order", "outcome", "skipped_echo"))
                .isEqualTo(1);
        assertThat(timed(ConnectorMetrics.WORK_DURATION, "type", "freshbooks.bill")).as("posted, flagged, retried, dead")
                .isEqualTo(4);
        assertThat(count(ConnectorMetrics.REAUTHORIZATION, "connection", CONN)).isEqualTo(1);

        assertThat(timed(ConnectorMetrics.HTTP_REQUESTS, "system", "procore", "method", "GET", "status", "429",
                "uri", "/rest/v1.0/projects/{id}")).isEqualTo(1);
        assertThat(timed(ConnectorMetrics.HTTP_REQUESTS, "status", "200")).isEqualTo(1);
        assertThat(count(ConnectorMetrics.HTTP_RETRIES, "system", "procore", "status", "429")).isEqualTo(1);
        Timer waits = registry.get(ConnectorMetrics.RATELIMIT_WAIT).tags("system", "procore").timer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(2.0); // reset in 3 s, 1 s already slept for Retry-After
        assertThat(gauge(ConnectorMetrics.RATELIMIT_REMAINING, "system", "procore")).isEqualTo(3599);
        assertThat(count(ConnectorMetrics.TOKEN_REFRESHES, "system", "procore", "outcome", "refreshed")).isEqualTo(1);

        assertThat(gauge(ConnectorMetrics.QUEUE_DEPTH, "status", "done")).isEqualTo(1);
        assertThat(gauge(ConnectorMetrics.QUEUE_DEPTH, "status", "parked")).isEqualTo(1);
        assertThat(gauge(ConnectorMetrics.QUEUE_DEPTH, "status", "dead")).isEqualTo(1);
        assertThat(gauge(ConnectorMetrics.QUEUE_DEPTH, "status", "ready")).isZero();
        assertThat(gauge(ConnectorMetrics.REAUTHORIZATION_PENDING)).isEqualTo(1);
        assertThat(gauge(ConnectorMetrics.HEALTH)).as("its only connection needs re-authorization: down").isEqualTo(2);

        // a new item waiting shows in the depth and the age of the oldest ready item
        webhook(bill(fbVendor.ref().id()));
        clock.advance(Duration.ofMinutes(3));
        assertThat(gauge(ConnectorMetrics.QUEUE_DEPTH, "status", "ready")).isEqualTo(1);
        assertThat(gauge(ConnectorMetrics.QUEUE_OLDEST_READY_AGE)).isEqualTo(180);
    }

    @Test
    void healthGauges_shareOneReportPerMaxAge_byTheRegistryClock() {
        AtomicInteger reads = new AtomicInteger();
        io.micrometer.core.instrument.MockClock mock = new io.micrometer.core.instrument.MockClock();
        SimpleMeterRegistry r = new SimpleMeterRegistry(io.micrometer.core.instrument.simple.SimpleConfig.DEFAULT,
                mock);
        ConnectorMetrics.builder(r).healthMaxAge(Duration.ofSeconds(5)).build().bindHealth(() -> {
            reads.incrementAndGet();
            return engine.health();
        });

        r.getMeters().stream().filter(m -> m.getId().getType() == Meter.Type.GAUGE)
                .forEach(m -> m.measure().forEach(io.micrometer.core.instrument.Measurement::getValue));
        assertThat(reads).hasValue(1);
        mock.add(Duration.ofSeconds(6));
        r.get(ConnectorMetrics.HEALTH).gauge().value();
        assertThat(reads).hasValue(2);
    }

    private void print() {
        System.out.println("connector-micrometer figures:");
        registry.getMeters().stream().sorted(Comparator.comparing((Meter m) -> m.getId().getName())
                        .thenComparing(m -> m.getId().getTags().toString()))
                .forEach(m -> System.out.println("  " + m.getId().getName() + " " + m.getId().getTags() + " "
                        + m.measure()));
    }
}
