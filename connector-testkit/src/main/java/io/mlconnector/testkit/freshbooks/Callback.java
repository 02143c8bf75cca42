package io.mlconnector.testkit.freshbooks;

import java.time.Instant;

/**
 * A webhook callback registered with the FreshBooks sandbox.
 *
 * @param id        callback id ({@code callbackid})
 * @param event     event or parent event, e.g. {@code bill.create} or {@code bill}
 * @param uri       where deliveries go
 * @param verifier  the verification code, also the signing key
 * @param verified  whether events are delivered
 * @param updatedAt last change
 */
public record Callback(long id, String event, String uri, String verifier, boolean verified, Instant updatedAt) {

    /**
     * Whether an event name is covered by this callback (exact name or parent).
     *
     * @param eventName the event name
     * @return whether an event name is covered by this callback (exact name or parent)
     */
    public boolean covers(String eventName) {
        return event.equals(eventName) || eventName.startsWith(event + ".");
    }

    @Override
    public String toString() {
        return "Callback[id=" + id + ", event=" + event + ", uri=" + uri + ", verified=" + verified + "]";
    }
}
