package io.mlconnector.benchmarks.scale;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import io.mlconnector.benchmarks.report.Heap;
import io.mlconnector.benchmarks.report.Numbers;
import io.mlconnector.benchmarks.report.Percentiles;
import io.mlconnector.benchmarks.world.Deliveries;
import io.mlconnector.benchmarks.world.EmbeddedDatabase;
import io.mlconnector.benchmarks.world.PooledDataSource;
import io.mlconnector.benchmarks.world.SandboxWorld;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.observe.ConnectorListener;
import io.mlconnector.core.observe.PollEvent;
import io.mlconnector.core.observe.PollOutcome;
import io.mlconnector.core.observe.WorkEvent;
import io.mlconnector.core.observe.WorkOutcome;
import io.mlconnector.core.port.AccountingSystem;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.InMemoryConnectionProvider;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookParser;
import io.mlconnector.freshbooks.webhook.FreshBooksWebhookVerifier;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.webhook.ProcoreWebhookParser;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.testkit.freshbooks.FreshBooksIdentity;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreProject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 18, "Scale: many connections": {@code bench.scale.connections} connections (default 1,000) on one engine and
 * one PostgreSQL, both sandboxes answering every call after {@code bench.scale.latencyMs} (default 100 ms), every
 * connection polling all default streams at {@code bench.scale.pollInterval} (default PT1M). Connection 0 ("acme")
 * receives a FreshBooks bill webhook every {@code bench.scale.billEveryMs} (default 1,000 ms) and the time from the
 * webhook call to the {@code POSTED} outcome of that bill is measured, while the others poll; connection 1 is "busy":
 * {@code bench.scale.busyItems} (default 2,000) Procore direct-cost events land in its queue at the start (each one a
 * 100 ms Procore read of a direct cost that is gone). The measured window starts when the engine starts (the first
 * round of polls is inside it) and lasts {@code bench.scale.window} (default PT2M); bills still in flight at its end
 * are waited for (at most 60 s). Then the same with two nodes (two engines, distinct node ids, one PostgreSQL, a pool
 * each; webhooks alternate between them as behind a load balancer) and how the work split.
 *
 * <p>World: the measured connection is {@link SandboxWorld}'s (its own FreshBooks sandbox and a Procore company
 * with vendors and cost codes mapped); the other connections each have their own Procore company with one mapped
 * project in the same Procore sandbox (rate budgets are per company, {@code Procore-Company-Id}) and share a second,
 * quiet FreshBooks sandbox (its account is one; each connection reports its own account id to the engine for
 * routing). All clients share one HTTP transport, as {@code MlConnector} wires them. Engine: a scheduler of
 * {@code bench.scale.schedulerThreads} (default 16) threads for polls and worker passes, {@code bench.scale.workers}
 * (default 16) worker threads (batch size the same), JDBC state and mapping stores on a pool of
 * {@code bench.scale.dbPool} (default 16) connections per node.
 */
public final class ScaleSuite implements Suite {
    private static final String BUSY = "c0001";

    private final int connections = Integer.getInteger("bench.scale.connections", 1000);
    private final Duration latency = Duration.ofMillis(Integer.getInteger("bench.scale.latencyMs", 100));
    private final Duration pollInterval = Duration.parse(System.getProperty("bench.scale.pollInterval", "PT1M"));
    private final Duration window = Duration.parse(System.getProperty("bench.scale.window", "PT2M"));
    private final int billEveryMs = Integer.getInteger("bench.scale.billEveryMs", 1000);
    private final int schedulerThreads = Integer.getInteger("bench.scale.schedulerThreads", 16);
    private final int workers = Integer.getInteger("bench.scale.workers", 16);
    private final int dbPool = Integer.getInteger("bench.scale.dbPool", 16);
    private final int busyItems = Integer.getInteger("bench.scale.busyItems", 2000);
    private final String nodeCounts = System.getProperty("bench.scale.nodes", "1,2");

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return connections + " connections, " + latency.toMillis() + " ms per call, polls every " + pollInterval
                + ": webhook-to-post p99 of one connection while the others poll; one node, then two";
    }

    @Override
    public List<Figure> run() throws Exception {
        List<Figure> out = new ArrayList<>();
        for (String n : nodeCounts.split(",")) {
            out.addAll(measure(Integer.parseInt(n.trim())));
        }
        return out;
    }

    /** What one node saw. */
    private static final class NodeCounts implements ConnectorListener {
        final AtomicInteger leaderPolls = new AtomicInteger();
        final AtomicInteger failedPolls = new AtomicInteger();
        final AtomicInteger notLeader = new AtomicInteger();
        final AtomicInteger worked = new AtomicInteger();
        final AtomicInteger busyWorked = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> pollTimes = new ConcurrentLinkedQueue<>();
        final Map<String, Long> sent;
        final ConcurrentLinkedQueue<Long> latencies;

        NodeCounts(Map<String, Long> sent, ConcurrentLinkedQueue<Long> latencies) {
            this.sent = sent;
            this.latencies = latencies;
        }

        @Override
        public void onPoll(PollEvent e) {
            if (e.outcome() == PollOutcome.NOT_LEADER) {
                notLeader.incrementAndGet();
                return;
            }
            leaderPolls.incrementAndGet();
            pollTimes.add(System.nanoTime());
            if (e.outcome() == PollOutcome.FAILED) {
                failedPolls.incrementAndGet();
            }
        }

        @Override
        public void onWork(WorkEvent e) {
            if (e.attempt() == 0) {
                return; // intake (echo / duplicate), not a claimed item
            }
            worked.incrementAndGet();
            if (BUSY.equals(e.connectionId())) {
                busyWorked.incrementAndGet();
            }
            if (e.outcome() == WorkOutcome.POSTED && SandboxWorld.CONNECTION.equals(e.connectionId())
                    && e.sourceKey() != null) {
                Long t0 = sent.remove(e.sourceKey());
                if (t0 != null) {
                    latencies.add(System.nanoTime() - t0);
                }
            }
        }
    }

    private List<Figure> measure(int nodes) throws Exception {
        String label = nodes == 1 ? "1 node" : nodes + " nodes";
        System.out.println("  " + label + ": " + connections + " connections, starting PostgreSQL and sandboxes ...");
        List<AutoCloseable> closing = new ArrayList<>();
        List<ExecutorService> pools = new ArrayList<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dbPool)) {
            MappingStore mappings = JdbcMappingStore.builder().dataSource(db.dataSource()).build();
            List<PooledDataSource> nodePools = new ArrayList<>();
            nodePools.add(db.pool());
            for (int k = 1; k < nodes; k++) {
                PooledDataSource p = db.newPool(dbPool);
                closing.add(p);
                nodePools.add(p);
            }
            SyncPolicy policy = SyncPolicy.builder().batchSize(workers).backoffBase(Duration.ofMillis(500))
                    .backoffMax(Duration.ofSeconds(30)).maxAttempts(20).pollInterval(pollInterval).build();
            SyncStateStore state0 = JdbcSyncStateStore.builder().dataSource(nodePools.get(0)).build();
            SandboxWorld w = SandboxWorld.builder().suppliers(20).costCodes(5).hourlyLimit(1_000_000)
                    .mappings(mappings).state(state0).start();
            closing.add(w);
            FreshBooksSandbox quiet = FreshBooksSandbox.builder().randomSeed(8).build().start();
            closing.add(quiet);
            FreshBooksIdentity qid = quiet.identity();
            String quietToken = quiet.issueTokens().accessToken();
            HttpTransport shared = HttpTransport.builder().build();

            InMemoryConnectionProvider provider = new InMemoryConnectionProvider();
            provider.add(w.connection(policy));
            Map<String, Long> companyOf = new ConcurrentHashMap<>();
            Map<String, Long> projectOf = new ConcurrentHashMap<>();
            for (int i = 1; i < connections; i++) {
                String id = String.format("c%04d", i);
                Company company = w.procore().seed().company("Contractor " + i);
                ProcoreProject job = w.procore().seed().project(company.id(), "Job " + i);
                companyOf.put(id, company.id());
                projectOf.put(id, job.id());
                mappings.put(Mapping.confirmed(id, MappingKind.PROJECT, "1", Long.toString(job.id())));
                FreshBooksClient fbc = FreshBooksClient.builder().apiBaseUrl(quiet.baseUrl())
                        .authBaseUrl(quiet.baseUrl()).accessToken(quietToken).accountId(qid.accountId())
                        .businessId(qid.businessId()).businessUuid(qid.businessUuid()).transport(shared).build();
                AccountingSystem accounting = routedAs("BG" + i, FreshBooksAccountingSystem.builder().client(fbc)
                        .baseCurrency(qid.currency()).build());
                ProcoreClient pcc = ProcoreClient.builder().apiBaseUrl(w.procore().baseUrl())
                        .loginBaseUrl(w.procore().baseUrl()).clientId(w.procore().clientId())
                        .clientSecret(w.procore().clientSecret()).companyId(company.id()).connectionId(id)
                        .transport(shared).build();
                provider.add(Connection.builder().id(id).accounting(accounting)
                        .projects(ProcoreProjectSystem.builder(pcc).build())
                        .accountingVerifier(FreshBooksWebhookVerifier.of(SandboxWorld.FB_VERIFIER))
                        .projectVerifier(ProcoreWebhookVerifier.builder().secret(SandboxWorld.PC_SECRET).build())
                        .policy(policy).projectCurrency("USD").build());
            }

            Map<String, Long> sent = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            List<NodeCounts> counts = new ArrayList<>();
            List<SyncEngine> engines = new ArrayList<>();
            List<ScheduledThreadPoolExecutor> schedulers = new ArrayList<>();
            for (int k = 0; k < nodes; k++) {
                NodeCounts c = new NodeCounts(sent, latencies);
                counts.add(c);
                AtomicInteger n = new AtomicInteger();
                int node = k;
                ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                    Thread t = new Thread(r, "scale-worker-" + node + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                pools.add(pool);
                SyncStateStore state = k == 0 ? state0 : JdbcSyncStateStore.builder().dataSource(nodePools.get(k))
                        .build();
                engines.add(SyncEngine.builder().stateStore(state).mappingStore(mappings).auditSink(w.audit())
                        .nodeId("scale-node-" + k).defaultPolicy(policy).executor(pool).listener(c)
                        .freshBooksWebhookParser(new FreshBooksWebhookParser())
                        .procoreWebhookParser(new ProcoreWebhookParser()).connections(provider).build());
                AtomicInteger sn = new AtomicInteger();
                ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(schedulerThreads, r -> {
                    Thread t = new Thread(r, "scale-sched-" + node + "-" + sn.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                schedulers.add(s);
                pools.add(s);
            }
            // warm the measured connection's reference data (projects, vendors, WBS) with one bill
            long first = w.seedBills(1, w.suppliers(), 2).get(0);
            engines.get(0).onFreshBooksWebhook(w.billCreated(first));
            engines.get(0).drain();
            w.freshBooks().faults().latency(latency);
            w.procore().faults().latency(latency);
            quiet.faults().latency(latency);

            for (int j = 0; j < busyItems; j++) {
                engines.get(j % nodes).onProcoreWebhook(Deliveries.procore(SandboxWorld.PC_SECRET,
                        companyOf.get(BUSY), projectOf.get(BUSY), "Direct Costs", 990_000_000L + j, "update",
                        7_000_000_000_000_000_000L + j).request());
            }
            nodePools.forEach(PooledDataSource::resetPeak);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            threads.resetPeakThreadCount();
            System.out.println("  " + label + ": " + connections + " connections ready; " + busyItems
                    + " items queued for the busy connection; engine(s) start, window " + window);
            long t0 = System.nanoTime();
            for (int k = 0; k < nodes; k++) {
                engines.get(k).start(schedulers.get(k));
            }
            long end = t0 + window.toNanos();
            AtomicLong delivered = new AtomicLong();
            int next = 0;
            while (System.nanoTime() < end) {
                long bill = w.seedBills(1, w.suppliers(), 2).get(0);
                sent.put("freshbooks:bill:" + bill, System.nanoTime());
                engines.get(next++ % nodes).onFreshBooksWebhook(w.billCreated(bill));
                delivered.incrementAndGet();
                Thread.sleep(billEveryMs);
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!sent.isEmpty() && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            double minutes = (System.nanoTime() - t0) / 60e9;
            int peakThreads = threads.getPeakThreadCount();
            int engineThreads = nodes * (schedulerThreads + workers);
            int httpClientThreads = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HttpClient")).count();
            int serverConnections = db.serverConnections();
            engines.forEach(SyncEngine::stop);
            long heap = Heap.retained();

            List<Figure> out = new ArrayList<>();
            String what = connections + " connections, " + label;
            long[] ms = latencies.stream().mapToLong(n -> TimeUnit.NANOSECONDS.toMillis(n)).toArray();
            String lat = ms.length == 0 ? "none posted" : Percentiles.of(ms).at(50) + " / " + Percentiles.of(ms).at(99)
                    + " / " + Percentiles.of(ms).max();
            out.add(new Figure(name(), what + ": bill webhook → Procore post, p50 / p99 / max", lat, "ms",
                    "p99 unaffected by the others' polls", ms.length + " of " + delivered.get() + " bills posted "
                    + "(one every " + billEveryMs + " ms); " + sent.size() + " not posted 60 s after the window"));
            StringBuilder polls = new StringBuilder();
            StringBuilder work = new StringBuilder();
            long totalPolls = 0;
            for (int k = 0; k < nodes; k++) {
                NodeCounts c = counts.get(k);
                totalPolls += c.leaderPolls.get();
                polls.append(k == 0 ? "" : "; ").append("node ").append(k).append(": ").append(c.leaderPolls.get())
                        .append(" led (").append(c.failedPolls.get()).append(" failed), ").append(c.notLeader.get())
                        .append(" not leader");
                work.append(k == 0 ? "" : "; ").append("node ").append(k).append(": ").append(c.worked.get())
                        .append(" items (").append(c.busyWorked.get()).append(" of the busy connection)");
            }
            int streams = SyncPolicy.ALL_STREAMS.size();
            out.add(new Figure(name(), what + ": polls per minute (stream polls led)", Numbers.sig3(totalPolls / minutes),
                    "polls/min", "≈ " + Numbers.count((long) connections * streams) + " per interval of " + pollInterval,
                    polls + " in " + Numbers.fixed(minutes, 2) + " min"));
            out.add(new Figure(name(), what + ": poll spread over the first interval (polls per 1/10 interval, min / max)",
                    spread(counts, t0), "polls", "even (no herd at the top of the interval)", "buckets of "
                    + pollInterval.dividedBy(10).toMillis() + " ms from engine start, by poll end time"));
            out.add(new Figure(name(), what + ": work items processed per node", work.toString(), "items", "",
                    "claims split between nodes"));
            StringBuilder peaks = new StringBuilder();
            for (int k = 0; k < nodes; k++) {
                peaks.append(k == 0 ? "" : ", ").append(nodePools.get(k).peakInUse()).append(" of ")
                        .append(nodePools.get(k).size());
            }
            out.add(new Figure(name(), what + ": DB connections (peak in use per node's pool / server connections)",
                    peaks + " / " + serverConnections, "connections", "", "server count from pg_stat_activity"));
            out.add(new Figure(name(), what + ": threads (JVM peak / engine-owned / HttpClient)", peakThreads + " / "
                    + engineThreads + " / " + httpClientThreads, "threads", "", "JVM peak includes both sandboxes' "
                    + "HTTP threads (a cached pool each) and PostgreSQL's JDBC threads"));
            out.add(new Figure(name(), what + ": heap retained after the run", Numbers.mib(heap), "MiB", "",
                    "used heap after full GC, engines stopped but referenced; includes the sandboxes' data ("
                    + connections + " Procore companies) and the in-memory audit log"));
            out.forEach(f -> System.out.println("  " + f.name() + ": " + f.value() + " " + f.unit() + " — "
                    + f.note()));
            return out;
        } finally {
            pools.forEach(ExecutorService::shutdownNow);
            for (AutoCloseable c : closing) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.out.println("  close failed: " + e);
                }
            }
        }
    }

    private String spread(List<NodeCounts> counts, long t0) {
        long bucket = pollInterval.toNanos() / 10;
        int[] n = new int[10];
        for (NodeCounts c : counts) {
            for (long t : c.pollTimes) {
                long i = (t - t0) / bucket;
                if (i >= 0 && i < 10) {
                    n[(int) i]++;
                }
            }
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        StringBuilder all = new StringBuilder();
        for (int v : n) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            all.append(all.length() == 0 ? "" : " ").append(v);
        }
        return min + " / " + max + " [" + all + "]";
    }

    /** The accounting port of a background connection, reporting its own account id (for webhook routing). */
    private static AccountingSystem routedAs(String accountId, AccountingSystem delegate) {
        return (AccountingSystem) Proxy.newProxyInstance(AccountingSystem.class.getClassLoader(),
                new Class<?>[] {AccountingSystem.class}, (proxy, method, args) -> {
                    if (method.getName().equals("accountId") && method.getParameterCount() == 0) {
                        return accountId;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
