package io.mlconnector.benchmarks.world;

import io.mlconnector.testkit.server.RecordedRequest;
import io.mlconnector.testkit.server.RequestLog;
import java.util.Map;
import java.util.TreeMap;

/**
 * API calls one sandbox answered, from its request log: reads (GET), writes (POST/PUT/PATCH/DELETE) and token
 * requests counted apart, plus the answers by status class that matter here.
 *
 * @param reads       GET requests, token endpoints excluded
 * @param writes      other requests, token endpoints excluded
 * @param tokens      requests to the token endpoint
 * @param status429   answers 429 (rate limited)
 * @param status401   answers 401 (token refused)
 * @param status5xx   answers 5xx
 * @param byEndpoint  calls per {@code METHOD /route/template}
 */
public record CallCounts(long reads, long writes, long tokens, long status429, long status401, long status5xx,
                         Map<String, Long> byEndpoint) {

    /** Counts from a request log; {@code tokenPath} is the token endpoint's route template. */
    public static CallCounts of(RequestLog log, String tokenPath) {
        long reads = 0;
        long writes = 0;
        long tokens = 0;
        Map<String, Long> by = new TreeMap<>(log.countsByEndpoint());
        for (Map.Entry<String, Long> e : by.entrySet()) {
            String endpoint = e.getKey();
            if (endpoint.endsWith(" " + tokenPath)) {
                tokens += e.getValue();
            } else if (endpoint.startsWith("GET ")) {
                reads += e.getValue();
            } else {
                writes += e.getValue();
            }
        }
        long s429 = 0;
        long s401 = 0;
        long s5xx = 0;
        for (RecordedRequest r : log.entries()) {
            if (r.status() == 429) {
                s429++;
            } else if (r.status() == 401) {
                s401++;
            } else if (r.status() >= 500) {
                s5xx++;
            }
        }
        return new CallCounts(reads, writes, tokens, s429, s401, s5xx, by);
    }

    /** Calls other than token requests. */
    public long apiCalls() {
        return reads + writes;
    }

    /** A compact "endpoint ×n" listing. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        byEndpoint.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(" ×").append(v));
        return sb.toString();
    }
}
