package io.mlconnector.examples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import io.mlconnector.examples.config.InvalidConfigurationException;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code Main serve}: the host started from environment variables only, pointed at the sandboxes. */
class ServeFromEnvironmentTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @RegisterExtension
    final FreshBooksSandboxExtension fbExt = FreshBooksSandboxExtension.create();
    @RegisterExtension
    final ProcoreSandboxExtension pcExt = ProcoreSandboxExtension.create();

    @TempDir
    Path dir;

    private Map<String, String> env(FreshBooksSandbox fb, ProcoreSandbox pc, long companyId, String refreshToken)
            throws Exception {
        Path mappings = dir.resolve("mappings.csv");
        Files.writeString(mappings, "kind,source_id,target_id,cost_type,status,label\n"
                + "GL_ACCOUNT,1,03-300,M,CONFIRMED,Concrete\n");
        Map<String, String> env = new HashMap<>();
        env.put("MLC_PORT", "0");
        env.put("MLC_DATA_DIR", dir.resolve("data").toString());
        env.put("MLC_MASTER_KEY", KEY);
        env.put("FRESHBOOKS_API_URL", fb.baseUrl());
        env.put("FRESHBOOKS_AUTH_URL", fb.baseUrl());
        env.put("FRESHBOOKS_CLIENT_ID", fb.clientId());
        env.put("FRESHBOOKS_CLIENT_SECRET", fb.clientSecret());
        env.put("FRESHBOOKS_REDIRECT_URI", fb.redirectUri());
        env.put("FRESHBOOKS_REFRESH_TOKEN", refreshToken);
        env.put("PROCORE_API_URL", pc.baseUrl());
        env.put("PROCORE_LOGIN_URL", pc.baseUrl());
        env.put("PROCORE_CLIENT_ID", pc.clientId());
        env.put("PROCORE_CLIENT_SECRET", pc.clientSecret());
        env.put("PROCORE_COMPANY_ID", Long.toString(companyId));
        env.put("PROCORE_WEBHOOK_SECRET", "hook-secret-for-the-test");
        env.put("MLC_MAPPINGS", mappings.toString());
        env.put("MLC_POLL_INTERVAL", "PT1H");
        env.put("MLC_ADMIN_TOKEN", "admin-token-for-the-test-0123");
        return env;
    }

    @Test
    void serve_startsFromTheEnvironment_alignsOnce_andKeepsSecretsEncrypted() throws Exception {
        FreshBooksSandbox fb = fbExt.sandbox();
        ProcoreSandbox pc = pcExt.sandbox();
        var fbProject = fb.seed().project("Harbor Tower", new BigDecimal("100.00"));
        Company company = pc.seed().company("Harbor Point Builders");
        pc.seed().project(company.id(), "Harbor Tower");
        String refresh = fb.issueTokens().refreshToken();

        String connectionId;
        try (ExampleHost host = ExampleHost.startFromEnvironment(env(fb, pc, company.id(), refresh))) {
            connectionId = host.runtime().connectionId();
            assertThat(host.runtime().importedMappings()).isEqualTo(1);
            assertThat(host.runtime().connectionId()).isEqualTo("freshbooks-" + fb.identity().accountId()
                    + "-procore-" + company.id());
            var health = new HostHttp(host.baseUrl()).get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(health.body()).path("status").asText()).isEqualTo("healthy");
            await().atMost(Duration.ofSeconds(20)).until(() -> JsonLinesFileAuditSink
                    .readAll(host.runtime().auditFile().file()).stream()
                    .anyMatch(e -> e.outcome() == AuditOutcome.MAPPING_CHANGED
                            && ("freshbooks:project:" + fbProject.id()).equals(e.sourceRef())
                            && "SUGGESTED".equals(e.details().get("status"))));
        }

        // the ledger, queue and mappings live in the data directory, so a restarted host remembers them
        io.mlconnector.examples.wiring.DurableState reopened =
                io.mlconnector.examples.wiring.DurableState.openIn(dir.resolve("data"));
        assertThat(reopened.mappingStore().list(connectionId, io.mlconnector.core.mapping.MappingKind.PROJECT))
                .anySatisfy(m -> {
                    assertThat(m.sourceId()).isEqualTo(String.valueOf(fbProject.id()));
                    assertThat(m.status()).isEqualTo(io.mlconnector.core.mapping.MappingStatus.SUGGESTED);
                });
        assertThat(Files.exists(dir.resolve("data/state/sync.mv.db"))).isTrue();

        try (Stream<Path> files = Files.walk(dir.resolve("data/credentials"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain(refresh, fb.clientSecret(), pc.clientSecret());
            }
        }
    }

    @Test
    void badEnvironment_failsBeforeListening_withEveryProblem() throws Exception {
        Map<String, String> env = env(fbExt.sandbox(), pcExt.sandbox(), 1, "x");
        env.remove("PROCORE_CLIENT_ID");
        env.put("MLC_POLL_INTERVAL", "often");

        assertThatThrownBy(() -> ExampleHost.startFromEnvironment(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("PROCORE_CLIENT_ID is required")
                .hasMessageContaining("MLC_POLL_INTERVAL must be a positive ISO-8601 duration");
    }
}
