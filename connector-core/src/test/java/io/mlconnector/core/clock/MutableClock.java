package io.mlconnector.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Clock} that only moves when a test moves it. {@link #sleep(Duration)} advances it and records the
 * duration, so it doubles as an {@code io.mlconnector.core.http.Sleeper} ({@code clock::sleep}). Thread-safe.
 */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("a MutableClock is shared by reference; use UTC");
    }

    /** Moves time forward. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + d);
        }
        now = now.plus(d);
    }

    /** Sets the time. */
    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** A sleep that advances the clock instead of waiting; every call is recorded. */
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        if (!d.isNegative()) {
            now = now.plus(d);
        }
    }

    /** Every duration passed to {@link #sleep(Duration)}, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
