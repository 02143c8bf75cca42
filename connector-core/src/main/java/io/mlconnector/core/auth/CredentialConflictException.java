package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConnectorException;

/** A compare-and-set save lost the race: the stored version is no longer the expected one. */
public class CredentialConflictException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private final long expectedVersion;
    private final long actualVersion;

    public CredentialConflictException(CredentialKey key, long expectedVersion, long actualVersion) {
        super("credential " + key + " is at version " + actualVersion + ", expected " + expectedVersion);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
