package io.mlconnector.procore.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Lets Jackson read a {@link ProcoreWebhookEvent} (e.g. the {@code event} of a delivery) through its own parser. */
public final class ProcoreWebhookEventDeserializer extends StdDeserializer<ProcoreWebhookEvent> {
    private static final long serialVersionUID = 1L;

    /** Creates a {@code ProcoreWebhookEventDeserializer}. */
    public ProcoreWebhookEventDeserializer() {
        super(ProcoreWebhookEvent.class);
    }

    @Override
    public ProcoreWebhookEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        return node == null || node.isNull() ? null : ProcoreWebhookEvent.fromJson(node);
    }
}
