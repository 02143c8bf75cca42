package io.mlconnector.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.TreeMap;

/** Stores a {@code Map<String, String>} (mapping attributes, ledger attributes, audit details) as a JSON object. */
public final class StringMapJson {
    private static final TypeReference<Map<String, String>> TYPE = new TypeReference<>() {
    };
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /**
     * JSON text with keys in sorted order (stable, diff-friendly); {@code {}} for null or empty.
     *
     * @param map the map
     * @return JSON text with keys in sorted order (stable, diff-friendly)
     */
    public String write(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return "{}";
        }
        try {
            return mapper.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("map cannot be written as JSON", e);
        }
    }

    /**
     * The map held in {@code json}; empty for null or blank.
     *
     * @param json the JSON text
     * @return the map held in {@code json}
     */
    public Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> map = mapper.readValue(json, TYPE);
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not an object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
