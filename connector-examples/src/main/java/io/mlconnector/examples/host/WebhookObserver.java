package io.mlconnector.examples.host;

/**
 * Told after each webhook answer (for metrics, or for a demo that waits for deliveries without sleeping).
 */
@FunctionalInterface
public interface WebhookObserver {

    /**
     * @param vendor {@code freshbooks} or {@code procore}
     * @param status the HTTP status answered
     * @param body   the answer body (never contains a secret)
     */
    void answered(String vendor, int status, String body);

    /** An observer that does nothing. */
    static WebhookObserver none() {
        return (vendor, status, body) -> {
        };
    }
}
