package io.mlconnector.testkit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Thread-safe record of every outgoing webhook attempt of one sandbox. */
public final class DeliveryLog {

    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * The next attempt id.
     *
     * @return the next attempt id
     */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Records one attempt.
     *
     * @param delivery the webhook delivery
     */
    public void add(WebhookDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    /**
     * All attempts, oldest first.
     *
     * @return all attempts, oldest first
     */
    public List<WebhookDelivery> all() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /**
     * Attempts matching a predicate.
     *
     * @param filter the filter
     * @return the webhook deliverys
     */
    public List<WebhookDelivery> matching(Predicate<WebhookDelivery> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Forgets every attempt. */
    public void clear() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }
}
