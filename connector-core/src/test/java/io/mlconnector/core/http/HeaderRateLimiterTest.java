package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderRateLimiterTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    private HeaderRateLimiter.Builder limiter() {
        return HeaderRateLimiter.builder().clock(clock).sleeper(sleeper);
    }

    private static ApiResponse response(int status, String limit, String remaining, String reset) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        if (limit != null) {
            h.put("X-Rate-Limit-Limit", List.of(limit));
        }
        if (remaining != null) {
            h.put("X-Rate-Limit-Remaining", List.of(remaining));
        }
        if (reset != null) {
            h.put("X-Rate-Limit-Reset", List.of(reset));
        }
        return new ApiResponse(status, h, new byte[0]);
    }

    private static String epoch(Instant i) {
        return Long.toString(i.getEpochSecond());
    }

    @Test
    void withoutHeaders_neverWaits() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, null, null, null));

        for (int i = 0; i < 10; i++) {
            l.acquire();
        }

        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(l.remaining()).isEqualTo(-1);
    }

    @Test
    void ampleBudget_neverWaits() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "3600", "3000", epoch(T0.plusSeconds(1800))));

        for (int i = 0; i < 50; i++) {
            l.acquire();
        }

        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(l.remaining()).isEqualTo(2950);
    }

    @Test
    void exhaustedBudget_waitsUntilTheReset() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "3600", "0", epoch(T0.plusSeconds(30))));

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30));
        l.acquire(); // the window has reset: the budget is unknown again, so nobody waits
        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(l.waitCount()).isEqualTo(1);
    }

    @Test
    void exhaustedBudget_holdsBackEveryCallerUntilTheReset_notJustTheFirst() throws InterruptedException {
        // a sleeper that does not move time: both callers arrive before the reset
        List<Duration> waits = new ArrayList<>();
        HeaderRateLimiter l = limiter().sleeper(waits::add).build();
        l.onResponse(response(200, "3600", "0", epoch(T0.plusSeconds(30))));

        l.acquire();
        clock.advance(Duration.ofSeconds(10));
        l.acquire();

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    @Test
    void a429WithHeaders_exhaustsTheBudget_evenIfRemainingSaysOtherwise() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(429, "25", "3", epoch(T0.plusSeconds(8))));

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(8));
    }

    @Test
    void lowBudget_spreadsTheRemainingCallsOverTheWindow() throws InterruptedException {
        // limit 100, low watermark 10 %: with 5 calls left and 60 s to go, calls are spaced out, not burst
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "100", "5", epoch(T0.plusSeconds(60))));
        List<Instant> sentAt = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            l.acquire();
            sentAt.add(clock.instant());
        }

        // the 5 budgeted calls all fall inside the window, at least 12 s (= 60 s / 5) apart
        for (int i = 1; i < 5; i++) {
            assertThat(Duration.between(sentAt.get(i - 1), sentAt.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
        }
        assertThat(sentAt.get(4)).isBefore(T0.plusSeconds(60));
        // the 6th had no budget left and waited for the reset
        assertThat(sentAt.get(5)).isEqualTo(T0.plusSeconds(60));
        // hand-computed schedule: slots at 0, 12, 27, 43, 59.5 s, then the reset at 60 s
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(15),
                Duration.ofSeconds(16), Duration.ofMillis(16_500), Duration.ofMillis(500));
    }

    @Test
    void aboveTheLowWatermark_callsAreNotSpread() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "100", "20", epoch(T0.plusSeconds(60))));

        for (int i = 0; i < 10; i++) {
            l.acquire();
        }

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void resetGivenAsSecondsFromNow_isUnderstood() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "25", "0", "7"));

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aResetFurtherThanMaxWait_raisesRateLimited_insteadOfBlocking() {
        HeaderRateLimiter l = limiter().maxWait(Duration.ofMinutes(5)).build();
        l.onResponse(response(429, "3600", "0", epoch(T0.plusSeconds(1800))));

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, l::acquire);

        assertThat(e).isNotNull();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1800));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void customHeaderNames_areRead() throws InterruptedException {
        HeaderRateLimiter l = limiter().headers("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset").build();
        l.onResponse(new ApiResponse(200, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(epoch(T0.plusSeconds(3)))), new byte[0]));

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void unparseableHeaders_areIgnored() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "lots", "none", "soon"));

        l.acquire();

        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void builder_rejectsNonsense() {
        assertThatThrownBy(() -> HeaderRateLimiter.builder().lowWatermark(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderRateLimiter.builder().maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLateResponseOfTheSameWindow_doesNotGiveBackSpentBudget() {
        HeaderRateLimiter l = limiter().build();
        String reset = epoch(T0.plusSeconds(10));
        l.onResponse(response(200, "100", "3", reset));   // the newest answer
        l.onResponse(response(200, "100", "40", reset));  // an older request's answer arriving late

        assertThat(l.remaining()).isEqualTo(3);
        l.onResponse(response(200, "100", "95", epoch(T0.plusSeconds(20)))); // the next window
        assertThat(l.remaining()).isEqualTo(95);
    }

    @Test
    void resetMargin_delaysTheReopeningOfAnExhaustedWindow() throws InterruptedException {
        HeaderRateLimiter l = limiter().resetMargin(Duration.ofSeconds(1)).build();
        l.onResponse(response(429, "100", "0", epoch(T0.plusSeconds(5))));

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(6));
        assertThatThrownBy(() -> HeaderRateLimiter.builder().resetMargin(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHourlyWindowReportedAfterAnExhaustedSpikeWindow_doesNotReleaseTheCallers() throws InterruptedException {
        HeaderRateLimiter l = limiter().build();
        l.onResponse(response(200, "100", "0", epoch(T0.plusSeconds(8))));        // 10-second spike window spent
        l.onResponse(response(200, "14400", "14000", epoch(T0.plusSeconds(3000)))); // a late answer names the hour

        l.acquire();

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(8));
        assertThat(l.remaining()).isEqualTo(14000);
    }
}
