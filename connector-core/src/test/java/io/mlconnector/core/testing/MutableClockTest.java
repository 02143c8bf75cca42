package io.mlconnector.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void advance_movesInstantAndSharesTimeWithZonedCopies() {
        MutableClock clock = MutableClock.at("2024-05-01T12:00:00Z");
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        Instant after = clock.advance(Duration.ofMinutes(90));

        assertThat(after).isEqualTo(Instant.parse("2024-05-01T13:30:00Z"));
        assertThat(clock.instant()).isEqualTo(after);
        assertThat(paris.instant()).isEqualTo(after);
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void set_jumpsToInstant() {
        MutableClock clock = MutableClock.at("2024-05-01T12:00:00Z");
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    }
}
