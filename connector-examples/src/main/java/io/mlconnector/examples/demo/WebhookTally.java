package io.mlconnector.examples.demo;

import io.mlconnector.examples.host.WebhookObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the host's webhook answers per vendor and answer state ({@code queued}, {@code duplicate}, {@code echo},
 * {@code handshake}, or the HTTP status for errors), and lets a caller wait for a count without sleeping: every answer
 * wakes the waiters.
 */
public final class WebhookTally implements WebhookObserver {
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");

    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized void answered(String vendor, int status, String body) {
        String state = String.valueOf(status);
        if (status == 200 && body != null) {
            Matcher m = STATUS.matcher(body);
            if (m.find()) {
                state = m.group(1);
            }
        }
        counts.merge(vendor + ":" + state, 1, Integer::sum);
        notifyAll();
    }

    /** Answers of one vendor in one state so far. */
    public synchronized int count(String vendor, String state) {
        return counts.getOrDefault(vendor + ":" + state, 0);
    }

    /** A copy of every counter ({@code vendor:state → n}). */
    public synchronized Map<String, Integer> snapshot() {
        return Map.copyOf(counts);
    }

    /**
     * Waits until {@code count(vendor, state) >= n}.
     *
     * @throws IllegalStateException when it does not happen within {@code timeout}
     */
    public void await(String vendor, String state, int n, Duration timeout) throws InterruptedException {
        awaitUntil(t -> t.count(vendor, state) >= n, timeout, n + " " + vendor + " webhook(s) answered '" + state + "'");
    }

    /** Waits until the condition holds (re-checked at every answer). */
    public synchronized void awaitUntil(Predicate<WebhookTally> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; answers so far: " + counts);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
