package io.mlconnector.core.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.http.ConnectorJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Imports and exports one connection's mappings as JSON, keeping every attribute (CSV keeps only
 * {@code costType}). The document is
 *
 * <pre>{@code
 * {"version": 1,
 *  "mappings": [
 *    {"kind": "GL_ACCOUNT", "sourceId": "17", "targetId": "01-100", "status": "CONFIRMED",
 *     "label": "Materials", "attributes": {"costType": "M"}, "updatedAt": "2025-03-01T10:00:00Z"}]}
 * }</pre>
 *
 * {@code status} (default {@code CONFIRMED}), {@code label}, {@code attributes} (string values) and
 * {@code updatedAt} (default: the import time) are optional. A file is validated completely before anything is
 * stored: a bad entry raises {@link MappingFormatException} naming its line and nothing is imported. Thread-safe.
 */
public final class MappingJson {
    /** The document version this class writes and reads. */
    public static final int VERSION = 1;

    private final ObjectMapper json;

    /** Uses the connector's standard JSON setup. */
    public MappingJson() {
        this(ConnectorJson.newObjectMapper());
    }

    /**
     * Uses the given mapper (it must understand java.time).
     *
     * @param json the JSON text
     */
    public MappingJson(ObjectMapper json) {
        this.json = Objects.requireNonNull(json);
    }

    /**
     * Writes {@code mappings}, sorted by kind then source id, pretty-printed with attributes in name order.
     *
     * @param mappings the mappings
     * @param out the out writer
     */
    public void write(Collection<Mapping> mappings, Writer out) {
        List<Mapping> sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparing((Mapping m) -> m.kind().ordinal()).thenComparing(Mapping::sourceId));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Mapping m : sorted) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", m.kind().name());
            e.put("sourceId", m.sourceId());
            e.put("targetId", m.targetId());
            e.put("status", m.status().name());
            if (m.label() != null) {
                e.put("label", m.label());
            }
            if (!m.attributes().isEmpty()) {
                e.put("attributes", new TreeMap<>(m.attributes()));
            }
            if (m.updatedAt() != null) {
                e.put("updatedAt", m.updatedAt().toString());
            }
            entries.add(e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VERSION);
        doc.put("mappings", entries);
        try {
            json.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, doc);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mappings JSON", e);
        }
    }

    /**
     * Writes every mapping of one connection, all kinds.
     *
     * @param store the mapping store
     * @param connectionId the connection's id
     * @param out the out writer
     */
    public void exportFrom(MappingStore store, String connectionId, Writer out) {
        write(MappingCsv.allOf(store, connectionId), out);
    }

    /**
     * Parses a whole document into mappings for {@code connectionId}; entries without {@code updatedAt} are
     * stamped {@code importedAt}.
     *
     * @param in the in reader
     * @param connectionId the connection's id
     * @param importedAt the imported at
     * @return the mappings
     * @throws MappingFormatException naming the first bad line
     */
    public List<Mapping> read(Reader in, String connectionId, Instant importedAt) {
        Objects.requireNonNull(connectionId, "connectionId");
        List<Mapping> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean sawMappings = false;
        try (JsonParser p = json.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MappingFormatException(line(p), "expected a JSON object with a \"mappings\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("version".equals(field)) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != VERSION) {
                        throw new MappingFormatException(line(p), "unsupported version " + p.getText()
                                + "; expected " + VERSION);
                    }
                } else if ("mappings".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MappingFormatException(line(p), "\"mappings\" must be an array");
                    }
                    sawMappings = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = line(p);
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new MappingFormatException(line, "each mapping must be a JSON object");
                        }
                        JsonNode node = json.readTree(p);
                        Mapping m = toMapping(line, node, connectionId, importedAt);
                        Integer earlier = seen.putIfAbsent(m.kind() + "\u0000" + m.sourceId(), line);
                        if (earlier != null) {
                            throw new MappingFormatException(line, "duplicate " + m.kind() + " mapping for source id '"
                                    + m.sourceId() + "' (first on line " + earlier + ")");
                        }
                        out.add(m);
                    }
                } else {
                    p.skipChildren(); // unknown fields are ignored
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new MappingFormatException(line(p), "malformed document");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new MappingFormatException(loc == null ? 0 : loc.getLineNr(), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mappings JSON", e);
        }
        if (!sawMappings) {
            throw new MappingFormatException(0, "the document has no \"mappings\" array");
        }
        return out;
    }

    /**
     * Validates the whole document, then puts every mapping into {@code store}.
     *
     * @param store the mapping store
     * @param in the in reader
     * @param connectionId the connection's id
     * @param importedAt the imported at
     * @return how many mappings were stored
     * @throws MappingFormatException naming the first bad line; nothing is stored then
     */
    public int importInto(MappingStore store, Reader in, String connectionId, Instant importedAt) {
        List<Mapping> mappings = read(in, connectionId, importedAt);
        mappings.forEach(store::put);
        return mappings.size();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static Mapping toMapping(int line, JsonNode node, String connectionId, Instant importedAt) {
        MappingKind kind = MappingCsv.kind(line, text(line, node, "kind", true));
        String source = MappingCsv.required(line, "sourceId", text(line, node, "sourceId", true));
        String target = MappingCsv.required(line, "targetId", text(line, node, "targetId", true));
        String statusText = text(line, node, "status", false);
        MappingStatus status = MappingCsv.status(line, statusText == null ? "" : statusText.trim());
        String label = text(line, node, "label", false);
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attrs = node.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                throw new MappingFormatException(line, "\"attributes\" must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : attrs.properties()) {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new MappingFormatException(line, "attribute \"" + e.getKey() + "\" must be a string");
                }
                attributes.put(e.getKey(), e.getValue().asText());
            }
        }
        Instant updatedAt = importedAt;
        String when = text(line, node, "updatedAt", false);
        if (when != null) {
            try {
                updatedAt = Instant.parse(when.trim());
            } catch (DateTimeParseException e) {
                throw new MappingFormatException(line, "updatedAt '" + when + "' is not an ISO-8601 instant");
            }
        }
        return new Mapping(connectionId, kind, source, target, attributes, status, label, updatedAt);
    }

    private static String text(int line, JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new MappingFormatException(line, "\"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new MappingFormatException(line, "\"" + field + "\" must be a string");
        }
        return v.asText();
    }
}
