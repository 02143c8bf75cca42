package io.mlconnector.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When the engine makes a connection's month-end reconciliation by itself (part of {@link SyncPolicy}): once a month
 * has closed, on {@code dayOfMonth} of the next month at {@code time} in {@code zone}, the engine started with
 * {@link SyncEngine#start} compares the closed month ({@link SyncEngine#reconcile}), keeps the report in the state
 * store and raises one audit event per difference; one node does it per connection and month however many share the
 * store. A run that fails (a system could not be read) keeps nothing and is tried again after {@code retryDelay}.
 *
 * <p>Default ({@link #defaults()}): on, the 1st at 12:00 UTC, which is after midnight of the 1st from UTC-12 to
 * UTC+12, so the month has closed wherever the books are kept, and leaves the last day's records the morning to sync.
 * An engine that was down at the due time runs the latest closed month when it starts again (older months it missed
 * are not made automatically; {@link SyncEngine#reconcile} makes any month on demand). {@link #off()} turns it off.
 *
 * @param enabled    whether the engine makes the report by itself
 * @param dayOfMonth the day of the month after the closed one on which the report is due, 1 to 28 (every month has it)
 * @param time       the local time on that day from which the report is due
 * @param zone       the time zone of {@code dayOfMonth} and {@code time} (the books' time zone)
 * @param retryDelay how long after a failed run the next attempt waits, positive
 */
public record MonthEndSchedule(boolean enabled, int dayOfMonth, LocalTime time, ZoneId zone, Duration retryDelay) {
    /** The latest day allowed: every month has a 28th. */
    public static final int MAX_DAY_OF_MONTH = 28;
    /** The default time of day the report is due, 12:00. */
    public static final LocalTime DEFAULT_TIME = LocalTime.NOON;
    /** The default wait after a failed run, 15 minutes. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(15);

    /**
     * Checks the components.
     *
     * @param enabled whether the engine makes the report by itself
     * @param dayOfMonth the day of the month after the closed one on which the report is due, 1 to 28
     * @param time the local time on that day from which the report is due
     * @param zone the time zone of {@code dayOfMonth} and {@code time}
     * @param retryDelay how long after a failed run the next attempt waits, positive
     * @throws IllegalArgumentException when {@code dayOfMonth} is not between 1 and 28 or {@code retryDelay} is not
     *     positive
     */
    public MonthEndSchedule {
        if (dayOfMonth < 1 || dayOfMonth > MAX_DAY_OF_MONTH) {
            throw new IllegalArgumentException("dayOfMonth must be between 1 and " + MAX_DAY_OF_MONTH + ": "
                    + dayOfMonth);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("retryDelay must be positive");
        }
    }

    /**
     * On, due the 1st at 12:00 UTC, retried 15 minutes after a failure.
     *
     * @return the default schedule
     */
    public static MonthEndSchedule defaults() {
        return new MonthEndSchedule(true, 1, DEFAULT_TIME, ZoneOffset.UTC, DEFAULT_RETRY_DELAY);
    }

    /**
     * Off: the engine never makes the report by itself ({@link SyncEngine#reconcile} still makes one on demand).
     *
     * @return the default schedule, turned off
     */
    public static MonthEndSchedule off() {
        return defaults().withEnabled(false);
    }

    /**
     * On, due on {@code dayOfMonth} at 12:00 UTC.
     *
     * @param dayOfMonth the day of the month after the closed one, 1 to 28
     * @return the schedule
     * @throws IllegalArgumentException when {@code dayOfMonth} is not between 1 and 28
     */
    public static MonthEndSchedule onDay(int dayOfMonth) {
        return defaults().withDayOfMonth(dayOfMonth);
    }

    /**
     * This schedule turned on or off.
     *
     * @param value whether the engine makes the report by itself
     * @return the schedule
     */
    public MonthEndSchedule withEnabled(boolean value) {
        return new MonthEndSchedule(value, dayOfMonth, time, zone, retryDelay);
    }

    /**
     * This schedule with another due day.
     *
     * @param value the day of the month after the closed one, 1 to 28
     * @return the schedule
     * @throws IllegalArgumentException when {@code value} is not between 1 and 28
     */
    public MonthEndSchedule withDayOfMonth(int value) {
        return new MonthEndSchedule(enabled, value, time, zone, retryDelay);
    }

    /**
     * This schedule with another due time.
     *
     * @param value the local time on the due day
     * @return the schedule
     */
    public MonthEndSchedule withTime(LocalTime value) {
        return new MonthEndSchedule(enabled, dayOfMonth, value, zone, retryDelay);
    }

    /**
     * This schedule in another time zone.
     *
     * @param value the time zone of the due day and time
     * @return the schedule
     */
    public MonthEndSchedule withZone(ZoneId value) {
        return new MonthEndSchedule(enabled, dayOfMonth, time, value, retryDelay);
    }

    /**
     * This schedule with another wait after a failed run.
     *
     * @param value a positive duration
     * @return the schedule
     * @throws IllegalArgumentException when {@code value} is not positive
     */
    public MonthEndSchedule withRetryDelay(Duration value) {
        return new MonthEndSchedule(enabled, dayOfMonth, time, zone, value);
    }

    /**
     * When the report of {@code period} is due: {@code dayOfMonth} of the next month at {@code time} in {@code zone}.
     *
     * @param period the month compared
     * @return the instant from which the report is due
     */
    public Instant dueAt(YearMonth period) {
        return period.plusMonths(1).atDay(dayOfMonth).atTime(time).atZone(zone).toInstant();
    }

    /**
     * The latest month whose report is due at {@code now} (the month before last while this month's due time has not
     * come yet).
     *
     * @param now the current time
     * @return the latest month due
     */
    public YearMonth latestDue(Instant now) {
        YearMonth previous = YearMonth.from(now.atZone(zone)).minusMonths(1);
        return dueAt(previous).isAfter(now) ? previous.minusMonths(1) : previous;
    }
}
