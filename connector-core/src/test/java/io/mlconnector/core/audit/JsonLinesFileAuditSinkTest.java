package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void theFileRotatesAtItsSizeLimit_keepingTheNewestFiles_andLastLinesReadsAcrossThem() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file, 2048, 2)) {
            for (int i = 1; i <= 60; i++) {
                sink.record(event(i, AuditOutcome.POSTED, "event " + i));
            }
            assertThat(sink.writtenCount()).isEqualTo(60);

            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("audit.jsonl", "audit.jsonl.1", "audit.jsonl.2");
            }
            for (Path p : List.of(file, dir.resolve("audit.jsonl.1"), dir.resolve("audit.jsonl.2"))) {
                assertThat(Files.size(p)).isLessThanOrEqualTo(2048);
            }
            List<String> tail = sink.lastLines(12);
            assertThat(tail).hasSize(12);
            for (int k = 0; k < 12; k++) { // oldest first, across the rotation boundary
                assertThat(tail.get(k)).contains("\"event " + (49 + k) + "\"");
            }
            // everything kept: newest files only, in order, ending with the newest event
            List<String> all = sink.lastLines(0);
            assertThat(all.get(all.size() - 1)).contains("\"event 60\"");
            assertThat(all.size()).isLessThan(60).isGreaterThan(12);
        }
    }

    @Test
    void aLineStillBeingWritten_isNotServed() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file)) {
            sink.record(event(1, AuditOutcome.POSTED, "complete"));
            Files.writeString(file, "{\"time\":\"2026-03-02T15:00:0", StandardOpenOption.APPEND); // half a line

            assertThat(sink.lastLines(5)).singleElement().satisfies(l -> assertThat(l).contains("complete"));
        }
    }

    @Test
    void readingTheLog_doesNotBlockWriters() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesFileAuditSink sink = new JsonLinesFileAuditSink(file, 1 << 20, 1, () -> {
            reading.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            sink.record(event(1, AuditOutcome.POSTED, "before"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<String>> reader = pool.submit(() -> sink.lastLines(10));
                assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
                // the reader is in the middle of its read: a writer goes through all the same
                Future<?> writer = pool.submit(() -> sink.record(event(2, AuditOutcome.POSTED, "during")));
                writer.get(10, TimeUnit.SECONDS);
                assertThat(sink.writtenCount()).isEqualTo(2);
                release.countDown();
                assertThat(reader.get(10, TimeUnit.SECONDS)).hasSize(1);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void sizeLimitAndKeep_areValidated() {
        Path file = dir.resolve("audit.jsonl");
        assertThatThrownBy(() -> new JsonLinesFileAuditSink(file, 100, 2)).isInstanceOf(io.mlconnector.core.error.ConfigurationException.class);
        assertThatThrownBy(() -> new JsonLinesFileAuditSink(file, 4096, 0)).isInstanceOf(io.mlconnector.core.error.ConfigurationException.class);
    }
}
