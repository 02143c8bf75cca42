package io.mlconnector.freshbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.observe.HttpAttemptEvent;
import io.mlconnector.core.observe.RecordingListener;
import io.mlconnector.core.observe.TokenRefreshEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A listener given to the client's builder hears its requests and token refreshes, tagged freshbooks. */
class ClientListenerTest extends WireMockSupport {

    @Test
    void requestsAndTokenRefreshes_areReportedAsFreshBooks_withTheAccountIdTemplated() {
        WM.stubFor(get(urlPathEqualTo(acct("bill_vendors/bill_vendors/7"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(single("bill_vendor",
                        "{\"vendorid\":7,\"vendor_name\":\"IKEA\",\"vis_state\":0,\"outstanding_balance\":[]}"))));
        RecordingListener heard = new RecordingListener();
        FreshBooksClient fb = FreshBooksClient.builder().apiBaseUrl(base())
                .tokenSource(() -> new AccessToken("test-token", Instant.now().plusSeconds(3600))).accountId(ACCOUNT)
                .retryPolicy(RetryPolicy.none()).listener(heard).build();

        fb.billVendors().get(7);

        assertThat(heard.events(TokenRefreshEvent.class)).singleElement()
                .satisfies(t -> assertThat(t.system()).isEqualTo("freshbooks"));
        assertThat(heard.events(HttpAttemptEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.system()).isEqualTo("freshbooks");
            assertThat(a.method()).isEqualTo(HttpMethod.GET);
            assertThat(a.path()).isEqualTo("/accounting/account/{id}/bill_vendors/bill_vendors/{id}");
            assertThat(a.status()).isEqualTo(200);
        });
    }
}
