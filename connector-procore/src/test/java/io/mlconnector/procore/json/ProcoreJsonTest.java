package io.mlconnector.procore.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.mlconnector.procore.model.Requisition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcoreJsonTest {

    private final ObjectMapper mapper = ProcoreJson.newObjectMapper();

    record Stamped(Instant submittedAt) {
    }

    @Test
    void aTimestampTypedAsADateInTheSpec_readsAsTheStartOfThatDayInUtc() throws Exception {
        Stamped s = mapper.readValue("{\"submitted_at\":\"2026-03-15\"}", Stamped.class);
        assertThat(s.submittedAt()).isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
    }

    @Test
    void aFullTimestamp_withOffsetOrZ_readsAsBefore() throws Exception {
        assertThat(mapper.readValue("{\"submitted_at\":\"2026-03-15T10:20:30Z\"}", Stamped.class).submittedAt())
                .isEqualTo(Instant.parse("2026-03-15T10:20:30Z"));
        assertThat(mapper.readValue("{\"submitted_at\":\"2026-03-15T10:20:30.5+02:00\"}", Stamped.class).submittedAt())
                .isEqualTo(Instant.parse("2026-03-15T08:20:30.5Z"));
        assertThat(mapper.readValue("{\"submitted_at\":\"\"}", Stamped.class).submittedAt()).isNull();
        assertThat(mapper.readValue("{\"submitted_at\":null}", Stamped.class).submittedAt()).isNull();
    }

    @Test
    void aRequisitionAsTheSpecTypesIt_reads() throws Exception {
        Requisition r = mapper.readValue("{\"id\":1,\"submitted_at\":\"2026-03-15\",\"created_at\":\"2026-03-15T10:20:30Z\"}",
                Requisition.class);
        assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-03-15T10:20:30Z"));
    }

    @Test
    void somethingThatIsNeitherADateNorATimestamp_isRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"submitted_at\":\"2026-13-45\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"submitted_at\":\"yesterday\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
