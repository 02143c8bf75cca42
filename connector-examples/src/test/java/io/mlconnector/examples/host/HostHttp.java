package io.mlconnector.examples.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tiny HTTP client for talking to the example host in tests. */
final class HostHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String adminToken;

    HostHttp(URI base) {
        this(base, null);
    }

    /** Sends {@code Authorization: Bearer <adminToken>} with every request (operator routes). */
    HostHttp(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), false);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(b::header);
        return send(b, headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase));
    }

    HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b, headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase));
    }

    private HttpResponse<String> send(HttpRequest.Builder b, boolean ownAuthorization) {
        if (adminToken != null && !ownAuthorization) {
            b.setHeader("Authorization", "Bearer " + adminToken);
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
