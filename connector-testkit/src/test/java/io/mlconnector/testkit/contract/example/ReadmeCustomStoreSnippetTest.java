package io.mlconnector.testkit.contract.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Your own store" snippet is {@link MyMappingStoreTest}, which compiles and runs with this module's
 * tests: this fails when the README's copy and the source drift apart.
 */
class ReadmeCustomStoreSnippetTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCE = MODULE.resolve(
            "src/test/java/io/mlconnector/testkit/contract/example/MyMappingStoreTest.java");
    private static final Path README = MODULE.getParent().resolve("README.md");

    /** The lines between the {@code README:begin custom-mapping-store} and {@code README:end} markers. */
    static String snippet(String source) {
        int begin = source.indexOf("// README:begin custom-mapping-store\n");
        int end = source.indexOf("// README:end", begin);
        assertThat(begin).as("begin marker").isNotNegative();
        assertThat(end).as("end marker").isGreaterThan(begin);
        return source.substring(source.indexOf('\n', begin) + 1, end);
    }

    @Test
    void theReadmeQuotesTheCompiledSnippet() throws IOException {
        String snippet = snippet(Files.readString(SOURCE, StandardCharsets.UTF_8));
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertThat(snippet).contains("extends MappingStoreContract");
        assertThat(readme).as("README.md quotes " + SOURCE.getFileName() + " verbatim")
                .contains("```java\n" + snippet + "```\n");
    }
}
