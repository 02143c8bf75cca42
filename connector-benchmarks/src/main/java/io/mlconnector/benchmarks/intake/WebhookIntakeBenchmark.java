package io.mlconnector.benchmarks.intake;

import io.mlconnector.benchmarks.world.EmbeddedDatabase;
import io.mlconnector.benchmarks.world.IntakeWorld;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Webhook acknowledgement latency in process: one call of {@code onFreshBooksWebhook} / {@code onProcoreWebhook}
 * = parse, route, verify (HMAC-SHA256 over the Python-JSON rendering for FreshBooks, constant-time header compare for
 * Procore), enqueue into the state store, answer. Every call carries a distinct, correctly signed event, so every
 * call really enqueues (no duplicate short-cut); the queue starts empty at each iteration. Store: in-memory, or
 * {@code JdbcSyncStateStore} on a real (embedded) PostgreSQL through a small pool, one committed transaction per
 * enqueue. Run by {@link IntakeSuite} in SampleTime mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookIntakeBenchmark {
    /** Enough distinct deliveries that one iteration never wraps around to an already queued one. */
    static final int RING = 100_000;

    @Param({"memory", "postgres"})
    public String store;

    private Connection connection;
    private EmbeddedDatabase database;
    private SyncEngine engine;
    private WebhookRequest[] ring;
    private int next;
    private int calls;

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) throws Exception {
        connection = IntakeWorld.connection();
        boolean freshBooks = params.getBenchmark().endsWith("freshBooks");
        ring = freshBooks ? IntakeWorld.freshBooksRing(RING, 40_000_000L) : IntakeWorld.procoreRing(RING, 90_000_000L);
        if ("postgres".equals(store)) {
            database = EmbeddedDatabase.start(4);
            engine = IntakeWorld.engine(database.stateStore(), connection);
        }
    }

    @Setup(Level.Iteration)
    public void emptyQueue() {
        if (database != null) {
            database.execute("TRUNCATE mlc_work_item");
            database.execute("VACUUM ANALYZE mlc_work_item");
        } else {
            engine = IntakeWorld.inMemoryEngine(connection);
        }
        next = 0;
        calls = 0;
    }

    @TearDown(Level.Iteration)
    public void checkRing() {
        if (calls > RING) {
            System.out.println("WARNING: " + calls + " calls in one iteration exceed the " + RING
                    + " distinct deliveries; the excess were duplicates");
        }
    }

    @TearDown(Level.Trial)
    public void stopTrial() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private WebhookRequest nextDelivery() {
        WebhookRequest r = ring[next];
        next = next + 1 == ring.length ? 0 : next + 1;
        calls++;
        return r;
    }

    @Benchmark
    public WebhookResponse freshBooks() {
        return engine.onFreshBooksWebhook(nextDelivery());
    }

    @Benchmark
    public WebhookResponse procore() {
        return engine.onProcoreWebhook(nextDelivery());
    }
}
