package io.mlconnector.examples.config;

import io.mlconnector.core.auth.EncryptionKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the example host needs, parsed from environment variables by {@link EnvConfig}. Secrets are held as
 * {@link Secret} and {@link EncryptionKey}, whose {@code toString} is masked, so this record prints safely.
 *
 * @param port         HTTP port ({@code MLC_PORT}; 0 picks a free port)
 * @param dataDir      where credentials (encrypted) and the audit log live ({@code MLC_DATA_DIR})
 * @param masterKey    the AES-256 key of the credential store ({@code MLC_MASTER_KEY})
 * @param freshBooks   the FreshBooks side
 * @param procore      the Procore side
 * @param mappingsFile a CSV or JSON mapping file imported at start ({@code MLC_MAPPINGS}), or null
 * @param pollInterval time between two polls of each stream ({@code MLC_POLL_INTERVAL})
 * @param admin        how operator routes are guarded ({@code MLC_ADMIN_TOKEN}, {@code MLC_ADMIN_AUTH})
 */
public record HostConfig(int port, Path dataDir, EncryptionKey masterKey, FreshBooksSettings freshBooks,
                         ProcoreSettings procore, Path mappingsFile, Duration pollInterval, AdminAccess admin) {
    public HostConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(freshBooks, "freshBooks");
        Objects.requireNonNull(procore, "procore");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(admin, "admin");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /** The id of the one connection this host serves (keys its mappings, ledger, cursors and credentials). */
    public String connectionId(String freshBooksAccountId) {
        return "freshbooks-" + freshBooksAccountId + "-procore-" + procore.companyId();
    }
}
