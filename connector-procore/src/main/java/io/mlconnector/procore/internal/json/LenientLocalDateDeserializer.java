package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a date from {@code YYYY-MM-DD} or from a full ISO-8601 timestamp (keeping the date as written, without
 * converting zones); empty strings read as null.
 */
public final class LenientLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code LenientLocalDateDeserializer}. */
    public LenientLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String s = p.getText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() > 10 && s.charAt(10) == 'T') {
                return OffsetDateTime.parse(s).toLocalDate();
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, "not an ISO date: %s", e.getMessage());
        }
    }
}
