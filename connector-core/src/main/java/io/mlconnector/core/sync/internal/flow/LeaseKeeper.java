package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.state.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of the work in flight on this node alive: the claimed work items and the named record leases
 * their flows hold. While a worker pass waits for its items, it renews them every third of the lease, so a slow
 * remote call (rate-limit waits, retries) never lets another node take a record in the middle of a create.
 */
public final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final SyncStateStore state;
    private final String owner;
    private final Set<String> items = ConcurrentHashMap.newKeySet();
    /** A named lease held by one item's flow (its owner is the item, so two items never share a record). */
    private record Held(String owner, Duration ttl) {
    }

    private final Map<String, Held> names = new ConcurrentHashMap<>();

    public LeaseKeeper(SyncStateStore state, String owner) {
        this.state = state;
        this.owner = owner;
    }

    public void itemClaimed(String itemId) {
        items.add(itemId);
    }

    public void itemSettled(String itemId) {
        items.remove(itemId);
    }

    /** Acquires a named lease for {@code holder} (one item's flow) and keeps it renewed until {@link #release}. */
    boolean acquire(String name, String holder, Duration ttl, Instant now) {
        if (!state.tryAcquireLease(name, holder, ttl, now)) {
            return false;
        }
        names.put(name + "\u0000" + holder, new Held(holder, ttl));
        return true;
    }

    void release(String name, String holder) {
        names.remove(name + "\u0000" + holder);
        state.releaseLease(name, holder);
    }

    /** Extends every lease in flight to {@code now + lease}; a lease another node took meanwhile is only logged. */
    public void renew(Duration lease, Instant now) {
        for (String id : items) {
            try {
                if (!state.extendClaim(id, owner, now.plus(lease))) {
                    LOG.debug("work item {} is no longer leased by {}; not renewed", id, owner);
                }
            } catch (RuntimeException e) {
                LOG.warn("renewing the lease of work item {} failed: {}", id, e.toString());
            }
        }
        names.forEach((key, held) -> {
            String name = key.substring(0, key.indexOf('\u0000'));
            try {
                state.tryAcquireLease(name, held.owner(), held.ttl(), now);
            } catch (RuntimeException e) {
                LOG.warn("renewing lease {} failed: {}", name, e.toString());
            }
        });
    }
}
