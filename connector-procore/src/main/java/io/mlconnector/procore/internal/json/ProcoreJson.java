package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mlconnector.core.http.ConnectorJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Jackson setup of the Procore module: core's {@link ConnectorJson} mapper plus Procore's quirks — money is
 * written as plain decimal strings (read from strings or numbers), and date-only fields also accept a full
 * timestamp (some documented bodies send {@code "due_date": "2020-10-19T19:17:54Z"}), timestamps also accept a bare
 * date (the spec types some of them as dates, e.g. a requisition's {@code submitted_at}), and record components in
 * camelCase map to Procore's snake_case names.
 */
public final class ProcoreJson {
    private ProcoreJson() {
    }

    /**
     * A new mapper configured for Procore bodies.
     *
     * @return a new mapper configured for Procore bodies
     */
    public static ObjectMapper newObjectMapper() {
        SimpleModule module = new SimpleModule("procore");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addDeserializer(LocalDate.class, new LenientLocalDateDeserializer());
        module.addDeserializer(Instant.class, new LenientInstantDeserializer());
        ObjectMapper mapper = ConnectorJson.newObjectMapper();
        mapper.registerModule(module);
        // Procore field names are snake_case; Java records use camelCase (map keys are left alone)
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return mapper;
    }
}
