package io.mlconnector.testkit.procore.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on a small spec written here (tests never read the real extract). */
class ProcoreFactsGeneratorTest {

    @TempDir
    Path dir;

    private void spec(String name, String json) throws Exception {
        Files.writeString(dir.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }

    private void writeSpec() throws Exception {
        spec("ThingsIdPatch", "{\"operationId\":\"ThingsIdPatch\",\"method\":\"PATCH\",\"path\":\"/things/{id}\","
            + "\"summary\":\"s\",\"description\":\"d\",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
            + "\"schema\":{\"type\":\"integer\"}},{\"name\":\"Idempotency-Token\",\"in\":\"header\",\"schema\":{\"type\":"
            + "\"string\"}}],\"requestBody\":{\"contentType\":\"application/json\",\"required\":true,\"schema\":{"
            + "\"type\":\"object\",\"required\":[\"project_id\"],\"properties\":{\"project_id\":{\"type\":\"integer\"},"
            + "\"thing\":{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":"
            + "{\"type\":\"object\",\"description\":\"(nested object)\"}}}}}}}}},\"responses\":{\"201\":{\"schema\":{"
            + "\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}},\"200\":{\"description\":\"OK\","
            + "\"schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\",\"format\":\"int64\"},"
            + "\"amount\":{\"type\":\"string\",\"description\":\"Amount\"},\"on\":{\"type\":\"string\",\"format\":\"date\"},"
            + "\"at\":{\"type\":\"string\",\"format\":\"date-time\"},\"vendor\":{\"type\":\"object\",\"description\":"
            + "\"(nested object)\"},\"meta\":{\"type\":\"object\",\"description\":\"free form\"},\"tags\":{\"type\":"
            + "\"array\",\"items\":{\"type\":\"string\"}}}}},\"401\":{\"description\":\"Unauthorized\"}}}");
        spec("ThingsGet", "{\"operationId\":\"ThingsGet\",\"method\":\"GET\",\"path\":\"/things\",\"summary\":\"s\","
            + "\"description\":\"d\",\"parameters\":[{\"name\":\"company_id\",\"in\":\"query\",\"required\":true,"
            + "\"description\":\"You must supply either a company_id or project_id.\",\"schema\":{\"type\":\"integer\"}},"
            + "{\"name\":\"project_id\",\"in\":\"query\",\"required\":true,\"description\":\"You must supply either a "
            + "company_id or project_id.\",\"schema\":{\"type\":\"integer\"}},{\"name\":\"filters[id]\",\"in\":\"query\","
            + "\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}},{\"name\":\"since\",\"in\":\"query\","
            + "\"required\":true,\"schema\":{\"type\":\"string\",\"format\":\"date\"}}],\"responses\":{\"200\":{"
            + "\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":"
            + "\"integer\"}}}}}}}");
    }

    @Test
    void writesFacts_sortedByPathThenMethod_withResponsesForClientOperationsOnly() throws Exception {
        writeSpec();
        Path out = dir.resolve("out/table.jsonl");
        Path clientOps = dir.resolve("client.txt");
        Files.writeString(clientOps, "# the client\nThingsIdPatch\n");
        ProcoreFactsGenerator.main(new String[] {dir.toString(), out.toString(), clientOps.toString()});

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).containsExactly(
            "{\"op\":\"ThingsGet\",\"method\":\"GET\",\"path\":\"/things\",\"query\":{\"company_id\":\"integer\","
                + "\"project_id\":\"integer\",\"filters[id]\":\"[integer]\",\"since\":\"string:date!\"},"
                + "\"queryOneOf\":[[\"company_id\",\"project_id\"]],\"pathParams\":[],\"bodyRequired\":[]}",
            "{\"op\":\"ThingsIdPatch\",\"method\":\"PATCH\",\"path\":\"/things/{id}\",\"query\":{},\"pathParams\":"
                + "[\"id\"],\"body\":\"json\",\"bodyRequired\":[\"project_id\",\"thing.name\",\"thing.lines[].id\"],"
                + "\"response\":{\"status\":200,\"schema\":{\"id\":\"integer\",\"amount\":\"string\",\"on\":"
                + "\"string:date\",\"at\":\"string:date-time\",\"vendor\":\"any\",\"meta\":\"object\",\"tags\":"
                + "[\"string\"]}}}");
        byte[] first = Files.readAllBytes(out);
        ProcoreFactsGenerator.main(new String[] {dir.toString(), out.toString(), clientOps.toString()});
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        assertThat(ProcoreOperations.parse(Files.readString(out)).all()).hasSize(2);
    }

    @Test
    void aClientOperationMissingFromTheSpec_isRefused() throws Exception {
        writeSpec();
        Path clientOps = dir.resolve("client.txt");
        Files.writeString(clientOps, "ThingsIdPatch\nNoSuchOp\n");
        assertThatThrownBy(() -> ProcoreFactsGenerator.main(new String[] {dir.toString(),
            dir.resolve("t.jsonl").toString(), clientOps.toString()}))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("NoSuchOp");
        assertThat(ProcoreFactsGenerator.readOps("# c\n\n A \nB\n")).isEqualTo(Set.of("A", "B"));
    }
}
