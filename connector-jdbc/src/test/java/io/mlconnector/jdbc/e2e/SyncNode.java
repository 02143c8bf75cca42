package io.mlconnector.jdbc.e2e;

import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.HeaderRateLimiter;
import io.mlconnector.core.http.RateLimiter;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.jdbc.JdbcAuditLog;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One host instance: a {@link SyncEngine} with its own FreshBooks and Procore clients (pointed at the sandboxes), its
 * own store instances over its own way into the shared PostgreSQL database, its own scheduler and worker pool.
 *
 * <p>{@link #killAfterNextCreate()} arms a crash at the worst moment for exactly-once: right after Procore answered
 * {@code 201 Created} for an object this node posted, before the node could record it, while it holds the rest of
 * its claimed batch leased. The node dies — its database access is cut, its scheduler is shut down without
 * draining, its worker pool takes no more work. Items already queued in its pool run against the dead database and
 * change nothing; {@link #awaitGone} waits until none of its threads runs any more.
 */
final class SyncNode implements AutoCloseable {
    private final String id;
    private final KillSwitchDataSource database;
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor workers;
    private final SyncEngine engine;
    private final AtomicBoolean killArmed = new AtomicBoolean();
    private final CountDownLatch killed = new CountDownLatch(1);
    private volatile boolean dead;

    SyncNode(String id, BillWorld world, Clock clock, SyncPolicy policy, int workerThreads) {
        this.id = id;
        this.database = new KillSwitchDataSource(world.db.dataSource());
        this.scheduler = Executors.newScheduledThreadPool(2, threads(id + "-scheduler"));
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(id + "-worker"));
        String prefix = world.db.tablePrefix();

        FreshBooksTokenSource grant = world.tokenSource(database);
        FreshBooksClient freshBooks = FreshBooksClient.builder().apiBaseUrl(world.fb.baseUrl())
                .authBaseUrl(world.fb.baseUrl()).tokenSource(grant).accountId(world.accountId())
                .businessId(world.fb.identity().businessId()).businessUuid(world.fb.identity().businessUuid()).build();
        ProcoreClient procore = ProcoreClient.builder().apiBaseUrl(world.pc.baseUrl()).loginBaseUrl(world.pc.baseUrl())
                .clientId(world.pc.clientId()).clientSecret(world.pc.clientSecret()).companyId(world.company.id())
                .connectionId(BillWorld.PROCORE_CONNECTION).credentialStore(world.credentialStore(database))
                .rateLimiter(new CreateObserver(HeaderRateLimiter.builder().build(), this::onProcoreResponse)).build();

        this.engine = SyncEngine.builder()
                .nodeId(id)
                .clock(clock)
                .executor(this::runOnWorkers)
                .stateStore(JdbcSyncStateStore.builder().dataSource(database).tablePrefix(prefix).build())
                .mappingStore(JdbcMappingStore.builder().dataSource(database).tablePrefix(prefix).build())
                .auditSink(JdbcAuditLog.builder().dataSource(database).tablePrefix(prefix).build())
                .freshBooksWebhookParser(new FreshBooksWebhookParser())
                .procoreWebhookParser(new ProcoreWebhookParser())
                .defaultPolicy(policy)
                .connection(Connection.builder()
                        .id(BillWorld.CONNECTION)
                        .accounting(FreshBooksAccountingSystem.builder().client(freshBooks).build())
                        .projects(ProcoreProjectSystem.builder(procore).build())
                        .accountingVerifier(FreshBooksWebhookVerifier.of(world.callbackVerifier))
                        .projectVerifier(ProcoreWebhookVerifier.builder().secret(world.procoreHookSecret).build())
                        .policy(policy)
                        .build())
                .build();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    String id() {
        return id;
    }

    SyncEngine engine() {
        return engine;
    }

    boolean isDead() {
        return dead;
    }

    /** Polls and worker passes on this node's scheduler, as a host would run it. */
    void start() {
        engine.start(scheduler);
    }

    /** Hands a webhook to this node, as the host's HTTP handler would (a dead node fails: it cannot enqueue). */
    WebhookResponse deliver(WebhookRequest request) {
        return engine.onFreshBooksWebhook(request);
    }

    private void runOnWorkers(Runnable task) {
        if (dead) {
            throw new RejectedExecutionException(id + " is dead");
        }
        workers.execute(task);
    }

    private void onProcoreResponse(ApiResponse response) {
        // 201 with our origin id: an object this node just created (lists and lookups answer 200)
        if (response.status() == 201 && response.bodyAsString().contains("\"origin_id\":\"fb:")
                && killArmed.compareAndSet(true, false)) {
            die();
        }
    }

    /** The node dies as soon as Procore confirms the next object it creates, before the node records it. */
    void killAfterNextCreate() {
        killArmed.set(true);
    }

    boolean awaitKilled(Duration timeout) throws InterruptedException {
        return killed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void die() {
        dead = true;
        database.kill();
        scheduler.shutdownNow();
        workers.shutdown(); // what is queued runs against the dead database, changing nothing
        killed.countDown();
    }

    /** Waits until no thread of the dead node runs; false when some still do after {@code timeout}. */
    boolean awaitGone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return scheduler.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                && workers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** A clean shutdown (end of test). */
    @Override
    public void close() {
        engine.stop();
        workers.shutdown();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's usual rate limiter, also telling the node about every Procore response it receives. */
    private record CreateObserver(RateLimiter delegate, Consumer<ApiResponse> observer) implements RateLimiter {
        @Override
        public void acquire() throws InterruptedException {
            delegate.acquire();
        }

        @Override
        public void onResponse(ApiResponse response) {
            delegate.onResponse(response);
            observer.accept(response);
        }
    }
}
