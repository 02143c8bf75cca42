package io.mlconnector.core.sync;

import io.mlconnector.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConnectionProvider} held in memory: the host {@link #add adds}, {@link #update updates} and
 * {@link #remove removes} connections while the engine runs (a contractor onboards without a restart). Lookups read
 * an immutable snapshot and never block; changes are serialized and tell the {@link #onChange} listeners afterwards.
 *
 * <p>Each connection must have its own id, FreshBooks account and Procore company: webhooks route by the account and
 * the company, so two connections sharing one would make routing ambiguous; such a change is refused with a
 * {@link ConfigurationException} and changes nothing.
 */
public final class InMemoryConnectionProvider implements ConnectionProvider {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryConnectionProvider.class);

    private final Object changes = new Object();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = Snapshot.of(List.of());

    /** An empty provider. */
    public InMemoryConnectionProvider() {
    }

    /**
     * A provider serving {@code connections}.
     *
     * @param connections the connections to serve, in this order
     * @return the new provider
     * @throws ConfigurationException when two of them share an id, a FreshBooks account or a Procore company
     */
    public static InMemoryConnectionProvider of(Collection<Connection> connections) {
        InMemoryConnectionProvider p = new InMemoryConnectionProvider();
        p.snapshot = Snapshot.of(List.copyOf(connections));
        return p;
    }

    /**
     * Adds a connection.
     *
     * @param connection the connection to serve
     * @throws ConfigurationException when its id is served already, or its FreshBooks account or Procore company is
     *                                another connection's
     */
    public void add(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        synchronized (changes) {
            if (snapshot.byId.containsKey(connection.id())) {
                throw new ConfigurationException("connection " + connection.id() + " exists already; update it");
            }
            List<Connection> next = new ArrayList<>(snapshot.all);
            next.add(connection);
            snapshot = Snapshot.of(next);
        }
        changed("added", connection.id());
    }

    /**
     * Replaces the connection with the same id (new credentials, new verifier secret, new policy).
     *
     * @param connection the new version of the connection
     * @throws ConfigurationException when no connection has that id, or its FreshBooks account or Procore company is
     *                                another connection's
     */
    public void update(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        synchronized (changes) {
            if (!snapshot.byId.containsKey(connection.id())) {
                throw new ConfigurationException("unknown connection " + connection.id() + "; add it first");
            }
            List<Connection> next = new ArrayList<>();
            for (Connection c : snapshot.all) {
                next.add(c.id().equals(connection.id()) ? connection : c);
            }
            snapshot = Snapshot.of(next);
        }
        changed("updated", connection.id());
    }

    /**
     * Removes a connection: its webhooks are no longer routed and it is no longer polled. Its mappings, ledger and
     * queued work stay in the stores (adding it again with the same id resumes where it stopped).
     *
     * @param connectionId the id of the connection to remove
     * @return whether it was served
     */
    public boolean remove(String connectionId) {
        synchronized (changes) {
            if (connectionId == null || !snapshot.byId.containsKey(connectionId)) {
                return false;
            }
            List<Connection> next = new ArrayList<>(snapshot.all);
            next.removeIf(c -> c.id().equals(connectionId));
            snapshot = Snapshot.of(next);
        }
        changed("removed", connectionId);
        return true;
    }

    @Override
    public Optional<Connection> byId(String connectionId) {
        return Optional.ofNullable(connectionId == null ? null : snapshot.byId.get(connectionId));
    }

    @Override
    public Optional<Connection> byFreshBooksAccount(String accountId) {
        return Optional.ofNullable(accountId == null ? null : snapshot.byAccount.get(accountId));
    }

    @Override
    public Optional<Connection> byProcoreCompany(String companyId) {
        return Optional.ofNullable(companyId == null ? null : snapshot.byCompany.get(companyId.trim()));
    }

    @Override
    public List<Connection> all() {
        return snapshot.all;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void changed(String what, String connectionId) {
        LOG.info("connection {} {}", connectionId, what);
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("a listener of connection changes failed: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryConnectionProvider" + snapshot.byId.keySet();
    }

    /** The three indexes, built together and never changed. */
    private record Snapshot(Map<String, Connection> byId, Map<String, Connection> byAccount,
                            Map<String, Connection> byCompany, List<Connection> all) {

        static Snapshot of(List<Connection> connections) {
            Map<String, Connection> byId = new LinkedHashMap<>();
            Map<String, Connection> byAccount = new LinkedHashMap<>();
            Map<String, Connection> byCompany = new LinkedHashMap<>();
            for (Connection c : connections) {
                if (byId.putIfAbsent(c.id(), c) != null) {
                    throw new ConfigurationException("two connections have the id " + c.id());
                }
                String account = c.accounting().accountId();
                Connection other = byAccount.putIfAbsent(account, c);
                if (other != null) {
                    throw new ConfigurationException("connections " + other.id() + " and " + c.id()
                            + " use the same FreshBooks account " + account + "; FreshBooks webhooks route by account");
                }
                String company = String.valueOf(c.projects().companyId());
                other = byCompany.putIfAbsent(company, c);
                if (other != null) {
                    throw new ConfigurationException("connections " + other.id() + " and " + c.id()
                            + " use the same Procore company " + company + "; Procore webhooks route by company");
                }
            }
            return new Snapshot(Map.copyOf(byId), Map.copyOf(byAccount), Map.copyOf(byCompany),
                    List.copyOf(byId.values()));
        }
    }
}
