package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Reads a bill line's {@code category}: a plain name or an embedded category object. */
final class CategoryRefDeserializer extends JsonDeserializer<CategoryRef> {
    @Override
    public CategoryRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode n = p.readValueAsTree();
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            JsonNode id = n.hasNonNull("categoryid") ? n.get("categoryid") : n.get("id");
            Long parsed = null;
            if (id != null && !id.isNull() && !id.asText().isBlank()) {
                try {
                    parsed = Long.valueOf(id.asText().trim());
                } catch (NumberFormatException e) {
                    parsed = null;
                }
            }
            JsonNode name = n.hasNonNull("category") ? n.get("category") : n.get("name");
            return new CategoryRef(parsed, name == null || name.isNull() ? null : name.asText());
        }
        return new CategoryRef(null, n.asText());
    }
}
