package io.mlconnector.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingJsonTest {
    private static final String CONN = "conn-a";
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private final MappingJson json = new MappingJson();

    private List<Mapping> read(String text) {
        return json.read(new StringReader(text), CONN, AT);
    }

    private MappingFormatException readFails(String text) {
        MappingFormatException e = catchThrowableOfType(MappingFormatException.class, () -> read(text));
        assertThat(e).as("expected a MappingFormatException").isNotNull();
        return e;
    }

    @Test
    void roundTrip_keepsEveryAttribute_label_status_andTime() {
        InMemoryMappingStore store = new InMemoryMappingStore();
        store.put(new Mapping(CONN, MappingKind.GL_ACCOUNT, "17", "01-100",
                Map.of("costType", "M", "costTypeId", "8841", "note", "line \"items\"\nonly"),
                MappingStatus.SUGGESTED, "Materials, steel", Instant.parse("2025-01-02T03:04:05Z")));
        store.put(Mapping.confirmed(CONN, MappingKind.VENDOR, "42", "9001"));
        StringWriter out = new StringWriter();
        json.exportFrom(store, CONN, out);

        InMemoryMappingStore copy = new InMemoryMappingStore();
        int n = json.importInto(copy, new StringReader(out.toString()), "conn-copy", AT);

        assertThat(n).isEqualTo(2);
        Mapping gl = copy.find("conn-copy", MappingKind.GL_ACCOUNT, "17").orElseThrow();
        assertThat(gl.attributes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("costType", "M", "costTypeId", "8841", "note", "line \"items\"\nonly"));
        assertThat(gl.status()).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(gl.label()).isEqualTo("Materials, steel");
        assertThat(gl.updatedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        Mapping vendor = copy.find("conn-copy", MappingKind.VENDOR, "42").orElseThrow();
        assertThat(vendor.updatedAt()).isEqualTo(AT); // none was exported, so the import time is used
        assertThat(vendor.label()).isNull();
    }

    @Test
    void export_isStable_sortedAndVersioned() {
        StringWriter out = new StringWriter();
        json.write(List.of(Mapping.confirmed(CONN, MappingKind.PROJECT, "b", "2"),
                Mapping.confirmed(CONN, MappingKind.VENDOR, "z", "1"),
                Mapping.confirmed(CONN, MappingKind.PROJECT, "a", "3")), out);

        String s = out.toString();
        assertThat(s).contains("\"version\" : 1");
        assertThat(s.indexOf("\"z\"")).isLessThan(s.indexOf("\"a\""));
        assertThat(s.indexOf("\"a\"")).isLessThan(s.indexOf("\"b\""));
    }

    @Test
    void minimalEntries_andNumericIds_areAccepted() {
        List<Mapping> m = read("{\"mappings\":[{\"kind\":\"vendor\",\"sourceId\":42,\"targetId\":\"9001\"}]}");

        assertThat(m).hasSize(1);
        assertThat(m.get(0).sourceId()).isEqualTo("42");
        assertThat(m.get(0).status()).isEqualTo(MappingStatus.CONFIRMED);
        assertThat(m.get(0).connectionId()).isEqualTo(CONN);
    }

    @Test
    void unknownFields_areIgnored() {
        assertThat(read("{\"exportedBy\":{\"who\":\"me\"},\"mappings\":[{\"kind\":\"VENDOR\",\"sourceId\":\"1\","
                + "\"targetId\":\"2\",\"colour\":\"blue\"}]}")).hasSize(1);
    }

    @Test
    void badEntry_namesItsLine() {
        String doc = """
                {"version": 1,
                 "mappings": [
                  {"kind": "VENDOR", "sourceId": "1", "targetId": "2"},
                  {"kind": "VENDOR", "sourceId": "3"},
                  {"kind": "VENDOR", "sourceId": "5", "targetId": "6"}
                 ]}
                """;

        MappingFormatException e = readFails(doc);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("line 4").contains("targetId");
    }

    @Test
    void unknownKindOrStatus_orBadTime_namesTheLine() {
        assertThat(readFails("{\"mappings\":[\n{\"kind\":\"VENDR\",\"sourceId\":\"1\",\"targetId\":\"2\"}]}").line())
                .isEqualTo(2);
        assertThat(readFails("{\"mappings\":[\n\n{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\",\"status\":\"NO\"}]}")
                .line()).isEqualTo(3);
        assertThat(readFails("{\"mappings\":[{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\",\"updatedAt\":\"yesterday\"}]}")
                .getMessage()).contains("yesterday");
    }

    @Test
    void attributesMustBeFlatStrings() {
        assertThat(readFails("{\"mappings\":[{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\",\"attributes\":[1]}]}")
                .getMessage()).contains("attributes");
        assertThat(readFails("{\"mappings\":[{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\",\"attributes\":{\"a\":{\"b\":1}}}]}")
                .getMessage()).contains("\"a\"");
    }

    @Test
    void duplicateSource_namesBothLines() {
        MappingFormatException e = readFails("{\"mappings\":[\n{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\"},\n"
                + "{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"3\"}]}");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("first on line 2");
    }

    @Test
    void malformedJson_namesTheLine() {
        MappingFormatException e = readFails("{\"mappings\":[\n{\"kind\":\"VENDOR\",\n\"sourceId\" \"1\"}]}");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void wrongShapes_areRejected() {
        assertThat(readFails("[]").getMessage()).contains("JSON object");
        assertThat(readFails("{\"version\":1}").getMessage()).contains("no \"mappings\"");
        assertThat(readFails("{\"version\":2,\"mappings\":[]}").getMessage()).contains("unsupported version");
        assertThat(readFails("{\"mappings\":{}}").getMessage()).contains("array");
        assertThat(readFails("{\"mappings\":[\"VENDOR,1,2\"]}").getMessage()).contains("JSON object");
    }

    @Test
    void aBadEntry_importsNothing() {
        InMemoryMappingStore store = new InMemoryMappingStore();

        catchThrowableOfType(MappingFormatException.class, () -> json.importInto(store, new StringReader(
                "{\"mappings\":[{\"kind\":\"VENDOR\",\"sourceId\":\"1\",\"targetId\":\"2\"},{\"kind\":\"X\"}]}"),
                CONN, AT));

        assertThat(store.list(CONN, MappingKind.VENDOR)).isEmpty();
    }
}
