package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Network failures a real server cannot produce on demand, played back by a scripted client. */
class HttpTransportFailureTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final FakeSleeper sleeper = new FakeSleeper(clock);
    private final ScriptedHttpClient client = new ScriptedHttpClient();
    private final HttpTransport transport = HttpTransport.builder().httpClient(client).clock(clock)
            .sleeper(sleeper).retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build();

    private static ApiRequest post() {
        return ApiRequest.builder(HttpMethod.POST, URI.create("https://api.example.com/rest/v1.1/requisitions"))
                .jsonBody("{}").build();
    }

    private static ApiRequest get() {
        return ApiRequest.builder(HttpMethod.GET, URI.create("https://api.example.com/rest/v1.0/vendors")).build();
    }

    @Test
    void postWhoseConnectTimedOut_isRetried_becauseItNeverLeft() {
        client.then(new ScriptedHttpClient.Fail(new HttpConnectTimeoutException("connect timed out")))
                .then(new ScriptedHttpClient.Answer(201, "{\"id\":1}"));

        assertThat(transport.send(post()).status()).isEqualTo(201);
        assertThat(client.sent).hasSize(2);
    }

    @Test
    void postWhoseConnectionWasRefused_isRetried() {
        client.then(new ScriptedHttpClient.Fail(new ConnectException("Connection refused")))
                .then(new ScriptedHttpClient.Answer(201, "{}"));

        assertThat(transport.send(post()).status()).isEqualTo(201);
        assertThat(client.sent).hasSize(2);
    }

    @Test
    void postThatBrokeAfterSending_isUncertain_andNotRetried() {
        client.then(new ScriptedHttpClient.Fail(new IOException("Connection reset")));

        assertThatThrownBy(() -> transport.send(post())).isInstanceOf(OutcomeUncertainException.class)
                .hasMessageContaining("Connection reset");
        assertThat(client.sent).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void postWhoseResponseTimedOut_isUncertain() {
        client.then(new ScriptedHttpClient.Fail(new HttpTimeoutException("request timed out")));

        assertThatThrownBy(() -> transport.send(post())).isInstanceOf(OutcomeUncertainException.class)
                .hasMessageContaining("timed out");
        assertThat(client.sent).hasSize(1);
    }

    @Test
    void getFailingOnEveryAttempt_raisesTransportException_afterTheLimit() {
        client.then(new ScriptedHttpClient.Fail(new IOException("reset 1")))
                .then(new ScriptedHttpClient.Fail(new HttpTimeoutException("timeout 2")))
                .then(new ScriptedHttpClient.Fail(new IOException("reset 3")));

        assertThatThrownBy(() -> transport.send(get()))
                .isExactlyInstanceOf(TransportException.class)
                .hasMessageContaining("after 3 attempt(s)");
        assertThat(client.sent).hasSize(3);
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void interruption_stopsAtOnce_andKeepsTheInterruptFlag() {
        client.then(new ScriptedHttpClient.Fail(new InterruptedException()));
        try {
            assertThatThrownBy(() -> transport.send(get())).isInstanceOf(TransportException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(client.sent).hasSize(1);
    }
}
