package io.mlconnector.procore.adapter;

import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.procore.sync.SyncFailure;
import java.util.List;

/** A sync call the adapter needed in full refused some items (Procore answered 200 with per-item errors). */
public class PartialSyncException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private final transient List<SyncFailure> failures;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param failures the failures
     */
    public PartialSyncException(String message, List<SyncFailure> failures) {
        super(message + ": " + failures.stream().map(SyncFailure::message).toList());
        this.failures = List.copyOf(failures);
    }

    /**
     * The refused items.
     *
     * @return the refused items
     */
    public List<SyncFailure> failures() {
        return failures;
    }
}
