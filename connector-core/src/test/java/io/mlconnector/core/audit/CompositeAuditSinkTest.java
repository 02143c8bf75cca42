package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeAuditSinkTest {
    private static final AuditEvent EVENT = new AuditEvent(Instant.parse("2025-03-01T10:00:00Z"), "acme",
            Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:7", null, AuditOutcome.POSTED, "ok", Map.of());

    @Test
    void everySinkGetsEveryEvent_inOrder() {
        List<String> calls = new ArrayList<>();
        InMemoryAuditLog a = new InMemoryAuditLog();
        CompositeAuditSink sink = CompositeAuditSink.of(e -> calls.add("first"), a, e -> calls.add("third"));

        sink.record(EVENT);

        assertThat(calls).containsExactly("first", "third");
        assertThat(a.all()).containsExactly(EVENT);
        assertThat(sink.sinks()).hasSize(3);
    }

    @Test
    void aFailingSink_doesNotStopTheOthers_andIsLoggedAndCounted() {
        InMemoryAuditLog before = new InMemoryAuditLog();
        InMemoryAuditLog after = new InMemoryAuditLog();
        AuditSink broken = e -> {
            throw new IllegalStateException("disk full");
        };
        CompositeAuditSink sink = CompositeAuditSink.of(before, broken, after);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            sink.record(EVENT);
            sink.record(EVENT);
        } finally {
            System.setErr(original);
        }

        assertThat(before.all()).hasSize(2);
        assertThat(after.all()).hasSize(2);
        assertThat(sink.failureCount()).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN").contains("disk full")
                .contains("freshbooks:bill:7");
    }

    @Test
    void nullSinks_areRejected() {
        assertThatThrownBy(() -> CompositeAuditSink.of(new InMemoryAuditLog(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
