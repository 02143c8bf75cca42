package io.mlconnector.procore.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.procore.ProcoreClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the WireMock tests: one server for both the login and API hosts, a fake clock and sleeper, an encrypted
 * credential store, and helpers for the token and project-list stubs every client needs.
 */
public abstract class WireMockProcore {
    public static final long COMPANY = 5358233L;
    public static final long PROJECT = 316469L;
    public static final ProjectRef REF = new ProjectRef(COMPANY, PROJECT);
    public static final String CLIENT_ID = "client-abc";
    public static final String CLIENT_SECRET = "s3cret-value";
    public static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    protected static WireMockServer wm;
    protected MutableClock clock;
    protected RecordingSleeper sleeper;
    protected CredentialStore store;
    protected InMemoryCredentialStore rawStore;

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void resetServer() {
        wm.resetAll();
        clock = new MutableClock(START);
        sleeper = new RecordingSleeper(clock);
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        rawStore = new InMemoryCredentialStore();
        store = new EncryptedCredentialStore(rawStore, StaticKeyProvider.of(EncryptionKey.aes256("k1", raw)));
    }

    protected ProcoreClient.Builder builder() {
        return ProcoreClient.builder()
                .apiBaseUrl(wm.baseUrl()).loginBaseUrl(wm.baseUrl())
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).companyId(COMPANY)
                .credentialStore(store).clock(clock).sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(10)).build());
    }

    protected ProcoreClient client() {
        return builder().build();
    }

    /** A client whose token and project list are already loaded; the server's request log is then cleared. */
    protected ProcoreClient warmClient(long... extraProjects) {
        stubToken("tok-1", 5400);
        stubProjects(extraProjects);
        ProcoreClient c = client();
        c.validateProject(REF);
        wm.resetRequests();
        return c;
    }

    protected void stubToken(String token, long expiresIn) {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(tokenJson(token, expiresIn, clock.instant().getEpochSecond()))));
    }

    protected static String tokenJson(String token, long expiresIn, long createdAt) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"created_at\":" + createdAt + "}";
    }

    /** The company's project list (PROJECT plus extras), as one page. */
    protected void stubProjects(long... extra) {
        String rows = "{\"id\":" + PROJECT + ",\"name\":\"Tower\",\"active\":true,\"company\":{\"id\":" + COMPANY + ",\"name\":\"GC\"}}"
                + Arrays.stream(extra).mapToObj(id -> ",{\"id\":" + id + ",\"name\":\"P" + id + "\"}").collect(Collectors.joining());
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/projects")).withQueryParam("company_id", equalTo(String.valueOf(COMPANY)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Total", String.valueOf(1 + extra.length)).withBody("[" + rows + "]")));
    }

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
