package io.mlconnector.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochNanosTest {
    @Test
    void instantsRoundTripToTheNanosecond() {
        Instant t = Instant.parse("2025-03-01T10:00:00.123456789Z");

        assertThat(EpochNanos.of(t)).isEqualTo(1_740_823_200_123_456_789L);
        assertThat(EpochNanos.toInstant(1_740_823_200_123_456_789L)).isEqualTo(t);
    }

    @Test
    void instantsBeforeTheEpoch_roundTrip() {
        Instant t = Instant.parse("1969-12-31T23:59:59.999999999Z");

        assertThat(EpochNanos.of(t)).isEqualTo(-1L);
        assertThat(EpochNanos.toInstant(-1L)).isEqualTo(t);
    }

    @Test
    void rangeEnds_areTheLongLimits() {
        assertThat(EpochNanos.toInstant(Long.MAX_VALUE)).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
        assertThat(EpochNanos.toInstant(Long.MIN_VALUE)).isEqualTo(Instant.parse("1677-09-21T00:12:43.145224192Z"));
    }

    @Test
    void null_staysNull() {
        assertThat(EpochNanos.of(null)).isNull();
    }

    @Test
    void instantsOutsideTheRange_areRejectedClearly() {
        assertThatThrownBy(() -> EpochNanos.of(Instant.parse("2262-04-11T23:47:16.854775808Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1677-09-21 to 2262-04-11");
        assertThatThrownBy(() -> EpochNanos.of(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpochNanos.of(Instant.MIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
