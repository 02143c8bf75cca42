package io.mlconnector.procore.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a {@code vendor} field that Procore sends as an object on shows ({@code {"id":…,"name":…}}) but as the
 * vendor's name, a plain string, on lists (e.g. {@code GET /rest/v1.0/projects/{p}/direct_costs}, operation
 * {@code RestV10ProjectsProjectIdDirectCostsGet}: {@code "vendor": string}). A string becomes a reference with only
 * its name.
 */
public final class VendorRefDeserializer extends StdDeserializer<VendorRef> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code VendorRefDeserializer}. */
    public VendorRefDeserializer() {
        super(VendorRef.class);
    }

    @Override
    public VendorRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return new VendorRef(longOrNull(node.get("id")), text(node.get("name")), text(node.get("company")),
                    text(node.get("origin_id")), text(node.get("origin_code")));
        }
        if (node.isValueNode()) {
            String name = node.asText();
            return name.isBlank() ? null : new VendorRef(null, name, null, null, null);
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Long longOrNull(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.canConvertToLong()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
