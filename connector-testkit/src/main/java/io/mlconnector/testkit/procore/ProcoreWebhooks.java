package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.DeliveryLog;
import io.mlconnector.testkit.server.DeliveryOutcome;
import io.mlconnector.testkit.server.Json;
import io.mlconnector.testkit.server.WebhookClient;
import io.mlconnector.testkit.server.WebhookDelivery;
import io.mlconnector.testkit.server.WebhookFaults;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Procore webhooks: hooks, triggers, and delivery of v2-style JSON events on the sandbox's own executor, one queue
 * per hook with head-of-line blocking, retries per {@link WebhookRetryPolicy}, and a delivery record per attempt.
 */
final class ProcoreWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ProcoreWebhooks.class);

    /** A trigger under a hook. */
    record Trigger(long id, long hookId, String resourceName, String eventType, Long companyId, Long projectId,
                   long userId) { }

    /** One attempt as the deliveries API shows it. */
    record HookDelivery(long hookId, WebhookDelivery delivery, JsonNode event) { }

    private static final class Queued {
        final long eventId;
        final String eventName;
        final JsonNode payload;
        int attempts;
        Instant firstFailure;

        Queued(long eventId, String eventName, JsonNode payload) {
            this.eventId = eventId;
            this.eventName = eventName;
            this.payload = payload;
        }
    }

    private static final class HookState {
        Hook hook;
        final Deque<Queued> queue = new ArrayDeque<>();
        boolean pumping;
        boolean deleted;

        HookState(Hook hook) {
            this.hook = hook;
        }
    }

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Json json;
    private final Clock clock;
    private final WebhookFaults faults;
    private final WebhookClient client;
    private final DeliveryLog log;
    private final ScheduledExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, HookState> hooks = new LinkedHashMap<>();
    private final Map<Long, Trigger> triggers = new LinkedHashMap<>();
    private final List<HookDelivery> deliveries = new ArrayList<>();
    private final AtomicLong ids;
    private final AtomicLong eventIds = new AtomicLong(5_982_324_300_946_918_154L);
    private volatile WebhookRetryPolicy policy;
    private volatile Duration timeout;

    ProcoreWebhooks(Json json, Clock clock, WebhookFaults faults, WebhookClient client, DeliveryLog log,
                    ScheduledExecutorService executor, AtomicLong ids, WebhookRetryPolicy policy, Duration timeout) {
        this.json = json;
        this.clock = clock;
        this.faults = faults;
        this.client = client;
        this.log = log;
        this.executor = executor;
        this.ids = ids;
        this.policy = policy;
        this.timeout = timeout;
    }

    void policy(WebhookRetryPolicy policy) {
        this.policy = policy;
    }

    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    // ---- hooks and triggers -----------------------------------------------------------------------------------

    synchronized Hook createHook(Long companyId, Long projectId, String namespace, String apiVersion, String url,
                                 Map<String, String> headers) {
        Hook h = new Hook(ids.incrementAndGet(), companyId, projectId, namespace, apiVersion, url, headers);
        hooks.put(h.id(), new HookState(h));
        return h;
    }

    synchronized Optional<Hook> hook(long id) {
        return Optional.ofNullable(hooks.get(id)).map(s -> s.hook);
    }

    synchronized List<Hook> hooks() {
        return hooks.values().stream().map(s -> s.hook).toList();
    }

    synchronized Hook updateHook(long id, String namespace, String apiVersion, String url,
                                 Map<String, String> headers) {
        HookState s = hooks.get(id);
        Hook o = s.hook;
        s.hook = new Hook(id, o.companyId(), o.projectId(), namespace == null ? o.namespace() : namespace,
            apiVersion == null ? o.apiVersion() : apiVersion, url == null ? o.destinationUrl() : url,
            headers == null ? o.destinationHeaders() : headers);
        return s.hook;
    }

    synchronized void deleteHook(long id) {
        HookState s = hooks.remove(id);
        if (s != null) {
            s.deleted = true;
            s.queue.clear();
        }
        triggers.values().removeIf(t -> t.hookId() == id);
    }

    synchronized Trigger addTrigger(long hookId, String resourceName, String eventType, long userId) {
        Hook h = hooks.get(hookId).hook;
        Trigger t = new Trigger(ids.incrementAndGet(), hookId, resourceName, eventType, h.companyId(), h.projectId(),
            userId);
        triggers.put(t.id(), t);
        return t;
    }

    synchronized List<Trigger> triggers(long hookId) {
        return triggers.values().stream().filter(t -> t.hookId() == hookId).toList();
    }

    synchronized boolean deleteTrigger(long hookId, long triggerId) {
        Trigger t = triggers.get(triggerId);
        if (t == null || t.hookId() != hookId) {
            return false;
        }
        triggers.remove(triggerId);
        return true;
    }

    synchronized List<HookDelivery> deliveries(long hookId) {
        return deliveries.stream().filter(d -> d.hookId() == hookId).toList();
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** Queues the event for every hook whose scope and triggers match. */
    void publish(ResourceEvent ev) {
        List<HookState> targets = new ArrayList<>();
        synchronized (this) {
            for (HookState s : hooks.values()) {
                Hook h = s.hook;
                boolean inScope = (h.companyId() != null && h.companyId() == ev.companyId())
                    || (h.projectId() != null && ev.projectId() != null && h.projectId().longValue()
                    == ev.projectId().longValue());
                boolean triggered = triggers.values().stream().anyMatch(t -> t.hookId() == h.id()
                    && t.resourceName().equals(ev.resourceName()) && t.eventType().equals(ev.eventType()));
                if (inScope && triggered) {
                    targets.add(s);
                }
            }
        }
        for (HookState s : targets) {
            long eventId = eventIds.incrementAndGet();
            JsonNode payload = payload(eventId, s.hook, ev);
            String name = ev.resourceName() + "." + ev.eventType();
            WebhookFaults.Decision decision = faults.decide();
            if (decision.drop()) {
                WebhookDelivery d = new WebhookDelivery(log.nextId(), eventId, name, s.hook.destinationUrl(),
                    s.hook.destinationHeaders(), payload.toString(), 0, DeliveryOutcome.DROPPED, 0, "", null,
                    clock.instant(), clock.instant(), Duration.ZERO);
                record(s.hook.id(), d, payload);
                continue;
            }
            for (int i = 0; i < decision.copies(); i++) {
                executor.schedule(() -> enqueue(s, new Queued(eventId, name, payload)),
                    decision.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private ObjectNode payload(long eventId, Hook hook, ResourceEvent ev) {
        ObjectNode p = json.object();
        p.put("id", eventId);
        p.put("ulid", ulid());
        p.put("timestamp", clock.instant().truncatedTo(ChronoUnit.MICROS).toString());
        ObjectNode meta = p.putObject("metadata");
        meta.put("source_user_id", ev.actor().userId());
        if (ev.projectId() == null) {
            meta.putNull("source_project_id");
        } else {
            meta.put("source_project_id", ev.projectId());
        }
        meta.putNull("source_operation_id");
        meta.put("source_company_id", ev.companyId());
        if (ev.actor().applicationId() == null) {
            meta.putNull("source_application_id");
        } else {
            meta.put("source_application_id", ev.actor().applicationId());
        }
        p.put("user_id", ev.actor().userId());
        p.put("company_id", ev.companyId());
        if (ev.projectId() == null) {
            p.putNull("project_id");
        } else {
            p.put("project_id", ev.projectId());
        }
        p.put("api_version", hook.apiVersion() == null ? "v2.0" : hook.apiVersion());
        p.put("event_type", ev.eventType());
        p.put("resource_name", ev.resourceName());
        p.put("resource_id", ev.resourceId());
        return p;
    }

    private String ulid() {
        long time = clock.millis();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD.charAt((int) (time & 31));
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = CROCKFORD.charAt(random.nextInt(32));
        }
        return new String(out);
    }

    private void enqueue(HookState s, Queued q) {
        synchronized (this) {
            if (s.deleted) {
                return;
            }
            s.queue.addLast(q);
            if (s.pumping) {
                return;
            }
            s.pumping = true;
        }
        pump(s);
    }

    /** Delivers the head of the queue; on failure schedules a retry and stops (head-of-line blocking). */
    private void pump(HookState s) {
        while (true) {
            Queued head;
            Hook hook;
            synchronized (this) {
                head = s.queue.peekFirst();
                if (head == null || s.deleted) {
                    s.pumping = false;
                    return;
                }
                hook = s.hook;
            }
            head.attempts++;
            byte[] body = head.payload.toString().getBytes(StandardCharsets.UTF_8);
            WebhookClient.Result r = client.post(hook.destinationUrl(), "application/json", hook.destinationHeaders(),
                body, timeout);
            if (r.ok()) {
                record(hook.id(), delivery(hook, head, r, DeliveryOutcome.OK), head.payload);
                synchronized (this) {
                    s.queue.pollFirst();
                }
                continue;
            }
            if (head.firstFailure == null) {
                head.firstFailure = r.started();
            }
            WebhookRetryPolicy p = policy;
            boolean giveUp = (p.maxAttempts() > 0 && head.attempts >= p.maxAttempts())
                || !clock.instant().isBefore(head.firstFailure.plus(p.giveUpAfter()));
            record(hook.id(), delivery(hook, head, r, giveUp ? DeliveryOutcome.FAILED : DeliveryOutcome.RETRIED),
                head.payload);
            LOG.info("Procore sandbox webhook {} to {} failed (attempt {}): status {} {}", head.eventName,
                hook.destinationUrl(), head.attempts, r.status(), r.error());
            if (giveUp) {
                List<Queued> discarded;
                synchronized (this) {
                    s.queue.pollFirst();
                    discarded = new ArrayList<>(s.queue);
                    s.queue.clear();
                    s.pumping = false;
                }
                for (Queued q : discarded) {
                    record(hook.id(), new WebhookDelivery(log.nextId(), q.eventId, q.eventName, hook.destinationUrl(),
                        hook.destinationHeaders(), q.payload.toString(), q.attempts, DeliveryOutcome.DISCARDED, 0, "",
                        "discarded after the queue head failed for too long", clock.instant(), clock.instant(),
                        Duration.ZERO), q.payload);
                }
                return;
            }
            executor.schedule(() -> pump(s), p.delayBeforeRetry(head.attempts).toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
    }

    private WebhookDelivery delivery(Hook hook, Queued q, WebhookClient.Result r, DeliveryOutcome outcome) {
        return new WebhookDelivery(log.nextId(), q.eventId, q.eventName, hook.destinationUrl(),
            hook.destinationHeaders(), q.payload.toString(), q.attempts, outcome, r.status(), r.body(), r.error(),
            r.started(), r.completed(), r.elapsed());
    }

    private void record(long hookId, WebhookDelivery d, JsonNode payload) {
        log.add(d);
        synchronized (this) {
            deliveries.add(new HookDelivery(hookId, d, payload));
        }
    }
}
