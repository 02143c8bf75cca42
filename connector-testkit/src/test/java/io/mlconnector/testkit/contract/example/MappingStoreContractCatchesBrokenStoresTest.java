package io.mlconnector.testkit.contract.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.testkit.contract.MappingStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The README's step is only worth following if the suite notices a wrong store: the published suite, run by JUnit
 * the way a user's build runs it, passes {@link MyMappingStore} and fails stores that break one rule each, naming the
 * rule.
 */
class MappingStoreContractCatchesBrokenStoresTest {

    /** Forgets to clear the "unmapped" note when a confirmed mapping arrives. */
    static final class KeepsUnmappedStore extends MyMappingStore {
        private final List<UnmappedReference> notes = new ArrayList<>();

        @Override
        public synchronized void recordUnmapped(UnmappedReference reference) {
            notes.removeIf(n -> n.connectionId().equals(reference.connectionId()) && n.kind() == reference.kind()
                    && n.sourceId().equals(reference.sourceId()));
            notes.add(reference);
        }

        @Override
        public synchronized List<UnmappedReference> unmapped(String connectionId) {
            List<UnmappedReference> out = new ArrayList<>();
            notes.stream().filter(n -> n.connectionId().equals(connectionId)).forEach(out::add);
            return out;
        }
    }

    /** Lists every connection's mappings of a kind, not only the asked one's. */
    static final class LeaksConnectionsStore extends MyMappingStore {
        private final List<Mapping> all = new ArrayList<>();

        @Override
        public synchronized void put(Mapping mapping) {
            super.put(mapping);
            all.removeIf(m -> m.connectionId().equals(mapping.connectionId()) && m.kind() == mapping.kind()
                    && m.sourceId().equals(mapping.sourceId()));
            all.add(mapping);
        }

        @Override
        public synchronized List<Mapping> list(String connectionId, MappingKind kind) {
            return all.stream().filter(m -> m.kind() == kind)
                    .sorted((a, b) -> a.sourceId().compareTo(b.sourceId())).toList();
        }
    }

    // the suites below are static nested classes: JUnit runs them only when selected here, never on their own

    static class Correct extends MappingStoreContract {
        @Override
        protected MappingStore newStore() {
            return new MyMappingStore();
        }

        @Override
        protected int raceKeys() {
            return 2_000;
        }
    }

    static class KeepsUnmapped extends Correct {
        @Override
        protected MappingStore newStore() {
            return new KeepsUnmappedStore();
        }
    }

    static class LeaksConnections extends Correct {
        @Override
        protected MappingStore newStore() {
            return new LeaksConnectionsStore();
        }
    }

    /** Runs a suite class through the JUnit Platform and returns the names of the tests that failed. */
    private static List<String> failuresOf(Class<?> suite) {
        List<String> failed = new ArrayList<>();
        int[] succeeded = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    succeeded[0]++;
                } else {
                    failed.add(id.getDisplayName());
                }
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                listener);
        assertThat(succeeded[0] + failed.size()).as("tests run in " + suite.getSimpleName()).isGreaterThan(15);
        return failed;
    }

    @Test
    void theReadmeStore_passesEveryTest() {
        assertThat(failuresOf(Correct.class)).isEmpty();
    }

    @Test
    void aStoreThatKeepsStaleUnmappedNotes_fails() {
        assertThat(failuresOf(KeepsUnmapped.class)).contains("puttingAConfirmedMapping_clearsTheUnmappedReference()",
                "recordUnmapped_isIgnoredWhenAConfirmedMappingExists()");
    }

    @Test
    void aStoreThatLeaksOtherConnections_fails() {
        assertThat(failuresOf(LeaksConnections.class)).contains("mappings_areIsolatedByConnectionAndKind()");
    }
}
