package io.mlconnector.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesAuditFormatTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private final JsonLinesAuditFormat format = new JsonLinesAuditFormat();

    @Test
    void anEvent_isOneLineOfDocumentedJson() {
        AuditEvent e = new AuditEvent(T, "acme", Direction.PROJECT_TO_ACCOUNTING, "procore:change_order:5",
                "freshbooks:expense:77", AuditOutcome.POSTED, "posted", Map.of("amount", "1250.00"));

        assertThat(format.toLine(e)).isEqualTo("{\"time\":\"2025-03-01T10:00:00Z\",\"connectionId\":\"acme\","
                + "\"direction\":\"PROJECT_TO_ACCOUNTING\",\"sourceRef\":\"procore:change_order:5\","
                + "\"targetRef\":\"freshbooks:expense:77\",\"outcome\":\"POSTED\",\"reason\":\"posted\","
                + "\"details\":{\"amount\":\"1250.00\"}}");
    }

    @Test
    void roundTrip_keepsEveryField_andAbsentOnes() {
        AuditEvent full = new AuditEvent(T.plusMillis(123), "acme", Direction.ACCOUNTING_TO_PROJECT, "freshbooks:bill:1",
                "procore:requisition:2", AuditOutcome.FLAGGED_UNMAPPED_GL_ACCOUNT, "line one\nline two \"quoted\"",
                Map.of("category", "17", "kind", "GL_ACCOUNT"));
        AuditEvent minimal = new AuditEvent(T, null, Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_REJECTED,
                null, null);

        String fullLine = format.toLine(full);
        assertThat(fullLine).doesNotContain("\n");
        assertThat(format.fromLine(fullLine)).isEqualTo(full);
        assertThat(format.toLine(minimal)).doesNotContain("connectionId").doesNotContain("null");
        assertThat(format.fromLine(format.toLine(minimal))).isEqualTo(minimal);
    }

    @Test
    void writeThenReadAll_givesTheSameEvents() {
        List<AuditEvent> events = List.of(
                new AuditEvent(T, "a", Direction.INTAKE, null, null, AuditOutcome.WEBHOOK_ACCEPTED, "ok", Map.of()),
                new AuditEvent(T.plusSeconds(1), "a", Direction.ACCOUNTING_TO_PROJECT, "fb:1", "pc:2",
                        AuditOutcome.OUTCOME_UNCERTAIN, "timeout", Map.of("attempt", "1")));
        StringWriter out = new StringWriter();
        format.write(events, out);

        assertThat(out.toString().lines()).hasSize(2);
        assertThat(format.readAll(new StringReader(out.toString() + "\n\n"))).isEqualTo(events);
    }

    @Test
    void badLines_nameTheLine() {
        String good = format.toLine(new AuditEvent(T, "a", Direction.INTAKE, null, null, AuditOutcome.POSTED, null, null));

        AuditFormatException notJson = catchThrowableOfType(AuditFormatException.class,
                () -> format.readAll(new StringReader(good + "\n" + good + "\n{oops\n")));
        assertThat(notJson.line()).isEqualTo(3);
        assertThat(notJson.getMessage()).startsWith("line 3:");

        AuditFormatException unknownOutcome = catchThrowableOfType(AuditFormatException.class,
                () -> format.readAll(new StringReader(good.replace("POSTED", "TELEPORTED"))));
        assertThat(unknownOutcome.line()).isEqualTo(1);
        assertThat(unknownOutcome.getMessage()).contains("TELEPORTED");

        AuditFormatException missingTime = catchThrowableOfType(AuditFormatException.class,
                () -> format.fromLine("{\"direction\":\"INTAKE\",\"outcome\":\"POSTED\"}"));
        assertThat(missingTime.getMessage()).contains("time");

        assertThat(catchThrowableOfType(AuditFormatException.class, () -> format.fromLine(good + " trailing")))
                .isNotNull();
        assertThat(catchThrowableOfType(AuditFormatException.class, () -> format.fromLine("null"))).isNotNull();
        assertThat(catchThrowableOfType(AuditFormatException.class, () -> format.fromLine(" "))).isNotNull();
    }
}
