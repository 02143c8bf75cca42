package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Procore sandbox's in-memory documents, one ordered map per {@link PcKind}. Callers hold this object's monitor
 * for multi-step operations; internal bookkeeping fields start with {@code _} and are stripped by {@link #render}.
 * Ids start above 2^31 so clients that squeeze ids into an {@code int} fail fast.
 */
final class ProcoreStore {

    private final Json json;
    private final Clock clock;
    private final Consumer<ResourceEvent> events;
    private final Map<PcKind, TreeMap<Long, ObjectNode>> data = new EnumMap<>(PcKind.class);
    private final AtomicLong ids = new AtomicLong(3_000_000_000L);

    ProcoreStore(Json json, Clock clock, Consumer<ResourceEvent> events) {
        this.json = json;
        this.clock = clock;
        this.events = events;
        for (PcKind k : PcKind.values()) {
            data.put(k, new TreeMap<>());
        }
    }

    Json json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Now as Procore writes timestamps: ISO-8601 UTC, second precision. */
    String now() {
        return iso(clock.instant());
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    synchronized ObjectNode put(PcKind kind, ObjectNode doc) {
        data.get(kind).put(doc.path("id").asLong(), doc);
        return doc;
    }

    synchronized Optional<ObjectNode> get(PcKind kind, long id) {
        return Optional.ofNullable(data.get(kind).get(id));
    }

    synchronized ObjectNode require(PcKind kind, long id) {
        return get(kind, id).orElseThrow(ProcoreValidationException::notFound);
    }

    synchronized List<ObjectNode> all(PcKind kind) {
        return new ArrayList<>(data.get(kind).values());
    }

    synchronized List<ObjectNode> where(PcKind kind, Predicate<ObjectNode> filter) {
        return data.get(kind).values().stream().filter(filter).toList();
    }

    synchronized void remove(PcKind kind, long id) {
        data.get(kind).remove(id);
    }

    /** A copy without internal {@code _} fields. */
    synchronized ObjectNode render(ObjectNode doc) {
        ObjectNode copy = doc.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                if (it.next().startsWith("_")) {
                    it.remove();
                }
            }
            node.forEach(ProcoreStore::strip);
        } else if (node.isArray()) {
            node.forEach(ProcoreStore::strip);
        }
    }

    /** Announces a change (delivery is asynchronous). */
    void emit(String resourceName, String eventType, long resourceId, long companyId, Long projectId, Actor actor) {
        if (actor.announce()) {
            events.accept(new ResourceEvent(resourceName, eventType, resourceId, companyId, projectId, actor));
        }
    }

    /** The object of {@code kind} whose {@code scopeField} (e.g. {@code _company_id}) is {@code scopeId}, or 404. */
    ObjectNode requireIn(PcKind kind, long id, String scopeField, long scopeId) {
        ObjectNode doc = get(kind, id).orElseThrow(ProcoreValidationException::notFound);
        if (doc.path(scopeField).asLong() != scopeId) {
            throw ProcoreValidationException.notFound();
        }
        return doc;
    }

    /** 422 ({@code origin_id} has already been taken) when another object of the company uses {@code originId}. */
    void requireOriginFree(PcKind kind, long companyId, String originId, long exceptId) {
        if (originTaken(kind, companyId, originId, exceptId)) {
            throw ProcoreValidationException.unprocessable("origin_id", "has already been taken");
        }
    }

    /** Whether another object of the company already uses this origin id. */
    synchronized boolean originTaken(PcKind kind, long companyId, String originId, long exceptId) {
        if (originId == null || originId.isEmpty()) {
            return false;
        }
        return data.get(kind).values().stream().anyMatch(d -> d.path("_company_id").asLong() == companyId
            && originId.equals(d.path("origin_id").asText(null)) && d.path("id").asLong() != exceptId);
    }
}
