package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** External text cannot forge audit lines nor grow them without bound, whichever sink writes them. */
class AuditEventSafetyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static AuditEvent rejected(String source, String reason, Map<String, String> details) {
        return new AuditEvent(T0, "acme", Direction.ACCOUNTING_TO_PROJECT, source, null,
                AuditOutcome.WEBHOOK_REJECTED, reason, details);
    }

    @Test
    void aNewlineInAnExternalId_cannotForgeASecondLine() {
        String forged = "freshbooks:bill:1\naudit outcome=POSTED source=freshbooks:bill:2";
        AuditEvent e = rejected(forged, "bad signature\r\nx", Map.of("object_id", "7\u2028audit outcome=POSTED"));

        assertThat(e.sourceRef()).doesNotContain("\n").contains("\\n");
        assertThat(e.reason()).isEqualTo("bad signature\\r\\nx");
        assertThat(e.details().get("object_id")).doesNotContain("\u2028").contains("\\u2028");
        assertThat(Slf4jAuditSink.format(e).lines()).hasSize(1);
        assertThat(new JsonLinesAuditFormat().toLine(e).lines()).hasSize(1);
    }

    @Test
    void aHugeRequest_addsABoundedLine() {
        String huge = "x".repeat(240 * 1024);
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            details.put("k" + i, huge);
        }
        AuditEvent e = rejected(huge, huge, details);

        assertThat(e.sourceRef()).hasSizeLessThan(AuditEvent.MAX_ID + 32).endsWith("chars)");
        assertThat(e.reason()).hasSizeLessThan(AuditEvent.MAX_REASON + 32);
        assertThat(e.details()).hasSize(AuditEvent.MAX_DETAILS + 1).containsEntry("details_cut", "468");
        // 240 KB in, a line of about 10 KB out at most
        assertThat(new JsonLinesAuditFormat().toLine(e).length()).isLessThan(12_000);
    }

    @Test
    void ordinaryText_isKeptAsItIs() {
        AuditEvent e = rejected("freshbooks:bill:123", "no confirmed mapping for vendor Ünïcode & Söns",
                Map.of("amount", "1250.00"));

        assertThat(e.sourceRef()).isEqualTo("freshbooks:bill:123");
        assertThat(e.reason()).isEqualTo("no confirmed mapping for vendor Ünïcode & Söns");
        assertThat(e.details()).containsExactly(Map.entry("amount", "1250.00"));
    }

    @Test
    void safeText_escapesControlCharacters_andNotesWhatWasCut() {
        assertThat(SafeText.of("a\u0000b\u001bc\u007f")).isEqualTo("a\\u0000b\\u001bc\\u007f");
        assertThat(SafeText.of("abcdef", 3)).isEqualTo("abc…(+3 chars)");
        assertThat(SafeText.of(null)).isNull();
    }
}
