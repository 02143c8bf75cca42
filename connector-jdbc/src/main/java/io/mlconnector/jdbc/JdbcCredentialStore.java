package io.mlconnector.jdbc;

import io.mlconnector.core.auth.CredentialConflictException;
import io.mlconnector.core.auth.CredentialKey;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.jdbc.internal.ColumnLimits;
import io.mlconnector.jdbc.internal.JdbcAccess;
import io.mlconnector.jdbc.internal.SqlParams;
import io.mlconnector.jdbc.internal.TablePrefix;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CredentialStore} in the {@code <prefix>credential} table: it stores exactly the bytes it is given. Always
 * wrap it so the table only ever holds ciphertext:
 *
 * <pre>{@code
 * CredentialStore credentials = new EncryptedCredentialStore(
 *         JdbcCredentialStore.builder().dataSource(ds).build(), keyProvider);
 * }</pre>
 *
 * <p>Saves are compare-and-set on the {@code version} column ({@code UPDATE ... WHERE version = ?}, or an insert
 * for version 0), so when two nodes refresh the same rotating token at once exactly one save wins; the other gets
 * a {@link CredentialConflictException} and should reload the winner's token instead of using its own. Driver
 * messages are withheld from errors, since they could echo the stored bytes.
 *
 * @see EncryptedCredentialStore
 */
public final class JdbcCredentialStore implements CredentialStore {
    private final JdbcAccess db;
    private final String table;

    private JdbcCredentialStore(Builder b) {
        TablePrefix prefix = b.prefix();
        this.db = new JdbcAccess(b.requiredDataSource(), prefix, b.dialect(),
                JdbcStoreException::withoutDetail);
        this.table = prefix.table("credential");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<StoredCredential> load(CredentialKey key) {
        Objects.requireNonNull(key, "key");
        return db.transaction("load credential " + key, c -> JdbcAccess.queryFirst(c, "SELECT version, secret_bytes"
                        + " FROM " + table + " WHERE connection_id = ? AND kind = ?",
                SqlParams.of().text(key.connectionId()).text(key.kind()),
                row -> new StoredCredential(key, row.getLong("version"), row.getBytes("secret_bytes"))));
    }

    @Override
    public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        ColumnLimits.required("connectionId", key.connectionId(), ColumnLimits.CONNECTION_ID);
        ColumnLimits.required("kind", key.kind(), ColumnLimits.NAME);
        byte[] bytes = value.clone();
        long next = expectedVersion + 1;
        boolean saved = db.transaction("save credential " + key, c -> {
            if (expectedVersion == 0) {
                return insert(c, key, bytes);
            }
            return JdbcAccess.update(c, "UPDATE " + table + " SET version = ?, secret_bytes = ?"
                            + " WHERE connection_id = ? AND kind = ? AND version = ?",
                    SqlParams.of().bigint(next).bytes(bytes).text(key.connectionId()).text(key.kind())
                            .bigint(expectedVersion)) == 1;
        });
        if (!saved) {
            long actual = load(key).map(StoredCredential::version).orElse(0L);
            throw new CredentialConflictException(key, expectedVersion, actual);
        }
        return new StoredCredential(key, next, bytes);
    }

    @Override
    public void delete(CredentialKey key) {
        Objects.requireNonNull(key, "key");
        db.transaction("delete credential " + key, c -> JdbcAccess.update(c, "DELETE FROM " + table
                + " WHERE connection_id = ? AND kind = ?", SqlParams.of().text(key.connectionId()).text(key.kind())));
    }

    private boolean insert(Connection c, CredentialKey key, byte[] bytes) throws SQLException {
        SqlParams params = SqlParams.of().text(key.connectionId()).text(key.kind()).bigint(1).bytes(bytes);
        String sql = "INSERT INTO " + table + " (connection_id, kind, version, secret_bytes) VALUES (?, ?, ?, ?)";
        if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
            return JdbcAccess.update(c, sql + " ON CONFLICT (connection_id, kind) DO NOTHING", params) == 1;
        }
        return JdbcAccess.insertUnlessDuplicate(c, sql, params) == 1;
    }

    /** Builds a {@link JdbcCredentialStore}. */
    public static final class Builder extends JdbcStoreBuilder<Builder, JdbcCredentialStore> {

        private Builder() {
        }

        /** @throws IllegalArgumentException for an invalid table prefix */
        @Override
        public JdbcCredentialStore build() {
            return new JdbcCredentialStore(this);
        }
    }
}
