package io.mlconnector.freshbooks.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.mlconnector.core.model.Money;
import java.io.IOException;

/** Writes core {@link Money} the way FreshBooks expects it: {@code {"amount": "<plain string>", "code": "USD"}}. */
public final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("amount", value.amount().toPlainString());
        gen.writeStringField("code", value.currency());
        gen.writeEndObject();
    }
}
