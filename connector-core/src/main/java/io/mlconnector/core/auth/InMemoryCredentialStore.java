package io.mlconnector.core.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Thread-safe in-process {@link CredentialStore}; lost on restart. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentMap<CredentialKey, StoredCredential> map = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredCredential> load(CredentialKey key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
        StoredCredential next = new StoredCredential(key, expectedVersion + 1, value);
        StoredCredential result = map.compute(key, (k, cur) -> {
            long actual = cur == null ? 0 : cur.version();
            if (actual != expectedVersion) {
                throw new CredentialConflictException(key, expectedVersion, actual);
            }
            return next;
        });
        return result;
    }

    @Override
    public void delete(CredentialKey key) {
        map.remove(key);
    }
}
