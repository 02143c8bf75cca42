package io.mlconnector.core.audit;

import io.mlconnector.core.http.Redaction;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuditSink} that writes each event as one structured log line through slf4j, e.g.
 *
 * <pre>audit outcome=POSTED time=2025-03-01T10:00:00Z connection=acme direction=ACCOUNTING_TO_PROJECT
 * source=freshbooks:bill:123 target=procore:requisition:88 reason="posted requisition" detail.amount=1250.00</pre>
 *
 * (on one line). Values with spaces, quotes or {@code =} are quoted; line breaks and control characters are escaped,
 * so one event is always exactly one line and a crafted value cannot forge another entry. Detail values under
 * secret-looking names (token, secret, signature…) are masked. Flags, failures, uncertain outcomes and rejected
 * webhooks are logged at WARN, everything else at INFO. The default logger is {@value #DEFAULT_LOGGER}.
 */
public final class Slf4jAuditSink implements AuditSink {
    /** The logger name used unless another logger is given. */
    public static final String DEFAULT_LOGGER = "io.mlconnector.audit";

    private final Logger log;

    /** Logs to {@value #DEFAULT_LOGGER}. */
    public Slf4jAuditSink() {
        this(LoggerFactory.getLogger(DEFAULT_LOGGER));
    }

    /**
     * Logs to the given logger.
     *
     * @param log the logger
     */
    public Slf4jAuditSink(Logger log) {
        this.log = Objects.requireNonNull(log);
    }

    @Override
    public void record(AuditEvent event) {
        if (needsAttention(event.outcome())) {
            if (log.isWarnEnabled()) {
                log.warn("{}", format(event));
            }
        } else if (log.isInfoEnabled()) {
            log.info("{}", format(event));
        }
    }

    /**
     * Whether an outcome is logged at WARN: someone has to look at it.
     *
     * @param outcome what happened
     * @return whether an outcome is logged at WARN: someone has to look at it
     */
    public static boolean needsAttention(AuditOutcome outcome) {
        return outcome.isFlag() || outcome == AuditOutcome.FAILED_PERMANENT || outcome == AuditOutcome.FAILED_RETRYABLE
                || outcome == AuditOutcome.OUTCOME_UNCERTAIN || outcome == AuditOutcome.WEBHOOK_REJECTED;
    }

    /**
     * The single line logged for an event.
     *
     * @param e the audit event
     * @return the single line logged for an event
     */
    public static String format(AuditEvent e) {
        StringBuilder sb = new StringBuilder(160).append("audit");
        field(sb, "outcome", e.outcome().name());
        field(sb, "time", e.time().toString());
        field(sb, "connection", e.connectionId());
        field(sb, "direction", e.direction().name());
        field(sb, "source", e.sourceRef());
        field(sb, "target", e.targetRef());
        field(sb, "reason", e.reason());
        for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet()) {
            String key = d.getKey() == null ? "" : d.getKey();
            field(sb, "detail." + key.replaceAll("[^A-Za-z0-9_.\\-]", "_"),
                    Redaction.isSensitive(key) ? "[REDACTED]" : d.getValue());
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        sb.append(' ').append(name).append('=');
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '=' || c == '\\';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
