package io.mlconnector.examples.clients;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.webhook.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP endpoint that keeps every POST exactly as received (headers + raw bytes) and answers 200. */
final class WebhookInbox implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<WebhookRequest> received = new LinkedBlockingQueue<>();

    WebhookInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                received.add(new WebhookRequest(ex.getRequestHeaders(), in.readAllBytes()));
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/hook";
    }

    /** The next request, waiting at most {@code timeout}. */
    WebhookRequest next(Duration timeout) throws InterruptedException {
        WebhookRequest r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no webhook arrived within " + timeout);
        }
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
