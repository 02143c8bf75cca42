package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.observe.LogContext;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.state.Cursor;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.PollResult;
import io.mlconnector.core.sync.StreamHealth;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.sync.internal.flow.EngineObserver;
import io.mlconnector.core.sync.internal.flow.EngineServices;
import io.mlconnector.core.sync.internal.flow.Enqueuer;
import io.mlconnector.core.sync.internal.flow.ProjectPosting;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import io.mlconnector.core.sync.internal.flow.WorkType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net under webhooks: walks each enabled stream from its stored cursor minus the overlap, enqueues what
 * changed with the same dedupe keys the webhooks use, and saves the cursor (the poll's start time) only after every
 * item is queued. Records the ledger already holds at the listed version are not enqueued at all.
 *
 * <p>Cursors, prefixed with each side's {@code system()} name: {@code <accounting>.<STREAM>},
 * {@code <project>.<STREAM>:<projectId>} for each project-side project named by a confirmed PROJECT / CLIENT_PROJECT /
 * VENDOR_PROJECT mapping, and {@code <project>.VENDORS}. In dry run they are kept
 * apart ({@code dryrun:} prefix), so going live later starts from the live cursors and posts what was previewed.
 *
 * <p>Health: each stream's polls are counted ({@link StreamHealthBook}); a stream failing
 * {@link SyncPolicy#streamFailureThreshold()} times in a row is reported once and shown by
 * {@link SyncEngine#streamHealth()} until it recovers.
 *
 * <p>Leadership: each cursor is walked under the named lease {@code poll:<connection>:<cursor>} held by the node for
 * a poll interval plus a lease duration, so two nodes never walk the same stream at once; a node that dies is
 * replaced when its lease runs out.
 */
public final class StreamPoller {
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private final EngineServices services;
    private final Enqueuer enqueuer;
    private final Runnable wakeUp;
    private final StreamHealthBook health;
    /** Poll leases this node holds, released by {@link #releaseLeases()} when the engine stops. */
    private final java.util.Set<String> heldLeases = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public StreamPoller(EngineServices services, Enqueuer enqueuer, Runnable wakeUp) {
        this.services = services;
        this.enqueuer = enqueuer;
        this.wakeUp = wakeUp;
        this.health = new StreamHealthBook(services);
    }

    /** Every enabled stream of a connection, both sides. */
    public PollResult pollOnce(Connection c) {
        List<PollResult.StreamPoll> out = new ArrayList<>();
        try (LogContext log = LogContext.open().connection(c.id())) {
            for (SourceStream s : polledStreams(c)) {
                out.addAll(walkStream(c, s));
            }
        }
        PollResult result = new PollResult(c.id(), out);
        if (result.enqueued() > 0) {
            wakeUp.run();
        }
        return result;
    }

    /** One stream of one connection (FreshBooks stream, or a Procore stream across its mapped projects). */
    public PollResult pollStream(Connection c, SourceStream s) {
        PollResult result;
        try (LogContext log = LogContext.open().connection(c.id())) {
            result = new PollResult(c.id(), walkStream(c, s));
        }
        if (result.enqueued() > 0) {
            wakeUp.run();
        }
        return result;
    }

    /** The enabled streams of a connection that are polled, as each side's port lists them, in polling order. */
    public static List<SourceStream> polledStreams(Connection c) {
        List<SourceStream> out = new ArrayList<>();
        for (SourceStream s : c.accounting().streams()) {
            if (c.policy().isEnabled(s)) {
                out.add(s);
            }
        }
        for (SourceStream s : c.projects().streams()) {
            if (c.policy().isEnabled(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The poll health of the connection's polled streams. */
    public List<StreamHealth> health(Connection c) {
        return health.of(c, polledStreams(c));
    }

    /**
     * Walks every cursor of one stream and records the stream's health: failed when a walk failed (or threw), unchanged
     * when another node leads every cursor, else succeeded.
     */
    private List<PollResult.StreamPoll> walkStream(Connection c, SourceStream s) {
        List<PollResult.StreamPoll> out = new ArrayList<>();
        Instant started = services.observer().now();
        try {
            if (c.accounting().streams().contains(s)) {
                out.add(pollAccounting(c, s));
            }
            if (c.projects().streams().contains(s)) {
                out.addAll(pollProjectStream(c, s));
            }
            if (s == SourceStream.VENDORS) {
                out.add(pollProjectVendors(c));
            }
        } catch (RuntimeException e) {
            health.failed(c, s, e.getClass().getSimpleName() + ": " + e.getMessage());
            services.observer().failed(c.id(), EngineObserver.side(s), e);
            services.observer().polled(c, s, out, started, e);
            throw e;
        }
        String error = out.stream().filter(p -> p.error() != null).map(p -> p.cursor() + ": " + p.error())
                .findFirst().orElse(null);
        if (error != null) {
            health.failed(c, s, error);
        } else if (out.isEmpty() || out.stream().anyMatch(p -> !p.notLeader())) {
            health.succeeded(c, s);
        }
        services.observer().polled(c, s, out, started, null);
        return out;
    }

    private PollResult.StreamPoll pollAccounting(Connection c, SourceStream stream) {
        WorkType type = accountingType(stream);
        String cursor = cursorName(c, c.accounting().system() + "." + stream.name());
        return walk(c, cursor, since -> {
            Counts n = new Counts();
            for (ChangedRecord rec : c.accounting().listChanged(stream, since)) {
                n.seen++;
                String id = rec.ref().id();
                LedgerEntry e = services.state().ledger(c.id(), rec.ref().key()).orElse(null);
                if (unchanged(e, rec)) {
                    n.unchanged++;
                    continue;
                }
                String action = rec.deleted() ? "delete" : e == null ? "create" : "update";
                WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id).put(WorkPayload.ACTION, action)
                        .put(WorkPayload.SOURCE, rec.ref().key())
                        .put(WorkPayload.VIA, "poll").build();
                if (enqueuer.enqueue(c, type, c.accounting().system() + ":" + type.resource() + ":" + id + ":" + action,
                        payload)) {
                    n.enqueued++;
                }
            }
            return n;
        });
    }

    private List<PollResult.StreamPoll> pollProjectStream(Connection c, SourceStream stream) {
        WorkType type = switch (stream) {
            case CHANGE_ORDERS -> WorkType.PROJECT_CHANGE_ORDER;
            case PRIME_CHANGE_ORDERS -> WorkType.PROJECT_PRIME_CHANGE_ORDER;
            case DIRECT_COSTS -> WorkType.PROJECT_DIRECT_COST;
            default -> throw new IllegalArgumentException("not a polled project-side stream: " + stream);
        };
        List<PollResult.StreamPoll> out = new ArrayList<>();
        for (Long projectId : mappedProjects(c)) {
            ProjectRef project = new ProjectRef(c.projects().companyId(), projectId);
            String cursor = cursorName(c, c.projects().system() + "." + stream.name() + ":" + projectId);
            out.add(walk(c, cursor, since -> {
                Counts n = new Counts();
                for (ChangedRecord rec : c.projects().listChanged(project, stream, since)) {
                    n.seen++;
                    String id = rec.ref().id();
                    String key = rec.ref().key();
                    LedgerEntry e = services.state().ledger(c.id(), key).orElse(null);
                    if (e != null && e.attribute(ProjectPosting.ATTR_ECHO_OF) != null) {
                        n.unchanged++; // our own object
                        continue;
                    }
                    if (unchanged(e, rec)) {
                        n.unchanged++;
                        continue;
                    }
                    String action = rec.deleted() ? "delete" : "update";
                    WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id)
                            .put(WorkPayload.PROJECT, projectId).put(WorkPayload.ACTION, action)
                            .put(WorkPayload.SOURCE, key).put(WorkPayload.VIA, "poll").build();
                    String dedupe = c.projects().system() + ":" + type.resource() + ":" + id + ":"
                            + (rec.version() == null ? action : "v" + rec.version());
                    if (enqueuer.enqueue(c, type, dedupe, payload)) {
                        n.enqueued++;
                    }
                }
                return n;
            }));
        }
        return out;
    }

    private PollResult.StreamPoll pollProjectVendors(Connection c) {
        String cursor = cursorName(c, c.projects().system() + "." + SourceStream.VENDORS.name());
        return walk(c, cursor, since -> {
            Counts n = new Counts();
            for (Vendor v : c.projects().listVendors()) {
                if (v.ref() == null || v.updatedAt() == null || v.updatedAt().isBefore(since)) {
                    continue;
                }
                n.seen++;
                String id = v.ref().id();
                WorkPayload payload = WorkPayload.builder().put(WorkPayload.ID, id).put(WorkPayload.ACTION, "update")
                        .put(WorkPayload.SOURCE, v.ref().key())
                        .put(WorkPayload.VIA, "poll").build();
                if (enqueuer.enqueue(c, WorkType.PROJECT_VENDOR, c.projects().system() + ":vendor:" + id + ":"
                        + v.updatedAt(), payload)) {
                    n.enqueued++;
                }
            }
            return n;
        });
    }

    private interface Walk {
        Counts run(Instant since);
    }

    private static final class Counts {
        int seen;
        int enqueued;
        int unchanged;
    }

    private PollResult.StreamPoll walk(Connection c, String cursorName, Walk walk) {
        SyncStateStore state = services.state();
        Instant now = services.clock().instant();
        SyncPolicy p = c.policy();
        String lease = "poll:" + c.id() + ":" + cursorName;
        if (!state.tryAcquireLease(lease, services.nodeId(), p.pollInterval().plus(p.leaseDuration()), now)) {
            return new PollResult.StreamPoll(cursorName, 0, 0, 0, true, null);
        }
        heldLeases.add(lease);
        Instant since = state.cursor(c.id(), cursorName).map(cur -> cur.position().minus(p.pollOverlap()))
                .orElse(now.minus(p.initialLookback()));
        Counts n;
        try {
            n = walk.run(since);
        } catch (RuntimeException e) {
            LOG.warn("poll of {} {} failed; cursor not advanced: {}", c.id(), cursorName, e.toString());
            services.observer().failed(c.id(), EngineObserver.sideOfCursor(cursorName, c.accounting().system()), e);
            return new PollResult.StreamPoll(cursorName, 0, 0, 0, false, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        state.saveCursor(new Cursor(c.id(), cursorName, now, services.clock().instant()));
        return new PollResult.StreamPoll(cursorName, n.seen, n.enqueued, n.unchanged, false, null);
    }

    private static boolean unchanged(LedgerEntry e, ChangedRecord rec) {
        if (rec.deleted()) {
            return e == null; // deleted before anything was posted: nothing to do
        }
        return e != null && rec.version() != null && rec.version().equals(e.sourceVersion())
                && (e.state() == LedgerState.POSTED || e.state() == LedgerState.REVERSED);
    }

    private String cursorName(Connection c, String name) {
        return c.policy().dryRun() ? "dryrun:" + name : name;
    }

    /** Procore projects named by confirmed project mappings of the connection, in id order. */
    TreeSet<Long> mappedProjects(Connection c) {
        TreeSet<Long> ids = new TreeSet<>();
        for (MappingKind k : List.of(MappingKind.PROJECT, MappingKind.CLIENT_PROJECT, MappingKind.VENDOR_PROJECT)) {
            for (Mapping m : services.mappings().list(c.id(), k)) {
                if (!m.isConfirmed()) {
                    continue;
                }
                try {
                    long id = Long.parseLong(m.targetId().trim());
                    if (id > 0) {
                        ids.add(id);
                    }
                } catch (NumberFormatException e) {
                    LOG.debug("mapping {} {} → {} is not a Procore project id", k, m.sourceId(), m.targetId());
                }
            }
        }
        return ids;
    }

    static WorkType accountingType(SourceStream stream) {
        return switch (stream) {
            case BILLS -> WorkType.ACCOUNTING_BILL;
            case INVOICES -> WorkType.ACCOUNTING_INVOICE;
            case BILL_PAYMENTS -> WorkType.ACCOUNTING_BILL_PAYMENT;
            case INVOICE_PAYMENTS -> WorkType.ACCOUNTING_INVOICE_PAYMENT;
            case VENDORS -> WorkType.ACCOUNTING_VENDOR;
            default -> throw new IllegalArgumentException("not an accounting stream: " + stream);
        };
    }

    /** Gives up this node's poll leadership at once, so another node polls without waiting for the leases to expire. */
    /** Releases the poll leases this node holds for one connection (it was removed). */
    public void releaseLeases(String connectionId) {
        String prefix = "poll:" + connectionId + ":";
        for (String lease : heldLeases) {
            if (!lease.startsWith(prefix)) {
                continue;
            }
            try {
                services.state().releaseLease(lease, services.nodeId());
                heldLeases.remove(lease);
            } catch (RuntimeException e) {
                LOG.warn("could not release poll lease {}; it expires on its own: {}", lease, e.toString());
            }
        }
    }

    public void releaseLeases() {
        for (String lease : heldLeases) {
            try {
                services.state().releaseLease(lease, services.nodeId());
            } catch (RuntimeException e) {
                // best effort: a lease we cannot release simply expires
                LOG.warn("could not release poll lease {}; it expires on its own: {}", lease, e.toString());
            }
        }
        heldLeases.clear();
    }
}
