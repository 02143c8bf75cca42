package io.mlconnector.testkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Sends one webhook POST and reports what happened; blocking, meant to run on a sandbox's delivery executor. */
public final class WebhookClient {

    /**
     * Result of one POST.
     *
     * @param status    HTTP status, 0 when no response arrived
     * @param body      response body (at most 2 KiB)
     * @param error     transport error text or null
     * @param started   start (sandbox clock)
     * @param completed end (sandbox clock)
     * @param elapsed   wall time
     */
    public record Result(int status, String body, String error, Instant started, Instant completed,
                         Duration elapsed) {
        /**
         * 2xx.
         *
         * @return 2xx
         */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Set<String> RESTRICTED = restricted();

    private static Set<String> restricted() {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(Set.of("Host", "Connection", "Content-Length", "Expect", "Upgrade"));
        return java.util.Collections.unmodifiableSet(s);
    }

    private final HttpClient http;
    private final Clock clock;

    /**
     * A client with the given connect timeout.
     *
     * @param clock the clock that timestamps are taken from
     * @param connectTimeout the connect timeout
     */
    public WebhookClient(Clock clock, Duration connectTimeout) {
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * POSTs {@code body} with the given content type and extra headers; never throws for transport errors.
     *
     * @param url destination
     * @param contentType the content type
     * @param headers the request headers
     * @param body the request body
     * @param timeout how long to wait at most
     * @return POSTs {@code body} with the given content type and extra headers
     */
    public Result post(String url, String contentType, Map<String, String> headers, byte[] body, Duration timeout) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "ml-connector-testkit-webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((k, v) -> {
                if (!RESTRICTED.contains(k) && !"Content-Type".equalsIgnoreCase(k)) {
                    req.header(k, v);
                }
            });
            HttpResponse<byte[]> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(resp.body(), StandardCharsets.UTF_8);
            return new Result(resp.statusCode(), text.length() > 2048 ? text.substring(0, 2048) : text, null,
                started, clock.instant(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException | IllegalArgumentException e) {
            return new Result(0, "", e.getClass().getSimpleName() + ": " + e.getMessage(), started, clock.instant(),
                Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "", "interrupted", started, clock.instant(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
