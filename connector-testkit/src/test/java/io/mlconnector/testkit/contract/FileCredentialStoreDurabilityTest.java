package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.CorruptCredentialException;
import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.FileCredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare-and-set across store instances and processes sharing one directory, and what a crash that leaves an
 * empty or damaged file does.
 */
class FileCredentialStoreDurabilityTest {
    private static final CredentialKey KEY = new CredentialKey("conn-a", "freshbooks.oauth");

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path credentialFile() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cred")).findFirst().orElseThrow();
        }
    }

    @Test
    void twoInstancesOnOneDirectory_neverBothWinTheSameVersion() {
        int rounds = 300;
        FileCredentialStore a = new FileCredentialStore(dir);
        FileCredentialStore b = new FileCredentialStore(dir);
        a.compareAndSet(KEY, 0, utf8("seed"));

        // each round both instances try to move the same version forward: exactly one may succeed
        List<List<Long>> won = Race.run(2, t -> () -> {
            FileCredentialStore store = t == 0 ? a : b;
            List<Long> wins = new ArrayList<>();
            for (long v = 1; v <= rounds; v++) {
                long expected = v;
                while (true) {
                    long current = store.load(KEY).orElseThrow().version();
                    if (current > expected) {
                        break; // the other instance won this round
                    }
                    try {
                        store.compareAndSet(KEY, current, utf8(t + ":" + current));
                        if (current == expected) {
                            wins.add(current);
                        }
                        break;
                    } catch (CredentialConflictException lost) {
                        // lost the race for this version; look again
                    }
                }
            }
            return wins;
        });

        List<Long> all = new ArrayList<>(won.get(0));
        all.addAll(won.get(1));
        assertThat(all).doesNotHaveDuplicates();
        assertThat(a.load(KEY).orElseThrow().version()).isEqualTo(1L + all.size());
    }

    @Test
    void twoProcessesOnOneDirectory_countEveryIncrementExactlyOnce() throws Exception {
        int perProcess = 150;
        new FileCredentialStore(dir).compareAndSet(KEY, 0, utf8("0"));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CasIncrementer.class.getName(), dir.toString(),
                    Integer.toString(perProcess)).redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }

        StoredCredential end = new FileCredentialStore(dir).load(KEY).orElseThrow();
        // every successful compare-and-set added one to the counter held in the value: no lost update
        assertThat(new String(end.value(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(2 * perProcess));
        assertThat(end.version()).isEqualTo(1L + 2 * perProcess);
    }

    /** Child process of the test above: increments the counter in the credential {@code n} times. */
    static final class CasIncrementer {
        public static void main(String[] args) {
            FileCredentialStore store = new FileCredentialStore(Path.of(args[0]));
            int n = Integer.parseInt(args[1]);
            for (int done = 0; done < n; ) {
                StoredCredential c = store.load(KEY).orElseThrow();
                int counter = Integer.parseInt(new String(c.value(), StandardCharsets.UTF_8));
                try {
                    store.compareAndSet(KEY, c.version(), utf8(Integer.toString(counter + 1)));
                    done++;
                } catch (CredentialConflictException lost) {
                    // the other process moved first; read again
                }
            }
        }
    }

    @Test
    void anEmptyFileAfterACrash_isReportedClearly_andThePreviousGoodVersionIsKept() throws IOException {
        FileCredentialStore store = new FileCredentialStore(dir);
        store.compareAndSet(KEY, 0, utf8("v1"));
        store.compareAndSet(KEY, 1, utf8("v2"));
        Files.write(credentialFile(), new byte[0]); // what a crash between rename and data flush can leave

        assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(CorruptCredentialException.class)
                .hasMessageContaining("empty").hasMessageContaining("previous version is kept")
                .hasMessageNotContaining("v1");
        assertThatThrownBy(() -> store.compareAndSet(KEY, 2, utf8("v3")))
                .isInstanceOf(CorruptCredentialException.class);

        StoredCredential previous = store.loadPrevious(KEY).orElseThrow();
        assertThat(previous.version()).isEqualTo(1);
        assertThat(previous.value()).isEqualTo(utf8("v1"));
    }

    @Test
    void aCorruptFile_neverReplacesTheKeptPreviousVersion() throws IOException {
        FileCredentialStore store = new FileCredentialStore(dir);
        store.compareAndSet(KEY, 0, utf8("v1"));
        store.compareAndSet(KEY, 1, utf8("v2"));
        Files.writeString(credentialFile(), "garbage");

        assertThatThrownBy(() -> store.compareAndSet(KEY, 2, utf8("v3")))
                .isInstanceOf(CorruptCredentialException.class);
        assertThat(store.loadPrevious(KEY).orElseThrow().value()).isEqualTo(utf8("v1"));
    }

    @Test
    void deleting_removesTheKeptPreviousVersionToo() {
        FileCredentialStore store = new FileCredentialStore(dir);
        store.compareAndSet(KEY, 0, utf8("v1"));
        store.compareAndSet(KEY, 1, utf8("v2"));
        store.delete(KEY);

        assertThat(store.load(KEY)).isEmpty();
        assertThat(store.loadPrevious(KEY)).isEmpty();
    }
}
