package io.mlconnector.core.sync;

import io.mlconnector.core.error.ConfigurationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The engine's connections by id, by FreshBooks account id and by Procore company id (webhook routing keys). */
final class ConnectionRegistry {
    private final Map<String, Connection> byId = new LinkedHashMap<>();
    private final Map<String, Connection> byAccount = new LinkedHashMap<>();
    private final Map<String, Connection> byCompany = new LinkedHashMap<>();

    ConnectionRegistry(Collection<Connection> connections, SyncPolicy defaults) {
        for (Connection c : connections) {
            Connection resolved = c.policy() == null ? c.withPolicy(defaults) : c;
            if (byId.putIfAbsent(c.id(), resolved) != null) {
                throw new ConfigurationException("two connections have the id " + c.id());
            }
            String account = c.accounting().accountId();
            Connection other = byAccount.putIfAbsent(account, resolved);
            if (other != null) {
                throw new ConfigurationException("connections " + other.id() + " and " + c.id()
                        + " use the same FreshBooks account " + account + "; FreshBooks webhooks route by account");
            }
            String company = String.valueOf(c.projects().companyId());
            other = byCompany.putIfAbsent(company, resolved);
            if (other != null) {
                throw new ConfigurationException("connections " + other.id() + " and " + c.id()
                        + " use the same Procore company " + company + "; Procore webhooks route by company");
            }
        }
        if (byId.isEmpty()) {
            throw new ConfigurationException("an engine needs at least one connection");
        }
    }

    Optional<Connection> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    Connection require(String id) {
        return byId(id).orElseThrow(() -> new ConfigurationException("unknown connection " + id));
    }

    Optional<Connection> byAccount(String accountId) {
        return Optional.ofNullable(accountId == null ? null : byAccount.get(accountId));
    }

    Optional<Connection> byCompany(String companyId) {
        return Optional.ofNullable(companyId == null ? null : byCompany.get(companyId.trim()));
    }

    Collection<Connection> all() {
        return byId.values();
    }
}
