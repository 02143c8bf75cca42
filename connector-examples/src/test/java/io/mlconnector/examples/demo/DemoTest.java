package io.mlconnector.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.JsonLinesFileAuditSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's whole story runs in the suite, and its result is checked against the systems' state. */
class DemoTest {

    @Test
    void demo_reachesTheExpectedEndState() throws Exception {
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        try (DemoEnvironment env = DemoEnvironment.builder().build()) {
            DemoResult r = Demo.run(env, new PrintStream(narration, true, StandardCharsets.UTF_8));

            assertThat(r.problems()).isEmpty();
            assertThat(r.reachedExpectedEndState()).isTrue();
            assertThat(r.postings("requisition")).extracting(DemoResult.Posting::amount)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyInAnyOrder(new BigDecimal("26980.00"), new BigDecimal("14250.00"));
            assertThat(r.postings("direct cost")).extracting(DemoResult.Posting::amount)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyInAnyOrder(new BigDecimal("3275.40"), new BigDecimal("825.00"));
            assertThat(r.postings("expense")).singleElement()
                    .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("12500.00"));
            assertThat(r.flagged()).singleElement().satisfies(f -> {
                assertThat(f.outcome()).isEqualTo("FLAGGED_UNMAPPED_VENDOR");
                assertThat(f.source()).contains("LPF-117");
            });
            assertThat(r.pollerCaught()).singleElement().asString().contains("CER-5561");
            assertThat(r.fixedPriceAfter()).isEqualByComparingTo("748000.00");
            assertThat(r.skippedEchoes()).isPositive();
            assertThat(DemoResult.total(r.freshBooksCalls())).isPositive();
            assertThat(DemoResult.total(r.procoreCalls())).isPositive();
            assertThat(r.procoreCalls()).containsKey("POST /rest/v1.1/requisitions");

            List<AuditEvent> audit = JsonLinesFileAuditSink.readAll(r.auditLog());
            assertThat(audit).hasSize(r.auditEvents());
            assertThat(audit).filteredOn(e -> e.outcome() == AuditOutcome.POSTED).hasSizeGreaterThanOrEqualTo(4);
            assertThat(Files.readString(r.auditLog())).doesNotContain(env.config().procore().webhookSecret().reveal(),
                    env.config().freshBooks().clientSecret().reveal());

            String summary = DemoSummary.render(r);
            assertThat(summary).contains("Lone Pine Framing", "FLAGGED_UNMAPPED_VENDOR", "Month-end reconciliation",
                    "API calls", r.auditLog().toString(), "Result: expected end state reached.");
            assertThat(narration.toString(StandardCharsets.UTF_8)).contains("7. prime contract change order").contains("8. month-end reconciliation");
        }
    }
}
