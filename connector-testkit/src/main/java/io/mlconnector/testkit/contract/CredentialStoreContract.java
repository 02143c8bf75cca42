package io.mlconnector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CredentialStore} must show: versioned compare-and-set where version 0 means "create",
 * exactly one winner when writers collide, and keys isolated by connection and kind. Extend it and implement
 * {@link #newStore()} to return a fresh, empty store.
 *
 * <p>To check your own implementation, add connector-testkit as a test dependency, extend this class in your test
 * sources and return a fresh instance from {@link #newStore()}; JUnit 5 runs every inherited test against it:
 * <pre>
 * class MyCredentialStoreTest extends CredentialStoreContract {
 *     &#64;Override
 *     protected CredentialStore newStore() {
 *         return new MyCredentialStore(...);   // yours: fresh and empty for every test
 *     }
 * }
 * </pre>
 * A failing test names the rule your implementation breaks; the tests are independent of each other and of their
 * order. Races use {@link Race}: several threads write at the same moment and
 * exactly one of them may win each version.
 */
public abstract class CredentialStoreContract {
    /** The key most tests write under. */
    protected static final CredentialKey KEY = new CredentialKey("conn-a", "freshbooks.oauth");

    /** For subclasses: the suite holds no state until a test creates the store. */
    protected CredentialStoreContract() {
    }

    /** The store under test. */
    protected CredentialStore store;

    /**
     * Creates the store under test; called before every test.
     *
     * @return a fresh, empty store that no other test uses
     * @throws Exception when the store cannot be created (the test then fails)
     */
    protected abstract CredentialStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void load_absent_isEmpty() {
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void compareAndSet_versionZero_createsVersionOne() {
        StoredCredential saved = store.compareAndSet(KEY, 0, utf8("refresh-token-1"));

        assertThat(saved.key()).isEqualTo(KEY);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.value()).isEqualTo(utf8("refresh-token-1"));
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.key()).isEqualTo(KEY);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.value()).isEqualTo(utf8("refresh-token-1"));
    }

    @Test
    void compareAndSet_currentVersion_incrementsAndReplaces() {
        store.compareAndSet(KEY, 0, utf8("v1"));
        StoredCredential second = store.compareAndSet(KEY, 1, utf8("v2"));
        StoredCredential third = store.compareAndSet(KEY, 2, utf8("v3"));

        assertThat(second.version()).isEqualTo(2);
        assertThat(third.version()).isEqualTo(3);
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.value()).isEqualTo(utf8("v3"));
    }

    @Test
    void compareAndSet_create_whenItExists_conflictsAndKeepsTheValue() {
        store.compareAndSet(KEY, 0, utf8("first"));

        CredentialConflictException e = catchThrowableOfType(CredentialConflictException.class,
                () -> store.compareAndSet(KEY, 0, utf8("second")));

        assertThat(e).isNotNull();
        assertThat(e.expectedVersion()).isEqualTo(0);
        assertThat(e.actualVersion()).isEqualTo(1);
        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8("first"));
    }

    @Test
    void compareAndSet_staleVersion_conflictsAndKeepsTheValue() {
        store.compareAndSet(KEY, 0, utf8("v1"));
        store.compareAndSet(KEY, 1, utf8("v2"));

        CredentialConflictException e = catchThrowableOfType(CredentialConflictException.class,
                () -> store.compareAndSet(KEY, 1, utf8("lost-update")));

        assertThat(e.expectedVersion()).isEqualTo(1);
        assertThat(e.actualVersion()).isEqualTo(2);
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.value()).isEqualTo(utf8("v2"));
    }

    @Test
    void compareAndSet_futureVersionOnAbsentKey_conflictsAndCreatesNothing() {
        CredentialConflictException e = catchThrowableOfType(CredentialConflictException.class,
                () -> store.compareAndSet(KEY, 3, utf8("x")));

        assertThat(e.actualVersion()).isEqualTo(0);
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void delete_removes_andIsIdempotent() {
        store.compareAndSet(KEY, 0, utf8("secret"));

        store.delete(KEY);
        assertThat(store.load(KEY)).isEmpty();
        store.delete(KEY);
        assertThat(store.load(KEY)).isEmpty();
        // after a delete the credential can be created again
        assertThat(store.compareAndSet(KEY, 0, utf8("again")).version()).isEqualTo(1);
    }

    @Test
    void keys_areIsolatedByConnectionAndKind() {
        CredentialKey otherConnection = new CredentialKey("conn-b", KEY.kind());
        CredentialKey otherKind = new CredentialKey(KEY.connectionId(), "procore.client");

        store.compareAndSet(KEY, 0, utf8("a"));
        store.compareAndSet(otherConnection, 0, utf8("b"));
        store.compareAndSet(otherKind, 0, utf8("c"));
        store.compareAndSet(otherKind, 1, utf8("c2"));

        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8("a"));
        assertThat(store.load(otherConnection).orElseThrow().value()).isEqualTo(utf8("b"));
        assertThat(store.load(otherKind).orElseThrow().version()).isEqualTo(2);
        store.delete(otherKind);
        assertThat(store.load(KEY)).isPresent();
        assertThat(store.load(otherConnection)).isPresent();
    }

    @Test
    void keysWithSpecialCharacters_doNotCollide() {
        CredentialKey a = new CredentialKey("a/b", "c");
        CredentialKey b = new CredentialKey("a", "b/c");
        CredentialKey c = new CredentialKey("a.b", "c");
        CredentialKey d = new CredentialKey("a", "b.c");

        store.compareAndSet(a, 0, utf8("1"));
        store.compareAndSet(b, 0, utf8("2"));
        store.compareAndSet(c, 0, utf8("3"));
        store.compareAndSet(d, 0, utf8("4"));

        assertThat(List.of(a, b, c, d)).extracting(k -> new String(store.load(k).orElseThrow().value(),
                StandardCharsets.UTF_8)).containsExactly("1", "2", "3", "4");
    }

    @Test
    void arbitraryBytes_roundTrip() {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        store.compareAndSet(KEY, 0, all);

        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(all);
    }

    @Test
    void emptyValue_roundTrips() {
        store.compareAndSet(KEY, 0, new byte[0]);

        assertThat(store.load(KEY).orElseThrow().value()).isEmpty();
    }

    @Test
    void mutatingTheCallersArray_doesNotChangeTheStoredValue() {
        byte[] value = utf8("secret");
        store.compareAndSet(KEY, 0, value);
        value[0] = 'X';

        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8("secret"));
    }

    @Test
    void concurrentCreates_exactlyOneWins() {
        int threads = 16;
        List<Boolean> won = Race.run(threads, t -> () -> {
            try {
                store.compareAndSet(KEY, 0, utf8("writer-" + t));
                return true;
            } catch (CredentialConflictException e) {
                return false;
            }
        });

        assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
        int winner = won.indexOf(true);
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.value()).isEqualTo(utf8("writer-" + winner));
    }

    @Test
    void concurrentUpdatesFromTheSameVersion_exactlyOneWins() {
        store.compareAndSet(KEY, 0, utf8("initial"));
        int threads = 16;
        List<Boolean> won = Race.run(threads, t -> () -> {
            try {
                store.compareAndSet(KEY, 1, utf8("rotated-" + t));
                return true;
            } catch (CredentialConflictException e) {
                return false;
            }
        });

        assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.value()).isEqualTo(utf8("rotated-" + won.indexOf(true)));
    }

    @Test
    void concurrentReadModifyWriteLoops_loseNoUpdate() {
        store.compareAndSet(KEY, 0, utf8("0"));
        int threads = 4;
        int perThread = 10;
        Race.run(threads, t -> () -> {
            int done = 0;
            while (done < perThread) {
                StoredCredential cur = store.load(KEY).orElseThrow();
                int n = Integer.parseInt(new String(cur.value(), StandardCharsets.UTF_8));
                try {
                    store.compareAndSet(KEY, cur.version(), utf8(Integer.toString(n + 1)));
                    done++;
                } catch (CredentialConflictException retry) {
                    // another writer got there first: read again
                }
            }
            return null;
        });

        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(new String(loaded.value(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(threads * perThread));
        assertThat(loaded.version()).isEqualTo(1 + threads * perThread);
    }

    @Test
    void conflictMessage_neverContainsTheSecret() {
        store.compareAndSet(KEY, 0, utf8("super-secret-refresh-token"));

        assertThatThrownBy(() -> store.compareAndSet(KEY, 0, utf8("another-secret-value")))
                .isInstanceOf(CredentialConflictException.class)
                .hasMessageNotContaining("super-secret-refresh-token")
                .hasMessageNotContaining("another-secret-value");
    }
}
