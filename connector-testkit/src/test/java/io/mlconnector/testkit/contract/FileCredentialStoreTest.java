package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CorruptCredentialException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.auth.StoredCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest {
    private static final CredentialKey KEY = new CredentialKey("conn-a", "freshbooks.oauth");
    private static final String SECRET = "refresh-token-6f1c2b9e";

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The credential files (not the lock file, not the kept previous versions). */
    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cred")).sorted().toList();
        }
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private String everythingOnDisk() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : allFiles()) {
            sb.append(p.getFileName()).append('\n');
            sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return sb.toString();
    }

    private static EncryptedCredentialStore encrypted(CredentialStore delegate) {
        return new EncryptedCredentialStore(delegate,
                StaticKeyProvider.of(EncryptionKey.fromBase64("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
    }

    @Test
    void wrappedInEncryption_theBytesOnDiskContainNoSecret() throws IOException {
        EncryptedCredentialStore store = encrypted(new FileCredentialStore(dir));
        store.compareAndSet(KEY, 0, utf8(SECRET));
        store.compareAndSet(KEY, 1, utf8(SECRET + "-rotated"));

        String disk = everythingOnDisk();
        assertThat(files()).hasSize(1);
        assertThat(disk).doesNotContain(SECRET).doesNotContain("refresh-token")
                .doesNotContain(Base64.getEncoder().encodeToString(utf8(SECRET)))
                .doesNotContain(Base64.getEncoder().encodeToString(utf8(SECRET + "-rotated")));
        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8(SECRET + "-rotated"));
    }

    @Test
    void unwrapped_theSecretIsOnDisk_whichIsWhyItMustBeWrapped() throws IOException {
        // control for the test above: the plain file store keeps the value, only Base64-encoded
        new FileCredentialStore(dir).compareAndSet(KEY, 0, utf8(SECRET));

        assertThat(everythingOnDisk()).contains(Base64.getEncoder().encodeToString(utf8(SECRET)));
    }

    @Test
    void credentialsSurviveARestart() {
        new FileCredentialStore(dir).compareAndSet(KEY, 0, utf8("v1"));
        new FileCredentialStore(dir).compareAndSet(KEY, 1, utf8("v2"));

        StoredCredential loaded = new FileCredentialStore(dir).load(KEY).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.value()).isEqualTo(utf8("v2"));
    }

    @Test
    void writes_leaveNoTemporaryFilesBehind() throws IOException {
        FileCredentialStore store = new FileCredentialStore(dir);
        for (int v = 0; v < 20; v++) {
            store.compareAndSet(KEY, v, utf8("value-" + v));
        }
        store.compareAndSet(new CredentialKey("conn-b", "procore.client"), 0, utf8("x"));

        assertThat(allFiles()).extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.endsWith(".cred") || n.endsWith(".cred.prev") || n.equals(".lock"))
                .filteredOn(n -> n.endsWith(".cred")).hasSize(2);
    }

    @Test
    void aReaderInAnotherInstance_neverSeesAHalfWrittenCredential() {
        // a second instance has its own lock, like another process would: only the atomic move protects it
        FileCredentialStore writer = new FileCredentialStore(dir);
        FileCredentialStore reader = new FileCredentialStore(dir);
        writer.compareAndSet(KEY, 0, value(1));
        int writes = 150;

        List<List<Long>> seen = Race.run(2, t -> () -> {
            List<Long> versions = new ArrayList<>();
            if (t == 0) {
                for (int v = 1; v < writes; v++) {
                    writer.compareAndSet(KEY, v, value(v + 1));
                }
            } else {
                for (int i = 0; i < writes * 2; i++) {
                    StoredCredential c = reader.load(KEY).orElseThrow();
                    // the content always belongs to the version it was written with
                    assertThat(c.value()).isEqualTo(value((int) c.version()));
                    versions.add(c.version());
                }
            }
            return versions;
        });

        assertThat(seen.get(1)).isSorted();
        assertThat(reader.load(KEY).orElseThrow().version()).isEqualTo(writes);
    }

    private static byte[] value(int version) {
        byte[] b = new byte[8 * 1024];
        java.util.Arrays.fill(b, (byte) version);
        return b;
    }

    @Test
    void corruptFiles_failWithATypedException_thatDoesNotEchoTheContent() throws IOException {
        FileCredentialStore store = new FileCredentialStore(dir);
        store.compareAndSet(KEY, 0, utf8(SECRET));
        Path file = files().get(0);

        Files.writeString(file, "not-a-number\n" + SECRET + "\n");
        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class)
                .hasMessageContaining("version").hasMessageNotContaining(SECRET);

        Files.writeString(file, "3");
        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class);

        Files.writeString(file, "3\n%%%" + SECRET + "\n");
        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class)
                .hasMessageContaining("Base64").hasMessageNotContaining(SECRET);

        Files.writeString(file, "0\n\n");
        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class);

        Files.write(file, new byte[] {'1', '\n', (byte) 0xC3, (byte) 0xA9, '\n'});
        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class);
    }

    @Test
    void aCorruptFile_blocksCompareAndSetInsteadOfSilentlyOverwriting() throws IOException {
        FileCredentialStore store = new FileCredentialStore(dir);
        store.compareAndSet(KEY, 0, utf8("v1"));
        Files.writeString(files().get(0), "garbage");

        assertThatThrownBy(() -> store.compareAndSet(KEY, 1, utf8("v2"))).isInstanceOf(CorruptCredentialException.class);
        assertThat(Files.readString(files().get(0))).isEqualTo("garbage");
    }
}
