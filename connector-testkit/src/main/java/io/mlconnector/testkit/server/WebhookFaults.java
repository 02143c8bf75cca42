package io.mlconnector.testkit.server;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Runtime-settable faults for outgoing webhooks: drop, delay and duplicate deliveries. Thread-safe. */
public final class WebhookFaults {

    /**
     * What to do with one event about to be delivered.
     *
     * @param drop   never send it
     * @param delay  wait this long before the first attempt
     * @param copies how many times to send it (2 = one duplicate)
     */
    public record Decision(boolean drop, Duration delay, int copies) { }

    private final Random random;
    private final AtomicInteger dropNext = new AtomicInteger();
    private volatile double dropRate;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private volatile double duplicateRate;

    /**
     * Faults drawing randomness from {@code random}.
     *
     * @param random the random
     */
    public WebhookFaults(Random random) {
        this.random = random;
    }

    /**
     * Silently drops the next {@code count} events.
     *
     * @param count silently drops the next {@code count} events
     * @return this webhook faults
     */
    public WebhookFaults dropNext(int count) {
        dropNext.set(count);
        return this;
    }

    /**
     * Silently drops this fraction (0..1) of events.
     *
     * @param rate silently drops this fraction (0..1) of events
     * @return this webhook faults
     */
    public WebhookFaults dropRate(double rate) {
        this.dropRate = rate;
        return this;
    }

    /**
     * Delays every event by {@code delay} before its first attempt.
     *
     * @param delay wait this long before the first attempt
     * @return this webhook faults
     */
    public WebhookFaults delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /**
     * Delivers the next {@code count} events twice.
     *
     * @param count the count
     * @return this webhook faults
     */
    public WebhookFaults duplicateNext(int count) {
        duplicateNext.set(count);
        return this;
    }

    /**
     * Delivers this fraction (0..1) of events twice.
     *
     * @param rate the rate
     * @return this webhook faults
     */
    public WebhookFaults duplicateRate(double rate) {
        this.duplicateRate = rate;
        return this;
    }

    /**
     * Removes every webhook fault.
     *
     * @return the clear
     */
    public WebhookFaults clear() {
        dropNext.set(0);
        dropRate = 0;
        delay = Duration.ZERO;
        duplicateNext.set(0);
        duplicateRate = 0;
        return this;
    }

    /**
     * Decides the fate of one event.
     *
     * @return the decide
     */
    public Decision decide() {
        boolean drop = take(dropNext) || chance(dropRate);
        if (drop) {
            return new Decision(true, delay, 0);
        }
        int copies = take(duplicateNext) || chance(duplicateRate) ? 2 : 1;
        return new Decision(false, delay, copies);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}
