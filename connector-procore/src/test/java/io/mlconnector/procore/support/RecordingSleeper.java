package io.mlconnector.procore.support;

import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that advances core's test {@link MutableClock} instead of sleeping, records every wait and runs a hook first. */
public final class RecordingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeSleep = () -> { };

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs {@code hook} at the start of every sleep (e.g. to check what the server has seen so far). */
    public void beforeSleep(Runnable hook) {
        this.beforeSleep = hook;
    }

    @Override
    public void sleep(Duration duration) {
        beforeSleep.run();
        sleeps.add(duration);
        if (!duration.isNegative()) {
            clock.advance(duration);
        }
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
