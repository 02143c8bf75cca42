package io.mlconnector.core.observe;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys the connector sets while it works, so every log line of a webhook intake, a work item and the
 * HTTP calls made for it carries them: {@value #CONNECTION_ID}, {@value #SOURCE_KEY} and {@value #WORK_ITEM_ID}.
 * A scope opened with {@link #open()} remembers what these keys held and puts that back when closed, so nested
 * scopes and a host's own MDC values survive:
 *
 * <pre>{@code
 * try (LogContext log = LogContext.open()) {
 *     log.connection(c.id()).sourceKey(key).workItem(item.id());
 *     ...                                        // every log line here carries the three keys
 * }                                              // and none after
 * }</pre>
 *
 * Not thread-safe: a scope belongs to the thread that opened it.
 */
public final class LogContext implements AutoCloseable {
    /** MDC key of the connection id. */
    public static final String CONNECTION_ID = "connectionId";
    /** MDC key of the source record's key ({@code freshbooks:bill:123}). */
    public static final String SOURCE_KEY = "sourceKey";
    /** MDC key of the work item id. */
    public static final String WORK_ITEM_ID = "workItemId";

    private static final String[] KEYS = {CONNECTION_ID, SOURCE_KEY, WORK_ITEM_ID};

    private final Map<String, String> previous = new HashMap<>();

    private LogContext() {
        for (String k : KEYS) {
            previous.put(k, MDC.get(k));
        }
    }

    /**
     * Opens a scope on the current thread, remembering what the three keys hold now.
     *
     * @return the scope; close it on the same thread
     */
    public static LogContext open() {
        return new LogContext();
    }

    /**
     * Sets the connection id (null removes it).
     *
     * @param connectionId the connection id, or null
     * @return this scope
     */
    public LogContext connection(String connectionId) {
        return put(CONNECTION_ID, connectionId);
    }

    /**
     * Sets the source key (null removes it).
     *
     * @param sourceKey the source record's key ({@code freshbooks:bill:123}), or null
     * @return this scope
     */
    public LogContext sourceKey(String sourceKey) {
        return put(SOURCE_KEY, sourceKey);
    }

    /**
     * Sets the work item id (null removes it).
     *
     * @param workItemId the work item id, or null
     * @return this scope
     */
    public LogContext workItem(String workItemId) {
        return put(WORK_ITEM_ID, workItemId);
    }

    private LogContext put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return this;
    }

    /** Puts back what the three keys held when the scope was opened. */
    @Override
    public void close() {
        previous.forEach(this::put);
    }
}
