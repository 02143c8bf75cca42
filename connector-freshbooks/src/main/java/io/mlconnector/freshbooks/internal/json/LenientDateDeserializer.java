package io.mlconnector.freshbooks.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.LocalDate;

/** Reads {@code YYYY-MM-DD} (or the date part of a date-time); unparseable text becomes null. */
public final class LenientDateDeserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return FreshBooksTime.parseDate(p.getValueAsString()).orElse(null);
    }
}
