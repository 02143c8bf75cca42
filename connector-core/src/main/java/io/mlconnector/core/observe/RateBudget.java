package io.mlconnector.core.observe;

import java.time.Instant;

/**
 * A rate-limit window as the server last reported it (Procore's {@code X-Rate-Limit-*} headers), after the requests
 * sent since.
 *
 * @param limit     requests the window allows, or -1 when the server did not say
 * @param remaining requests left in the window
 * @param resetAt   when the window resets
 */
public record RateBudget(long limit, long remaining, Instant resetAt) {

    @Override
    public String toString() {
        return remaining + (limit >= 0 ? " of " + limit : "") + " until " + resetAt;
    }
}
