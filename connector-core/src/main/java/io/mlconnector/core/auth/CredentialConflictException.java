package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConnectorException;

/** A compare-and-set save lost the race: the stored version is no longer the expected one. */
public class CredentialConflictException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    /** The version the writer expected to replace. */
    private final long expectedVersion;
    /** The version the store held. */
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param key the key
     * @param expectedVersion the expected version
     * @param actualVersion the actual version
     */
    public CredentialConflictException(CredentialKey key, long expectedVersion, long actualVersion) {
        super("credential " + key + " is at version " + actualVersion + ", expected " + expectedVersion);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * The expected version.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * The actual version.
     *
     * @return the actual version
     */
    public long actualVersion() {
        return actualVersion;
    }
}
