package io.mlconnector.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingCsv;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.operator.OperatorService;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.testkit.time.ManualScheduler;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping file is re-read on the host's schedule when it changes; the changed rows are stored and audited. */
class MappingFileWatcherTest {
    private static final String CONN = "acme";
    private static final String HEADER = MappingCsv.HEADER + "\n";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2024-05-15T12:00:00Z");
    private final InMemoryMappingStore mappings = new InMemoryMappingStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ManualScheduler scheduler = new ManualScheduler();
    private OperatorService operator;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        SharedSecretHeaderVerifier verifier = SharedSecretHeaderVerifier.builder().headerName("Authorization")
                .prefix("Bearer ").secret("hook-secret-hook-secret").build();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemorySyncStateStore()).mappingStore(mappings)
                .auditSink(audit).clock(clock).executor(Runnable::run)
                .connection(Connection.builder().id(CONN).accounting(new InMemoryAccountingSystem("ACC1", clock))
                        .projects(new InMemoryProjectSystem(42, clock)).accountingVerifier(verifier)
                        .projectVerifier(verifier).build()).build();
        operator = OperatorService.builder().engine(engine).mappingStore(mappings).auditSink(audit).clock(clock)
                .build();
        file = dir.resolve("mappings.csv");
        write(HEADER + "VENDOR,100012,300,,CONFIRMED,Lone Pine\n", 1);
        new MappingCsv().importInto(mappings, new StringReader(Files.readString(file)), CONN, clock.instant());
    }

    private void write(String csv, long second) throws IOException {
        Files.writeString(file, csv);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-05-15T12:00:00Z").plusSeconds(second)));
    }

    private String target(String source) {
        return mappings.find(CONN, MappingKind.VENDOR, source).map(Mapping::targetId).orElse(null);
    }

    private List<AuditEvent> edits() {
        return audit.all().stream().filter(e -> e.outcome() == AuditOutcome.MAPPING_EDITED).toList();
    }

    @Test
    void aChangedFileIsReadOnTheNextScheduledCheckAndOnlyTheChangedRowsAreAuditedAsTheFile() throws IOException {
        new MappingFileWatcher(file, CONN, operator, clock).start(scheduler, Duration.ofSeconds(2));
        assertThat(scheduler.runPeriodic()).isEqualTo(1);
        assertThat(edits()).as("the file as imported at start changes nothing").isEmpty();

        write(HEADER + "VENDOR,100012,301,,CONFIRMED,Lone Pine\nVENDOR,100013,302,,CONFIRMED,Granite\n", 2);
        scheduler.runPeriodic();

        assertThat(target("100012")).isEqualTo("301");
        assertThat(target("100013")).isEqualTo("302");
        assertThat(edits()).hasSize(2).allSatisfy(e -> assertThat(e.details()).containsEntry("who", "file"));
        assertThat(edits()).filteredOn(e -> "100012".equals(e.details().get("sourceId"))).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("beforeTarget", "300")
                        .containsEntry("afterTarget", "301"));

        scheduler.runPeriodic(); // unchanged since
        assertThat(edits()).hasSize(2);
    }

    @Test
    void aBrokenFileIsNotImportedAtAllAndItsFixIs() throws IOException {
        MappingFileWatcher watcher = new MappingFileWatcher(file, CONN, operator, clock);

        write(HEADER + "VENDOR,100012,399,,CONFIRMED,x\nSPACESHIP,1,2,,CONFIRMED,y\n", 2);
        assertThat(watcher.check()).isEmpty();
        assertThat(target("100012")).isEqualTo("300");

        write(HEADER + "VENDOR,100012,399,,CONFIRMED,x\n", 3);
        assertThat(watcher.check()).hasSize(1);
        assertThat(target("100012")).isEqualTo("399");
    }

    @Test
    void aTouchedButIdenticalFileChangesNothing() throws IOException {
        MappingFileWatcher watcher = new MappingFileWatcher(file, CONN, operator, clock);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-05-16T00:00:00Z")));
        assertThat(watcher.check()).isEmpty();
        assertThat(edits()).isEmpty();
    }
}
