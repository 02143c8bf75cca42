package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The FreshBooks sandbox's in-memory state: one ordered map of JSON objects per resource, guarded by this object's
 * monitor. Applies {@link FreshBooksRules} on every write and reports each change to the {@link EventSink}.
 */
final class FreshBooksStore {

    /** Receives {@code <resource>.<action>} events for webhook delivery. */
    @FunctionalInterface
    interface EventSink {
        void emit(String name, long objectId);
    }

    private final Json json;
    private final Clock clock;
    private final FreshBooksRules rules;
    private final EventSink events;
    private final Map<FbResource, TreeMap<Long, ObjectNode>> data = new EnumMap<>(FbResource.class);
    private final AtomicLong ids = new AtomicLong(100_000);
    private final AtomicLong lineIds = new AtomicLong(500_000);
    private final Map<FbResource, AtomicLong> numbers = new EnumMap<>(FbResource.class);
    private final FreshBooksRules.Lookup lookup = new FreshBooksRules.Lookup() {
        @Override
        public Optional<ObjectNode> find(FbResource resource, long id) {
            return Optional.ofNullable(table(resource).get(id));
        }

        @Override
        public List<ObjectNode> list(FbResource resource) {
            return new ArrayList<>(table(resource).values());
        }

        @Override
        public long nextLineId() {
            return lineIds.incrementAndGet();
        }

        @Override
        public long nextNumber(FbResource resource) {
            return numbers.computeIfAbsent(resource, k -> new AtomicLong()).incrementAndGet();
        }
    };

    FreshBooksStore(Json json, Clock clock, FreshBooksIdentity identity, EventSink events) {
        this.json = json;
        this.clock = clock;
        this.rules = new FreshBooksRules(json, identity);
        this.events = events;
        for (FbResource r : FbResource.values()) {
            data.put(r, new TreeMap<>());
        }
    }

    private TreeMap<Long, ObjectNode> table(FbResource r) {
        return data.get(r);
    }

    /** Creates an object from a request-shaped body (without the envelope). */
    synchronized ObjectNode create(FbResource r, ObjectNode input, boolean notify) {
        Instant now = clock.instant();
        long id = ids.incrementAndGet();
        ObjectNode node = rules.create(r, input, id, now, lookup);
        table(r).put(id, node);
        afterChange(r, node, "create", now, notify);
        return node.deepCopy();
    }

    /** Partial update; a body containing {@code vis_state} only changes vis_state (api/freshbooks.md §2.0). */
    synchronized ObjectNode update(FbResource r, long id, ObjectNode input, boolean notify) {
        ObjectNode node = require(r, id);
        Instant now = clock.instant();
        String action = "update";
        if (r.softDelete() && input.has("vis_state")) {
            int vis = input.path("vis_state").asInt();
            if (vis < 0 || vis > 2) {
                throw FreshBooksValidationException.invalid(r.single(), "vis_state", vis, "Invalid vis_state.");
            }
            node.put("vis_state", vis);
            rules.stampUpdate(r, node, now);
            rules.derive(r, node, now, lookup);
            action = vis == 1 ? "delete" : "update";
        } else {
            ObjectNode scratch = node.deepCopy();
            rules.update(r, scratch, input, now, lookup);
            table(r).put(id, scratch);
            node = scratch;
        }
        afterChange(r, node, action, now, notify);
        return node.deepCopy();
    }

    /** HTTP DELETE semantics: vis_state 1 for soft-deleting resources, removal otherwise. */
    synchronized ObjectNode delete(FbResource r, long id, boolean notify) {
        ObjectNode node = require(r, id);
        Instant now = clock.instant();
        if (r.softDelete()) {
            node.put("vis_state", 1);
            rules.stampUpdate(r, node, now);
        } else {
            table(r).remove(id);
        }
        afterChange(r, node, "delete", now, notify);
        return node.deepCopy();
    }

    private void afterChange(FbResource r, ObjectNode node, String action, Instant now, boolean notify) {
        long id = node.path("id").asLong();
        if (r == FbResource.BILL_PAYMENT) {
            // No bill_payment.* webhook event is published (api/freshbooks.md §5.3); we assume, UNCONFIRMED, that a
            // payment surfaces as bill.update of its bill, whose updated_at and bill_payments change with it.
            long billId = node.path("billid").asLong();
            ObjectNode bill = table(FbResource.BILL).get(billId);
            if (bill != null) {
                rules.stampUpdate(FbResource.BILL, bill, now);
                rules.derive(FbResource.BILL, bill, now, lookup);
                if (notify) {
                    events.emit("bill.update", billId);
                }
            }
            return;
        }
        if (notify) {
            events.emit(r.eventPrefix() + "." + action, id);
        }
        if (r == FbResource.PAYMENT) {
            long invoiceId = node.path("invoiceid").asLong();
            ObjectNode invoice = table(FbResource.INVOICE).get(invoiceId);
            if (invoice != null) {
                rules.stampUpdate(FbResource.INVOICE, invoice, now);
                rules.derive(FbResource.INVOICE, invoice, now, lookup);
                if (notify) {
                    events.emit("invoice.update", invoiceId);
                }
            }
        }
    }

    private ObjectNode require(FbResource r, long id) {
        ObjectNode node = table(r).get(id);
        if (node == null) {
            throw FreshBooksValidationException.notFound(r.single(), r.legacyId() == null ? "id" : r.legacyId(), id);
        }
        return node;
    }

    /** A copy of one object. */
    synchronized Optional<ObjectNode> get(FbResource r, long id) {
        ObjectNode node = table(r).get(id);
        if (node != null && r == FbResource.BILL) {
            rules.derive(r, node, clock.instant(), lookup);
        }
        return Optional.ofNullable(node).map(ObjectNode::deepCopy);
    }

    /** Copies of every object of a resource, in id order. */
    synchronized List<ObjectNode> list(FbResource r) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode n : table(r).values()) {
            if (r == FbResource.BILL) {
                rules.derive(r, n, clock.instant(), lookup);
            }
            out.add(n.deepCopy());
        }
        return out;
    }

    /** Reads an object as a tree, for rendering includes. */
    synchronized Optional<JsonNode> raw(FbResource r, long id) {
        return Optional.ofNullable(table(r).get(id)).map(JsonNode::deepCopy);
    }

    Json json() {
        return json;
    }
}
