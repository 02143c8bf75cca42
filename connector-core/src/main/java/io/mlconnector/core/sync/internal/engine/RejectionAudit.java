package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.sync.internal.flow.Auditor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Audits webhook rejections from callers that could not be authenticated without letting them fill the audit log:
 * per vendor and reason, the first rejection of each window (one minute) is written, the others of that window are
 * only counted, and the next written rejection says how many were left out. Rejections of an authenticated caller
 * (a request that passed its connection's verifier) are always written.
 */
public final class RejectionAudit {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Auditor auditor;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    RejectionAudit(Auditor auditor, Clock clock) {
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Writes or counts one rejection. */
    void reject(String connectionId, boolean authenticated, String vendor, int status, String message,
                String reason) {
        Map<String, String> details = new HashMap<>();
        details.put("reason", reason);
        details.put("status", String.valueOf(status));
        if (!authenticated) {
            long left = windows.computeIfAbsent(vendor + ":" + reason, k -> new Window()).admit(clock.instant());
            if (left < 0) {
                return; // counted, not written
            }
            if (left > 0) {
                details.put("rejections_not_written", Long.toString(left));
            }
        }
        auditor.record(connectionId, Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_REJECTED, message, details);
    }

    /** One key's current window. */
    private static final class Window {
        private Instant start = Instant.MIN;
        private long suppressed;

        /** -1 when this rejection is only counted; else how many were left out before it (it is written). */
        synchronized long admit(Instant now) {
            if (start != Instant.MIN && now.isBefore(start.plus(WINDOW))) {
                suppressed++;
                return -1;
            }
            long left = suppressed;
            start = now;
            suppressed = 0;
            return left;
        }
    }
}
