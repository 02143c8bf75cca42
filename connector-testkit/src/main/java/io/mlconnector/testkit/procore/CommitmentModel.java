package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/** Commitments (PO and WO contracts) with their SOV lines, change order packages and the CCO view of them. */
final class CommitmentModel {

    static final Set<String> CO_STATUSES = Set.of("draft", "not_pricing", "pricing", "pending", "revised",
        "proceeding", "not_proceeding", "no_charge", "approved", "rejected", "void");

    private final ProcoreStore store;
    private final DirectoryModel directory;

    CommitmentModel(ProcoreStore store, DirectoryModel directory) {
        this.store = store;
        this.directory = directory;
    }

    private ObjectNode obj() {
        return store.json().object();
    }

    ObjectNode createCommitment(long companyId, long projectId, CommitmentType type, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode project = directory.project(companyId, projectId);
            Long vendorId = Docs.longOrNull(input, "vendor_id");
            ObjectNode vendor = null;
            if (vendorId != null) {
                vendor = store.get(PcKind.VENDOR, vendorId).filter(v -> v.path("_company_id").asLong() == companyId)
                    .orElseThrow(() -> ProcoreValidationException.unprocessable("vendor_id", "is invalid"));
            }
            String status = input.path("status").asText("Draft");
            if (!type.statuses().contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            store.requireOriginFree(PcKind.COMMITMENT, companyId, Docs.text(input, "origin_id"), 0);
            ObjectNode k = obj();
            long id = store.nextId();
            long count = store.where(PcKind.COMMITMENT, c -> c.path("_project_id").asLong() == projectId
                && c.path("_type").asText().equals(type.holderType())).size();
            k.put("id", id);
            k.put("number", String.format("%03d", count + 1));
            k.putNull("title");
            k.put("status", status);
            k.put("executed", false);
            k.put("accounting_method", "amount");
            k.put("retainage_percent", "0.0");
            k.put("description", "");
            for (String f : List.of("contract_date", "delivery_date", "issued_on_date", "signed_contract_received_date",
                "payment_terms", "ship_via", "bill_to_address", "ship_to_address", "origin_id", "origin_code",
                "origin_data", "assignee", "billing_schedule_of_values_status")) {
                k.putNull(f);
            }
            k.put("private", true);
            k.put("show_line_items_to_non_admins", false);
            k.put("requisitions_are_enabled", true);
            Docs.merge(k, input, Set.of("vendor", "project", "grand_total", "line_items", "created_at", "updated_at",
                "vendor_id"));
            k.put("retainage_percent", PcMoney.decOrZero(k.get("retainage_percent")).stripTrailingZeros()
                .toPlainString());
            if (vendor == null) {
                k.putNull("vendor");
            } else {
                k.putObject("vendor").put("id", vendor.path("id").asLong()).put("company", vendor.path("name")
                    .asText());
            }
            k.putObject("project").put("id", projectId).put("name", project.path("name").asText());
            k.putObject("currency_configuration").put("currency_iso_code", "USD");
            k.put("created_at", store.now());
            k.put("updated_at", store.now());
            k.putNull("deleted_at");
            k.put("_type", type.holderType());
            k.put("_company_id", companyId);
            k.put("_project_id", projectId);
            store.put(PcKind.COMMITMENT, k);
            store.emit(type.resourceName(), "create", id, companyId, projectId, actor);
            return k;
        }
    }

    ObjectNode updateCommitment(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode k = commitment(companyId, projectId, id);
            CommitmentType type = CommitmentType.ofHolder(k.path("_type").asText());
            if (input.has("status") && !type.statuses().contains(input.path("status").asText())) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            Docs.merge(k, input, Set.of("vendor", "project", "grand_total", "line_items", "created_at", "updated_at",
                "vendor_id"));
            k.put("updated_at", store.now());
            store.emit(type.resourceName(), "update", id, companyId, projectId, actor);
            return k;
        }
    }

    ObjectNode commitment(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.requireIn(PcKind.COMMITMENT, id, "_project_id", projectId);
    }

    ObjectNode addLine(long companyId, long projectId, long commitmentId, JsonNode input) {
        synchronized (store) {
            ObjectNode k = commitment(companyId, projectId, commitmentId);
            ObjectNode line = obj();
            long id = store.nextId();
            line.put("id", id);
            line.put("position", lines(commitmentId).size() + 1);
            line.put("description", input.path("description").asText(""));
            BigDecimal amount = PcMoney.dec(input.get("amount"));
            if (amount == null) {
                BigDecimal qty = PcMoney.decOrZero(input.get("quantity"));
                BigDecimal unit = PcMoney.decOrZero(input.get("unit_cost"));
                amount = qty.multiply(unit);
            }
            line.put("amount", PcMoney.str(amount));
            line.put("quantity", PcMoney.decOrZero(input.get("quantity")).toPlainString());
            line.put("unit_cost", PcMoney.decOrZero(input.get("unit_cost")).toPlainString());
            line.set("uom", input.has("uom") ? input.get("uom") : store.json().nullNode());
            line.put("extended_type", input.path("extended_type").asText("manual"));
            line.put("total_amount", PcMoney.str(amount));
            line.put("extended_amount", PcMoney.str(amount));
            line.putNull("tax_code_id");
            attachCostRefs(line, projectId, input);
            line.putObject("holder").put("id", commitmentId).put("holder_type", k.path("_type").asText());
            line.set("origin_id", input.has("origin_id") ? input.get("origin_id") : store.json().nullNode());
            line.set("origin_data", input.has("origin_data") ? input.get("origin_data") : store.json().nullNode());
            line.put("created_at", store.now());
            line.put("updated_at", store.now());
            line.put("_commitment_id", commitmentId);
            line.put("_project_id", projectId);
            store.put(PcKind.COMMITMENT_LINE, line);
            k.put("updated_at", store.now());
            return line;
        }
    }

    /** Fills cost_code / line_item_type / wbs_code from {@code wbs_code_id} or {@code cost_code_id + line_item_type_id}. */
    void attachCostRefs(ObjectNode line, long projectId, JsonNode input) {
        Long wbsId = Docs.longOrNull(input, "wbs_code_id");
        Long ccId = Docs.longOrNull(input, "cost_code_id");
        Long litId = Docs.longOrNull(input, "line_item_type_id");
        ObjectNode wbs;
        if (wbsId != null) {
            wbs = store.get(PcKind.WBS_CODE, wbsId).filter(w -> w.path("_project_id").asLong() == projectId)
                .orElseThrow(() -> ProcoreValidationException.unprocessable("wbs_code_id", "is invalid"));
        } else if (ccId != null && litId != null) {
            try {
                wbs = directory.wbsCode(projectId, ccId, litId);
            } catch (ProcoreValidationException e) {
                throw ProcoreValidationException.unprocessable("cost_code_id", "is not in this project");
            }
        } else {
            throw ProcoreValidationException.unprocessable("wbs_code_id",
                "can't be blank (or give cost_code_id and line_item_type_id)");
        }
        ObjectNode cc = store.require(PcKind.COST_CODE, wbs.path("_cost_code_id").asLong());
        ObjectNode lit = store.require(PcKind.LINE_ITEM_TYPE, wbs.path("_line_item_type_id").asLong());
        line.set("cost_code", directory.costCodeRef(cc));
        line.set("line_item_type", directory.lineItemTypeRef(lit));
        ObjectNode w = line.putObject("wbs_code");
        w.put("id", wbs.path("id").asLong());
        w.put("flat_code", wbs.path("flat_code").asText());
        w.put("description", wbs.path("description").asText());
        line.put("_cost_code_id", cc.path("id").asLong());
        line.put("_line_item_type_id", lit.path("id").asLong());
    }

    List<ObjectNode> lines(long commitmentId) {
        return store.where(PcKind.COMMITMENT_LINE, l -> l.path("_commitment_id").asLong() == commitmentId);
    }

    private List<ObjectNode> packages(long contractId) {
        return store.where(PcKind.CHANGE_ORDER_PACKAGE, p -> p.path("contract_id").asLong() == contractId);
    }

    /** Contract sums from lines, change orders, payments and requisitions. */
    void computeTotals(ObjectNode k) {
        long id = k.path("id").asLong();
        BigDecimal grand = lines(id).stream().map(l -> PcMoney.decOrZero(l.get("amount")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        BigDecimal draft = BigDecimal.ZERO;
        for (ObjectNode p : packages(id)) {
            BigDecimal t = PcMoney.decOrZero(p.get("grand_total"));
            String s = p.path("status").asText();
            if (s.equals("approved")) {
                approved = approved.add(t);
            } else if (s.equals("draft")) {
                draft = draft.add(t);
            } else if (!Set.of("rejected", "void", "not_proceeding", "no_charge").contains(s)) {
                pending = pending.add(t);
            }
        }
        BigDecimal payments = store.where(PcKind.CONTRACT_PAYMENT, p -> p.path("contract_id").asLong() == id).stream()
            .map(p -> PcMoney.decOrZero(p.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal requisitions = store.where(PcKind.REQUISITION, r -> r.path("commitment_id").asLong() == id).stream()
            .map(r -> PcMoney.decOrZero(r.get("total_claimed_amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal revised = grand.add(approved);
        k.put("grand_total", PcMoney.str(grand));
        k.put("approved_change_orders", PcMoney.str(approved));
        k.put("pending_change_orders", PcMoney.str(pending));
        k.put("draft_change_orders_amount", PcMoney.str(draft));
        k.put("revised_contract", PcMoney.str(revised));
        k.put("pending_revised_contract", PcMoney.str(revised.add(pending)));
        k.put("total_payments", PcMoney.str(payments));
        k.put("percentage_paid", revised.signum() == 0 ? "0.00"
            : PcMoney.str(payments.multiply(BigDecimal.valueOf(100)).divide(revised, 2, RoundingMode.HALF_UP)));
        k.put("remaining_balance_outstanding", PcMoney.str(revised.subtract(payments)));
        k.put("total_requisitions_amount", PcMoney.str(requisitions));
        k.put("total_draw_requests_amount", "0.00");
    }

    /** The list (compact) view. */
    ObjectNode renderCompact(ObjectNode k) {
        synchronized (store) {
            computeTotals(k);
            return store.render(k);
        }
    }

    /** The show view with line items, change order packages and payments issued. */
    ObjectNode renderDetail(ObjectNode k) {
        synchronized (store) {
            computeTotals(k);
            ObjectNode out = store.render(k);
            long id = k.path("id").asLong();
            ArrayNode lines = out.putArray("line_items");
            lines(id).forEach(l -> lines.add(store.render(l)));
            ArrayNode cos = out.putArray("change_order_packages");
            packages(id).forEach(p -> cos.add(obj().put("id", p.path("id").asLong()).put("number",
                p.path("number").asText()).put("status", p.path("status").asText())
                .put("grand_total", p.path("grand_total").asText())));
            ArrayNode paid = out.putArray("payments_issued");
            store.where(PcKind.CONTRACT_PAYMENT, p -> p.path("contract_id").asLong() == id)
                .forEach(p -> paid.add(obj().put("id", p.path("id").asLong()).put("amount", p.path("amount")
                    .asText()).put("date", p.path("date").asText())));
            out.putArray("invoice_contacts");
            return out;
        }
    }

    /** The cross-type {@code /rest/v1.0/commitments} view. */
    ObjectNode renderCommitment(ObjectNode k) {
        synchronized (store) {
            return renderCommitmentLocked(k);
        }
    }

    private ObjectNode renderCommitmentLocked(ObjectNode k) {
        ObjectNode out = obj();
        for (String f : List.of("id", "title", "number", "status", "description", "executed", "delivery_date",
            "created_at", "private", "vendor", "origin_id")) {
            out.set(f, k.get(f));
        }
        out.put("type", k.path("_type").asText());
        return out;
    }

    // ---- change order packages --------------------------------------------------------------------------------

    ObjectNode createPackage(long companyId, long projectId, long contractId, JsonNode input,
                             List<JsonNode> lineInputs, Actor actor) {
        synchronized (store) {
            ObjectNode k = store.get(PcKind.COMMITMENT, contractId).filter(c -> c.path("_project_id").asLong()
                == projectId).orElse(null);
            ObjectNode prime = k != null ? null : store.get(PcKind.PRIME_CONTRACT, contractId)
                .filter(c -> c.path("_project_id").asLong() == projectId).orElse(null);
            directory.project(companyId, projectId);
            if (k == null && prime == null) {
                throw ProcoreValidationException.unprocessable("contract_id", "is invalid");
            }
            String status = input.path("status").asText("draft");
            if (!CO_STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            ObjectNode p = obj();
            long id = store.nextId();
            p.put("id", id);
            p.put("contract_id", contractId);
            p.put("number", String.format("%03d", packages(contractId).size() + 1));
            p.put("revision", 0);
            p.putNull("title");
            p.putNull("description");
            p.put("status", status);
            p.put("executed", false);
            p.put("grand_total", "0.00");
            for (String f : List.of("due_date", "invoiced_date", "paid_date", "reviewed_at",
                "signed_change_order_received_date", "designated_reviewer", "origin_id", "origin_code",
                "origin_data")) {
                p.putNull(f);
            }
            p.put("created_by_id", actor.userId());
            Docs.merge(p, input, Set.of("contract_id", "number", "created_at", "updated_at", "line_items"));
            p.put("grand_total", PcMoney.str(PcMoney.decOrZero(p.get("grand_total"))));
            p.putObject("currency_configuration").put("currency_iso_code", "USD");
            p.put("created_at", store.now());
            p.put("updated_at", store.now());
            p.putNull("deleted_at");
            p.put("_company_id", companyId);
            p.put("_project_id", projectId);
            p.put("_cco_id", store.nextId());
            p.put("_contract_type", k != null ? k.path("_type").asText() : "PrimeContract");
            store.put(PcKind.CHANGE_ORDER_PACKAGE, p);
            if (lineInputs != null && !lineInputs.isEmpty()) {
                BigDecimal total = BigDecimal.ZERO;
                for (JsonNode in : lineInputs) {
                    ObjectNode line = obj();
                    line.put("id", store.nextId());
                    line.put("description", in.path("description").asText(""));
                    BigDecimal amount = PcMoney.decOrZero(in.get("amount"));
                    line.put("amount", PcMoney.str(amount));
                    attachCostRefs(line, projectId, in);
                    line.put("_package_id", id);
                    store.put(PcKind.CHANGE_ORDER_LINE, line);
                    total = total.add(amount);
                }
                p.put("grand_total", PcMoney.str(total));
            }
            if (status.equals("approved")) {
                p.put("reviewed_at", store.now());
                p.put("executed", true);
            }
            store.emit("Change Order Packages", "create", id, companyId, projectId, actor);
            return p;
        }
    }

    ObjectNode updatePackage(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode p = changeOrderPackage(companyId, projectId, id);
            if (input.has("status") && !CO_STATUSES.contains(input.path("status").asText())) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            String before = p.path("status").asText();
            Docs.merge(p, input, Set.of("contract_id", "number", "created_at", "updated_at", "line_items"));
            if (input.has("grand_total")) {
                p.put("grand_total", PcMoney.str(PcMoney.decOrZero(p.get("grand_total"))));
            }
            if (!before.equals("approved") && p.path("status").asText().equals("approved")) {
                p.put("reviewed_at", store.now());
                p.put("executed", true);
            }
            p.put("updated_at", store.now());
            store.emit("Change Order Packages", "update", id, companyId, projectId, actor);
            return p;
        }
    }

    ObjectNode changeOrderPackage(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.requireIn(PcKind.CHANGE_ORDER_PACKAGE, id, "_project_id", projectId);
    }

    List<ObjectNode> packageLines(long packageId) {
        return store.where(PcKind.CHANGE_ORDER_LINE, l -> l.path("_package_id").asLong() == packageId);
    }

    ObjectNode renderPackage(ObjectNode p, boolean withLines) {
        synchronized (store) {
            return renderPackageLocked(p, withLines);
        }
    }

    private ObjectNode renderPackageLocked(ObjectNode p, boolean withLines) {
        ObjectNode out = store.render(p);
        if (withLines) {
            ArrayNode lines = out.putArray("line_items");
            packageLines(p.path("id").asLong()).forEach(l -> lines.add(store.render(l)));
        }
        return out;
    }

    /**
     * One line of a commitment change order as REST v2 renders it: ids as strings, the budget code as
     * {@code wbs_code}, {@code commitment_line_item_id} = the commitment's SOV line with the same cost code and cost
     * type (null when there is none).
     */
    ObjectNode renderCcoLineV2(ObjectNode pkg, ObjectNode line) {
        synchronized (store) {
            ObjectNode out = obj();
            out.put("id", line.path("id").asText());
            long contractId = pkg.path("contract_id").asLong();
            String sov = lines(contractId).stream()
                .filter(s -> s.path("_cost_code_id").asLong() == line.path("_cost_code_id").asLong()
                    && s.path("_line_item_type_id").asLong() == line.path("_line_item_type_id").asLong())
                .map(s -> s.path("id").asText()).findFirst().orElse(null);
            if (sov == null) {
                out.putNull("commitment_line_item_id");
            } else {
                out.put("commitment_line_item_id", sov);
            }
            out.put("description", line.path("description").asText(""));
            out.set("amount", line.get("amount"));
            out.putNull("quantity");
            out.putNull("unit_cost");
            out.putNull("uom");
            JsonNode wbs = line.path("wbs_code");
            ObjectNode w = out.putObject("wbs_code");
            w.put("id", wbs.path("id").asText());
            w.put("flat_code", wbs.path("flat_code").asText());
            w.put("description", wbs.path("description").asText());
            out.putNull("tax_code_id");
            out.set("created_at", pkg.get("created_at"));
            out.set("updated_at", pkg.get("updated_at"));
            return out;
        }
    }

    /**
     * One line of a prime change order as REST v2 renders it
     * ({@code RestV20CompaniesCompanyIdProjectsProjectIdPrimeChangeOrdersPrimeChangeOrderIdLineItemsGet}): ids, money
     * and {@code wbs_code_id} as strings, quantity and position as numbers, the budget code as {@code wbs_code},
     * {@code prime_line_item_id} = the prime contract's SOV line with the same cost code and cost type (null when
     * there is none). The spec lists no cost code or cost type on the line: a reader resolves them from the WBS code.
     */
    ObjectNode renderPrimeChangeOrderLineV2(ObjectNode pkg, ObjectNode line, int position) {
        synchronized (store) {
            ObjectNode out = obj();
            long primeId = pkg.path("contract_id").asLong();
            String primeLine = store.where(PcKind.PRIME_LINE, l -> l.path("_prime_id").asLong() == primeId).stream()
                .filter(s -> s.path("_cost_code_id").asLong() == line.path("_cost_code_id").asLong()
                    && s.path("_line_item_type_id").asLong() == line.path("_line_item_type_id").asLong())
                .map(s -> s.path("id").asText()).findFirst().orElse(null);
            if (primeLine == null) {
                out.putNull("prime_line_item_id");
            } else {
                out.put("prime_line_item_id", primeLine);
            }
            out.put("id", line.path("id").asText());
            out.put("description", line.path("description").asText(""));
            out.putNull("uom");
            out.putNull("quantity");
            out.putNull("unit_cost");
            out.put("amount", line.path("amount").asText());
            out.put("extended_type", "manual");
            JsonNode wbs = line.path("wbs_code");
            out.put("wbs_code_id", wbs.path("id").asText());
            out.putNull("tax_code_id");
            out.put("position", position);
            ObjectNode w = out.putObject("wbs_code");
            w.put("id", wbs.path("id").asText());
            w.put("flat_code", wbs.path("flat_code").asText());
            w.put("description", wbs.path("description").asText());
            return out;
        }
    }

    /** The newer commitment-change-order view of a commitment's package. */
    ObjectNode renderCco(ObjectNode p) {
        synchronized (store) {
            return renderCcoLocked(p);
        }
    }

    private ObjectNode renderCcoLocked(ObjectNode p) {
        ObjectNode out = obj();
        out.put("id", p.path("_cco_id").asLong());
        out.put("legacy_package_id", p.path("id").asLong());
        out.putNull("legacy_request_id");
        out.put("contract_id", p.path("contract_id").asLong());
        out.put("type", "CommitmentChangeOrder");
        for (String f : List.of("number", "revision", "title", "description", "status", "executed", "grand_total",
            "due_date", "invoiced_date", "paid_date", "signed_change_order_received_date", "created_at",
            "updated_at")) {
            out.set(f, p.get(f));
        }
        out.putArray("change_events");
        return out;
    }

    /**
     * The prime change order view of a prime contract's package ({@code /rest/v1.0/projects/{p}/prime_change_orders};
     * the spec leaves its shape open): the commitment change order fields, {@code type}
     * {@code PrimeContractChangeOrder}, and its {@code line_items} with their budget codes.
     */
    ObjectNode renderPrimeChangeOrder(ObjectNode p) {
        synchronized (store) {
            ObjectNode out = renderCcoLocked(p);
            out.put("type", "PrimeContractChangeOrder");
            ArrayNode lines = out.putArray("line_items");
            packageLines(p.path("id").asLong()).forEach(l -> lines.add(store.render(l)));
            return out;
        }
    }
}
