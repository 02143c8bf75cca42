package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.audit.SafeText;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.observe.LogContext;
import io.mlconnector.core.observe.WorkOutcome;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.WebhookParser;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import io.mlconnector.core.sync.internal.flow.Enqueuer;
import io.mlconnector.core.sync.internal.flow.HandshakeVault;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook intake for both sides: parse → route → verify → enqueue → answer. Never calls a remote API; the only I/O
 * is the state store's enqueue (and the audit sink for rejections).
 *
 * <p>Statuses: 200 accepted (queued, duplicate of a pending item, ignored resource, or our own echo); 400 a body
 * that is not a webhook of that vendor; 401 a missing or wrong signature/secret header, or a routing key (FreshBooks
 * account / Procore company) that no connection serves — unknown accounts get 401 rather than 404 because the
 * request cannot be authenticated and the answer must not reveal which accounts exist; 413 a body over the
 * verifier's size limit. Rejections are audited as {@code WEBHOOK_REJECTED} with the reason, never with secrets;
 * those of callers that could not be authenticated are rate-limited in the audit ({@link RejectionAudit}).
 *
 * <p>Unauthenticated input costs little: no body over {@value #MAX_BODY_BYTES} bytes is parsed; a Procore request is
 * authenticated by its secret header (which needs no body) against the connections' verifiers, with their size
 * limits, before a byte of its JSON is read, and its company must be one of the connections whose secret it carries.
 *
 * <p>Each entry point takes {@code async}: null for a synchronous call (the returned future is already complete: the
 * enqueue blocked until its group was committed, and a store failure is thrown, not put in the future), or the
 * executor that runs a commit this call has to lead (the future completes once the item is committed).
 */
public final class WebhookIntake {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final EngineServices services;
    private final ConnectionRegistry connections;
    private final WebhookParser accountingParser;
    private final WebhookParser projectParser;
    private final Enqueuer enqueuer;
    private final Runnable wakeUp;
    private final RejectionAudit rejections;

    /** No webhook body larger than this is parsed, whatever a verifier allows (1 MiB). */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    public WebhookIntake(EngineServices services, ConnectionRegistry connections, WebhookParser accountingParser,
                  WebhookParser projectParser, Enqueuer enqueuer, Runnable wakeUp) {
        this.services = services;
        this.connections = connections;
        this.accountingParser = accountingParser;
        this.projectParser = projectParser;
        this.enqueuer = enqueuer;
        this.wakeUp = wakeUp;
        this.rejections = new RejectionAudit(services.auditor(), services.clock());
    }

    /**
     * The value of a future returned for a synchronous call (complete by then), with the cause of a failure thrown as
     * it was.
     */
    public static <T> T now(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** FreshBooks intake; the connection id and source key go into {@code log} (the MDC) once known. */
    public CompletableFuture<WebhookResponse> accounting(WebhookRequest request, LogContext log, Executor async) {
        if (accountingParser == null) {
            throw new ConfigurationException("no FreshBooks webhook parser configured on this engine");
        }
        if (request.bodyLength() > MAX_BODY_BYTES) {
            return done(reject(null, 413, "FreshBooks webhook body of " + request.bodyLength()
                    + " bytes is over the limit",
                    WebhookVerificationException.Reason.BODY_TOO_LARGE.name()));
        }
        InboundEvent event;
        try {
            event = accountingParser.parse(request);
        } catch (RuntimeException e) {
            return done(malformed(null, "FreshBooks", e, false));
        }
        if (event == null || event.subject() == null) {
            return done(reject(null, 400, "FreshBooks webhook without an object id", "MALFORMED_BODY"));
        }
        Optional<Connection> routed = connections.byAccount(event.routingKey());
        if (routed.isEmpty() && event.handshake() && event.routingKey() == null && connections.all().size() == 1) {
            // the handshake's account_id field is unconfirmed; with a single connection there is no ambiguity
            routed = Optional.of(connections.all().iterator().next());
        }
        if (routed.isEmpty()) {
            return done(reject(null, 401, "no connection serves FreshBooks account " + event.routingKey(),
                    "UNKNOWN_ROUTING_KEY"));
        }
        Connection c = routed.get();
        log.connection(c.id()).sourceKey(event.subject().key());
        if (event.handshake()) {
            return handshake(c, event, request, async);
        }
        WebhookResponse denied = verify(c, request, true);
        if (denied != null) {
            return done(denied);
        }
        String resource = Optional.ofNullable(event.attribute("resource")).orElse(event.subject().type());
        Optional<WorkType> type = c.accounting().recordKindOf(resource).flatMap(WorkType::ofAccounting);
        if (type.isEmpty()) {
            return done(WebhookResponse.ok("ignored"));
        }
        String id = event.subject().id();
        String action = event.action() == null || event.action().isBlank() ? "update" : event.action();
        String dedupe = c.accounting().system() + ":" + type.get().resource() + ":" + id + ":" + action;
        WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id).put(WorkPayload.ACTION, action)
                .put(WorkPayload.SOURCE, event.subject().key())
                .put(WorkPayload.VIA, "webhook").build();
        String sourceKey = event.subject().key();
        return enqueue(c, type.get(), dedupe, payload, async).thenApply(added -> {
            if (added) {
                wakeUp.run();
            } else {
                services.observer().dropped(c.id(), type.get().code(), sourceKey, WorkOutcome.SKIPPED_DUPLICATE);
            }
            return WebhookResponse.ok(added ? "queued" : "duplicate");
        });
    }

    /** Procore intake; the connection id and source key go into {@code log} (the MDC) once known. */
    public CompletableFuture<WebhookResponse> project(WebhookRequest request, LogContext log, Executor async) {
        if (projectParser == null) {
            throw new ConfigurationException("no Procore webhook parser configured on this engine");
        }
        if (request.bodyLength() > MAX_BODY_BYTES) {
            return done(reject(null, 413, "Procore webhook body of " + request.bodyLength()
                    + " bytes is over the limit",
                    WebhookVerificationException.Reason.BODY_TOO_LARGE.name()));
        }
        // the secret is a header: check it, and the verifiers' size limits, before any parsing
        List<Connection> authenticated = new ArrayList<>(1);
        WebhookVerificationException refusal = null;
        for (Connection candidate : connections.all()) {
            if (candidate.projectVerifier() == null) {
                continue;
            }
            try {
                candidate.projectVerifier().verify(request);
                authenticated.add(candidate);
            } catch (WebhookVerificationException e) {
                if (refusal == null || e.reason() == WebhookVerificationException.Reason.BODY_TOO_LARGE) {
                    refusal = e;
                }
            }
        }
        if (authenticated.isEmpty()) {
            WebhookVerificationException.Reason why = refusal == null
                    ? WebhookVerificationException.Reason.MISSING_HEADER : refusal.reason();
            int status = why == WebhookVerificationException.Reason.BODY_TOO_LARGE ? 413 : 401;
            return done(reject(null, status, "Procore webhook rejected before parsing: "
                    + (refusal == null ? "no connection takes Procore webhooks" : refusal.getMessage()), why.name()));
        }
        InboundEvent event;
        try {
            event = projectParser.parse(request);
        } catch (RuntimeException e) {
            return done(malformed(authenticated.get(0), "Procore", e, true));
        }
        if (event == null || event.subject() == null) {
            return done(reject(authenticated.get(0), 400, "Procore webhook without a resource id", "MALFORMED_BODY",
                    true));
        }
        Optional<Connection> routed = connections.byCompany(event.routingKey())
                .filter(authenticated::contains);
        if (routed.isEmpty()) {
            // unknown company, or a company whose connection has another secret: same answer, nothing revealed
            return done(reject(authenticated.get(0), 401, "no connection with this secret serves Procore company "
                    + event.routingKey(), "UNKNOWN_ROUTING_KEY", true));
        }
        Connection c = routed.get();
        log.connection(c.id()).sourceKey(event.subject().key());
        return enqueueProjectLogged(c, event, "webhook", async).thenApply(WebhookResponse::ok);
    }

    /**
     * Enqueues a verified Procore event (webhook or re-driven delivery); returns {@code queued}, {@code duplicate},
     * {@code echo} or {@code ignored}.
     */
    public String enqueueProject(Connection c, InboundEvent event, String via) {
        try (LogContext log = LogContext.open().connection(c.id()).sourceKey(event.subject().key())) {
            return now(enqueueProjectLogged(c, event, via, null));
        }
    }

    private CompletableFuture<String> enqueueProjectLogged(Connection c, InboundEvent event, String via,
                                                           Executor async) {
        String app = c.projects().applicationId();
        String source = event.attribute("source_application_id");
        String resource = Optional.ofNullable(event.attribute("resource_name")).orElse(event.subject().type());
        Optional<WorkType> type = c.projects().recordKindOf(resource).flatMap(WorkType::ofProject)
                .or(() -> c.projects().recordKindOf(event.subject().type()).flatMap(WorkType::ofProject));
        if (type.isEmpty()) {
            return done("ignored");
        }
        String id = event.subject().id();
        String sourceKey = event.subject().key();
        if (app != null && !app.isBlank() && app.equals(source)) {
            services.auditor().record(c.id(), type.get().direction(), sourceKey, null, AuditOutcome.SKIPPED_ECHO,
                    "Procore " + resource + " " + id + " was changed by this connector (source application " + app
                            + "); not processed", Map.of("event", String.valueOf(event.eventId())));
            services.observer().dropped(c.id(), type.get().code(), sourceKey, WorkOutcome.SKIPPED_ECHO);
            return done("echo");
        }
        boolean companyLevel = type.get() == WorkType.PROJECT_VENDOR || type.get() == WorkType.PROJECT_PROJECT;
        if (!companyLevel && (event.projectId() == null || event.projectId().isBlank())) {
            LOG.debug("Procore {} event for {} carries no project id; ignored", SafeText.of(resource), SafeText.of(id));
            return done("ignored");
        }
        String action = event.action() == null || event.action().isBlank() ? "update" : event.action();
        String dedupe = event.eventId() != null && !event.eventId().isBlank()
                ? c.projects().system() + ":event:" + event.eventId()
                : c.projects().system() + ":" + type.get().resource() + ":" + id + ":" + action;
        WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id).put(WorkPayload.PROJECT, event.projectId())
                .put(WorkPayload.ACTION, action).put(WorkPayload.EVENT, event.eventId())
                .put(WorkPayload.SOURCE, sourceKey).put(WorkPayload.VIA, via).build();
        return enqueue(c, type.get(), dedupe, payload, async).thenApply(added -> {
            if (added) {
                wakeUp.run();
            } else {
                services.observer().dropped(c.id(), type.get().code(), sourceKey, WorkOutcome.SKIPPED_DUPLICATE);
            }
            return added ? "queued" : "duplicate";
        });
    }

    private CompletableFuture<WebhookResponse> handshake(Connection c, InboundEvent event, WebhookRequest request,
                                                         Executor async) {
        if (c.policy().requireSignedHandshake()) {
            WebhookResponse denied = verify(c, request, true);
            if (denied != null) {
                return done(denied);
            }
        }
        String callbackId = event.subject().id();
        String verifier = event.attribute("verifier");
        if (verifier == null || verifier.isBlank()) {
            return done(reject(c, 400, "FreshBooks verification handshake for callback " + callbackId
                    + " without a verifier",
                    "MALFORMED_BODY"));
        }
        HandshakeVault.Offer offer = services.handshakes().offer(c.id(), callbackId, verifier);
        if (offer == HandshakeVault.Offer.FULL) {
            return done(reject(null, 429, "FreshBooks verification handshake for callback " + callbackId + " refused: "
                    + HandshakeVault.MAX_PENDING + " handshakes already wait for confirmation", "TOO_MANY_HANDSHAKES"));
        }
        if (offer == HandshakeVault.Offer.ALREADY_PENDING) {
            // a code for this callback already waits; a second handshake neither replaces it nor queues more work
            return done(new WebhookResponse(200, "{\"status\":\"handshake\",\"callback_id\":\""
                    + JsonText.escape(callbackId) + "\",\"confirmation\":\"pending\"}"));
        }
        WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, callbackId).put(WorkPayload.ACTION, "verify")
                .put(WorkPayload.SOURCE, c.accounting().system() + ":callback:" + callbackId).build();
        return enqueue(c, WorkType.ACCOUNTING_CONFIRM_WEBHOOK, c.accounting().system() + ":callback:" + callbackId + ":verify",
                payload, async).thenApply(added -> handshakeQueued(c, callbackId, added));
    }

    private WebhookResponse handshakeQueued(Connection c, String callbackId, boolean added) {
        services.auditor().record(c.id(), Direction.INTAKE, c.accounting().system() + ":callback:" + callbackId, null,
                AuditOutcome.WEBHOOK_ACCEPTED, "FreshBooks verification handshake for callback " + callbackId
                        + "; confirmation " + (added ? "queued" : "already queued"), Map.of());
        try {
            services.handshakeListener().onHandshakeReceived(c.id(), callbackId);
        } catch (RuntimeException e) {
            LOG.warn("handshake listener failed for callback {} of {}: {}", SafeText.of(callbackId), c.id(),
                    SafeText.of(e.toString()));
        }
        if (added) {
            wakeUp.run();
        }
        return new WebhookResponse(200, "{\"status\":\"handshake\",\"callback_id\":\"" + JsonText.escape(callbackId)
                + "\",\"confirmation\":\"queued\"}");
    }

    /** Enqueues now (synchronous: blocks until committed, throws a failure) or through the group commit's future. */
    private CompletableFuture<Boolean> enqueue(Connection c, WorkType type, String dedupe, WorkPayload payload,
                                               Executor async) {
        if (async == null) {
            return CompletableFuture.completedFuture(enqueuer.enqueue(c, type, dedupe, payload));
        }
        return enqueuer.enqueueAsync(c, type, dedupe, payload, async);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private WebhookResponse verify(Connection c, WebhookRequest request, boolean accountingSide) {
        try {
            (accountingSide ? c.accountingVerifier() : c.projectVerifier()).verify(request);
            return null;
        } catch (WebhookVerificationException e) {
            int status = e.reason() == WebhookVerificationException.Reason.BODY_TOO_LARGE ? 413
                    : e.reason() == WebhookVerificationException.Reason.MALFORMED_BODY ? 400 : 401;
            return reject(c, status, (accountingSide ? "FreshBooks" : "Procore") + " webhook rejected: " + e.getMessage(),
                    e.reason().name());
        }
    }

    private WebhookResponse malformed(Connection c, String vendor, RuntimeException e, boolean authenticated) {
        if (e instanceof WebhookVerificationException w
                && w.reason() == WebhookVerificationException.Reason.BODY_TOO_LARGE) {
            return reject(c, 413, vendor + " webhook body too large", w.reason().name(), authenticated);
        }
        String reason = e instanceof WebhookVerificationException w ? w.reason().name() : "MALFORMED_BODY";
        return reject(c, 400, vendor + " webhook body could not be parsed: " + e.getMessage(), reason, authenticated);
    }

    /** A rejection of a caller that was not authenticated: audited at a bounded rate. */
    private WebhookResponse reject(Connection c, int status, String message, String reason) {
        return reject(c, status, message, reason, false);
    }

    private WebhookResponse reject(Connection c, int status, String message, String reason, boolean authenticated) {
        rejections.reject(c == null ? null : c.id(), authenticated, message.startsWith("Procore") ? "procore"
                : "freshbooks", status, message, reason);
        return WebhookResponse.error(status, reason.toLowerCase(java.util.Locale.ROOT));
    }
}
