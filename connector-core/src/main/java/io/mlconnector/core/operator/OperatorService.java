package io.mlconnector.core.operator;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.error.OperatorRequestException;
import io.mlconnector.core.error.OperatorRequestException.Problem;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.core.observe.EngineHealth;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.StreamHealth;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's facade over a {@link SyncEngine}: records waiting for a person, unmapped references with
 * suggestions, audited mapping changes, replays and stream health. Thread-safe. Give it the same
 * {@link MappingStore} instance the engine uses (a {@code CachingMappingStore} included), so a mapping set here is
 * what the next replay reads.
 *
 * <pre>{@code
 * OperatorService operator = OperatorService.builder()
 *         .engine(engine).mappingStore(mappingStore).auditSink(auditLog).build();
 * }</pre>
 */
public final class OperatorService {
    private final SyncEngine engine;
    private final MappingStore mappings;
    private final AuditSink audit;
    private final Clock clock;

    private OperatorService(Builder b) {
        this.engine = Objects.requireNonNull(b.engine, "engine");
        this.mappings = Objects.requireNonNull(b.mappings, "mappingStore");
        this.audit = Objects.requireNonNull(b.audit, "auditSink");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine this service works on.
     *
     * @return the engine
     */
    public SyncEngine engine() {
        return engine;
    }

    /** The stored reason a flagged ledger entry carries (written by the engine). */
    private static final String ATTR_FLAG = "flag";
    private static final String ATTR_FLAG_REASON = "flagReason";
    private static final String ATTR_WORK_ITEM = "workItem";
    /** Name suggestions offered per unmapped record, best first. */
    static final int MAX_NAME_MATCHES = 3;
    /** The least likeness (0..100) a name suggestion needs. */
    static final int MIN_NAME_SCORE = 50;
    /** The kinds alignment pairs by name, whose stored suggestions the console offers for confirmation. */
    private static final List<MappingKind> ALIGNED = List.of(MappingKind.VENDOR, MappingKind.PROJECT,
            MappingKind.GL_ACCOUNT);

    /**
     * The connection ids the engine serves.
     *
     * @return the ids
     */
    public Set<String> connectionIds() {
        return engine.connectionIds();
    }

    /**
     * The records waiting for a person: flagged ledger entries (with their reasons in plain words, each naming the
     * mapping that would fix it), then parked or dead-lettered work items that no flagged entry accounts for.
     *
     * @param connectionId the connection's id
     * @return the waiting records, flagged first
     * @throws OperatorRequestException when the connection is unknown
     */
    public List<WaitingItem> waiting(String connectionId) {
        Connection c = connection(connectionId);
        PlainWords words = words(c);
        ReferenceLists lists = new ReferenceLists(c, mappings);
        Map<String, WaitingItem> byKey = new LinkedHashMap<>();
        for (LedgerEntry e : engine.flagged(connectionId)) {
            List<PlainReason> reasons = new ArrayList<>();
            for (Map.Entry<String, MappingRef> line : MappingRef.flagLines(e)) {
                MappingRef fix = line.getValue();
                reasons.add(words.flag(line.getKey(), fix, fix == null ? null : lists.sourceName(fix.kind(),
                        fix.sourceId())));
            }
            if (reasons.isEmpty()) { // flagged by an engine that did not note the lines
                String flag = e.attribute(ATTR_FLAG);
                reasons.add(words.flag(flag == null ? "FLAGGED" : flag, null, null));
            }
            byKey.put(e.sourceKey(), new WaitingItem(e.sourceKey(), words.record(e.sourceKey()), WaitingState.FLAGGED,
                    reasons, e.attribute(ATTR_FLAG_REASON), e.updatedAt(), e.attribute(ATTR_WORK_ITEM)));
        }
        List<WorkItem> queued = new ArrayList<>(engine.items(connectionId, WorkStatus.PARKED));
        queued.addAll(engine.items(connectionId, WorkStatus.DEAD));
        for (WorkItem w : queued) {
            if (accountedFor(w, byKey)) {
                continue;
            }
            WaitingState state = w.status() == WorkStatus.DEAD ? WaitingState.DEAD : WaitingState.PARKED;
            byKey.put(w.dedupeKey(), new WaitingItem(w.dedupeKey(), words.record(w.dedupeKey()), state,
                    List.of(words.queue(state, w.lastError())), w.lastError(),
                    w.availableAt() != null ? w.availableAt() : w.createdAt(), w.id()));
        }
        return new ArrayList<>(byKey.values());
    }

    /** Whether a flagged entry already shows this work item (its own item, or a key it extends). */
    private static boolean accountedFor(WorkItem w, Map<String, WaitingItem> byKey) {
        for (WaitingItem i : byKey.values()) {
            if (w.id().equals(i.workItem()) || w.dedupeKey().equals(i.key())
                    || w.dedupeKey().startsWith(i.key() + ":")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The references waiting for a mapping: those records needed (flagged) and those alignment paired by name and
     * stored as {@code SUGGESTED}, vendors, projects and GL accounts first. Each carries the stored suggestion, or
     * else name suggestions scored against the other system's list, and the keys of the records waiting for it.
     *
     * @param connectionId the connection's id
     * @return the unmapped references
     * @throws OperatorRequestException when the connection is unknown
     * @throws io.mlconnector.core.error.ConnectorException when a system's list cannot be read
     */
    public List<UnmappedItem> unmapped(String connectionId) {
        Connection c = connection(connectionId);
        PlainWords words = words(c);
        ReferenceLists lists = new ReferenceLists(c, mappings);
        Map<MappingRef, List<String>> waitingKeys = new HashMap<>();
        for (LedgerEntry e : engine.flagged(connectionId)) {
            for (MappingRef r : MappingRef.waitedForBy(e)) {
                waitingKeys.computeIfAbsent(r, k -> new ArrayList<>()).add(e.sourceKey());
            }
        }
        Map<MappingRef, Instant> lastSeen = new LinkedHashMap<>();
        for (UnmappedReference u : mappings.unmapped(connectionId)) {
            lastSeen.put(new MappingRef(u.kind(), u.sourceId()), u.lastSeen());
        }
        for (MappingKind kind : ALIGNED) {
            for (Mapping m : mappings.list(connectionId, kind)) {
                if (m.status() == MappingStatus.SUGGESTED) {
                    lastSeen.putIfAbsent(new MappingRef(kind, m.sourceId()), null);
                }
            }
        }
        List<UnmappedItem> out = new ArrayList<>();
        for (Map.Entry<MappingRef, Instant> e : lastSeen.entrySet()) {
            MappingRef ref = e.getKey();
            Optional<Mapping> stored = mappings.find(connectionId, ref.kind(), ref.sourceId());
            if (stored.isPresent() && stored.get().isConfirmed()) {
                continue; // mapped meanwhile
            }
            String name = lists.sourceName(ref.kind(), ref.sourceId());
            TargetOption suggested = stored.map(m -> option(lists, m)).orElse(null);
            List<ScoredOption> matches = suggested == null && name != null && ReferenceLists.hasTargetList(ref.kind())
                    ? nameMatches(name, lists.targets(ref.kind())) : List.of();
            out.add(new UnmappedItem(ref.kind(), ref.sourceId(), name, words.describe(ref.kind(), ref.sourceId(), name),
                    suggested, matches, waitingKeys.getOrDefault(ref, List.of()), e.getValue()));
        }
        out.sort(Comparator.comparingInt((UnmappedItem i) -> order(i.kind())).thenComparing(i -> -i.waitingKeys().size())
                .thenComparing(UnmappedItem::sourceId));
        return out;
    }

    private static int order(MappingKind kind) {
        int i = ALIGNED.indexOf(kind);
        return i < 0 ? ALIGNED.size() + kind.ordinal() : i;
    }

    private static TargetOption option(ReferenceLists lists, Mapping m) {
        try {
            for (TargetOption o : lists.targets(m.kind())) {
                if (o.id().equals(m.targetId())) {
                    return o;
                }
            }
        } catch (io.mlconnector.core.error.ConnectorException e) {
            // the stored name below still lets a person decide
        }
        return new TargetOption(m.targetId(), m.attribute("targetName"), true);
    }

    static List<ScoredOption> nameMatches(String name, List<TargetOption> targets) {
        List<ScoredOption> scored = new ArrayList<>();
        for (TargetOption t : targets) {
            if (!t.active() || t.name() == null) {
                continue;
            }
            int score = NameScore.score(name, t.name());
            if (score >= MIN_NAME_SCORE) {
                scored.add(new ScoredOption(t, score));
            }
        }
        scored.sort(Comparator.comparingInt(ScoredOption::score).reversed()
                .thenComparing(o -> o.option().display()));
        return scored.size() > MAX_NAME_MATCHES ? List.copyOf(scored.subList(0, MAX_NAME_MATCHES)) : scored;
    }

    /**
     * The other system's records a mapping of {@code kind} may point to (the full list to pick from): Procore
     * vendors, projects, or the cost codes of mapped projects; FreshBooks expense categories for cost code mappings.
     *
     * @param connectionId the connection's id
     * @param kind the mapping kind
     * @return the targets, in the system's order; empty when the kind has no list
     * @throws OperatorRequestException when the connection is unknown
     * @throws io.mlconnector.core.error.ConnectorException when the list cannot be read
     */
    public List<TargetOption> targets(String connectionId, MappingKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new ReferenceLists(connection(connectionId), mappings).targets(kind);
    }

    /**
     * Confirms the suggestion alignment stored for a source id: the mapping becomes {@code CONFIRMED} (posting uses
     * it from the next attempt on) and the change is audited as {@code MAPPING_EDITED}. Confirming a confirmed
     * mapping changes nothing.
     *
     * @param connectionId the connection's id
     * @param kind the mapping kind
     * @param sourceId the source id
     * @param who who confirms it (for the audit)
     * @return the edit
     * @throws OperatorRequestException when no mapping is stored for the source id, or the connection is unknown
     */
    public MappingEdit confirmSuggestion(String connectionId, MappingKind kind, String sourceId, String who) {
        connection(connectionId);
        Mapping before = mappings.find(connectionId, Objects.requireNonNull(kind, "kind"), sourceId)
                .orElseThrow(() -> new OperatorRequestException(Problem.NOT_FOUND, "no suggested " + kind
                        + " mapping is stored for " + sourceId + "; pick a target from the list instead"));
        Mapping after = new Mapping(connectionId, kind, sourceId, before.targetId(), before.attributes(),
                MappingStatus.CONFIRMED, before.label(), clock.instant());
        return write(before, after, who, "confirmed the suggested mapping");
    }

    /**
     * Maps a source id to a target picked from the other system's list ({@link #targets}), confirmed, audited as
     * {@code MAPPING_EDITED}. A kind with a list refuses a target that is not on it.
     *
     * @param connectionId the connection's id
     * @param kind the mapping kind
     * @param sourceId the source id
     * @param targetId the picked target id
     * @param who who sets it (for the audit)
     * @return the edit
     * @throws OperatorRequestException when the target is not on the list, an id is blank, or the connection is
     *     unknown
     */
    public MappingEdit setMapping(String connectionId, MappingKind kind, String sourceId, String targetId, String who) {
        Connection c = connection(connectionId);
        Objects.requireNonNull(kind, "kind");
        if (sourceId == null || sourceId.isBlank() || targetId == null || targetId.isBlank()) {
            throw new OperatorRequestException(Problem.INVALID, "a mapping needs a source id and a target id");
        }
        ReferenceLists lists = new ReferenceLists(c, mappings);
        String targetName = null;
        if (ReferenceLists.hasTargetList(kind)) {
            TargetOption picked = lists.targets(kind).stream().filter(o -> o.id().equals(targetId)).findFirst()
                    .orElseThrow(() -> new OperatorRequestException(Problem.INVALID, targetId + " is not in the list of "
                            + "targets for " + kind + " mappings"));
            targetName = picked.name();
        }
        Mapping before = mappings.find(connectionId, kind, sourceId).orElse(null);
        Map<String, String> attrs = new HashMap<>();
        if (before != null && before.targetId().equals(targetId)) {
            attrs.putAll(before.attributes());
        }
        String sourceName = lists.sourceName(kind, sourceId);
        if (sourceName != null) {
            attrs.put("sourceName", sourceName);
        }
        if (targetName != null) {
            attrs.put("targetName", targetName);
        }
        String label = (sourceName != null ? sourceName : sourceId) + " <-> " + (targetName != null ? targetName
                : targetId);
        Mapping after = new Mapping(connectionId, kind, sourceId, targetId, attrs, MappingStatus.CONFIRMED, label,
                clock.instant());
        return write(before, after, who, "set the mapping to a picked target");
    }

    /**
     * Writes a mapping as given (no list check), audited as {@code MAPPING_EDITED} when it changes anything: what
     * the mapping file import and hosts that edit mappings in their own screens use.
     *
     * @param mapping the mapping to store
     * @param who who changed it ({@code file}, {@code api}, ...)
     * @return the edit ({@link MappingEdit#changed()} false when the store already held it)
     */
    public MappingEdit putMapping(Mapping mapping, String who) {
        Objects.requireNonNull(mapping, "mapping");
        Mapping before = mappings.find(mapping.connectionId(), mapping.kind(), mapping.sourceId()).orElse(null);
        Mapping after = mapping.updatedAt() != null ? mapping : new Mapping(mapping.connectionId(), mapping.kind(),
                mapping.sourceId(), mapping.targetId(), mapping.attributes(), mapping.status(), mapping.label(),
                clock.instant());
        return write(before, after, who, "changed the mapping");
    }

    /**
     * Removes a mapping, audited as {@code MAPPING_EDITED}.
     *
     * @param connectionId the connection's id
     * @param kind the mapping kind
     * @param sourceId the source id
     * @param who who removed it
     * @return the edit, empty when there was no mapping
     */
    public Optional<MappingEdit> removeMapping(String connectionId, MappingKind kind, String sourceId, String who) {
        Mapping before = mappings.find(connectionId, kind, sourceId).orElse(null);
        if (before == null) {
            return Optional.empty();
        }
        mappings.remove(connectionId, kind, sourceId);
        MappingEdit edit = new MappingEdit(who(who), before, null);
        audit(edit, "removed the mapping");
        return Optional.of(edit);
    }

    private MappingEdit write(Mapping before, Mapping after, String who, String what) {
        MappingEdit edit = new MappingEdit(who(who), before, after);
        if (!edit.changed()) {
            return edit;
        }
        mappings.put(after);
        audit(edit, what);
        return edit;
    }

    private void audit(MappingEdit edit, String what) {
        Mapping any = edit.after() != null ? edit.after() : edit.before();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("who", edit.who());
        details.put("kind", any.kind().name());
        details.put("sourceId", any.sourceId());
        if (edit.before() != null) {
            details.put("beforeTarget", edit.before().targetId());
            details.put("beforeStatus", edit.before().status().name());
        }
        if (edit.after() != null) {
            details.put("afterTarget", edit.after().targetId());
            details.put("afterStatus", edit.after().status().name());
        }
        String target = edit.after() != null ? edit.after().targetId() : null;
        audit.record(new AuditEvent(clock.instant(), any.connectionId(), Direction.REFERENCE_DATA,
                any.kind().name() + ":" + any.sourceId(), target, AuditOutcome.MAPPING_EDITED,
                edit.who() + " " + what + " " + any.kind() + " " + any.sourceId()
                        + (edit.before() == null ? "" : " (was " + edit.before().targetId() + ", "
                        + edit.before().status() + ")")
                        + (target == null ? "" : " -> " + target + " (" + edit.after().status() + ")"), details));
    }

    private static String who(String who) {
        return who == null || who.isBlank() ? "unknown" : who.strip();
    }

    /**
     * Replays one waiting record: requeues its parked or dead work items (and the payments parked while waiting for
     * it); a key that names only a work item (no ledger entry) requeues that item.
     *
     * @param connectionId the connection's id
     * @param key the record's key, as {@link WaitingItem#key()} gives it
     * @return what was requeued ({@code requeued} 0 when nothing was waiting)
     * @throws OperatorRequestException when the connection is unknown
     */
    public ReplayResult replay(String connectionId, String key) {
        connection(connectionId);
        Objects.requireNonNull(key, "key");
        int n = engine.replay(connectionId, key);
        if (n == 0) {
            List<WorkItem> queued = new ArrayList<>(engine.items(connectionId, WorkStatus.PARKED));
            queued.addAll(engine.items(connectionId, WorkStatus.DEAD));
            for (WorkItem w : queued) {
                if (w.dedupeKey().equals(key) && engine.replayItem(connectionId, w.id())) {
                    n++;
                }
            }
        }
        return new ReplayResult(List.of(key), n);
    }

    /**
     * Replays every record waiting for one mapping (flagged while it was missing), after a person set it.
     *
     * @param connectionId the connection's id
     * @param mapping the mapping that was set
     * @return the records replayed and how many work items were requeued
     * @throws OperatorRequestException when the connection is unknown
     */
    public ReplayResult replayWaitingFor(String connectionId, MappingRef mapping) {
        connection(connectionId);
        List<String> keys = engine.keysWaitingFor(connectionId, Objects.requireNonNull(mapping, "mapping"));
        int n = 0;
        for (String key : keys) {
            n += engine.replay(connectionId, key);
        }
        return new ReplayResult(keys, n);
    }

    /**
     * How every stream's polls are going ({@link SyncEngine#streamHealth()}).
     *
     * @return the stream health of every connection
     */
    public List<StreamHealth> streamHealth() {
        return engine.streamHealth();
    }

    /**
     * The engine's health ({@link SyncEngine#health()}).
     *
     * @return the health
     */
    public EngineHealth health() {
        return engine.health();
    }

    /**
     * The month-end reconciliation of a month ({@link SyncEngine#reconcile}).
     *
     * @param connectionId the connection's id
     * @param period the month
     * @return the report
     * @throws OperatorRequestException when the connection is unknown
     */
    public ReconciliationReport reconcile(String connectionId, YearMonth period) {
        connection(connectionId);
        return engine.reconcile(connectionId, Objects.requireNonNull(period, "period"));
    }

    private Connection connection(String connectionId) {
        if (connectionId == null || connectionId.isBlank()) {
            throw new OperatorRequestException(Problem.INVALID, "name the connection");
        }
        try {
            return engine.connection(connectionId);
        } catch (ConfigurationException e) {
            throw new OperatorRequestException(Problem.NOT_FOUND, "unknown connection " + connectionId);
        }
    }

    private static PlainWords words(Connection c) {
        return new PlainWords(c.accounting().system(), c.projects().system());
    }

    /** Builds an {@link OperatorService}. */
    public static final class Builder {
        private SyncEngine engine;
        private MappingStore mappings;
        private AuditSink audit;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The engine (required).
         *
         * @param value the engine
         * @return this builder
         */
        public Builder engine(SyncEngine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * The mapping store the engine uses, the same instance (required).
         *
         * @param value the mapping store
         * @return this builder
         */
        public Builder mappingStore(MappingStore value) {
            this.mappings = Objects.requireNonNull(value, "mappingStore");
            return this;
        }

        /**
         * Where mapping changes are audited, normally the engine's audit sink (required).
         *
         * @param value the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink value) {
            this.audit = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /**
         * The clock stamping mapping changes (default UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NullPointerException when the engine, mapping store or audit sink is missing
         */
        public OperatorService build() {
            return new OperatorService(this);
        }
    }
}
