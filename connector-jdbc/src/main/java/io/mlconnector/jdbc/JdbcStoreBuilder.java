package io.mlconnector.jdbc;

import io.mlconnector.jdbc.internal.TablePrefix;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The settings every JDBC store shares — the host's data source, the table prefix and an optional dialect — so each
 * store's builder only adds its own.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <S> the store it builds
 */
public abstract class JdbcStoreBuilder<B extends JdbcStoreBuilder<B, S>, S> {
    private DataSource dataSource;
    private String tablePrefix = TablePrefix.DEFAULT;
    private JdbcDialect dialect;

    JdbcStoreBuilder() {
    }

    /**
     * The host's data source (required).
     *
     * @param dataSource the data source
     * @return the host's data source (required)
     */
    public B dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        return self();
    }

    /**
     * Table prefix, as given to {@link JdbcSchema} (default {@code mlc_}).
     *
     * @param tablePrefix the table prefix
     * @return table prefix, as given to {@link JdbcSchema}
     */
    public B tablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
        return self();
    }

    /**
     * The dialect, when it should not be detected from the database metadata.
     *
     * @param dialect the JDBC dialect
     * @return the dialect, when it should not be detected from the database metadata
     */
    public B dialect(JdbcDialect dialect) {
        this.dialect = dialect;
        return self();
    }

    /**
     * Builds the {@code S} from the settings given so far.
     *
     * @return the new {@code S}
     * @throws IllegalArgumentException for an invalid table prefix or other setting
     */
    public abstract S build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    DataSource requiredDataSource() {
        return Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @throws IllegalArgumentException for an invalid prefix */
    TablePrefix prefix() {
        return new TablePrefix(tablePrefix);
    }

    JdbcDialect dialect() {
        return dialect;
    }
}
