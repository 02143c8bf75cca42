package io.mlconnector.testkit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A tiny java.net.http client for tests against the sandboxes. */
public final class TestHttp {

    /** A response: status, headers and body (parsed as JSON when possible). */
    public record Resp(int status, java.net.http.HttpHeaders headers, String body, ObjectMapper mapper) {
        /** Body as JSON. */
        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** First value of a header. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;

    /** A client for {@code base} (e.g. the sandbox base URL). */
    public TestHttp(String base) {
        this.base = base;
    }

    /** The JSON mapper. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Sends a request; {@code headers} are name/value pairs. */
    public Resp send(String method, String path, String contentType, String body, String... headers) {
        try {
            return sendOrThrow(method, path, contentType, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #send} but lets transport errors through. */
    public Resp sendOrThrow(String method, String path, String contentType, String body, String... headers)
        throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body(), mapper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** GET with headers. */
    public Resp get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** POST of a JSON body. */
    public Resp postJson(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    /** POST of a form body. */
    public Resp postForm(String path, String form, String... headers) {
        return send("POST", path, "application/x-www-form-urlencoded", form, headers);
    }

    /** PUT of a JSON body. */
    public Resp putJson(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json, headers);
    }

    /** PATCH of a JSON body. */
    public Resp patchJson(String path, String json, String... headers) {
        return send("PATCH", path, "application/json", json, headers);
    }

    /** DELETE. */
    public Resp delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }
}
