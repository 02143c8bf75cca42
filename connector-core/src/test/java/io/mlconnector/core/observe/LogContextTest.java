package io.mlconnector.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {
    @org.junit.jupiter.api.BeforeAll
    static void mdc() {
        TestMdc.install();
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aScope_setsTheKeys_andPutsBackWhatWasThere() {
        MDC.put(LogContext.CONNECTION_ID, "host-value");
        MDC.put("hostKey", "kept");

        try (LogContext outer = LogContext.open()) {
            outer.connection("acme").sourceKey("freshbooks:bill:1").workItem("w-1");
            assertThat(MDC.get(LogContext.CONNECTION_ID)).isEqualTo("acme");
            try (LogContext inner = LogContext.open()) {
                inner.sourceKey("freshbooks:bill:2").workItem(null);
                assertThat(MDC.get(LogContext.SOURCE_KEY)).isEqualTo("freshbooks:bill:2");
                assertThat(MDC.get(LogContext.WORK_ITEM_ID)).isNull();
            }
            assertThat(MDC.get(LogContext.SOURCE_KEY)).isEqualTo("freshbooks:bill:1");
            assertThat(MDC.get(LogContext.WORK_ITEM_ID)).isEqualTo("w-1");
        }

        assertThat(MDC.get(LogContext.CONNECTION_ID)).isEqualTo("host-value");
        assertThat(MDC.get(LogContext.SOURCE_KEY)).isNull();
        assertThat(MDC.get(LogContext.WORK_ITEM_ID)).isNull();
        assertThat(MDC.get("hostKey")).isEqualTo("kept");
    }
}
