package io.mlconnector.testkit.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback HTTP endpoint that records webhook POSTs; can be told to fail the first N of them. */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request. */
    public record Received(String path, Map<String, String> headers, String body) {
        /** A header, case-insensitive. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Received> all = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus = 500;

    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private final boolean hang;

    /** Starts on a free port. */
    public WebhookReceiver() {
        this(false);
    }

    /** A receiver that never answers until closed (to provoke sender timeouts). */
    public static WebhookReceiver hanging() {
        return new WebhookReceiver(true);
    }

    private WebhookReceiver(boolean hang) {
        this.hang = hang;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            Received r = new Received(ex.getRequestURI().getPath(), headers,
                new String(body, StandardCharsets.UTF_8));
            all.add(r);
            if (hang) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean fail = failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
            ex.sendResponseHeaders(fail ? failStatus : 200, -1);
            ex.close();
            if (!fail) {
                queue.add(r);
            }
        });
        server.start();
    }

    /** URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer the next {@code n} requests with {@code status}. */
    public WebhookReceiver failNext(int n, int status) {
        this.failStatus = status;
        this.failures.set(n);
        return this;
    }

    /** Waits for the next successfully answered request. */
    public Received next(Duration timeout) throws InterruptedException {
        Received r = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no webhook within " + timeout);
        }
        return r;
    }

    /** Every request received, including failed ones. */
    public List<Received> all() {
        return new ArrayList<>(all);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
