package io.mlconnector.testkit.freshbooks;

import io.mlconnector.testkit.server.DeliveryLog;
import io.mlconnector.testkit.server.DeliveryOutcome;
import io.mlconnector.testkit.server.Params;
import io.mlconnector.testkit.server.WebhookClient;
import io.mlconnector.testkit.server.WebhookDelivery;
import io.mlconnector.testkit.server.WebhookFaults;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FreshBooks webhook callbacks: registry, verification handshake, and signed form-encoded deliveries to verified
 * callbacks, on the sandbox's own executor (one attempt per event; FreshBooks' retry policy is undocumented).
 */
final class FreshBooksCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(FreshBooksCallbacks.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> RESOURCES = Set.of("bill", "bill_vendor", "category", "client", "credit_note",
        "estimate", "expense", "invoice", "item", "payment", "project", "recurring", "service", "tax", "time_entry");

    private final Clock clock;
    private final FreshBooksIdentity identity;
    private final WebhookFaults faults;
    private final WebhookClient client;
    private final DeliveryLog log;
    private final ScheduledExecutorService executor;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Callback> callbacks = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong(2000);
    private final AtomicLong eventIds = new AtomicLong();

    FreshBooksCallbacks(Clock clock, FreshBooksIdentity identity, WebhookFaults faults, WebhookClient client,
                        DeliveryLog log, ScheduledExecutorService executor, Duration timeout) {
        this.clock = clock;
        this.identity = identity;
        this.faults = faults;
        this.client = client;
        this.log = log;
        this.executor = executor;
        this.timeout = timeout;
    }

    /** Whether FreshBooks would accept this event name (exact or parent form). */
    static boolean knownEvent(String event) {
        if (event == null) {
            return false;
        }
        int dot = event.indexOf('.');
        String resource = dot < 0 ? event : event.substring(0, dot);
        if (!RESOURCES.contains(resource)) {
            return false;
        }
        if (dot < 0) {
            return true;
        }
        String action = event.substring(dot + 1);
        return Set.of("create", "update", "delete").contains(action)
            || (action.equals("sendByEmail") && (resource.equals("invoice") || resource.equals("estimate")));
    }

    private String newVerifier() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Registers a callback; unless pre-verified, sends the verification handshake. */
    Callback create(String event, String uri, String verifier, boolean verified) {
        Callback cb;
        synchronized (this) {
            cb = new Callback(ids.incrementAndGet(), event, uri, verifier == null ? newVerifier() : verifier, verified,
                clock.instant());
            callbacks.put(cb.id(), cb);
        }
        if (!verified) {
            sendHandshake(cb);
        }
        return cb;
    }

    synchronized Optional<Callback> get(long id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    synchronized List<Callback> list() {
        return new ArrayList<>(callbacks.values());
    }

    synchronized Callback update(long id, String event, String uri) {
        Callback old = callbacks.get(id);
        Callback cb = new Callback(id, event == null ? old.event() : event, uri == null ? old.uri() : uri,
            old.verifier(), old.verified(), clock.instant());
        callbacks.put(id, cb);
        return cb;
    }

    /** Marks the callback verified when the code matches; returns false otherwise. */
    synchronized boolean verify(long id, String verifier) {
        Callback old = callbacks.get(id);
        if (old == null || !old.verifier().equals(verifier)) {
            return false;
        }
        callbacks.put(id, new Callback(id, old.event(), old.uri(), old.verifier(), true, clock.instant()));
        return true;
    }

    void resend(long id) {
        get(id).ifPresent(this::sendHandshake);
    }

    synchronized boolean delete(long id) {
        return callbacks.remove(id) != null;
    }

    private void sendHandshake(Callback cb) {
        List<Params.Entry> form = List.of(
            new Params.Entry("name", "callback.verify"),
            new Params.Entry("object_id", Long.toString(cb.id())),
            new Params.Entry("verifier", cb.verifier()),
            new Params.Entry("account_id", identity.accountId()));
        dispatch("callback.verify", cb, form);
    }

    /** Delivers {@code name} for {@code objectId} to every verified callback covering it. */
    void emit(String name, long objectId) {
        List<Callback> targets;
        synchronized (this) {
            targets = callbacks.values().stream().filter(c -> c.verified() && c.covers(name)).toList();
        }
        for (Callback cb : targets) {
            List<Params.Entry> form = List.of(
                new Params.Entry("name", name),
                new Params.Entry("object_id", Long.toString(objectId)),
                new Params.Entry("account_id", identity.accountId()),
                new Params.Entry("business_id", Long.toString(identity.businessId())),
                new Params.Entry("identity_id", Long.toString(identity.identityId())),
                new Params.Entry("user_id", Long.toString(identity.userId())));
            dispatch(name, cb, form);
        }
    }

    private void dispatch(String name, Callback cb, List<Params.Entry> form) {
        long eventId = eventIds.incrementAndGet();
        String body = Params.of(form).encode();
        String signature = FreshBooksSignature.sign(cb.verifier(), form);
        Map<String, String> headers = Map.of(FreshBooksSignature.HEADER, signature);
        WebhookFaults.Decision decision = faults.decide();
        if (decision.drop()) {
            LOG.debug("webhook fault: dropping {} to {}", name, cb.uri());
            log.add(new WebhookDelivery(log.nextId(), eventId, name, cb.uri(), headers, body, 0,
                DeliveryOutcome.DROPPED, 0, "", null, clock.instant(), clock.instant(), Duration.ZERO));
            return;
        }
        for (int copy = 0; copy < decision.copies(); copy++) {
            executor.schedule(() -> send(eventId, name, cb.uri(), headers, body), decision.delay().toMillis(),
                TimeUnit.MILLISECONDS);
        }
    }

    private void send(long eventId, String name, String uri, Map<String, String> headers, String body) {
        WebhookClient.Result r = client.post(uri, FORM, headers, body.getBytes(StandardCharsets.UTF_8), timeout);
        log.add(new WebhookDelivery(log.nextId(), eventId, name, uri, headers, body, 1,
            r.ok() ? DeliveryOutcome.OK : DeliveryOutcome.FAILED, r.status(), r.body(), r.error(), r.started(),
            r.completed(), r.elapsed()));
        if (!r.ok()) {
            LOG.info("FreshBooks sandbox webhook {} to {} failed: status {} {}", name, uri, r.status(), r.error());
        }
    }
}
