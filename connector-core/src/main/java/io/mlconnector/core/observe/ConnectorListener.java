package io.mlconnector.core.observe;

/**
 * Told what the connector does, for metrics and tracing: every method has a no-op default, so a listener implements
 * only what it needs. Register it on {@code SyncEngine.builder().listener(...)} (polls, work outcomes,
 * re-authorization) and on the HTTP side ({@code HttpTransport.builder().listener(...)},
 * {@code TokenManager.builder().listener(...)} or the vendor clients' builders) for requests, retries, rate limits
 * and token refreshes; the same object may be registered in both places, and several listeners may be registered.
 *
 * <p>Methods are called synchronously on the thread doing the work (a worker, a poll, an HTTP call), so they must be
 * quick and must not block. One that throws is logged and ignored: a listener can never break the engine or a
 * request. Events carry ids, counts, durations and statuses, never business data or secrets.
 */
public interface ConnectorListener {

    /**
     * One poll of one stream of one connection finished (succeeded, failed, or skipped as not the leader).
     *
     * @param event what was polled and how it ended
     */
    default void onPoll(PollEvent event) {
    }

    /**
     * A work item (or a webhook at intake) reached an outcome.
     *
     * @param event the item and its outcome
     */
    default void onWork(WorkEvent event) {
    }

    /**
     * One HTTP attempt finished: a response of any status, or an I/O failure (status 0).
     *
     * @param event the request, its status and duration
     */
    default void onHttpAttempt(HttpAttemptEvent event) {
    }

    /**
     * The transport is about to retry a request after a failed attempt.
     *
     * @param event the request, why it is retried and the delay before the next attempt
     */
    default void onHttpRetry(HttpRetryEvent event) {
    }

    /**
     * A request waited for the rate limiter before it was sent.
     *
     * @param event the system and how long the request waited
     */
    default void onRateLimitWait(RateLimitWaitEvent event) {
    }

    /**
     * A token manager asked its source for a new access token.
     *
     * @param event the connection and how the refresh ended
     */
    default void onTokenRefresh(TokenRefreshEvent event) {
    }

    /**
     * A connection's grant can no longer produce tokens: a person must authorize the app again.
     *
     * @param event the connection and system whose grant was refused
     */
    default void onReauthorizationRequired(ReauthorizationEvent event) {
    }

    /**
     * A scheduled month-end reconciliation run of a connection ended: its report was kept, or it failed and will be
     * tried again.
     *
     * @param event the connection, the month and how the run ended
     */
    default void onReconciliation(ReconciliationEvent event) {
    }
}
