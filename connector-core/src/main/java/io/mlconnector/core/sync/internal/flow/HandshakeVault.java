package io.mlconnector.core.sync.internal.flow;

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
 * connection, a pending code is not overwritten by a later handshake for the same callback (unless its confirmation
 * failed or it is older than {@link #CODE_TTL}, so FreshBooks' resend always gets through), and the ids of the
 * callbacks the account really has are remembered ({@link #knownCallbacks}) so a confirmation for a callback that
 * does not exist is dropped without calling FreshBooks.
 */
public final class HandshakeVault {
    /** Most codes waiting for confirmation per connection. */
    public static final int MAX_PENDING = 32;
    /** How long a listing of the account's callbacks is trusted; a miss re-reads it at most once a minute. */
    static final Duration CALLBACKS_TTL = Duration.ofMinutes(10);
    static final Duration CALLBACKS_MIN_REFRESH = Duration.ofMinutes(1);
    /** A code not confirmed within this time no longer blocks a newer handshake for its callback. */
    public static final Duration CODE_TTL = Duration.ofMinutes(10);

    /** A pending code, when it arrived, and whether its confirmation already failed once. */
    private record Pending(String verifier, Instant receivedAt, boolean failed) {
    }

    /** What {@link #offer} did with a code. */
    public enum Offer {
        /** Kept: its confirmation can be queued. */
        KEPT,
        /** A code for that callback is already waiting; the new one was not kept. */
        ALREADY_PENDING,
        /** The connection has too many codes waiting. */
        FULL
    }

    private final Map<String, Map<String, Pending>> verifiers = new ConcurrentHashMap<>();
    private final Map<String, KnownCallbacks> callbacks = new ConcurrentHashMap<>();
    private final Clock clock;

    public HandshakeVault(Clock clock) {
        this.clock = clock;
    }

    /**
     * Keeps {@code verifier} unless a live code is already pending for the callback (one whose confirmation has not
     * failed and that is younger than {@link #CODE_TTL}) or the connection's vault is full of live codes.
     */
    public Offer offer(String connectionId, String callbackId, String verifier) {
        Map<String, Pending> pending = verifiers.computeIfAbsent(connectionId, k -> new ConcurrentHashMap<>());
        Instant now = clock.instant();
        synchronized (pending) {
            pending.values().removeIf(p -> !live(p, now) && p.failed());
            Pending current = pending.get(callbackId);
            if (current != null && live(current, now) && !current.failed()) {
                return Offer.ALREADY_PENDING;
            }
            if (current == null) {
                pending.entrySet().removeIf(en -> !live(en.getValue(), now));
                if (pending.size() >= MAX_PENDING) {
                    return Offer.FULL;
                }
            }
            pending.put(callbackId, new Pending(verifier, now, false));
            return Offer.KEPT;
        }
    }

    private static boolean live(Pending p, Instant now) {
        return now.isBefore(p.receivedAt().plus(CODE_TTL));
    }

    public Optional<String> get(String connectionId, String callbackId) {
        Map<String, Pending> pending = verifiers.get(connectionId);
        Pending p = pending == null ? null : pending.get(callbackId);
        return Optional.ofNullable(p == null ? null : p.verifier());
    }

    /** When the pending code of a callback arrived. */
    public Optional<Instant> receivedAt(String connectionId, String callbackId) {
        Map<String, Pending> pending = verifiers.get(connectionId);
        Pending p = pending == null ? null : pending.get(callbackId);
        return Optional.ofNullable(p == null ? null : p.receivedAt());
    }

    /** Marks the code's confirmation as failed, so a resent handshake for the callback replaces it. */
    public void confirmationFailed(String connectionId, String callbackId) {
        Map<String, Pending> pending = verifiers.get(connectionId);
        if (pending != null) {
            synchronized (pending) {
                pending.computeIfPresent(callbackId, (k, p) -> new Pending(p.verifier(), p.receivedAt(), true));
            }
        }
    }

    public void remove(String connectionId, String callbackId) {
        Map<String, Pending> pending = verifiers.get(connectionId);
        if (pending != null) {
            synchronized (pending) {
                pending.remove(callbackId);
            }
        }
    }

    /** The remembered callback listing of a connection. */
    public KnownCallbacks knownCallbacks(String connectionId) {
        return callbacks.computeIfAbsent(connectionId, k -> new KnownCallbacks());
    }

    /** What a callback listing says about one callback id. */
    public enum Known {
        YES,
        NO,
        NOT_YET
    }

    /** The callback ids of one account, as last listed, and when. */
    public static final class KnownCallbacks {
        private Set<String> ids;
        private Instant listedAt = Instant.MIN;

        /**
         * Whether the account has {@code callbackId}, whose handshake arrived at {@code handshakeAt}: {@link Known#YES},
         * {@link Known#NO} (a listing made after the handshake arrived does not hold it — FreshBooks registers a
         * callback before it sends its handshake), or {@link Known#NOT_YET} (the only listing predates the handshake
         * and was made less than a minute ago: ask again after {@link #retryAfter}). Lists the callbacks with
         * {@code lister} at most once a minute on misses, and whenever the listing is older than {@link #CALLBACKS_TTL};
         * so a flood of made-up callback ids costs at most one listing a minute.
         */
        public synchronized Known has(String callbackId, Instant handshakeAt, Clock clock,
                               java.util.function.Supplier<Set<String>> lister) {
            Instant now = clock.instant();
            boolean stale = ids == null || !now.isBefore(listedAt.plus(CALLBACKS_TTL));
            if (!stale && ids.contains(callbackId)) {
                return Known.YES;
            }
            if (!stale && listedAt.isAfter(handshakeAt)) {
                return Known.NO;
            }
            if (stale || !now.isBefore(listedAt.plus(CALLBACKS_MIN_REFRESH))) {
                ids = Set.copyOf(lister.get());
                listedAt = now;
                return ids.contains(callbackId) ? Known.YES : Known.NO;
            }
            return Known.NOT_YET;
        }

        /** How long until a miss may list the callbacks again. */
        public synchronized Duration retryAfter(Clock clock) {
            Duration left = Duration.between(clock.instant(), listedAt.plus(CALLBACKS_MIN_REFRESH));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }
}
