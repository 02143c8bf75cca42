package io.mlconnector.benchmarks.http;

import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.report.Percentiles;
import io.mlconnector.benchmarks.world.Deliveries;
import io.mlconnector.benchmarks.world.Deliveries.Delivery;
import io.mlconnector.benchmarks.world.EmbeddedDatabase;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.examples.config.AdminAccess;
import io.mlconnector.examples.config.FreshBooksSettings;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.examples.config.ProcoreSettings;
import io.mlconnector.examples.config.Secret;
import io.mlconnector.examples.host.ExampleHost;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import io.mlconnector.testkit.freshbooks.FreshBooksIdentity;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One HTTP intake measurement, run in its own JVM by {@link HttpIntakeSuite} (the JDK HttpServer's
 * {@code sun.net.httpserver.nodelay} is read once per JVM): the example host ({@link ExampleHost}, JDK HttpServer,
 * its default 8 HTTP threads) wired to both sandboxes as in production, with an in-memory or PostgreSQL state store,
 * its engine not started (only intake is measured), and client threads posting distinct, correctly signed
 * deliveries with {@code java.net.http.HttpClient}: bursts of 200 released at once (each burst after the previous
 * one is answered), then 200 senders back to back (saturation: latency there is mostly queueing, about 200 /
 * throughput), then one sender at a time. Latency = send to full answer, per request; percentiles from the sorted
 * samples. Client and host share the machine's cores. Prints one {@code FIGURE<TAB>...} line per figure.
 *
 * <p>Mode {@code curve} (open loop, not in the default modes): FreshBooks deliveries sent at a fixed offered rate,
 * each at its scheduled instant whatever the host's answers (a pool of {@value #OPEN_LOOP_THREADS} client threads),
 * for {@code bench.http.rateSeconds} per rate, over the rates of {@code bench.http.rates}; latency counts from the
 * scheduled instant (so a client thread waiting for a free slot counts as waiting, no coordinated omission). The
 * ladder stops after the first rate the host cannot follow (achieved below 90 % of offered, or p99 over 1 s).
 *
 * <p>Arguments: {@code memory|postgres} and a label for the figures. Properties: {@code bench.http.deliveries}
 * (per vendor and mode, default 6,000), {@code bench.http.warmup} (4,000), {@code bench.http.single} (300),
 * {@code bench.http.modes} (default {@code bursts,saturated,single}), {@code bench.http.rates} (default
 * {@code 500,1000,2000,3000,4000,5000,6000,8000}), {@code bench.http.rateSeconds} (3), {@code bench.http.threads}
 * (the host's HTTP threads; default: the host's default).
 */
public final class HttpIntakeRun {
    static final int CONCURRENCY = 200;
    /** Client threads of the open-loop mode: enough that the client is never the limit below saturation. */
    static final int OPEN_LOOP_THREADS = 600;
    private static final String FB_VERIFIER = "fb-callback-verifier-8f2c1d";
    private static final String PC_SECRET = "pc-hook-secret-51c9e0";

    private HttpIntakeRun() {
    }

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "memory";
        String label = args.length > 1 ? args[1] : "";
        int deliveries = Integer.getInteger("bench.http.deliveries", 6_000);
        int warmup = Integer.getInteger("bench.http.warmup", 4_000);
        int single = Integer.getInteger("bench.http.single", 300);
        String modes = System.getProperty("bench.http.modes", "bursts,saturated,single");
        Path dir = Files.createTempDirectory("mlc-bench-host");
        try (FreshBooksSandbox fb = FreshBooksSandbox.builder().build().start();
             ProcoreSandbox pc = ProcoreSandbox.builder().build().start();
             EmbeddedDatabase db = "postgres".equals(store) ? EmbeddedDatabase.start(8) : null) {
            Company company = pc.seed().company("Acme GC");
            ProcoreProject tower = pc.seed().project(company.id(), "Tower");
            FreshBooksIdentity id = fb.identity();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            HostConfig config = new HostConfig(0, dir, EncryptionKey.aes256("bench", key),
                    new FreshBooksSettings(URI.create(fb.baseUrl()), URI.create(fb.baseUrl()), fb.clientId(),
                            new Secret(fb.clientSecret()), fb.redirectUri(), new Secret(fb.issueTokens().refreshToken()),
                            id.accountId(), id.businessId(), new Secret(FB_VERIFIER)),
                    new ProcoreSettings(URI.create(pc.baseUrl()), URI.create(pc.baseUrl()), pc.clientId(),
                            new Secret(pc.clientSecret()), company.id(), new Secret(PC_SECRET)),
                    null, Duration.ofMinutes(5), AdminAccess.disabled());
            ConnectorRuntime.Builder rb = ConnectorRuntime.builder(config);
            if (db != null) {
                rb.stateStore(db.stateStore());
            }
            ExampleHost.Options options = ExampleHost.options().bindAddress(InetAddress.getLoopbackAddress())
                    .startEngine(false).alignOnStart(false);
            if (Integer.getInteger("bench.http.threads") != null) {
                options.httpThreads(Integer.getInteger("bench.http.threads"));
            }
            try (ExampleHost host = ExampleHost.start(rb.build(), options)) {
                URI fbUri = host.baseUrl().resolve("/webhooks/freshbooks");
                URI pcUri = host.baseUrl().resolve("/webhooks/procore");
                IntFunction<Delivery> fbDelivery = i -> Deliveries.freshBooks(FB_VERIFIER, id.accountId(),
                        id.businessId(), id.identityId(), "bill.create", 10_000_000L + i);
                IntFunction<Delivery> pcDelivery = i -> Deliveries.procore(PC_SECRET, company.id(), tower.id(),
                        "Change Order Packages", 20_000_000L + i, "update", 5_982_324_300_000_000_000L + i);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
                try {
                    // warm-up: JIT, connection pool (keep-alive), store; alternating vendors
                    sustained(client, threads, warmup, i -> i % 2 == 0 ? fbUri : pcUri,
                            i -> i % 2 == 0 ? fbDelivery.apply(1_000_000 + i) : pcDelivery.apply(1_000_000 + i));
                    if (modes.contains("bursts")) {
                        report("onFreshBooksWebhook", store, label, "bursts of " + CONCURRENCY + " simultaneous",
                                bursts(client, threads, deliveries, fbUri, fbDelivery));
                        report("onProcoreWebhook", store, label, "bursts of " + CONCURRENCY + " simultaneous",
                                bursts(client, threads, deliveries, pcUri, pcDelivery));
                    }
                    if (modes.contains("saturated")) {
                        report("onFreshBooksWebhook", store, label, CONCURRENCY + " senders back to back (saturated)",
                                sustained(client, threads, deliveries, i -> fbUri, i -> fbDelivery.apply(2_000_000 + i)));
                        report("onProcoreWebhook", store, label, CONCURRENCY + " senders back to back (saturated)",
                                sustained(client, threads, deliveries, i -> pcUri, i -> pcDelivery.apply(2_000_000 + i)));
                    }
                    if (modes.contains("curve")) {
                        curve(client, store, label, fbUri, i -> fbDelivery.apply(4_000_000 + i));
                    }
                    if (modes.contains("single")) {
                        report("onFreshBooksWebhook", store, label, "one sender at a time",
                                sequential(client, single, fbUri, i -> fbDelivery.apply(3_000_000 + i)));
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
        }
    }

    /** The outcome of one load phase. */
    record Load(long[] nanos, int queued, int other, double seconds) {
    }

    /** {@link #CONCURRENCY} threads, each posting its next delivery as soon as the previous one is answered. */
    private static Load sustained(HttpClient client, ExecutorService threads, int n, IntFunction<URI> uri,
                                  IntFunction<Delivery> delivery) throws Exception {
        Delivery[] prepared = new Delivery[n];
        for (int i = 0; i < n; i++) {
            prepared[i] = delivery.apply(i);
        }
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger queued = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < CONCURRENCY; t++) {
            running.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    nanos[i] = post(client, uri.apply(i), prepared[i], queued, other);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return new Load(nanos, queued.get(), other.get(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * {@code n / CONCURRENCY} bursts: {@link #CONCURRENCY} deliveries released at the same instant, the next burst
     * once all are answered.
     */
    private static Load bursts(HttpClient client, ExecutorService threads, int n, URI uri,
                               IntFunction<Delivery> delivery) throws Exception {
        int rounds = Math.max(1, n / CONCURRENCY);
        long[] nanos = new long[rounds * CONCURRENCY];
        AtomicInteger queued = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            Delivery[] prepared = new Delivery[CONCURRENCY];
            for (int i = 0; i < CONCURRENCY; i++) {
                prepared[i] = delivery.apply(r * CONCURRENCY + i);
            }
            CountDownLatch ready = new CountDownLatch(CONCURRENCY);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            int round = r;
            for (int i = 0; i < CONCURRENCY; i++) {
                int k = i;
                running.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    nanos[round * CONCURRENCY + k] = post(client, uri, prepared[k], queued, other);
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        }
        return new Load(nanos, queued.get(), other.get(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The open-loop ladder: per offered rate, deliveries scheduled at {@code start + i / rate}, latency from the
     * scheduled instant to the full answer.
     */
    private static void curve(HttpClient client, String store, String label, URI uri, IntFunction<Delivery> delivery)
            throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.http.rateSeconds", "3"));
        String rates = System.getProperty("bench.http.rates", "500,1000,2000,3000,4000,5000,6000,8000");
        ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_THREADS);
        int offset = 0;
        try {
            for (String r : rates.split(",")) {
                int rate = Integer.parseInt(r.strip());
                int n = (int) Math.round(rate * seconds);
                Delivery[] prepared = new Delivery[n];
                for (int i = 0; i < n; i++) {
                    prepared[i] = delivery.apply(offset + i);
                }
                offset += n;
                long[] nanos = new long[n];
                AtomicInteger queued = new AtomicInteger();
                AtomicInteger other = new AtomicInteger();
                CountDownLatch answered = new CountDownLatch(n);
                long t0 = System.nanoTime() + 20_000_000L;
                double interval = 1e9 / rate;
                for (int i = 0; i < n; i++) {
                    long due = t0 + Math.round(i * interval);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int k = i;
                    pool.execute(() -> {
                        long late = System.nanoTime() - due; // waited for a free client thread
                        nanos[k] = late + post(client, uri, prepared[k], queued, other);
                        answered.countDown();
                    });
                }
                answered.await();
                double took = (System.nanoTime() - t0) / 1e9;
                Percentiles p = Percentiles.of(nanos);
                double achieved = n / took;
                String mode = "offered " + Numbers.count(rate) + " /s (open loop, " + Numbers.fixed(seconds, 0)
                        + " s)";
                Figure f = new Figure("http", "onFreshBooksWebhook over HTTP, " + storeName(store) + label + ", "
                        + mode + ": p50 / p99 / p99.9", ms(p.at(50)) + " / " + ms(p.at(99)) + " / " + ms(p.at(99.9)),
                        "ms", "≥ 3,000 /s sustained with PostgreSQL", "achieved " + Numbers.count(Math.round(achieved))
                        + " /s; " + Numbers.count(n) + " deliveries, " + queued.get() + " queued, " + other.get()
                        + " other answers; max " + ms(p.max()) + " ms");
                print(f);
                if (achieved < 0.9 * rate || p.at(99) > 1_000_000_000L) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One delivery at a time from one thread: the latency of an idle host. */
    private static Load sequential(HttpClient client, int n, URI uri, IntFunction<Delivery> delivery) {
        long[] nanos = new long[n];
        AtomicInteger queued = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            nanos[i] = post(client, uri, delivery.apply(i), queued, other);
        }
        return new Load(nanos, queued.get(), other.get(), (System.nanoTime() - t0) / 1e9);
    }

    /** Posts one delivery; returns the nanoseconds from send to the full answer. */
    private static long post(HttpClient client, URI uri, Delivery d, AtomicInteger queued, AtomicInteger other) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
        d.headers().forEach(b::header);
        HttpRequest request = b.build();
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - s;
            if (r.statusCode() == 200 && r.body().contains("queued")) {
                queued.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
            return took;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            other.incrementAndGet();
            return System.nanoTime() - s;
        }
    }

    private static void report(String method, String store, String label, String mode, Load l) {
        Percentiles p = Percentiles.of(l.nanos());
        Figure f = new Figure("http", method + " over HTTP, " + storeName(store) + label + ", " + mode
                + ": p50 / p99 / p99.9", ms(p.at(50)) + " / " + ms(p.at(99)) + " / " + ms(p.at(99.9)), "ms",
                "p99 under 50 ms with PostgreSQL", Numbers.count(p.count()) + " deliveries in "
                + Numbers.fixed(l.seconds(), 1) + " s (" + Numbers.count(Math.round(p.count() / l.seconds()))
                + " /s), " + l.queued() + " queued, " + l.other() + " other answers; max " + ms(p.max()) + " ms");
        print(f);
    }

    private static void print(Figure f) {
        System.out.println("FIGURE\t" + String.join("\t", f.suite(), f.name(), f.value(), f.unit(), f.target(),
                f.note()));
    }

    private static String storeName(String store) {
        return "postgres".equals(store) ? "PostgreSQL store" : "in-memory store";
    }

    private static String ms(long nanos) {
        return Numbers.sig3(nanos / 1e6);
    }
}
