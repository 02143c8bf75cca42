package io.mlconnector.examples.demo;

import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.examples.config.AdminAccess;
import io.mlconnector.examples.config.FreshBooksSettings;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.examples.config.ProcoreSettings;
import io.mlconnector.examples.config.Secret;
import io.mlconnector.examples.host.ExampleHost;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.request.HookInput;
import io.mlconnector.procore.request.TriggerInput;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.procore.webhook.ProcoreWebhookVerifier;
import io.mlconnector.procore.webhook.WebhookHook;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Both sandboxes with {@link DemoContractor} seeded, and the example host wired to them exactly as it would be to
 * real accounts: real {@code FreshBooksClient} and {@code ProcoreClient} over loopback HTTP, credentials in an
 * encrypted file store under a temporary data directory with a generated key, the mapping file imported, and
 * (optionally) the first-sync alignment and webhook registration done. The demo and the end-to-end tests start here.
 *
 * <p>By default the engine is driven by the caller ({@link #drain()}); {@link Builder#startEngine(boolean)} runs it
 * on the host's scheduler instead, as in production.
 */
public final class DemoEnvironment implements AutoCloseable {
    /** Time allowed for a webhook to travel sandbox → host. */
    public static final Duration WEBHOOK_WAIT = Duration.ofSeconds(10);
    /** FreshBooks dates bills in US/Eastern. */
    public static final ZoneId FRESHBOOKS_ZONE = ZoneId.of("America/New_York");

    /** Streams polled: every stream the engine polls by default. */
    public static final Set<SourceStream> DEMO_STREAMS = SyncPolicy.ALL_STREAMS;

    private final FreshBooksSandbox fb;
    private final ProcoreSandbox pc;
    private final DemoContractor contractor;
    private final Path dataDir;
    private final boolean keepDataDir;
    private final HostConfig config;
    private final WebhookTally tally = new WebhookTally();
    private final ConnectorRuntime runtime;
    private final ExampleHost host;
    private final LocalDate today;
    private AlignmentReport alignment;

    private DemoEnvironment(Builder b) {
        this.keepDataDir = b.keepDataDir;
        this.today = LocalDate.now(b.clock.withZone(FRESHBOOKS_ZONE));
        FreshBooksSandbox f = null;
        ProcoreSandbox p = null;
        Path dir = null;
        ConnectorRuntime rt = null;
        try {
            f = b.freshBooks.apply(FreshBooksSandbox.builder().clock(b.clock)).build().start();
            p = b.procore.apply(ProcoreSandbox.builder().clock(b.clock)).build().start();
            this.contractor = DemoContractor.seed(f, p, today);
            dir = Files.createTempDirectory("mlc-demo-");
            Path mappings = dir.resolve("mappings.csv");
            Files.writeString(mappings, contractor.mappingsCsv());
            this.config = new HostConfig(0, dir, randomKey(), new FreshBooksSettings(URI.create(f.baseUrl()),
                    URI.create(f.baseUrl()), f.clientId(), new Secret(f.clientSecret()), f.redirectUri(),
                    new Secret(f.issueTokens().refreshToken()), f.identity().accountId(), f.identity().businessId(),
                    null),
                    new ProcoreSettings(URI.create(p.baseUrl()), URI.create(p.baseUrl()), p.clientId(),
                            new Secret(p.clientSecret()), contractor.company().id(), new Secret(randomHex(24))),
                    mappings, Duration.ofMinutes(5), AdminAccess.bearer(new Secret(randomHex(24))));
            rt = ConnectorRuntime.builder(config).clock(b.clock).retryPolicy(b.retryPolicy)
                    .policy(policy -> b.policy.apply(policy.enabledStreams(DEMO_STREAMS).alignment(
                            AlignmentPolicy.defaults().withAutoConfirmNameMatches(true))))
                    .build();
            this.host = ExampleHost.start(rt, ExampleHost.options().bindAddress(InetAddress.getLoopbackAddress())
                    .startEngine(false).alignOnStart(false).observer(tally));
        } catch (IOException | RuntimeException e) {
            if (rt != null) {
                rt.close();
            }
            closeQuietly(f);
            closeQuietly(p);
            if (dir != null && !keepDataDir) {
                deleteTree(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        this.fb = f;
        this.pc = p;
        this.dataDir = dir;
        this.runtime = rt;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ setup steps

    /** Runs the first-sync alignment (vendors and projects by name, confirmed by policy) and keeps its report. */
    public AlignmentReport align() {
        alignment = runtime.engine().alignReferenceData(runtime.connectionId());
        return alignment;
    }

    /**
     * Registers our webhooks as a host would: a FreshBooks callback for every bill event (FreshBooks sends a
     * verification handshake to the host; the engine confirms it and the verifier becomes active), and a Procore
     * company hook carrying our secret in the {@code Authorization} header, with triggers on change order packages
     * and direct costs.
     */
    public void registerWebhooks() throws InterruptedException {
        String base = host.baseUrl().toString();
        int before = tally.count("freshbooks", "handshake");
        runtime.freshBooks().client().callbacks().create("bill", base + "/webhooks/freshbooks");
        tally.await("freshbooks", "handshake", before + 1, WEBHOOK_WAIT);
        runtime.engine().drain();
        if (runtime.callbackVerifiers().size() == 0) {
            throw new IllegalStateException("the FreshBooks callback was not confirmed");
        }
        ProcoreClient client = runtime.procore().client();
        WebhookHook hook = client.webhooks().createHook(HookScope.company(), new HookInput("v2", "ml-connector",
                base + "/webhooks/procore", Map.of("Authorization",
                ProcoreWebhookVerifier.headerValue(config.procore().webhookSecret().reveal()))));
        client.webhooks().createTriggers(HookScope.company(), hook.id(), "v2", List.of(
                new TriggerInput("Change Order Packages", "create"), new TriggerInput("Change Order Packages", "update"),
                new TriggerInput("Change Order Packages", "delete"), new TriggerInput("Direct Costs", "create"),
                new TriggerInput("Direct Costs", "update"), new TriggerInput("Direct Costs", "delete")));
    }

    /** Starts the engine's polls and workers on the host's scheduler (production mode). */
    public void startEngine() {
        host.startEngine();
    }

    /** Processes every ready work item now. */
    public void drain() {
        runtime.engine().drain();
    }

    // ------------------------------------------------------------------ accessors

    public FreshBooksSandbox freshBooks() {
        return fb;
    }

    public ProcoreSandbox procore() {
        return pc;
    }

    public DemoContractor contractor() {
        return contractor;
    }

    public ConnectorRuntime runtime() {
        return runtime;
    }

    public ExampleHost host() {
        return host;
    }

    public HostConfig config() {
        return config;
    }

    /** Counts of the host's webhook answers. */
    public WebhookTally tally() {
        return tally;
    }

    /** The temporary data directory (credentials, audit log, mapping file). */
    public Path dataDir() {
        return dataDir;
    }

    /** Today in FreshBooks' time zone (bill issue dates). */
    public LocalDate today() {
        return today;
    }

    /** The report of {@link #align()}, or null before. */
    public AlignmentReport alignment() {
        return alignment;
    }

    /** The origin id the engine writes on Procore objects created for a FreshBooks record. */
    public String originId(String type, long id) {
        return "fb:" + fb.identity().accountId() + ":" + type + ":" + id;
    }

    @Override
    public void close() {
        host.close();
        closeQuietly(fb);
        closeQuietly(pc);
        if (!keepDataDir) {
            deleteTree(dataDir);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static EncryptionKey randomKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return EncryptionKey.aes256("demo-" + randomHex(4), raw);
    }

    private static String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // best effort while cleaning up
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    /** Builder for {@link DemoEnvironment}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.builder().baseDelay(Duration.ofMillis(50))
                .maxDelay(Duration.ofMillis(500)).maxRetryAfter(Duration.ofSeconds(2)).build();
        private UnaryOperator<SyncPolicy.Builder> policy = p -> p;
        private UnaryOperator<FreshBooksSandbox.Builder> freshBooks = b -> b;
        private UnaryOperator<ProcoreSandbox.Builder> procore = b -> b;
        private boolean keepDataDir;

        private Builder() {
        }

        /** Clock shared by the sandboxes and the connector (default system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** HTTP retry policy of both clients (default: quick retries suited to loopback). */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** Adjusts the sync policy (alignment confirms name matches). */
        public Builder policy(UnaryOperator<SyncPolicy.Builder> value) {
            this.policy = Objects.requireNonNull(value);
            return this;
        }

        /** Adjusts the FreshBooks sandbox. */
        public Builder freshBooksSandbox(UnaryOperator<FreshBooksSandbox.Builder> value) {
            this.freshBooks = Objects.requireNonNull(value);
            return this;
        }

        /** Adjusts the Procore sandbox. */
        public Builder procoreSandbox(UnaryOperator<ProcoreSandbox.Builder> value) {
            this.procore = Objects.requireNonNull(value);
            return this;
        }

        /** Keep the data directory (audit log) after {@link #close()} (default: delete it). */
        public Builder keepDataDir(boolean value) {
            this.keepDataDir = value;
            return this;
        }

        public DemoEnvironment build() {
            return new DemoEnvironment(this);
        }
    }
}
