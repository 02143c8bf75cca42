package io.mlconnector.examples.wiring;

import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.JdbcSchema;
import io.mlconnector.jdbc.JdbcSyncStateStore;
import io.mlconnector.examples.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The example host's durable state: the ledger, cursors, queue and mappings in an embedded H2 database file under
 * {@code MLC_DATA_DIR}, through connector-jdbc's stores, so a restarted host remembers what it posted. A host with
 * several nodes points the same stores at its PostgreSQL instead.
 *
 * @param stateStore   ledger, cursors, work queue
 * @param mappingStore mapping table
 */
public record DurableState(SyncStateStore stateStore, MappingStore mappingStore) {

    /**
     * Opens (creating and migrating when needed) {@code <dataDir>/state/sync.mv.db}.
     *
     * @throws InvalidConfigurationException when the path holds a character that could change the H2 URL's
     *         meaning (a {@code ;} starts a setting such as {@code INIT=RUNSCRIPT ...}); nothing is opened then
     */
    public static DurableState openIn(Path dataDir) {
        JdbcDataSource ds = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1 keeps the database open between connections, for the life of the JVM
        ds.setURL("jdbc:h2:file:" + h2Path(dataDir.resolve("state").resolve("sync")) + ";DB_CLOSE_DELAY=-1");
        JdbcSchema.builder().dataSource(ds).tablePrefix("mlc_").build().migrate();
        return new DurableState(JdbcSyncStateStore.builder().dataSource(ds).tablePrefix("mlc_").build(),
                JdbcMappingStore.builder().dataSource(ds).tablePrefix("mlc_").build());
    }

    /** The absolute path, checked to hold only characters that cannot alter an H2 URL. */
    static String h2Path(Path path) {
        String p = path.toAbsolutePath().normalize().toString();
        if (!SAFE_PATH.matcher(p).matches()) {
            throw new InvalidConfigurationException(List.of("MLC_DATA_DIR must be a plain path (letters, digits, "
                    + "space and . _ - / \\ : ~ + @); it holds a character an H2 URL would interpret"));
        }
        return p;
    }

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9 ._\\-/\\\\:~+@]+");
}
