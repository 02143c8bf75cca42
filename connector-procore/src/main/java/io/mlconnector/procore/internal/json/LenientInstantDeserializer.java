package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a timestamp from a full ISO-8601 date-time or from a bare date ({@code YYYY-MM-DD}, read as the start of
 * that day in UTC): Procore's published spec types some timestamps as dates (e.g. a requisition's
 * {@code submitted_at}, the per-prime payment applications list's {@code created_at}/{@code updated_at}) while the
 * same fields elsewhere are date-times. Empty strings read as null; everything else is read as Jackson's own
 * {@link Instant} reader does.
 */
public final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final int DATE_LENGTH = 10;

    /** Creates a {@code LenientInstantDeserializer}. */
    public LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                return null;
            }
            if (s.length() == DATE_LENGTH) {
                try {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "not an ISO date: %s",
                            e.getMessage());
                }
            }
        }
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
}
