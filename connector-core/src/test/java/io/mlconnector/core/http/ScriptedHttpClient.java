package io.mlconnector.core.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} that plays back a script of outcomes (an exception to throw or a status to answer) and
 * records the requests it was given, for failures a real server cannot produce on demand.
 */
final class ScriptedHttpClient extends HttpClient {
    /** One scripted outcome. */
    interface Outcome {
    }

    record Fail(Exception exception) implements Outcome {
    }

    record Answer(int status, String body) implements Outcome {
    }

    private final Deque<Outcome> script = new ArrayDeque<>();
    final List<HttpRequest> sent = new ArrayList<>();

    ScriptedHttpClient then(Outcome outcome) {
        script.add(outcome);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        sent.add(request);
        Outcome next = script.poll();
        if (next == null) {
            throw new AssertionError("unscripted request " + request);
        }
        if (next instanceof Fail f) {
            if (f.exception() instanceof IOException io) {
                throw io;
            }
            if (f.exception() instanceof InterruptedException ie) {
                throw ie;
            }
            throw (RuntimeException) f.exception();
        }
        Answer a = (Answer) next;
        return (HttpResponse<T>) new Response(a.status(), a.body().getBytes(StandardCharsets.UTF_8), request);
    }

    private record Response(int statusCode, byte[] body, HttpRequest request) implements HttpResponse<byte[]> {
        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
