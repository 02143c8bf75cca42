package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a month's report is due, by {@link MonthEndSchedule}. */
class MonthEndScheduleTest {
    @Test
    void theDefault_isTheFirstAtNoonUtc() {
        MonthEndSchedule d = MonthEndSchedule.defaults();

        assertThat(d.enabled()).isTrue();
        assertThat(d.dueAt(YearMonth.of(2024, 12))).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(d.latestDue(Instant.parse("2025-01-01T11:59:59Z"))).isEqualTo(YearMonth.of(2024, 11));
        assertThat(d.latestDue(Instant.parse("2025-01-01T12:00:00Z"))).isEqualTo(YearMonth.of(2024, 12));
        assertThat(d.latestDue(Instant.parse("2025-01-31T23:59:59Z"))).isEqualTo(YearMonth.of(2024, 12));
    }

    @Test
    void aLaterDay_inAZoneWithSummerTime() {
        MonthEndSchedule s = MonthEndSchedule.onDay(5).withTime(LocalTime.of(6, 0))
                .withZone(ZoneId.of("America/Los_Angeles"));

        assertThat(s.dueAt(YearMonth.of(2024, 2))).as("PST").isEqualTo(Instant.parse("2024-03-05T14:00:00Z"));
        assertThat(s.dueAt(YearMonth.of(2024, 3))).as("PDT").isEqualTo(Instant.parse("2024-04-05T13:00:00Z"));
        assertThat(s.latestDue(Instant.parse("2024-04-05T12:59:00Z"))).isEqualTo(YearMonth.of(2024, 2));
        assertThat(s.latestDue(Instant.parse("2024-04-05T13:00:00Z"))).isEqualTo(YearMonth.of(2024, 3));
        MonthEndSchedule first = MonthEndSchedule.defaults().withTime(LocalTime.MIDNIGHT)
                .withZone(ZoneId.of("America/Los_Angeles"));
        assertThat(first.latestDue(Instant.parse("2024-05-01T03:00:00Z"))).as("still April 30 in Los Angeles")
                .isEqualTo(YearMonth.of(2024, 3));
        assertThat(first.latestDue(Instant.parse("2024-05-01T07:00:00Z"))).isEqualTo(YearMonth.of(2024, 4));
    }

    @Test
    void offKeepsTheRest_andBadValuesAreRefused() {
        assertThat(MonthEndSchedule.off().enabled()).isFalse();
        assertThat(MonthEndSchedule.off().withEnabled(true)).isEqualTo(MonthEndSchedule.defaults());
        assertThatThrownBy(() -> MonthEndSchedule.onDay(29)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 28");
        assertThatThrownBy(() -> MonthEndSchedule.onDay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthEndSchedule.defaults().withRetryDelay(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyncPolicy.builder().monthEnd(MonthEndSchedule.onDay(3)).build().toBuilder().build().monthEnd())
                .isEqualTo(MonthEndSchedule.onDay(3));
        assertThat(SyncPolicy.builder().monthEnd(null).build().monthEnd()).isEqualTo(MonthEndSchedule.defaults());
    }
}
