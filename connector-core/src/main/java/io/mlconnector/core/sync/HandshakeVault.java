package io.mlconnector.core.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the verification codes of pending FreshBooks handshakes in memory only, so the work queue never stores a
 * secret. If the node restarts before confirming, the confirmation item is retried and eventually dead-lettered;
 * FreshBooks can be asked to resend the code.
 */
final class HandshakeVault {
    private final Map<String, String> verifiers = new ConcurrentHashMap<>();

    private static String key(String connectionId, String callbackId) {
        return connectionId + "\u0000" + callbackId;
    }

    void put(String connectionId, String callbackId, String verifier) {
        verifiers.put(key(connectionId, callbackId), verifier);
    }

    Optional<String> get(String connectionId, String callbackId) {
        return Optional.ofNullable(verifiers.get(key(connectionId, callbackId)));
    }

    void remove(String connectionId, String callbackId) {
        verifiers.remove(key(connectionId, callbackId));
    }
}
