package io.mlconnector.testkit.clients;

import io.mlconnector.core.http.Sleeper;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} for clients under test: instead of waiting it moves the {@link MutableClock} the sandbox and the
 * client share, and records every wait so a test can say how long the client paused and why.
 */
final class ClockSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    ClockSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        if (!duration.isNegative()) {
            clock.advance(duration);
        }
    }

    /** Every wait, in order. */
    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of every wait. */
    synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
