package io.mlconnector.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The sandboxes' JSON helper: one configured {@link ObjectMapper} per sandbox, BigDecimal for numbers. Decimals keep
 * the scale they arrived with ({@code 750000.00} is echoed as {@code 750000.00}, not Jackson's default
 * {@code 7.5E+5}), as a real API echoes the amounts it stores.
 */
public final class Json {

    private final ObjectMapper mapper = new ObjectMapper()
        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /**
     * The underlying mapper.
     *
     * @return the underlying mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A new empty object node.
     *
     * @return a new empty object node
     */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /**
     * A JSON null.
     *
     * @return a JSON null
     */
    public com.fasterxml.jackson.databind.node.NullNode nullNode() {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    /**
     * A JSON string.
     *
     * @param value the value
     * @return a JSON string
     */
    public com.fasterxml.jackson.databind.node.TextNode text(String value) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }

    /**
     * A new empty array node.
     *
     * @return a new empty array node
     */
    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    /**
     * Serializes a tree to UTF-8 bytes.
     *
     * @param node the node
     * @return the write
     */
    public byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses bytes; empty when they are not JSON.
     *
     * @param bytes the bytes
     * @return the try read, or empty when there is none
     */
    public Optional<JsonNode> tryRead(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A JSON response with this tree as body.
     *
     * @param status the status
     * @param node the node
     * @return a JSON response with this tree as body
     */
    public SandboxResponse response(int status, JsonNode node) {
        return SandboxResponse.json(status, write(node));
    }

    /**
     * Converts any value (records, maps) to a tree.
     *
     * @param value the value
     * @return the tree
     */
    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
