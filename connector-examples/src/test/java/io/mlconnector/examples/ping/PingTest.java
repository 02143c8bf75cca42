package io.mlconnector.examples.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.examples.config.AdminAccess;
import io.mlconnector.examples.config.FreshBooksSettings;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.examples.config.ProcoreSettings;
import io.mlconnector.examples.config.Secret;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ping} against the sandboxes: what works, what does not, and nothing changed. */
class PingTest {
    @RegisterExtension
    final FreshBooksSandboxExtension fbExt = FreshBooksSandboxExtension.create();
    @RegisterExtension
    final ProcoreSandboxExtension pcExt = ProcoreSandboxExtension.create();

    @TempDir
    Path dir;

    private FreshBooksSandbox fb;
    private ProcoreSandbox pc;
    private Company company;

    @BeforeEach
    void setUp() {
        fb = fbExt.sandbox();
        pc = pcExt.sandbox();
        fb.seed().project("Harbor Tower", new BigDecimal("100.00"));
        fb.seed().expenseCategory("Cast-in-Place Concrete");
        company = pc.seed().company("Harbor Point Builders");
        pc.seed().project(company.id(), "Harbor Tower");
        pc.seed().vendor(company.id(), "Bright Spark Electric");
    }

    private HostConfig config(long companyId, String procoreSecret) {
        URI fbBase = URI.create(fb.baseUrl());
        URI pcBase = URI.create(pc.baseUrl());
        return new HostConfig(0, dir, EncryptionKey.aes256("k", new byte[32]),
                new FreshBooksSettings(fbBase, fbBase, fb.clientId(), new Secret(fb.clientSecret()), fb.redirectUri(),
                        new Secret(fb.issueTokens().refreshToken()), null, null, null),
                new ProcoreSettings(pcBase, pcBase, pc.clientId(), new Secret(procoreSecret), companyId,
                        new Secret("hook-secret")), null, Duration.ofMinutes(5), AdminAccess.disabled());
    }

    @Test
    void realCredentials_everyCheckPasses_andNothingIsWritten() {
        PingReport report = Ping.run(config(company.id(), pc.clientSecret()), Clock.systemUTC());

        assertThat(report.failures()).isEmpty();
        assertThat(report.checks()).extracting(c -> c.system() + " " + c.name()).contains("FreshBooks token",
                "FreshBooks identity", "FreshBooks business", "FreshBooks project", "FreshBooks scopes",
                "Procore token", "Procore identity", "Procore company", "Procore project", "Procore vendors");
        assertThat(report.check("FreshBooks", "project").orElseThrow().detail()).contains("Harbor Tower");
        assertThat(report.check("Procore", "company").orElseThrow().detail()).contains("Harbor Point Builders");
        assertThat(report.render()).contains("Both connections work.");
        assertThat(fb.requestLog().entries(r -> !r.method().equals("GET") && !r.path().startsWith("/auth/oauth")))
                .isEmpty();
        assertThat(pc.requestLog().entries(r -> !r.method().equals("GET") && !r.path().startsWith("/oauth")))
                .isEmpty();
        assertThat(fb.bills()).isEmpty();
        assertThat(fb.expenses()).isEmpty();
    }

    @Test
    void wrongCompany_andWrongSecret_areReportedPrecisely() {
        PingReport wrongCompany = Ping.run(config(company.id() + 999, pc.clientSecret()), Clock.systemUTC());
        assertThat(wrongCompany.allOk()).isFalse();
        assertThat(wrongCompany.check("Procore", "company").orElseThrow()).satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.detail()).contains("PROCORE_COMPANY_ID");
        });
        assertThat(wrongCompany.check("FreshBooks", "token").orElseThrow().ok()).isTrue();

        PingReport wrongSecret = Ping.run(config(company.id(), "not-the-secret"), Clock.systemUTC());
        assertThat(wrongSecret.check("Procore", "token").orElseThrow().ok()).isFalse();
        assertThat(wrongSecret.render()).doesNotContain("not-the-secret").contains("[FAIL] Procore token");
    }
}
