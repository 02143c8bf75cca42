package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Billing periods, requisitions (subcontractor invoices) with contract items, contract payments, prime contracts and
 * payment applications (owner invoices), with the rules of api/procore.md §3.7–3.9.
 */
final class BillingModel {

    static final Set<String> REQUISITION_STATUSES = Set.of("draft", "under_review", "revise_and_resubmit",
        "approved", "approved_as_noted", "pending_owner_approval");
    static final Set<String> PAY_APP_STATUSES = Set.of("draft", "under_review", "revise_and_resubmit", "approved");
    private static final List<String> SUMMARY = List.of("summary", "g702");
    private static final Set<String> REQ_READ_ONLY = Set.of("number", "commitment_id", "commitment_type",
        "contract_name", "vendor_id", "vendor_name", "summary", "g702", "percent_complete", "total_claimed_amount",
        "created_at", "updated_at", "items", "created_by", "attachments", "deletable", "erp_status");

    private final ProcoreStore store;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;
    private final BooleanSupplier lockOriginRecords;

    BillingModel(ProcoreStore store, DirectoryModel directory, CommitmentModel commitments,
                 BooleanSupplier lockOriginRecords) {
        this.store = store;
        this.directory = directory;
        this.commitments = commitments;
        this.lockOriginRecords = lockOriginRecords;
    }

    private ObjectNode obj() {
        return store.json().object();
    }

    void checkLock(ObjectNode doc) {
        if (lockOriginRecords.getAsBoolean() && !doc.path("origin_id").isNull()
            && !doc.path("origin_id").asText("").isEmpty()) {
            throw ProcoreValidationException.unprocessable("base",
                "This record is synced with an ERP system (origin_id is set) and cannot be edited");
        }
    }

    private static LocalDate date(JsonNode n, String field) {
        String t = Docs.text(n, field);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw ProcoreValidationException.unprocessable(field, "is not a valid date");
        }
    }

    // ---- billing periods --------------------------------------------------------------------------------------

    ObjectNode createBillingPeriod(long companyId, long projectId, JsonNode input) {
        synchronized (store) {
            directory.project(companyId, projectId);
            for (String f : List.of("start_date", "end_date", "due_date")) {
                Docs.requireText(input, f);
                date(input, f);
            }
            String status = input.path("status").asText("open");
            if (!Set.of("open", "closed").contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            ObjectNode b = obj();
            b.put("id", store.nextId());
            b.put("position", periods(projectId).size() + 1);
            b.put("project_id", projectId);
            b.put("start_date", input.path("start_date").asText());
            b.put("end_date", input.path("end_date").asText());
            b.put("due_date", input.path("due_date").asText());
            b.put("status", status);
            b.put("created_at", store.now());
            b.put("updated_at", store.now());
            b.put("_company_id", companyId);
            b.put("_project_id", projectId);
            return store.put(PcKind.BILLING_PERIOD, b);
        }
    }

    ObjectNode updateBillingPeriod(long companyId, long projectId, long id, JsonNode input) {
        synchronized (store) {
            directory.project(companyId, projectId);
            ObjectNode b = store.get(PcKind.BILLING_PERIOD, id).filter(p -> p.path("_project_id").asLong()
                == projectId).orElseThrow(ProcoreValidationException::notFound);
            Docs.merge(b, input, Set.of("position", "project_id", "created_at", "updated_at"));
            b.put("updated_at", store.now());
            return b;
        }
    }

    List<ObjectNode> periods(long projectId) {
        return store.where(PcKind.BILLING_PERIOD, b -> b.path("_project_id").asLong() == projectId);
    }

    // ---- requisitions -----------------------------------------------------------------------------------------

    ObjectNode createRequisition(long companyId, long projectId, long commitmentId, JsonNode input,
                                 JsonNode itemsInput, Actor actor) {
        synchronized (store) {
            directory.project(companyId, projectId);
            ObjectNode k = store.get(PcKind.COMMITMENT, commitmentId)
                .filter(c -> c.path("_project_id").asLong() == projectId)
                .orElseThrow(() -> ProcoreValidationException.unprocessable("commitment_id", "must exist"));
            String kStatus = k.path("status").asText();
            if (!(kStatus.equals("Approved") || kStatus.equals("Complete"))
                || !k.path("requisitions_are_enabled").asBoolean()) {
                throw ProcoreValidationException.unprocessable("base",
                    "Subcontractor invoices can only be created for approved commitments with invoicing enabled");
            }
            String status = input.path("status").asText("draft");
            if (!REQUISITION_STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            ObjectNode period = period(projectId, input);
            long periodId = period.path("id").asLong();
            if (!store.where(PcKind.REQUISITION, r -> r.path("commitment_id").asLong() == commitmentId
                && r.path("period_id").asLong() == periodId).isEmpty()) {
                throw ProcoreValidationException.unprocessable("period_id",
                    "already has a subcontractor invoice for this commitment");
            }
            store.requireOriginFree(PcKind.REQUISITION, companyId, Docs.text(input, "origin_id"), 0);
            List<ObjectNode> sov = commitments.lines(commitmentId);
            if (itemsInput != null && itemsInput.isArray()) {
                if (itemsInput.size() > 0 && sov.isEmpty()) {
                    throw ProcoreValidationException.unprocessable("items", "commitment has no line items");
                }
                for (JsonNode it : itemsInput) {
                    String type = it.path("item_type").asText("contract_item");
                    if (!type.equals("contract_item")) {
                        throw ProcoreValidationException.unprocessable("items",
                            "item_type " + type + " is not supported by the sandbox");
                    }
                    long lineId = it.path("line_item_id").asLong(0);
                    if (sov.stream().noneMatch(l -> l.path("id").asLong() == lineId)) {
                        throw ProcoreValidationException.unprocessable("items",
                            "line_item_id " + lineId + " is not a line item of this commitment");
                    }
                }
            }
            ObjectNode r = obj();
            long id = store.nextId();
            List<ObjectNode> existing = store.where(PcKind.REQUISITION,
                x -> x.path("commitment_id").asLong() == commitmentId);
            ObjectNode vendor = (ObjectNode) k.path("vendor");
            r.put("id", id);
            r.put("number", existing.size() + 1);
            r.putNull("invoice_number");
            r.put("commitment_id", commitmentId);
            r.put("commitment_type", k.path("_type").asText());
            r.set("contract_name", k.get("title"));
            r.set("vendor_id", vendor.isMissingNode() || vendor.isNull() ? store.json().nullNode() : vendor.get("id"));
            r.set("vendor_name", vendor.isMissingNode() || vendor.isNull() ? store.json().nullNode()
                : vendor.get("company"));
            r.put("period_id", periodId);
            r.put("requisition_start", period.path("start_date").asText());
            r.put("requisition_end", period.path("end_date").asText());
            r.put("billing_date", LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC).toString());
            r.putNull("payment_date");
            r.putNull("submitted_at");
            r.put("status", status);
            r.put("erp_status", "not_ready");
            r.put("final", false);
            r.put("deletable", true);
            r.set("previous_requisition_id", existing.isEmpty() ? store.json().nullNode()
                : existing.get(existing.size() - 1).get("id"));
            r.putNull("origin_id");
            r.putNull("origin_data");
            Docs.merge(r, input, REQ_READ_ONLY);
            if (!r.path("invoice_number").isNull()) {
                r.put("invoice_number", r.path("invoice_number").asText());
            }
            r.put("period_id", periodId);
            r.putObject("created_by").put("id", actor.userId()).put("name", "Sandbox User")
                .put("login", "user" + actor.userId() + "@sandbox.procore.test").put("company_name", "Sandbox");
            r.putArray("attachments");
            r.put("created_at", store.now());
            r.put("updated_at", store.now());
            r.put("_company_id", companyId);
            r.put("_project_id", projectId);
            store.put(PcKind.REQUISITION, r);
            BigDecimal retainage = PcMoney.decOrZero(k.get("retainage_percent"));
            int position = 1;
            for (ObjectNode line : sov) {
                ObjectNode item = obj();
                item.put("id", store.nextId());
                item.put("item_type", "contract_item");
                item.put("line_item_id", line.path("id").asLong());
                item.put("cost_code_id", line.path("_cost_code_id").asLong());
                item.set("wbs_code", line.get("wbs_code"));
                item.put("description_of_work", line.path("description").asText());
                item.put("scheduled_value", line.path("amount").asText());
                item.put("work_completed_this_period", "0.00");
                item.put("materials_presently_stored", "0.00");
                item.put("work_completed_retainage_percent_this_period", PcMoney.str(retainage));
                item.put("status", "no_action");
                item.putNull("comment");
                item.put("position", position++);
                item.put("_line_id", line.path("id").asLong());
                item.put("_requisition_id", id);
                if (itemsInput != null) {
                    for (JsonNode it : itemsInput) {
                        if (it.path("line_item_id").asLong() == line.path("id").asLong()) {
                            applyItem(item, it);
                        }
                    }
                }
                store.put(PcKind.REQUISITION_ITEM, item);
            }
            recomputeRequisitions(commitmentId);
            return r;
        }
    }

    private void applyItem(ObjectNode item, JsonNode in) {
        for (String f : List.of("work_completed_this_period", "materials_presently_stored",
            "work_completed_retainage_percent_this_period")) {
            if (in.hasNonNull(f)) {
                BigDecimal v = PcMoney.dec(in.get(f));
                if (v == null) {
                    throw ProcoreValidationException.unprocessable(f, "is not a number");
                }
                item.put(f, PcMoney.str(v));
            }
        }
        for (String f : List.of("status", "comment", "work_completed_this_period_quantity")) {
            if (in.has(f)) {
                item.set(f, in.get(f));
            }
        }
    }

    private ObjectNode period(long projectId, JsonNode input) {
        Long periodId = Docs.longOrNull(input, "period_id");
        if (periodId != null) {
            ObjectNode p = store.get(PcKind.BILLING_PERIOD, periodId)
                .filter(b -> b.path("_project_id").asLong() == projectId)
                .orElseThrow(() -> ProcoreValidationException.unprocessable("period_id", "must exist"));
            if (!p.path("status").asText().equals("open")) {
                throw ProcoreValidationException.unprocessable("period_id", "billing period is closed");
            }
            return p;
        }
        LocalDate on = date(input, "billing_date");
        LocalDate day = on == null ? LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC) : on;
        List<ObjectNode> open = periods(projectId).stream().filter(b -> b.path("status").asText().equals("open"))
            .toList();
        Optional<ObjectNode> covering = open.stream().filter(b -> !day.isBefore(LocalDate.parse(b.path("start_date")
            .asText())) && !day.isAfter(LocalDate.parse(b.path("end_date").asText()))).findFirst();
        return covering.or(() -> open.stream().max(Comparator.comparing(b -> b.path("start_date").asText())))
            .orElseThrow(() -> ProcoreValidationException.unprocessable("period_id",
                "no open billing period in this project"));
    }

    void recomputeRequisitions(long commitmentId) {
        ObjectNode k = store.require(PcKind.COMMITMENT, commitmentId);
        commitments.computeTotals(k);
        List<ObjectNode> reqs = store.where(PcKind.REQUISITION, r -> r.path("commitment_id").asLong() == commitmentId)
            .stream().sorted(Comparator.comparingInt(r -> r.path("number").asInt())).toList();
        ProgressMath.recompute(reqs, this::items, PcMoney.decOrZero(k.get("grand_total")),
            PcMoney.decOrZero(k.get("approved_change_orders")), PcMoney.decOrZero(k.get("retainage_percent")),
            SUMMARY);
        for (ObjectNode r : reqs) {
            r.put("total_claimed_amount", r.path("_claimed").asText());
        }
    }

    List<ObjectNode> items(ObjectNode requisition) {
        long id = requisition.path("id").asLong();
        return store.where(PcKind.REQUISITION_ITEM, i -> i.path("_requisition_id").asLong() == id);
    }

    ObjectNode requisition(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.get(PcKind.REQUISITION, id).filter(r -> r.path("_project_id").asLong() == projectId)
            .orElseThrow(ProcoreValidationException::notFound);
    }

    ObjectNode updateRequisition(long companyId, long projectId, long id, JsonNode input) {
        synchronized (store) {
            ObjectNode r = requisition(companyId, projectId, id);
            checkLock(r);
            if (input.has("status") && !REQUISITION_STATUSES.contains(input.path("status").asText())) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            if (input.has("origin_id")) {
                store.requireOriginFree(PcKind.REQUISITION, companyId, Docs.text(input, "origin_id"), id);
            }
            Docs.merge(r, input, REQ_READ_ONLY);
            r.put("updated_at", store.now());
            recomputeRequisitions(r.path("commitment_id").asLong());
            return r;
        }
    }

    /**
     * {@code PATCH /rest/v1.1/requisitions/{id}}: the header fields as v1.0, and {@code items} changed by {@code id}
     * (an id that is not one of the requisition's items is refused); the requisition must be on
     * {@code commitmentId}.
     */
    ObjectNode updateRequisition(long companyId, long projectId, long id, long commitmentId, JsonNode input) {
        synchronized (store) {
            ObjectNode r = requisition(companyId, projectId, id);
            if (r.path("commitment_id").asLong() != commitmentId) {
                throw ProcoreValidationException.unprocessable("commitment_id", "does not match the requisition");
            }
            ObjectNode header = input.isObject() ? ((ObjectNode) input).deepCopy() : obj();
            JsonNode items = header.remove("items");
            updateRequisition(companyId, projectId, id, header);
            if (items != null && items.isArray()) {
                for (JsonNode in : items) {
                    Long itemId = Docs.longOrNull(in, "id");
                    ObjectNode item = itemId == null ? null : store.get(PcKind.REQUISITION_ITEM, itemId)
                        .filter(i -> i.path("_requisition_id").asLong() == id).orElse(null);
                    if (item == null) {
                        throw ProcoreValidationException.unprocessable("items", "Entity with this ID not found");
                    }
                    applyItem(item, in);
                }
                r.put("updated_at", store.now());
                recomputeRequisitions(commitmentId);
            }
            return r;
        }
    }

    ObjectNode updateRequisitionItem(long companyId, long projectId, long requisitionId, long itemId, JsonNode in) {
        synchronized (store) {
            ObjectNode r = requisition(companyId, projectId, requisitionId);
            checkLock(r);
            ObjectNode item = store.get(PcKind.REQUISITION_ITEM, itemId)
                .filter(i -> i.path("_requisition_id").asLong() == requisitionId)
                .orElseThrow(ProcoreValidationException::notFound);
            applyItem(item, in);
            r.put("updated_at", store.now());
            recomputeRequisitions(r.path("commitment_id").asLong());
            return item;
        }
    }

    ObjectNode renderRequisition(ObjectNode r) {
        return store.render(r);
    }

    // ---- contract payments ------------------------------------------------------------------------------------

    ObjectNode createContractPayment(long companyId, long projectId, long contractId, JsonNode input, Actor actor) {
        synchronized (store) {
            directory.project(companyId, projectId);
            boolean commitment = store.get(PcKind.COMMITMENT, contractId)
                .filter(c -> c.path("_project_id").asLong() == projectId).isPresent();
            boolean prime = store.get(PcKind.PRIME_CONTRACT, contractId)
                .filter(c -> c.path("_project_id").asLong() == projectId).isPresent();
            if (!commitment && !prime) {
                throw ProcoreValidationException.unprocessable("contract_id", "must exist");
            }
            BigDecimal amount = PcMoney.dec(input.get("amount"));
            if (amount == null) {
                throw ProcoreValidationException.unprocessable("amount", "can't be blank");
            }
            Long requisitionId = Docs.longOrNull(input, "requisition_id");
            if (requisitionId != null && store.get(PcKind.REQUISITION, requisitionId)
                .filter(r -> r.path("commitment_id").asLong() == contractId).isEmpty()) {
                throw ProcoreValidationException.unprocessable("requisition_id", "must belong to the contract");
            }
            ObjectNode p = obj();
            long id = store.nextId();
            p.put("id", id);
            p.put("project_id", projectId);
            p.put("contract_id", contractId);
            p.put("date", LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC).toString());
            for (String f : List.of("invoice_number", "check_number", "invoice_date", "payment_method",
                "payment_number", "draw_request_number", "notes", "requisition_id", "origin_id", "origin_data",
                "origin_code", "external_payment_id", "date_payment_initiated", "date_payment_settled")) {
                p.putNull(f);
            }
            Docs.merge(p, input, Set.of("project_id", "contract_id", "status", "created_at", "updated_at"));
            p.put("amount", PcMoney.str(amount));
            p.put("status", "accepted");
            p.put("created_at", store.now());
            p.put("updated_at", store.now());
            p.put("_company_id", companyId);
            p.put("_project_id", projectId);
            store.put(PcKind.CONTRACT_PAYMENT, p);
            store.emit("Contract Payments", "create", id, companyId, projectId, actor);
            return p;
        }
    }

    ObjectNode contractPayment(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.get(PcKind.CONTRACT_PAYMENT, id).filter(p -> p.path("_project_id").asLong() == projectId)
            .orElseThrow(ProcoreValidationException::notFound);
    }

    ObjectNode updateContractPayment(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode p = contractPayment(companyId, projectId, id);
            checkLock(p);
            Docs.merge(p, input, Set.of("project_id", "contract_id", "status", "created_at", "updated_at"));
            if (input.has("amount")) {
                p.put("amount", PcMoney.str(PcMoney.decOrZero(input.get("amount"))));
            }
            p.put("updated_at", store.now());
            store.emit("Contract Payments", "update", id, companyId, projectId, actor);
            return p;
        }
    }

    /** Deletes a contract payment (refused while its origin record is locked). */
    void deleteContractPayment(long companyId, long projectId, long id, Actor actor) {
        synchronized (store) {
            ObjectNode p = contractPayment(companyId, projectId, id);
            checkLock(p);
            store.remove(PcKind.CONTRACT_PAYMENT, id);
            store.emit("Contract Payments", "delete", id, companyId, projectId, actor);
        }
    }

    // ---- prime contracts --------------------------------------------------------------------------------------

    ObjectNode createPrimeContract(long companyId, long projectId, JsonNode input, List<JsonNode> lines, Actor actor) {
        synchronized (store) {
            ObjectNode project = directory.project(companyId, projectId);
            store.requireOriginFree(PcKind.PRIME_CONTRACT, companyId, Docs.text(input, "origin_id"), 0);
            ObjectNode c = obj();
            long id = store.nextId();
            c.put("id", id);
            c.put("number", String.format("%03d", store.where(PcKind.PRIME_CONTRACT,
                x -> x.path("_project_id").asLong() == projectId).size() + 1));
            c.putNull("title");
            c.put("status", "Approved");
            c.put("executed", true);
            c.put("retainage_percent", "0");
            c.putNull("vendor");
            c.putNull("origin_id");
            c.putNull("origin_code");
            c.putNull("origin_data");
            Docs.merge(c, input, Set.of("project", "grand_total", "line_items", "created_at", "updated_at"));
            c.putObject("project").put("id", projectId).put("name", project.path("name").asText());
            c.putObject("currency_configuration").put("currency_iso_code", "USD");
            c.put("created_at", store.now());
            c.put("updated_at", store.now());
            c.putNull("deleted_at");
            c.put("_company_id", companyId);
            c.put("_project_id", projectId);
            store.put(PcKind.PRIME_CONTRACT, c);
            int position = 1;
            for (JsonNode in : lines) {
                ObjectNode line = obj();
                line.put("id", store.nextId());
                line.put("position", position++);
                line.put("description", in.path("description").asText(""));
                line.put("amount", PcMoney.str(PcMoney.decOrZero(in.get("amount"))));
                commitments.attachCostRefs(line, projectId, in);
                line.putObject("holder").put("id", id).put("holder_type", "PrimeContract");
                line.put("_prime_id", id);
                store.put(PcKind.PRIME_LINE, line);
            }
            store.emit("Prime Contracts", "create", id, companyId, projectId, actor);
            return c;
        }
    }

    ObjectNode primeContract(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.get(PcKind.PRIME_CONTRACT, id).filter(p -> p.path("_project_id").asLong() == projectId)
            .orElseThrow(ProcoreValidationException::notFound);
    }

    ObjectNode updatePrimeContract(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode c = primeContract(companyId, projectId, id);
            Docs.merge(c, input, Set.of("project", "grand_total", "line_items", "created_at", "updated_at"));
            c.put("updated_at", store.now());
            store.emit("Prime Contracts", "update", id, companyId, projectId, actor);
            return c;
        }
    }

    private List<ObjectNode> primeLines(long primeId) {
        return store.where(PcKind.PRIME_LINE, l -> l.path("_prime_id").asLong() == primeId);
    }

    ObjectNode renderPrimeContract(ObjectNode c) {
        synchronized (store) {
            ObjectNode out = store.render(c);
            long id = c.path("id").asLong();
            BigDecimal total = primeLines(id).stream().map(l -> PcMoney.decOrZero(l.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            out.put("grand_total", PcMoney.str(total));
            ArrayNode lines = out.putArray("line_items");
            primeLines(id).forEach(l -> lines.add(store.render(l)));
            return out;
        }
    }

    // ---- payment applications ---------------------------------------------------------------------------------

    ObjectNode createPaymentApplication(long companyId, long projectId, long primeId, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode prime = primeContract(companyId, projectId, primeId);
            String status = input.path("status").asText("draft");
            if (!PAY_APP_STATUSES.contains(status)) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            store.requireOriginFree(PcKind.PAYMENT_APPLICATION, companyId, Docs.text(input, "origin_id"), 0);
            ObjectNode a = obj();
            long id = store.nextId();
            List<ObjectNode> existing = payApps(primeId);
            a.put("id", id);
            a.put("number", existing.size() + 1);
            a.putNull("invoice_number");
            a.put("billing_date", LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC).toString());
            a.putNull("period_start");
            a.putNull("period_end");
            a.putNull("period_id");
            a.put("status", status);
            a.put("total_amount_paid", "0.00");
            a.put("formatted_contract_company", "");
            a.put("description_type", "payment_application");
            a.putNull("origin_id");
            a.putNull("origin_data");
            Docs.merge(a, input, Set.of("number", "g702", "g703", "contract", "percent_complete", "created_at",
                "updated_at", "total_amount_accrued_this_period", "line_items"));
            if (a.has("commitment_billing_period_id")) {
                a.set("period_id", a.remove("commitment_billing_period_id"));
            }
            if (!a.path("invoice_number").isNull()) {
                a.put("invoice_number", a.path("invoice_number").asText());
            }
            a.putObject("billing_period").set("start_date", a.get("period_start"));
            ((ObjectNode) a.get("billing_period")).set("end_date", a.get("period_end"));
            a.putObject("contract").put("id", primeId).put("type", "PrimeContract").set("title", prime.get("title"));
            ObjectNode cur = a.putObject("currency_configuration");
            cur.put("currency_iso_code", "USD");
            cur.put("currency_exchange_rate", "1.0");
            cur.put("base_currency_iso_code", "USD");
            a.put("created_at", store.now());
            a.put("updated_at", store.now());
            a.put("_company_id", companyId);
            a.put("_project_id", projectId);
            a.put("_prime_id", primeId);
            store.put(PcKind.PAYMENT_APPLICATION, a);
            for (ObjectNode line : primeLines(primeId)) {
                ObjectNode item = obj();
                item.put("id", store.nextId());
                item.put("prime_contract_line_item_id", line.path("id").asLong());
                item.set("cost_code", line.get("cost_code"));
                item.put("description_of_work", line.path("description").asText());
                item.put("scheduled_value", line.path("amount").asText());
                item.put("work_completed_this_period", "0.00");
                item.put("materials_presently_stored", "0.00");
                item.put("_line_id", line.path("id").asLong());
                item.put("_payment_application_id", id);
                store.put(PcKind.PAYMENT_APPLICATION_LINE, item);
            }
            recomputePayApps(primeId);
            store.emit("Payment Applications", "create", id, companyId, projectId, actor);
            return a;
        }
    }

    private List<ObjectNode> payApps(long primeId) {
        return store.where(PcKind.PAYMENT_APPLICATION, a -> a.path("_prime_id").asLong() == primeId);
    }

    List<ObjectNode> payAppLines(ObjectNode app) {
        long id = app.path("id").asLong();
        return store.where(PcKind.PAYMENT_APPLICATION_LINE, l -> l.path("_payment_application_id").asLong() == id);
    }

    void recomputePayApps(long primeId) {
        ObjectNode prime = store.require(PcKind.PRIME_CONTRACT, primeId);
        BigDecimal sum = primeLines(primeId).stream().map(l -> PcMoney.decOrZero(l.get("amount")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approved = store.where(PcKind.CHANGE_ORDER_PACKAGE, p -> p.path("contract_id").asLong() == primeId
            && p.path("status").asText().equals("approved")).stream()
            .map(p -> PcMoney.decOrZero(p.get("grand_total"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ObjectNode> apps = payApps(primeId).stream().sorted(Comparator.comparingInt(a -> a.path("number").asInt()))
            .toList();
        ProgressMath.recompute(apps, this::payAppLines, sum, approved, PcMoney.decOrZero(prime.get(
            "retainage_percent")), List.of("g702"));
        for (ObjectNode a : apps) {
            a.put("total_amount_accrued_this_period", a.path("_claimed").asText());
        }
    }

    ObjectNode paymentApplication(long companyId, long projectId, long id) {
        directory.project(companyId, projectId);
        return store.get(PcKind.PAYMENT_APPLICATION, id).filter(a -> a.path("_project_id").asLong() == projectId)
            .orElseThrow(ProcoreValidationException::notFound);
    }

    ObjectNode updatePaymentApplication(long companyId, long projectId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode a = paymentApplication(companyId, projectId, id);
            checkLock(a);
            if (input.has("status") && !PAY_APP_STATUSES.contains(input.path("status").asText())) {
                throw ProcoreValidationException.unprocessable("status", "is not included in the list");
            }
            Docs.merge(a, input, Set.of("number", "g702", "g703", "contract", "percent_complete", "created_at",
                "updated_at", "total_amount_accrued_this_period", "line_items"));
            a.put("updated_at", store.now());
            recomputePayApps(a.path("_prime_id").asLong());
            store.emit("Payment Applications", "update", id, companyId, projectId, actor);
            return a;
        }
    }

    ObjectNode updatePayAppLine(long companyId, long projectId, long primeId, long lineId, JsonNode input,
                                Actor actor) {
        synchronized (store) {
            primeContract(companyId, projectId, primeId);
            ObjectNode line = store.get(PcKind.PAYMENT_APPLICATION_LINE, lineId)
                .orElseThrow(ProcoreValidationException::notFound);
            ObjectNode app = store.require(PcKind.PAYMENT_APPLICATION, line.path("_payment_application_id").asLong());
            if (app.path("_prime_id").asLong() != primeId) {
                throw ProcoreValidationException.notFound();
            }
            checkLock(app);
            applyItem(line, input);
            app.put("updated_at", store.now());
            recomputePayApps(primeId);
            store.emit("Payment Applications", "update", app.path("id").asLong(), companyId, projectId, actor);
            return line;
        }
    }

    ObjectNode renderPaymentApplication(ObjectNode a) {
        synchronized (store) {
            ObjectNode out = store.render(a);
            ArrayNode g703 = out.putArray("g703");
            payAppLines(a).forEach(l -> g703.add(store.render(l)));
            return out;
        }
    }
}
