package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.observe.HttpAttemptEvent;
import io.mlconnector.core.observe.HttpRetryEvent;
import io.mlconnector.core.observe.RecordingListener;
import io.mlconnector.core.observe.TokenRefreshEvent;
import io.mlconnector.core.observe.TokenRefreshOutcome;
import io.mlconnector.procore.support.WireMockProcore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A listener given to the client's builder hears its requests, retries (with the budget) and token refreshes. */
class ClientListenerTest extends WireMockProcore {
    private static final String ME = "{\"id\":1,\"login\":\"svc\",\"name\":\"svc\"}";

    @Test
    void requestsRetriesAndTokenRefreshes_areReportedAsProcore() {
        stubToken("tok-1", 5400);
        Instant reset = clock.instant().plusSeconds(1);
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("X-Rate-Limit-Limit", "3600").withHeader("X-Rate-Limit-Remaining", "0")
                        .withHeader("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond())))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/me")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(json(200, ME)));
        RecordingListener heard = new RecordingListener();
        ProcoreClient c = builder().listener(heard).build();

        c.companies().me();

        assertThat(heard.events(TokenRefreshEvent.class)).singleElement().satisfies(t -> {
            assertThat(t.system()).isEqualTo("procore");
            assertThat(t.outcome()).isEqualTo(TokenRefreshOutcome.REFRESHED);
        });
        assertThat(heard.events(HttpAttemptEvent.class)).allSatisfy(a -> assertThat(a.system()).isEqualTo("procore"))
                .extracting(a -> a.path() + " " + a.status())
                .containsExactly("/oauth/token 200", "/rest/v1.0/me 429", "/rest/v1.0/me 200");
        assertThat(heard.events(HttpRetryEvent.class)).singleElement().satisfies(r -> {
            assertThat(r.rateLimited()).isTrue();
            assertThat(r.budget().remaining()).isZero();
            assertThat(r.budget().limit()).isEqualTo(3600);
        });
    }
}
