package io.mlconnector.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileAuditSinkTest {
    @TempDir
    Path dir;

    private static AuditEvent event(int n, AuditOutcome outcome, String reason) {
        return new AuditEvent(Instant.parse("2026-03-02T15:00:00Z").plusSeconds(n), "acme",
                Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:" + n, "procore:requisition:" + (100 + n), outcome,
                reason, Map.of("amount", "12.50"));
    }

    @Test
    void eachEvent_isOneLine_newestLast_andReadsBack() throws Exception {
        Path file = dir.resolve("sub/audit.jsonl");
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file)) {
            sink.record(event(1, AuditOutcome.POSTED, "posted"));
            sink.record(event(2, AuditOutcome.FLAGGED_UNMAPPED_VENDOR, "vendor \"Lone Pine\"\nhas no mapping"));
            assertThat(sink.writtenCount()).isEqualTo(2);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{").contains("\"outcome\":\"POSTED\"");
        assertThat(lines.get(1)).contains("FLAGGED_UNMAPPED_VENDOR").contains("\\n");
        List<AuditEvent> back = JsonLinesFileAuditSink.readAll(file);
        assertThat(back).containsExactly(event(1, AuditOutcome.POSTED, "posted"),
                event(2, AuditOutcome.FLAGGED_UNMAPPED_VENDOR, "vendor \"Lone Pine\"\nhas no mapping"));
    }

    @Test
    void reopening_appends_andLastLinesKeepsTheNewest() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file)) {
            for (int i = 1; i <= 3; i++) {
                sink.record(event(i, AuditOutcome.POSTED, "first run " + i));
            }
        }
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file)) {
            sink.record(event(4, AuditOutcome.SKIPPED_DUPLICATE, "second run"));

            assertThat(sink.readAll()).hasSize(4);
            List<String> tail = sink.lastLines(2);
            assertThat(tail).hasSize(2);
            assertThat(tail.get(0)).contains("first run 3");
            assertThat(tail.get(1)).contains("second run");
            assertThat(sink.lastLines(0)).hasSize(4);
        }
    }

    @Test
    void writesAfterClose_areCountedAsFailures_notThrown() {
        JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(dir.resolve("audit.jsonl"));
        sink.close();
        sink.record(event(1, AuditOutcome.POSTED, "late"));
        assertThat(sink.failureCount()).isEqualTo(1);
        assertThat(sink.writtenCount()).isZero();
    }
}
