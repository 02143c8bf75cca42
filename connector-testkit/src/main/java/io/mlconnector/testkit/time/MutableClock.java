package io.mlconnector.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A thread-safe {@link Clock} that tests move by hand, so token expiry and rate-limit windows need no waiting. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the start
     * @return a clock standing at {@code start}, in UTC
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start)), ZoneOffset.UTC);
    }

    /**
     * A clock standing at the current system time, in UTC.
     *
     * @return a clock standing at the current system time, in UTC
     */
    public static MutableClock startingNow() {
        return at(Instant.now());
    }

    /**
     * Moves the clock forward (or backward, for a negative duration) and returns the new instant.
     *
     * @param by the by
     * @return the advance
     */
    public Instant advance(Duration by) {
        return now.updateAndGet(i -> i.plus(by));
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @param instant the instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
