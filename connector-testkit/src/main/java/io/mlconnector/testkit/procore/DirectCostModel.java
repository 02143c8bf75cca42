package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Direct costs (invoices, expenses, payroll not tied to a commitment) and their line items (§3.11). */
final class DirectCostModel {

    static final Set<String> TYPES = Set.of("invoice", "expense", "payroll", "subcontractor_invoice");
    static final Set<String> STATUSES = Set.of("draft", "pending", "revise_and_resubmit", "approved");
    private static final Set<String> READ_ONLY = Set.of("vendor", "vendor_name", "grand_total", "amount",
        "line_items", "line_items_count", "attachments", "attachments_count", "created_at", "updated_at",
        "deleted_at", "currency_configuration", "employee");

    private final ProcoreStore store;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;
    private final BillingModel billing;

    DirectCostModel(ProcoreStore store, DirectoryModel directory, CommitmentModel commitments, BillingModel billing) {
        this.store = store;
        this.directory = directory;
        this.commitments = commitments;
        this.billing = billing;
    }

    ObjectNode create(long companyId, long projectId, JsonNode input, Actor actor) {
        synchronized (store) {
            directory.project(companyId, projectId);
            String type = input.path("direct_cost_type").asText("");
            if (type.isEmpty()) {
                throw ProcoreValidationException.unprocessable("direct_cost_type", "can't be blank");
            }
            if (!TYPES.contains(type)) {
                throw ProcoreValidationException.unprocessable("direct_cost_type", "is not included in the list");
            }
            String status = input.path("status").asText("draft");
            if (!STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            Long vendorId = Docs.longOrNull(input, "vendor_id");
            ObjectNode vendor = null;
            if (vendorId != null) {
                vendor = store.get(PcKind.VENDOR, vendorId).filter(v -> v.path("_company_id").asLong() == companyId)
                    .orElseThrow(() -> ProcoreValidationException.unprocessable("vendor", "must exist"));
            } else if (type.equals("invoice")) {
                throw ProcoreValidationException.unprocessable("vendor", "can't be blank");
            }
            if (type.equals("invoice") && input.path("invoice_number").asText("").isBlank()) {
                throw ProcoreValidationException.unprocessable("invoice_number", "can't be blank");
            }
            store.requireOriginFree(PcKind.DIRECT_COST, companyId, Docs.text(input, "origin_id"), 0);
            JsonNode lines = input.path("line_items");
            if (lines.isArray() && lines.size() > 100) {
                throw ProcoreValidationException.unprocessable("line_items", "too many line items (maximum is 100)");
            }
            ObjectNode d = store.json().object();
            long id = store.nextId();
            d.put("id", id);
            d.put("direct_cost_type", type);
            d.put("status", status);
            for (String f : List.of("invoice_number", "direct_cost_date", "received_date", "payment_date", "terms",
                "description", "employee_id", "origin_id", "origin_data")) {
                d.putNull(f);
            }
            Docs.merge(d, input, READ_ONLY);
            d.remove("line_items");
            setVendor(d, vendor);
            d.putNull("employee");
            d.putArray("attachments");
            d.put("attachments_count", 0);
            d.putObject("currency_configuration").put("currency_iso_code", "USD");
            d.put("created_at", store.now());
            d.put("updated_at", store.now());
            d.putNull("deleted_at");
            d.put("_company_id", companyId);
            d.put("_project_id", projectId);
            store.put(PcKind.DIRECT_COST, d);
            try {
                if (lines.isArray()) {
                    for (JsonNode in : lines) {
                        addLineUnlocked(d, projectId, in);
                    }
                }
            } catch (ProcoreValidationException e) {
                store.where(PcKind.DIRECT_COST_LINE, l -> l.path("_direct_cost_id").asLong() == id)
                    .forEach(l -> store.remove(PcKind.DIRECT_COST_LINE, l.path("id").asLong()));
                store.remove(PcKind.DIRECT_COST, id);
                throw e;
            }
            total(d);
            store.emit("Direct Costs", "create", id, companyId, projectId, actor);
            return d;
        }
    }

    private void setVendor(ObjectNode d, ObjectNode vendor) {
        if (vendor == null) {
            d.putNull("vendor");
            d.putNull("vendor_id");
            d.putNull("vendor_name");
        } else {
            d.putObject("vendor").put("id", vendor.path("id").asLong()).put("name", vendor.path("name").asText());
            d.put("vendor_id", vendor.path("id").asLong());
            d.put("vendor_name", vendor.path("name").asText());
        }
    }

    ObjectNode addLine(long companyId, long projectId, long directCostId, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode d = directCost(companyId, projectId, directCostId);
            billing.checkLock(d);
            ObjectNode line = addLineUnlocked(d, projectId, input);
            total(d);
            d.put("updated_at", store.now());
            store.emit("Direct Costs", "update", directCostId, companyId, projectId, actor);
            return line;
        }
    }

    private ObjectNode addLineUnlocked(ObjectNode d, long projectId, JsonNode in) {
        ObjectNode line = store.json().object();
        line.put("id", store.nextId());
        line.put("description", in.path("description").asText(""));
        BigDecimal amount = PcMoney.dec(in.get("manual_amount"));
        if (amount == null) {
            amount = PcMoney.dec(in.get("amount"));
        }
        BigDecimal qty = PcMoney.dec(in.get("quantity"));
        BigDecimal unit = PcMoney.dec(in.get("unit_cost"));
        String extended = "manual";
        if (amount == null && qty != null && unit != null) {
            amount = qty.multiply(unit);
            extended = "calculated";
        }
        if (amount == null) {
            throw ProcoreValidationException.unprocessable("line_items", "amount can't be blank");
        }
        line.put("amount", PcMoney.str(amount));
        line.put("total_amount", PcMoney.str(amount));
        line.put("extended_amount", PcMoney.str(amount));
        line.put("quantity", qty == null ? "0.0" : qty.toPlainString());
        line.put("unit_cost", unit == null ? "0.0" : unit.toPlainString());
        line.set("uom", in.has("uom") ? in.get("uom") : store.json().nullNode());
        line.put("extended_type", in.path("extended_type").asText(extended));
        line.set("ref", in.has("ref") ? in.get("ref") : store.json().nullNode());
        commitments.attachCostRefs(line, projectId, in);
        line.set("origin_id", in.has("origin_id") ? in.get("origin_id") : store.json().nullNode());
        line.set("origin_data", in.has("origin_data") ? in.get("origin_data") : store.json().nullNode());
        line.put("created_at", store.now());
        line.put("updated_at", store.now());
        line.put("_direct_cost_id", d.path("id").asLong());
        return store.put(PcKind.DIRECT_COST_LINE, line);
    }

    /** Every direct cost line of a project ({@code GET /projects/{p}/direct_costs/line_items}). */
    List<ObjectNode> projectLines(long projectId) {
        return store.where(PcKind.DIRECT_COST_LINE, l -> lineInProject(l, projectId));
    }

    /** Whether a line belongs to a direct cost of the project. */
    boolean lineInProject(ObjectNode line, long projectId) {
        return store.get(PcKind.DIRECT_COST, line.path("_direct_cost_id").asLong())
            .map(d -> d.path("_project_id").asLong() == projectId).orElse(false);
    }

    /**
     * A line created by the line-item sync (§3.11): {@code direct_cost_id} names the parent, and the budget code is
     * {@code wbs_code_id} or {@code cost_code_id} + {@code line_item_type_id}.
     */
    ObjectNode syncCreateLine(long companyId, long projectId, JsonNode in, Actor actor) {
        synchronized (store) {
            Long parent = Docs.longOrNull(in, "direct_cost_id");
            if (parent == null) {
                throw ProcoreValidationException.unprocessable("direct_cost_id", "can't be blank");
            }
            ObjectNode d = directCost(companyId, projectId, parent);
            billing.checkLock(d);
            ObjectNode line = addLineUnlocked(d, projectId, in);
            total(d);
            d.put("updated_at", store.now());
            store.emit("Direct Cost Line Items", "create", line.path("id").asLong(), companyId, projectId, actor);
            return line;
        }
    }

    /** A line changed by the line-item sync: only the fields given change; the amount is then manual. */
    ObjectNode syncUpdateLine(long companyId, long projectId, long lineId, JsonNode in, Actor actor) {
        synchronized (store) {
            ObjectNode line = store.get(PcKind.DIRECT_COST_LINE, lineId).filter(l -> lineInProject(l, projectId))
                .orElseThrow(() -> ProcoreValidationException.unprocessable("id", "Entity with this ID not found"));
            return changeLine(companyId, projectId, line, in, actor);
        }
    }

    /** {@code PATCH …/direct_costs/{d}/line_items/{id}}: a line of that direct cost, only the fields given change. */
    ObjectNode updateLine(long companyId, long projectId, long directCostId, long lineId, JsonNode in, Actor actor) {
        synchronized (store) {
            directCost(companyId, projectId, directCostId);
            ObjectNode line = store.get(PcKind.DIRECT_COST_LINE, lineId)
                .filter(l -> l.path("_direct_cost_id").asLong() == directCostId)
                .orElseThrow(ProcoreValidationException::notFound);
            return changeLine(companyId, projectId, line, in, actor);
        }
    }

    /** {@code DELETE …/direct_costs/{d}/line_items/{id}}: the line goes, the direct cost's totals follow. */
    void deleteLine(long companyId, long projectId, long directCostId, long lineId, Actor actor) {
        synchronized (store) {
            ObjectNode d = directCost(companyId, projectId, directCostId);
            billing.checkLock(d);
            store.get(PcKind.DIRECT_COST_LINE, lineId).filter(l -> l.path("_direct_cost_id").asLong() == directCostId)
                .orElseThrow(ProcoreValidationException::notFound);
            store.remove(PcKind.DIRECT_COST_LINE, lineId);
            total(d);
            d.put("updated_at", store.now());
            store.emit("Direct Cost Line Items", "delete", lineId, companyId, projectId, actor);
            store.emit("Direct Costs", "update", directCostId, companyId, projectId, actor);
        }
    }

    private ObjectNode changeLine(long companyId, long projectId, ObjectNode line, JsonNode in, Actor actor) {
        ObjectNode d = directCost(companyId, projectId, line.path("_direct_cost_id").asLong());
        billing.checkLock(d);
        BigDecimal amount = PcMoney.dec(in.get("manual_amount"));
        if (amount == null) {
            amount = PcMoney.dec(in.get("amount"));
        }
        BigDecimal qty = PcMoney.dec(in.get("quantity"));
        BigDecimal unit = PcMoney.dec(in.get("unit_cost"));
        if (amount == null && qty != null && unit != null) {
            amount = qty.multiply(unit);
            line.put("extended_type", "calculated");
        } else if (amount != null) {
            line.put("extended_type", "manual");
        }
        if (amount != null) {
            line.put("amount", PcMoney.str(amount));
            line.put("total_amount", PcMoney.str(amount));
            line.put("extended_amount", PcMoney.str(amount));
        }
        if (qty != null) {
            line.put("quantity", qty.toPlainString());
        }
        if (unit != null) {
            line.put("unit_cost", unit.toPlainString());
        }
        for (String f : List.of("description", "uom", "ref", "origin_id", "origin_data")) {
            if (in.has(f)) {
                line.set(f, in.get(f));
            }
        }
        if (in.hasNonNull("wbs_code_id") || (in.hasNonNull("cost_code_id") && in.hasNonNull("line_item_type_id"))) {
            commitments.attachCostRefs(line, projectId, in);
        }
        line.put("updated_at", store.now());
        total(d);
        d.put("updated_at", store.now());
        store.emit("Direct Cost Line Items", "update", line.path("id").asLong(), companyId, projectId, actor);
        return line;
    }

    List<ObjectNode> lines(long directCostId) {
        return store.where(PcKind.DIRECT_COST_LINE, l -> l.path("_direct_cost_id").asLong() == directCostId);
    }

    private void total(ObjectNode d) {
        List<ObjectNode> lines = lines(d.path("id").asLong());
        BigDecimal total = lines.stream().map(l -> PcMoney.decOrZero(l.get("amount")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        d.put("grand_total", PcMoney.str(total));
        d.put("amount", PcMoney.str(total));
        d.put("line_items_count", lines.size());
    }

    ObjectNode directCost(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.get(PcKind.DIRECT_COST, id).filter(d -> d.path("_project_id").asLong() == projectId)
            .orElseThrow(ProcoreValidationException::notFound);
    }

    ObjectNode update(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode d = directCost(companyId, projectId, id);
            billing.checkLock(d);
            if (input.has("status") && !STATUSES.contains(input.path("status").asText())) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            if (input.has("origin_id")) {
                store.requireOriginFree(PcKind.DIRECT_COST, companyId, Docs.text(input, "origin_id"), id);
            }
            if (input.has("vendor_id")) {
                Long vendorId = Docs.longOrNull(input, "vendor_id");
                setVendor(d, vendorId == null ? null : store.get(PcKind.VENDOR, vendorId)
                    .filter(v -> v.path("_company_id").asLong() == companyId)
                    .orElseThrow(() -> ProcoreValidationException.unprocessable("vendor", "must exist")));
            }
            Docs.merge(d, input, READ_ONLY);
            d.remove("line_items");
            d.put("direct_cost_type", d.path("direct_cost_type").asText());
            d.put("updated_at", store.now());
            store.emit("Direct Costs", "update", id, companyId, projectId, actor);
            return d;
        }
    }

    void delete(long companyId, long projectId, long id, Actor actor) {
        synchronized (store) {
            ObjectNode d = directCost(companyId, projectId, id);
            billing.checkLock(d);
            lines(id).forEach(l -> store.remove(PcKind.DIRECT_COST_LINE, l.path("id").asLong()));
            store.remove(PcKind.DIRECT_COST, id);
            store.emit("Direct Costs", "delete", id, companyId, projectId, actor);
        }
    }

    ObjectNode render(ObjectNode d, boolean withLines) {
        synchronized (store) {
            ObjectNode out = store.render(d);
            if (withLines) {
                ArrayNode arr = out.putArray("line_items");
                lines(d.path("id").asLong()).forEach(l -> arr.add(store.render(l)));
            }
            return out;
        }
    }

    /**
     * A row of the direct cost list (RestV10|V11ProjectsProjectIdDirectCostsGet): {@code vendor} is the vendor's
     * name as a string there, where the show and the sync send an object.
     */
    ObjectNode renderListRow(ObjectNode d) {
        synchronized (store) {
            ObjectNode out = store.render(d);
            out.set("vendor", d.hasNonNull("vendor_name") ? d.get("vendor_name") : store.json().nullNode());
            return out;
        }
    }
}
