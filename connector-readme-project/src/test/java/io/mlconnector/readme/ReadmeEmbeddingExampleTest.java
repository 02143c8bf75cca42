package io.mlconnector.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.Commitment;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
// README:imports:begin
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.sync.alignment.AlignmentItem;
import io.mlconnector.core.sync.alignment.AlignmentKind;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.runtime.ConnectionSettings;
import io.mlconnector.runtime.FreshBooksApp;
import io.mlconnector.runtime.MlConnector;
import io.mlconnector.runtime.ProcoreServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.h2.jdbcx.JdbcDataSource;
// README:imports:end

/**
 * The README's "Embedding" code, compiled and run here: {@link #theReadmeExample_postsABillAgainstTheSandboxes()}
 * holds it between the {@code README:embedding} markers (its imports between {@code README:imports}), and
 * {@link #theReadmeQuotesThisExample()} fails when README.md and this file drift apart. The example uses only
 * public API of BOM-managed modules (connector-runtime and what it brings); the sandboxes stand in for FreshBooks
 * and Procore, on 127.0.0.1.
 */
class ReadmeEmbeddingExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FreshBooksSandbox fb;
    private ProcoreSandbox pc;
    private MlConnector connector;
    private HttpServer server;
    private ScheduledExecutorService scheduler;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(0);
        }
        if (connector != null) {
            connector.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (fb != null) {
            fb.close();
        }
        if (pc != null) {
            pc.close();
        }
    }

    @Test
    void theReadmeExample_postsABillAgainstTheSandboxes() throws Exception {
        fb = FreshBooksSandbox.builder().build().start();
        pc = ProcoreSandbox.builder().build().start();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        // the contractor's books before the connector: the same vendor, project and cost code on both sides
        ExpenseCategory electrical = fb.seed().expenseCategory("Electrical");
        BillVendor fbVendor = fb.seed().billVendor("Bright Spark Electric");
        Company company = pc.seed().company("Harbor Point Builders");
        ProcoreProject tower = pc.seed().project(company.id(), "Harbor Tower");
        fb.seed().fixedPriceProject("Harbor Tower", fb.seed().client("Harbor Point Development").id(),
                new java.math.BigDecimal("700000.00"));
        LineItemType sub = pc.seed().lineItemType(company.id(), "Subcontract", "S", "commitment");
        CostCode code16 = pc.seed().costCode(tower.id(), "16-100", "Electrical");
        Vendor vendor = pc.seed().vendor(company.id(), "Bright Spark Electric");
        Commitment subcontract = pc.seed().commitment(tower.id(), vendor.id(), CommitmentType.WORK_ORDER,
                "SC-002 Electrical", SovLine.of(code16.id(), sub.id(), "Electrical rough-in", "180000.00"));
        YearMonth month = YearMonth.from(today);
        pc.seed().billingPeriod(tower.id(), month.atDay(1), month.atEndOfMonth());

        // what the host knows: its app settings, and what the contractor's onboarding gave it
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKeyBase64 = Base64.getEncoder().encodeToString(key);
        String fbClientId = fb.clientId();
        String fbClientSecret = fb.clientSecret();
        String fbRedirectUri = fb.redirectUri();
        String fbApi = fb.baseUrl();
        String pcClientId = pc.clientId();
        String pcClientSecret = pc.clientSecret();
        String pcApi = pc.baseUrl();
        String code = fb.issueAuthorizationCode();
        String fbAccountId = fb.identity().accountId();
        long fbBusinessId = fb.identity().businessId();
        long procoreCompanyId = company.id();
        String hookSecret = "procore-hook-secret-" + Long.toHexString(new SecureRandom().nextLong());
        String fbVendorId = Long.toString(fbVendor.id());
        String procoreProjectId = Long.toString(tower.id());
        InetSocketAddress webhookAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        // README:embedding:begin
        // The JDBC setup: your DataSource (a connection pool on PostgreSQL in production). The connector creates
        // and migrates its tables (prefix mlc_) in it when built.
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:erp;DB_CLOSE_DELAY=-1");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);     // or the one your app has

        // One connector for the whole app, from five objects: the DataSource, a key provider, the FreshBooks app,
        // the Procore service account and the scheduler.
        MlConnector connector = MlConnector.builder()
                .dataSource(dataSource)           // mappings, ledger, work queue, audit events, credentials
                .keys(StaticKeyProvider.of(EncryptionKey.fromBase64("k1", masterKeyBase64)))  // encrypts credentials
                .freshBooks(FreshBooksApp.of(fbClientId, fbClientSecret, fbRedirectUri)
                        .at(fbApi, fbApi))        // .at(...) only for a sandbox; default: FreshBooks' hosts
                .procore(ProcoreServiceAccount.of(pcClientId, pcClientSecret)
                        .at(pcApi, pcApi))        // .at(...) only for a sandbox; default: Procore's hosts
                .build();

        // A contractor onboards while the app runs: your FreshBooks OAuth redirect handler passes the code
        // (connector.freshBooksAuthorizationUrl(scopes, state) is where you send them first).
        connector.addConnection(ConnectionSettings.builder("acme")
                .freshBooksAccount(fbAccountId, fbBusinessId).freshBooksAuthorizationCode(code)
                .procoreCompany(procoreCompanyId).procoreWebhookSecret(hookSecret)
                .build());

        // First sync: vendors, projects and GL accounts (expense categories <-> cost codes) are matched by name.
        // Name matches are suggestions until a person confirms them; confirming one is putting it as a confirmed
        // mapping. GL accounts are matched with the cost codes of confirmed projects, hence a second round.
        for (int round = 0; round < 2; round++) {
            AlignmentReport report = connector.engine().alignReferenceData("acme");
            for (AlignmentKind kind : AlignmentKind.values()) {
                for (AlignmentItem s : report.of(kind).suggested()) {       // show these in your UI
                    connector.mappings().put(Mapping.confirmed("acme", kind.mappingKind(), s.accountingId(),
                            s.projectSystemId()));
                }
            }
        }
        // Bills that name no FreshBooks project go to the Procore project chosen for their vendor.
        connector.mappings().put(Mapping.confirmed("acme", MappingKind.VENDOR_PROJECT, fbVendorId,
                procoreProjectId));

        connector.start(scheduler);               // polls and workers (or engine().pollOnce(id) / drain() yourself)

        // Your webhook endpoint, in any framework: raw headers and body bytes in, status and body out. Answer at
        // once: intake only verifies and queues. (/webhooks/procore is the same with connector.onProcoreWebhook.)
        HttpServer server = HttpServer.create(webhookAddress, 0);
        server.createContext("/webhooks/freshbooks", exchange -> {
            WebhookResponse r = connector.onFreshBooksWebhook(
                    new WebhookRequest(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String publicUrl = "http://127.0.0.1:" + server.getAddress().getPort();    // your public HTTPS address

        // Once per connection: ask FreshBooks to send bill events; the connector confirms its verification
        // handshake and keeps the callback's signing secret, encrypted, in the credential store.
        connector.freshBooks("acme").callbacks().create("bill", publicUrl + "/webhooks/freshbooks");
        // README:embedding:end
        this.connector = connector;
        this.server = server;
        this.scheduler = scheduler;

        await().atMost(WAIT).until(() -> connector.callbackVerifiers("acme").size() == 1);
        fb.act().bill(fbVendor.id(), today, "BSE-1001",
                List.of(BillLine.of(electrical.id(), "Rough-in, level 3", "1", "14250.00")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(pc.requisitions(tower.id())).singleElement()
                .satisfies(r -> {
                    assertThat(r.commitmentId()).isEqualTo(subcontract.id());
                    assertThat(r.invoiceNumber()).isEqualTo("BSE-1001");
                    assertThat(r.totalClaimed()).isEqualByComparingTo("14250.00");
                }));
    }

    @Test
    void theReadmeQuotesThisExample() throws IOException {
        Path root = repositoryRoot();
        String readme = Files.readString(root.resolve("README.md"));
        String source = Files.readString(root.resolve("connector-readme-project/src/test/java/io/mlconnector/readme/"
                + "ReadmeEmbeddingExampleTest.java"));
        String expected = region(source, "imports") + "\n" + region(source, "embedding");

        assertThat(quotedExample(readme)).as("README.md's Embedding example must be the code of "
                + "ReadmeEmbeddingExampleTest between its README markers (copy it over after changing either)")
                .isEqualTo(expected);
    }

    /** The first {@code java} code block of the README's "Embedding" section. */
    static String quotedExample(String readme) {
        int section = readme.indexOf("\n## Embedding");
        assertThat(section).as("README.md has an Embedding section").isNotNegative();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(section)).as("the Embedding section quotes a java block").isTrue();
        return m.group(1);
    }

    /** The lines between {@code // README:<name>:begin} and {@code :end}, indentation of the first line removed. */
    static String region(String source, String name) {
        String begin = "// README:" + name + ":begin\n";
        int from = source.indexOf(begin);
        int to = source.indexOf("// README:" + name + ":end");
        assertThat(from).as("marker " + begin.trim()).isNotNegative();
        assertThat(to).as("end marker of " + name).isGreaterThan(from);
        String block = source.substring(from + begin.length(), source.lastIndexOf('\n', to) + 1);
        int indent = 0;
        while (indent < block.length() && block.charAt(indent) == ' ') {
            indent++;
        }
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent)
                    : line.strip()).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve(
                "connector-runtime")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (README.md beside connector-runtime)").isNotNull();
        return dir;
    }
}
