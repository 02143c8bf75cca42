package io.mlconnector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditQuery;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.jdbc.testing.FailingDataSource;
import io.mlconnector.jdbc.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcAuditLog} loses no event to a database outage: events wait in memory and are written, in order, once
 * the database answers again; an event the database refuses for its content is dropped instead of blocking the
 * rest; text PostgreSQL cannot hold is cleaned rather than refused.
 */
abstract class JdbcAuditLogResilienceTestBase {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final SQLException OUTAGE = new SQLTransientConnectionException("connection refused", "08001");
    private final TestDatabase db;
    private final FailingDataSource dataSource;

    JdbcAuditLogResilienceTestBase(TestDatabase db) {
        this.db = db;
        this.dataSource = new FailingDataSource(db.dataSource());
    }

    private JdbcAuditLog log(int buffer) {
        return JdbcAuditLog.builder().dataSource(dataSource).tablePrefix(db.tablePrefix()).bufferCapacity(buffer)
                .build();
    }

    private static AuditEvent event(int second) {
        return new AuditEvent(T0.plusSeconds(second), "conn-a", Direction.ACCOUNTING_TO_PROJECT,
                "freshbooks:bill:" + second, null, AuditOutcome.POSTED, "posted", Map.of());
    }

    private JdbcAuditLog reader() {
        return JdbcAuditLog.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix()).build();
    }

    @Test
    void outage_eventsWaitInMemory_andAreWrittenInOrderWhenTheDatabaseReturns() {
        JdbcAuditLog log = log(100);
        log.record(event(0));
        dataSource.failWith(OUTAGE);

        assertThatCode(() -> {
            log.record(event(1));
            log.record(event(2));
        }).doesNotThrowAnyException();
        assertThat(log.unsentCount()).isEqualTo(2);
        assertThat(reader().find(AuditQuery.forConnection("conn-a"))).hasSize(1);

        dataSource.failWith(null);
        log.record(event(3));

        assertThat(log.unsentCount()).isZero();
        assertThat(reader().find(AuditQuery.forConnection("conn-a"))).extracting(AuditEvent::sourceRef)
                .containsExactly("freshbooks:bill:0", "freshbooks:bill:1", "freshbooks:bill:2", "freshbooks:bill:3");
        assertThat(log.droppedCount()).isZero();
    }

    @Test
    void flushAndFind_writeWhatWaited() {
        JdbcAuditLog log = log(100);
        dataSource.failWith(OUTAGE);
        log.record(event(1));
        assertThat(log.flush()).isFalse();

        dataSource.failWith(null);

        assertThat(log.find(AuditQuery.forConnection("conn-a"))).extracting(AuditEvent::sourceRef)
                .containsExactly("freshbooks:bill:1");
        assertThat(log.unsentCount()).isZero();
        assertThat(log.flush()).isTrue();
    }

    @Test
    void fullBuffer_dropsTheOldest_andCountsThem() {
        JdbcAuditLog log = log(2);
        dataSource.failWith(OUTAGE);
        for (int i = 1; i <= 5; i++) {
            log.record(event(i));
        }
        assertThat(log.unsentCount()).isEqualTo(2);
        assertThat(log.droppedCount()).isEqualTo(3);

        dataSource.failWith(null);
        assertThat(log.flush()).isTrue();

        assertThat(reader().find(AuditQuery.forConnection("conn-a"))).extracting(AuditEvent::sourceRef)
                .containsExactly("freshbooks:bill:4", "freshbooks:bill:5");
    }

    @Test
    void anEventRefusedForItsContent_isDropped_andDoesNotBlockTheOthers() {
        JdbcAuditLog log = log(100);
        dataSource.failWith(OUTAGE);
        log.record(event(1));
        dataSource.failWith(new SQLException("value too long", "22001"));
        log.record(event(2));
        assertThat(log.droppedCount()).isEqualTo(2); // the buffered one and the new one, each refused on write
        assertThat(log.unsentCount()).isZero();

        dataSource.failWith(null);
        log.record(event(3));

        assertThat(reader().find(AuditQuery.forConnection("conn-a"))).extracting(AuditEvent::sourceRef)
                .containsExactly("freshbooks:bill:3");
    }

    @Test
    void overlongReferences_areShortened_andNulCharactersReplaced() {
        String longRef = "freshbooks:bill:" + "9".repeat(2000);
        log(10).record(new AuditEvent(T0, "conn-a", Direction.INTAKE, longRef, null, AuditOutcome.WEBHOOK_REJECTED,
                "bad\u0000byte", Map.of("raw", "a\u0000b")));

        AuditEvent stored = reader().find(AuditQuery.forConnection("conn-a")).get(0);
        // the event bounds and escapes external text when it is made (core's SafeText); the store keeps it as is
        assertThat(stored.sourceRef()).hasSizeLessThanOrEqualTo(AuditEvent.MAX_ID + 20)
                .startsWith("freshbooks:bill:999").endsWith("chars)");
        assertThat(stored.reason()).isEqualTo("bad\\u0000byte");
        assertThat(stored.details()).containsEntry("raw", "a\\u0000b");
    }
}
