package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a {@link BigDecimal} as a JSON number in plain notation ({@code 1000.00}, never {@code 1E+3}), exact to the
 * last digit: for the request fields Procore's spec types as {@code number} (e.g. a v1.0 direct cost line item's
 * {@code amount}, a budget line item's {@code original_budget_amount}), where the module default, a decimal string
 * ({@link PlainDecimalSerializer}), would not match the spec.
 */
public final class DecimalNumberSerializer extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code DecimalNumberSerializer}. */
    public DecimalNumberSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(value.toPlainString());
    }
}
