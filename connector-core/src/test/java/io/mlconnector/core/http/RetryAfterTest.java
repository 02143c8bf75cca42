package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.parse("2", clock)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", clock)).contains(Duration.ZERO);
    }

    @Test
    void httpDate_isTurnedIntoADelayFromTheClock() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 10:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:59:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void absentOrGarbage_isEmpty() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("2025-03-01T10:00:00Z", clock)).isEmpty();
    }
}
