package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private static AuditEvent event(int i) {
        return new AuditEvent(T.plusSeconds(i), "acme", Direction.INTAKE, "src-" + i, null, AuditOutcome.POSTED, null,
                Map.of());
    }

    @Test
    void pastCapacity_theOldestEventsAreDropped() {
        InMemoryAuditLog log = new InMemoryAuditLog(3);
        for (int i = 0; i < 5; i++) {
            log.record(event(i));
        }

        assertThat(log.all()).extracting(AuditEvent::sourceRef).containsExactly("src-2", "src-3", "src-4");
        assertThat(log.find(AuditQuery.forConnection("acme"))).hasSize(3);
    }

    @Test
    void capacity_mustBePositive() {
        assertThatThrownBy(() -> new InMemoryAuditLog(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
