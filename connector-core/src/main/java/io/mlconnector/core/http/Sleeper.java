package io.mlconnector.core.http;

import java.time.Duration;

/** Waits for a duration; injectable so tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real {@link Thread#sleep}.
     *
     * @return the real {@link Thread#sleep}
     */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
