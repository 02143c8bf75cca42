package io.mlconnector.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Spring Boot" section stays true: the artifact it adds is the starter, and every {@code mlconnector.*}
 * property its {@code properties} block sets is one the starter's configuration metadata (on this app's classpath,
 * as an IDE sees it) describes.
 */
class ReadmeSpringBootSectionTest {
    @Test
    void theReadmesPropertiesAndArtifact_areTheStarters() throws Exception {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        int from = readme.indexOf("\n## Spring Boot\n");
        assertThat(from).as("README.md has a Spring Boot section").isNotNegative();
        int to = readme.indexOf("\n## ", from + 1);
        String section = readme.substring(from, to < 0 ? readme.length() : to);
        assertThat(section).contains("<artifactId>mlconnector-spring-boot-starter</artifactId>")
                .contains("<artifactId>mlconnector-bom</artifactId>").contains("3.5");

        Matcher block = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).as("the section sets properties").isTrue();
        Set<String> set = new HashSet<>();
        Matcher line = Pattern.compile("(?m)^(mlconnector\\.[a-z.-]+)=").matcher(block.group(1));
        while (line.find()) {
            set.add(line.group(1));
        }
        assertThat(set).contains("mlconnector.credential-key", "mlconnector.freshbooks.client-id",
                "mlconnector.procore.client-id");
        assertThat(described()).containsAll(set);
    }

    private static Set<String> described() throws Exception {
        Set<String> names = new HashSet<>();
        try (InputStream in = ReadmeSpringBootSectionTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the starter's metadata on the classpath").isNotNull();
            JsonNode metadata = new ObjectMapper().readTree(in);
            metadata.get("properties").forEach(p -> {
                if (!p.path("description").asText().isBlank()) {
                    names.add(p.get("name").asText());
                }
            });
        }
        return names;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md"))
                && Files.isDirectory(dir.resolve("connector-spring-boot-starter")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (README.md beside connector-spring-boot-starter)").isNotNull();
        return dir;
    }
}
