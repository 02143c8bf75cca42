package io.mlconnector.procore.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a field that Procore sends either as a string or as an object with a {@code name} (e.g. {@code uom} is
 * {@code "ea"} on commitments but {@code {"name":"ea","read_only":false}} on direct cost lines; a project's
 * {@code stage} is a string in lists and an object elsewhere).
 */
public final class LenientTextDeserializer extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code LenientTextDeserializer}. */
    public LenientTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isObject()) {
            JsonNode name = node.get("name");
            return name == null || name.isNull() ? null : name.asText();
        }
        return node.toString();
    }
}
