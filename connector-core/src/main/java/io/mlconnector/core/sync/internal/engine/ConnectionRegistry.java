package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.ConnectionProvider;
import io.mlconnector.core.sync.SyncPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The engine's view of its {@link ConnectionProvider}: every lookup asks the provider (so connections added, updated
 * or removed at run time take effect at once) and gives connections without a policy the engine's default.
 */
public final class ConnectionRegistry {
    private final ConnectionProvider provider;
    private final SyncPolicy defaults;

    public ConnectionRegistry(ConnectionProvider provider, SyncPolicy defaults) {
        this.provider = provider;
        this.defaults = defaults;
    }

    Optional<Connection> byId(String id) {
        return id == null ? Optional.empty() : provider.byId(id).map(this::resolve);
    }

    public Connection require(String id) {
        return byId(id).orElseThrow(() -> new ConfigurationException("unknown connection " + id));
    }

    Optional<Connection> byAccount(String accountId) {
        return accountId == null ? Optional.empty() : provider.byFreshBooksAccount(accountId).map(this::resolve);
    }

    Optional<Connection> byCompany(String companyId) {
        return companyId == null ? Optional.empty() : provider.byProcoreCompany(companyId.trim()).map(this::resolve);
    }

    public List<Connection> all() {
        return provider.all().stream().map(this::resolve).toList();
    }

    private Connection resolve(Connection c) {
        return c.policy() == null ? c.withPolicy(defaults) : c;
    }
}
