package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Direction;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} must do, even one that cannot be read back (a log, a queue): accept every outcome,
 * direction and optional-field combination without throwing, from many threads at once. Extend it and implement
 * {@link #newSink()}; readable sinks extend {@link AuditLogContract} instead, which includes these tests.
 *
 * <p>To check your own implementation, add connector-testkit as a test dependency, extend this class in your test
 * sources and return a fresh instance from {@link #newSink()}; JUnit 5 runs every inherited test against it:
 * <pre>
 * class MyAuditSinkTest extends AuditSinkContract {
 *     &#64;Override
 *     protected AuditSink newSink() {
 *         return new MyAuditSink(...);   // yours: fresh and empty for every test
 *     }
 * }
 * </pre>
 * A failing test names the rule your implementation breaks; the tests are independent of each other and of their
 * order.
 */
public abstract class AuditSinkContract {
    /** The instant the tests' events start at (whole seconds). */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** For subclasses: the suite holds no state until a test creates the sink. */
    protected AuditSinkContract() {
    }

    /** The sink under test. */
    protected AuditSink sink;

    /**
     * Creates the sink under test; called before every test.
     *
     * @return a fresh sink that no other test uses
     * @throws Exception when the sink cannot be created (the test then fails)
     */
    protected abstract AuditSink newSink() throws Exception;

    @BeforeEach
    void createSink() throws Exception {
        sink = newSink();
    }

    @Test
    void acceptsEveryOutcomeAndDirection() {
        assertThatCode(() -> {
            for (AuditOutcome outcome : AuditOutcome.values()) {
                for (Direction direction : Direction.values()) {
                    sink.record(new AuditEvent(T0, "conn-a", direction, "freshbooks:bill:1", "procore:requisition:2",
                            outcome, "reason for " + outcome, Map.of("amount", "10.00")));
                }
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void acceptsAMinimalEvent() {
        assertThatCode(() -> sink.record(new AuditEvent(T0, null, Direction.INTAKE, null, null,
                AuditOutcome.WEBHOOK_REJECTED, null, null))).doesNotThrowAnyException();
    }

    @Test
    void acceptsAwkwardText() {
        assertThatCode(() -> sink.record(new AuditEvent(T0, "conn \"a\"", Direction.INTAKE, "x\ny", "t=1",
                AuditOutcome.FAILED_PERMANENT, "line one\nline two\ttab \u0000 nul, ünïcödé €",
                Map.of("quote\"key", "va\"lue", "", "empty key")))).doesNotThrowAnyException();
    }

    @Test
    void acceptsConcurrentRecords() {
        Race.run(8, t -> () -> {
            for (int i = 0; i < 50; i++) {
                sink.record(new AuditEvent(T0.plusSeconds(i), "conn-a", Direction.ACCOUNTING_TO_PROJECT,
                        "freshbooks:bill:" + t + "-" + i, null, AuditOutcome.POSTED, "ok", Map.of()));
            }
            return null;
        });
    }
}
