package io.mlconnector.testkit.procore.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TypeTreeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void matchingValues_andNulls_andUnlistedFields_pass() throws Exception {
        JsonNode type = json("[{\"id\":\"integer\",\"amount\":\"string\",\"date\":\"string:date\",\"at\":"
            + "\"string:date-time\",\"vendor\":{\"id\":\"integer\"},\"lines\":[{\"n\":\"number\"}],\"x\":\"any\","
            + "\"o\":\"object\",\"b\":\"boolean\"}]");
        JsonNode value = json("[{\"id\":1,\"amount\":\"1.00\",\"date\":\"2026-03-01\",\"at\":\"2026-03-01T10:00:00Z\","
            + "\"vendor\":null,\"lines\":[{\"n\":1.5},{\"n\":2}],\"x\":[1],\"o\":{},\"b\":false,\"extra\":true}]");
        assertThat(TypeTree.mismatches(type, value)).isEmpty();
    }

    @Test
    void wrongJsonTypes_areReportedWithTheirPath() throws Exception {
        JsonNode type = json("{\"vendor\":\"string\",\"amount\":\"string\",\"id\":\"integer\",\"lines\":[{\"d\":"
            + "\"string:date\"}],\"at\":\"string:date-time\"}");
        JsonNode value = json("{\"vendor\":{\"id\":1},\"amount\":12.5,\"id\":1.5,\"lines\":[{\"d\":\"2026-03-01T00:00:00Z\"}],"
            + "\"at\":\"2026-03-01\"}");
        assertThat(TypeTree.mismatches(type, value)).containsExactly(
            "$.vendor: expected string, got object {\"id\":1}",
            "$.amount: expected string, got number 12.5",
            "$.id: expected integer, got number 1.5",
            "$.lines[0].d: expected string:date, got string \"2026-03-01T00:00:00Z\"",
            "$.at: expected string:date-time, got string \"2026-03-01\"");
        assertThat(TypeTree.mismatches(json("[\"integer\"]"), json("{}"))).containsExactly(
            "$: expected array, got object");
    }

    @Test
    void anUnknownTypeName_isAnError() throws Exception {
        assertThatThrownBy(() -> TypeTree.mismatches(json("\"decimal\""), json("1")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
