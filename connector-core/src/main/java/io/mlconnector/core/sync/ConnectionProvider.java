package io.mlconnector.core.sync;

import java.util.List;
import java.util.Optional;

/**
 * Where an engine finds its connections, looked up on every use: by connection id (work items, polls, the host's
 * calls), by FreshBooks account id (FreshBooks webhooks) and by Procore company id (Procore webhooks). Connections
 * may be added, updated and removed while the engine runs: a connection added after {@link SyncEngine#start} is
 * polled and its webhooks are routed; a removed one is no longer polled and its webhooks are answered 401; an updated
 * one (new secret, new client) is used from the next lookup on.
 *
 * <p>{@link InMemoryConnectionProvider} is the ready implementation (the engine builder's {@code connection(...)}
 * fills one). A host keeping its contractors in its own tables may implement this interface over them; it must answer
 * from memory (intake calls it on every webhook) and should call the {@link #onChange} listeners after a change, or
 * the engine notices new and removed connections only at its next periodic rescan (every worker interval).
 * Implementations must be thread-safe. Connections whose {@link Connection#policy()} is null get the engine's default
 * policy.
 */
public interface ConnectionProvider {

    /**
     * The connection with this id, if served.
     *
     * @param connectionId the connection's id
     * @return the connection, or empty when none with that id is served
     */
    Optional<Connection> byId(String connectionId);

    /**
     * The connection of a FreshBooks account ({@code account_id} of FreshBooks webhooks), if served.
     *
     * @param accountId the FreshBooks account id
     * @return the connection, or empty when no served connection has that account
     */
    Optional<Connection> byFreshBooksAccount(String accountId);

    /**
     * The connection of a Procore company ({@code company_id} of Procore webhooks), if served.
     *
     * @param companyId the Procore company id
     * @return the connection, or empty when no served connection has that company
     */
    Optional<Connection> byProcoreCompany(String companyId);

    /**
     * Every connection served now, in a stable order (a snapshot: later changes do not alter it).
     *
     * @return the connections served now
     */
    List<Connection> all();

    /**
     * Registers a listener run after each change (add, update, remove), on the changing thread. The default
     * registers nothing: the engine then finds changes by its periodic rescan.
     *
     * @param listener run after each change
     */
    default void onChange(Runnable listener) {
    }
}
