package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static RetryPolicy seeded(long seed) {
        return RetryPolicy.builder().baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(30))
                .random(new Random(seed)).build();
    }

    @Test
    void backoff_staysWithinHalfToFullOfTheExponentialStep_cappedAtMaxDelay() {
        for (long seed = 0; seed < 50; seed++) {
            RetryPolicy p = seeded(seed);
            for (int attempt = 1; attempt <= 12; attempt++) {
                long step = Math.min(500L << (attempt - 1), 30_000L);
                Duration d = p.delayAfter(attempt, null);
                assertThat(d).as("seed %d attempt %d", seed, attempt)
                        .isBetween(Duration.ofMillis(step / 2), Duration.ofMillis(step));
            }
        }
    }

    @Test
    void backoff_isJittered_andReproducibleWithTheSameSeed() {
        List<Duration> a = new ArrayList<>();
        List<Duration> b = new ArrayList<>();
        List<Duration> other = new ArrayList<>();
        RetryPolicy pa = seeded(42);
        RetryPolicy pb = seeded(42);
        RetryPolicy po = seeded(43);
        for (int i = 0; i < 20; i++) {
            a.add(pa.delayAfter(3, null));
            b.add(pb.delayAfter(3, null));
            other.add(po.delayAfter(3, null));
        }

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void veryLateAttempts_doNotOverflow() {
        RetryPolicy p = seeded(1);

        assertThat(p.delayAfter(64, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(p.delayAfter(Integer.MAX_VALUE, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void serverHint_winsOverBackoff_butIsCapped() {
        RetryPolicy p = RetryPolicy.builder().maxRetryAfter(Duration.ofMinutes(2)).random(new Random(1)).build();

        assertThat(p.delayAfter(1, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(5, Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(p.delayAfter(1, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void defaults_retry429AndGatewayErrors_only() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.maxAttempts()).isEqualTo(4);
        assertThat(List.of(429, 502, 503, 504)).allMatch(p::isRetryableStatus);
        assertThat(List.of(400, 401, 403, 404, 409, 422, 500, 501)).noneMatch(p::isRetryableStatus);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void retryableStatuses_areConfigurable() {
        RetryPolicy p = RetryPolicy.builder().retryableStatuses(Set.of(409)).build();

        assertThat(p.isRetryableStatus(409)).isTrue();
        assertThat(p.isRetryableStatus(503)).isFalse();
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
