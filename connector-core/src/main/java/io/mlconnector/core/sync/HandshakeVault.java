package io.mlconnector.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the verification codes of pending FreshBooks handshakes in memory only, so the work queue never stores a
 * secret. If the node restarts before confirming, the confirmation item is retried and eventually dead-lettered;
 * FreshBooks can be asked to resend the code.
 *
 * <p>Handshakes are unauthenticated, so the vault is bounded: at most {@value #MAX_PENDING} codes wait per
 * connection, a pending code is never overwritten by a later handshake for the same callback, and the ids of the
 * callbacks the account really has are remembered ({@link #knownCallbacks}) so a confirmation for a callback that
 * does not exist is dropped without calling FreshBooks.
 */
final class HandshakeVault {
    /** Most codes waiting for confirmation per connection. */
    static final int MAX_PENDING = 32;
    /** How long a listing of the account's callbacks is trusted; a miss re-reads it at most once a minute. */
    static final Duration CALLBACKS_TTL = Duration.ofMinutes(10);
    static final Duration CALLBACKS_MIN_REFRESH = Duration.ofMinutes(1);

    /** What {@link #offer} did with a code. */
    enum Offer {
        /** Kept: its confirmation can be queued. */
        KEPT,
        /** A code for that callback is already waiting; the new one was not kept. */
        ALREADY_PENDING,
        /** The connection has too many codes waiting. */
        FULL
    }

    private final Map<String, Map<String, String>> verifiers = new ConcurrentHashMap<>();
    private final Map<String, KnownCallbacks> callbacks = new ConcurrentHashMap<>();

    /** Keeps {@code verifier} unless one is already pending for the callback or the connection's vault is full. */
    Offer offer(String connectionId, String callbackId, String verifier) {
        Map<String, String> pending = verifiers.computeIfAbsent(connectionId, k -> new ConcurrentHashMap<>());
        synchronized (pending) {
            if (pending.containsKey(callbackId)) {
                return Offer.ALREADY_PENDING;
            }
            if (pending.size() >= MAX_PENDING) {
                return Offer.FULL;
            }
            pending.put(callbackId, verifier);
            return Offer.KEPT;
        }
    }

    Optional<String> get(String connectionId, String callbackId) {
        Map<String, String> pending = verifiers.get(connectionId);
        return Optional.ofNullable(pending == null ? null : pending.get(callbackId));
    }

    void remove(String connectionId, String callbackId) {
        Map<String, String> pending = verifiers.get(connectionId);
        if (pending != null) {
            synchronized (pending) {
                pending.remove(callbackId);
            }
        }
    }

    /** How many codes wait for confirmation on a connection. */
    int pending(String connectionId) {
        Map<String, String> pending = verifiers.get(connectionId);
        return pending == null ? 0 : pending.size();
    }

    /** The remembered callback listing of a connection. */
    KnownCallbacks knownCallbacks(String connectionId) {
        return callbacks.computeIfAbsent(connectionId, k -> new KnownCallbacks());
    }

    /** The callback ids of one account, as last listed, and when. */
    static final class KnownCallbacks {
        private Set<String> ids;
        private Instant listedAt = Instant.MIN;

        /**
         * Whether the account has {@code callbackId}, listing the callbacks with {@code lister} when the listing is
         * older than {@link #CALLBACKS_TTL}, or when the id is missing and the listing is older than a minute.
         */
        synchronized boolean has(String callbackId, Clock clock, java.util.function.Supplier<Set<String>> lister) {
            Instant now = clock.instant();
            boolean stale = ids == null || !now.isBefore(listedAt.plus(CALLBACKS_TTL));
            boolean missAllowsRefresh = ids != null && !ids.contains(callbackId)
                    && !now.isBefore(listedAt.plus(CALLBACKS_MIN_REFRESH));
            if (stale || missAllowsRefresh) {
                ids = Set.copyOf(lister.get());
                listedAt = now;
            }
            return ids.contains(callbackId);
        }
    }
}
