package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Slf4jAuditSinkTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void format_isOneStructuredLine() {
        AuditEvent e = new AuditEvent(T, "acme", Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:123",
                "procore:requisition:88", AuditOutcome.POSTED, "posted requisition",
                Map.of("amount", "1250.00", "currency", "USD"));

        assertThat(Slf4jAuditSink.format(e)).isEqualTo("audit outcome=POSTED time=2025-03-01T10:00:00Z connection=acme "
                + "direction=ACCOUNTING_TO_PROJECT source=freshbooks:bill:123 target=procore:requisition:88 "
                + "reason=\"posted requisition\" detail.amount=1250.00 detail.currency=USD");
    }

    @Test
    void format_omitsAbsentValues() {
        AuditEvent e = new AuditEvent(T, null, Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_REJECTED, null, null);

        assertThat(Slf4jAuditSink.format(e)).isEqualTo("audit outcome=WEBHOOK_REJECTED time=2025-03-01T10:00:00Z direction=INTAKE");
    }

    @Test
    void format_escapesLineBreaksAndQuotes_soAValueCannotForgeAnotherEntry() {
        AuditEvent e = new AuditEvent(T, "acme", Direction.INTAKE, "x", null, AuditOutcome.FAILED_PERMANENT,
                "bad\naudit outcome=POSTED source=\"forged\"\r\u0007", Map.of("note", "a=b"));

        String line = Slf4jAuditSink.format(e);

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0007");
        // the event escaped the control characters when it was made (SafeText); the sink quotes what is left
        assertThat(line).contains("reason=\"bad\\\\naudit outcome=POSTED source=\\\"forged\\\"\\\\r\\\\u0007\"")
                .contains("detail.note=\"a=b\"");
    }

    @Test
    void format_masksSecretLookingDetails_andCleansKeys() {
        AuditEvent e = new AuditEvent(T, "acme", Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_ACCEPTED, "ok",
                Map.of("refresh_token", "rt-123", "X-Signature", "abc", "odd key!", "v"));

        String line = Slf4jAuditSink.format(e);

        assertThat(line).doesNotContain("rt-123").doesNotContain("=abc")
                .contains("detail.refresh_token=[REDACTED]").contains("detail.X-Signature=[REDACTED]")
                .contains("detail.odd_key_=v");
    }

    @Test
    void levels_warnWhenSomeoneMustAct() {
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.FLAGGED_UNMAPPED_VENDOR)).isTrue();
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.FAILED_PERMANENT)).isTrue();
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.OUTCOME_UNCERTAIN)).isTrue();
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.WEBHOOK_REJECTED)).isTrue();
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.POSTED)).isFalse();
        assertThat(Slf4jAuditSink.needsAttention(AuditOutcome.SKIPPED_DUPLICATE)).isFalse();
    }

    @Test
    void record_writesOneLinePerEvent_toTheAuditLogger() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Slf4jAuditSink sink = new Slf4jAuditSink();
            sink.record(new AuditEvent(T, "acme", Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:1", null,
                    AuditOutcome.POSTED, "multi\nline", Map.of()));
            sink.record(new AuditEvent(T, "acme", Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:2", null,
                    AuditOutcome.FLAGGED_UNMAPPED_VENDOR, "vendor 42 has no mapping", Map.of()));
        } finally {
            System.setErr(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("INFO").contains(Slf4jAuditSink.DEFAULT_LOGGER).contains("source=freshbooks:bill:1");
        assertThat(lines[1]).contains("WARN").contains("outcome=FLAGGED_UNMAPPED_VENDOR");
    }
}
