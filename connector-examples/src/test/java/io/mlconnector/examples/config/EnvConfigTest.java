package io.mlconnector.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {
    /** 32 bytes 0x00..0x1f in standard Base64 (computed with python3: base64.b64encode(bytes(range(32)))). */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("MLC_MASTER_KEY", KEY);
        env.put("FRESHBOOKS_CLIENT_ID", "fb-client");
        env.put("FRESHBOOKS_CLIENT_SECRET", "fb-secret-value");
        env.put("PROCORE_CLIENT_ID", "pc-client");
        env.put("PROCORE_CLIENT_SECRET", "pc-secret-value");
        env.put("PROCORE_COMPANY_ID", "5358233");
        env.put("PROCORE_WEBHOOK_SECRET", "hook-secret-value");
        env.put("MLC_ADMIN_TOKEN", ADMIN_TOKEN);
        return env;
    }

    @Test
    void minimalEnvironment_getsDocumentedDefaults() {
        HostConfig c = EnvConfig.parse(minimal());

        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("mlc-data"));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.mappingsFile()).isNull();
        assertThat(c.freshBooks().apiUrl()).hasToString("https://api.freshbooks.com");
        assertThat(c.freshBooks().authUrl()).hasToString("https://auth.freshbooks.com");
        assertThat(c.procore().apiUrl()).hasToString("https://api.procore.com");
        assertThat(c.procore().loginUrl()).hasToString("https://login.procore.com");
        assertThat(c.procore().companyId()).isEqualTo(5358233L);
        assertThat(c.freshBooks().refreshToken()).isNull();
        assertThat(c.freshBooks().accountId()).isNull();
        assertThat(c.masterKey().key().getEncoded()).hasSize(32).startsWith(0, 1, 2, 3);
    }

    @Test
    void everyVariable_isRead() {
        Map<String, String> env = minimal();
        env.put("MLC_PORT", "9090");
        env.put("MLC_DATA_DIR", "/var/lib/mlc");
        env.put("FRESHBOOKS_API_URL", "http://127.0.0.1:1234");
        env.put("FRESHBOOKS_AUTH_URL", "http://127.0.0.1:1235");
        env.put("FRESHBOOKS_REDIRECT_URI", "https://erp.example.com/oauth/freshbooks");
        env.put("FRESHBOOKS_REFRESH_TOKEN", "refresh-value");
        env.put("FRESHBOOKS_ACCOUNT_ID", "6BApk");
        env.put("FRESHBOOKS_BUSINESS_ID", "6543");
        env.put("FRESHBOOKS_WEBHOOK_VERIFIER", "verifier-value");
        env.put("PROCORE_API_URL", "http://127.0.0.1:2234");
        env.put("PROCORE_LOGIN_URL", "http://127.0.0.1:2235");
        env.put("MLC_MAPPINGS", "/etc/mlc/mappings.json");
        env.put("MLC_POLL_INTERVAL", "PT30S");

        HostConfig c = EnvConfig.parse(env);

        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/mlc"));
        assertThat(c.freshBooks().apiUrl()).hasToString("http://127.0.0.1:1234");
        assertThat(c.freshBooks().authUrl()).hasToString("http://127.0.0.1:1235");
        assertThat(c.freshBooks().redirectUri()).isEqualTo("https://erp.example.com/oauth/freshbooks");
        assertThat(c.freshBooks().refreshToken().reveal()).isEqualTo("refresh-value");
        assertThat(c.freshBooks().accountId()).isEqualTo("6BApk");
        assertThat(c.freshBooks().businessId()).isEqualTo(6543L);
        assertThat(c.freshBooks().webhookVerifier().reveal()).isEqualTo("verifier-value");
        assertThat(c.procore().apiUrl()).hasToString("http://127.0.0.1:2234");
        assertThat(c.procore().loginUrl()).hasToString("http://127.0.0.1:2235");
        assertThat(c.mappingsFile()).isEqualTo(Path.of("/etc/mlc/mappings.json"));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(EnvConfig.ALL).hasSize(22).containsAll(env.keySet());
    }

    @Test
    void emptyEnvironment_listsEveryRequiredVariableAtOnce() {
        assertThatThrownBy(() -> EnvConfig.parse(Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "MLC_MASTER_KEY is required", "FRESHBOOKS_CLIENT_ID is required",
                        "FRESHBOOKS_CLIENT_SECRET is required", "PROCORE_CLIENT_ID is required",
                        "PROCORE_CLIENT_SECRET is required", "PROCORE_COMPANY_ID is required",
                        "PROCORE_WEBHOOK_SECRET is required",
                        "MLC_ADMIN_TOKEN is required (at least 24 characters, e.g. openssl rand -hex 24) unless "
                                + "MLC_ADMIN_AUTH=disabled"));
    }

    @Test
    void adminToken_isRequired_unlessExplicitlyDisabled_andMustBeLongEnough() {
        Map<String, String> env = minimal();
        HostConfig withToken = EnvConfig.parse(env);
        assertThat(withToken.admin().tokenRequired()).isTrue();
        assertThat(withToken.admin().accepts("Bearer " + ADMIN_TOKEN)).isTrue();
        assertThat(withToken.admin().accepts("Bearer " + ADMIN_TOKEN + "x")).isFalse();
        assertThat(withToken.admin().accepts(null)).isFalse();
        assertThat(withToken.toString()).doesNotContain(ADMIN_TOKEN);

        env.remove("MLC_ADMIN_TOKEN");
        env.put("MLC_ADMIN_AUTH", "disabled");
        assertThat(EnvConfig.parse(env).admin().tokenRequired()).isFalse();

        env.put("MLC_ADMIN_AUTH", "off");
        assertThatThrownBy(() -> EnvConfig.parse(env)).hasMessageContaining("MLC_ADMIN_AUTH must be 'disabled' or unset");

        env.remove("MLC_ADMIN_AUTH");
        env.put("MLC_ADMIN_TOKEN", "short");
        assertThatThrownBy(() -> EnvConfig.parse(env)).hasMessageContaining("MLC_ADMIN_TOKEN must be at least 24");
    }

    @Test
    void invalidValues_areNamedWithWhatIsExpected() {
        Map<String, String> env = minimal();
        env.put("MLC_PORT", "eighty");
        env.put("FRESHBOOKS_API_URL", "api.freshbooks.com");
        env.put("PROCORE_COMPANY_ID", "-4");
        env.put("FRESHBOOKS_BUSINESS_ID", "abc");
        env.put("MLC_MAPPINGS", "mappings.xlsx");
        env.put("MLC_POLL_INTERVAL", "5 minutes");

        assertThatThrownBy(() -> EnvConfig.parse(env)).isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "MLC_PORT must be a port number from 0 to 65535 (got 'eighty')",
                        "FRESHBOOKS_API_URL must be an absolute http(s) URL (got 'api.freshbooks.com')",
                        "PROCORE_COMPANY_ID must be a positive whole number (got '-4')",
                        "FRESHBOOKS_BUSINESS_ID must be a positive whole number (got 'abc')",
                        "MLC_MAPPINGS must name a .csv or .json file (got 'mappings.xlsx')",
                        "MLC_POLL_INTERVAL must be a positive ISO-8601 duration such as PT5M or PT30S (got '5 minutes')"));
    }

    @Test
    void badMasterKey_isExplainedWithoutRepeatingIt() {
        Map<String, String> env = minimal();
        env.put("MLC_MASTER_KEY", "c2hvcnQta2V5"); // "short-key"
        assertThatThrownBy(() -> EnvConfig.parse(env))
                .hasMessageContaining("MLC_MASTER_KEY must decode to 32 bytes (AES-256) but decodes to 9")
                .hasMessageNotContaining("c2hvcnQta2V5");

        env.put("MLC_MASTER_KEY", "not base64 at all!");
        assertThatThrownBy(() -> EnvConfig.parse(env))
                .hasMessageContaining("MLC_MASTER_KEY must be Base64")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void zeroPollInterval_isRefused() {
        Map<String, String> env = minimal();
        env.put("MLC_POLL_INTERVAL", "PT0S");
        assertThatThrownBy(() -> EnvConfig.parse(env)).hasMessageContaining("MLC_POLL_INTERVAL must be a positive");
    }

    @Test
    void secrets_neverAppearInToString() {
        Map<String, String> env = minimal();
        env.put("FRESHBOOKS_REFRESH_TOKEN", "refresh-value");
        env.put("FRESHBOOKS_WEBHOOK_VERIFIER", "verifier-value");

        String printed = EnvConfig.parse(env).toString();

        assertThat(printed).contains("fb-client", "pc-client", "5358233")
                .doesNotContain("fb-secret-value", "pc-secret-value", "hook-secret-value", "refresh-value",
                        "verifier-value", KEY);
    }

    @Test
    void sameKey_getsSameId_andAnotherKeyAnotherId() {
        String id = EnvConfig.parse(minimal()).masterKey().id();
        Map<String, String> other = minimal();
        other.put("MLC_MASTER_KEY", "HxwdHhscGRoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwI="); // another 32-byte key
        assertThat(EnvConfig.parse(minimal()).masterKey().id()).isEqualTo(id).startsWith("mlc-");
        assertThat(EnvConfig.parse(other).masterKey().id()).isNotEqualTo(id);
    }
}
