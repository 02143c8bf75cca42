package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/** Writes a {@link BigDecimal} as a JSON string in plain notation ({@code "1000.00"}, never {@code "1E+3"}). */
public final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code PlainDecimalSerializer}. */
    public PlainDecimalSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.toPlainString());
    }
}
