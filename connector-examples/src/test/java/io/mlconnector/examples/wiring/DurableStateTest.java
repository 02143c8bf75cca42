package io.mlconnector.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.examples.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableStateTest {
    @TempDir
    Path dir;

    @Test
    void aDataDirThatWouldAddH2Settings_isRefusedBeforeAnythingIsOpened() throws Exception {
        Path script = dir.resolve("evil.sql");
        Path marker = dir.resolve("ran");
        Files.writeString(script, "CREATE TABLE pwned(x INT); CALL FILE_WRITE('x', '" + marker + "');");
        Path hostile = dir.resolve("data;INIT=RUNSCRIPT FROM '" + script + "'");

        assertThatThrownBy(() -> DurableState.openIn(hostile)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MLC_DATA_DIR");
        assertThat(marker).doesNotExist();
        assertThat(DurableState.h2Path(dir.resolve("plain data-dir_1"))).endsWith("plain data-dir_1");
    }
}
