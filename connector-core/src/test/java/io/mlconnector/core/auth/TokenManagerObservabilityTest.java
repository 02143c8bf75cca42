package io.mlconnector.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransportException;
import io.mlconnector.core.observe.RecordingListener;
import io.mlconnector.core.observe.TokenRefreshEvent;
import io.mlconnector.core.observe.TokenRefreshOutcome;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every call of the token source is reported: refreshed, failed, or re-authorization required. */
class TokenManagerObservabilityTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void refreshes_failures_andDeadGrants_areReported_timedByTheClock() {
        MutableClock clock = new MutableClock(T0);
        RecordingListener heard = new RecordingListener();
        Deque<Supplier<AccessToken>> script = new ArrayDeque<>();
        script.add(() -> {
            clock.advance(Duration.ofMillis(300));
            return new AccessToken("tok-1", clock.instant().plusSeconds(60));
        });
        script.add(() -> {
            throw new TransportException("connection refused", null);
        });
        script.add(() -> {
            throw new ReauthorizationRequiredException("refresh token revoked");
        });
        TokenManager tokens = TokenManager.builder().clock(clock).system("freshbooks").listener(heard)
                .source(() -> script.poll().get()).build();

        assertThat(tokens.token().value()).isEqualTo("tok-1");
        clock.advance(Duration.ofMinutes(2)); // expired: the next call must refresh
        assertThatThrownBy(tokens::token).isInstanceOf(TransportException.class);
        assertThatThrownBy(tokens::token).isInstanceOf(ReauthorizationRequiredException.class);

        assertThat(heard.events(TokenRefreshEvent.class)).extracting(TokenRefreshEvent::outcome).containsExactly(
                TokenRefreshOutcome.REFRESHED, TokenRefreshOutcome.FAILED, TokenRefreshOutcome.REAUTHORIZATION_REQUIRED);
        TokenRefreshEvent first = heard.events(TokenRefreshEvent.class).get(0);
        assertThat(first.system()).isEqualTo("freshbooks");
        assertThat(first.duration()).isEqualTo(Duration.ofMillis(300));
        assertThat(first.failure()).isNull();
        assertThat(heard.events(TokenRefreshEvent.class).get(2).failure()).contains("refresh token revoked");
        assertThat(heard.events(TokenRefreshEvent.class).toString()).doesNotContain("tok-1");
    }
}
