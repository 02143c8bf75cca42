package io.mlconnector.testkit.procore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Client-credentials OAuth of the Procore sandbox: registered apps, opaque expiring tokens, revocation, counters. */
final class ProcoreAuth {

    /** A registered app (DMSA) and its service-account user. */
    record App(String clientId, String clientSecret, long userId) { }

    /** An issued token. */
    record Grant(String token, App app, Instant createdAt, Instant expiresAt) { }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final Map<String, Grant> tokens = new LinkedHashMap<>();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    private volatile Duration lifetime;

    ProcoreAuth(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    synchronized App register(String clientId, String secret, long userId) {
        App app = new App(clientId, secret, userId);
        apps.put(clientId, app);
        return app;
    }

    synchronized Optional<App> app(String clientId) {
        return Optional.ofNullable(apps.get(clientId));
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Counts the request; empty when the client is unknown or the secret wrong. */
    synchronized Optional<Grant> clientCredentials(String clientId, String secret) {
        tokenRequests.incrementAndGet();
        App app = clientId == null ? null : apps.get(clientId);
        if (app == null || !app.clientSecret().equals(secret)) {
            return Optional.empty();
        }
        return Optional.of(issue(app));
    }

    synchronized Grant issue(App app) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Grant g = new Grant("pc_" + HexFormat.of().formatHex(bytes), app, now, now.plus(lifetime));
        tokens.put(g.token(), g);
        tokensIssued.incrementAndGet();
        return g;
    }

    /** A valid (known, unrevoked, unexpired) token. */
    synchronized Optional<Grant> valid(String token) {
        Grant g = token == null ? null : tokens.get(token);
        if (g == null || !clock.instant().isBefore(g.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    synchronized void revoke(String token) {
        tokens.remove(token);
    }

    synchronized void revokeAll() {
        tokens.clear();
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    long tokensIssued() {
        return tokensIssued.get();
    }

    Clock clock() {
        return clock;
    }
}
