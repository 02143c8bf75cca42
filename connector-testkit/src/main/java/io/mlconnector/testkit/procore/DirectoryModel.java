package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Companies, projects, company vendors, cost types (line item types), cost codes and WBS codes. */
final class DirectoryModel {

    private final ProcoreStore store;

    DirectoryModel(ProcoreStore store) {
        this.store = store;
    }

    private ObjectNode obj() {
        return store.json().object();
    }

    // ---- companies --------------------------------------------------------------------------------------------

    ObjectNode createCompany(String name) {
        synchronized (store) {
            ObjectNode c = obj();
            c.put("id", store.nextId());
            c.put("name", name);
            c.put("is_active", true);
            c.putNull("logo_url");
            c.put("pcn_business_experience", false);
            c.put("my_company", false);
            return store.put(PcKind.COMPANY, c);
        }
    }

    ObjectNode company(long id) {
        return store.require(PcKind.COMPANY, id);
    }

    // ---- projects ---------------------------------------------------------------------------------------------

    ObjectNode createProject(long companyId, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode company = company(companyId);
            Docs.requireText(input, "name");
            String origin = Docs.text(input, "origin_id");
            store.requireOriginFree(PcKind.PROJECT, companyId, origin, 0);
            ObjectNode p = obj();
            long id = store.nextId();
            p.put("id", id);
            p.putNull("name");
            p.putNull("display_name");
            p.putNull("project_number");
            for (String f : List.of("address", "city", "state_code", "country_code", "zip", "county")) {
                p.putNull(f);
            }
            p.put("time_zone", "US/Central");
            p.put("active", true);
            p.put("stage", "Course of Construction");
            p.putNull("origin_id");
            p.putNull("origin_data");
            p.putNull("origin_code");
            p.putNull("accounting_project_number");
            Docs.merge(p, input, Set.of("company", "created_at", "updated_at"));
            p.put("display_name", (p.path("project_number").isNull() ? "" : p.path("project_number").asText()
                + " - ") + p.path("name").asText());
            p.putObject("company").put("id", companyId).put("name", company.path("name").asText());
            p.put("created_at", store.now());
            p.put("updated_at", store.now());
            p.put("_company_id", companyId);
            store.put(PcKind.PROJECT, p);
            store.emit("Projects", "create", id, companyId, id, actor);
            return p;
        }
    }

    ObjectNode updateProject(long companyId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode p = project(companyId, id);
            String origin = Docs.text(input, "origin_id");
            if (input.has("origin_id")) {
                store.requireOriginFree(PcKind.PROJECT, companyId, origin, id);
            }
            Docs.merge(p, input, Set.of("company", "created_at", "updated_at"));
            p.put("updated_at", store.now());
            store.emit("Projects", "update", id, companyId, id, actor);
            return p;
        }
    }

    /** A project of the company; 404 when it does not exist or belongs to another company. */
    ObjectNode project(long companyId, long id) {
        return store.requireIn(PcKind.PROJECT, id, "_company_id", companyId);
    }

    // ---- vendors ----------------------------------------------------------------------------------------------

    ObjectNode createVendor(long companyId, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode company = company(companyId);
            Docs.requireText(input, "name");
            store.requireOriginFree(PcKind.VENDOR, companyId, Docs.text(input, "origin_id"), 0);
            ObjectNode v = obj();
            long id = store.nextId();
            v.put("id", id);
            v.putNull("name");
            v.putNull("abbreviated_name");
            v.putNull("trade_name");
            for (String f : List.of("address", "city", "state_code", "zip", "country_code", "business_phone",
                "mobile_phone", "fax_number", "email_address", "website", "labor_union", "license_number", "notes",
                "logo", "business_id", "business_register", "origin_id", "origin_code", "origin_data",
                "vendor_group", "primary_contact", "parent")) {
                v.putNull(f);
            }
            v.put("is_active", true);
            v.put("is_connected", false);
            v.put("authorized_bidder", false);
            v.put("prequalified", false);
            v.put("union_member", false);
            v.put("non_union_prevailing_wage", false);
            v.put("synced_to_erp", false);
            v.put("children_count", 0);
            v.put("contact_count", 0);
            v.putArray("project_ids");
            v.putArray("trades");
            v.putArray("standard_cost_codes");
            v.putArray("attachments");
            Docs.merge(v, input, Set.of("company", "legal_name", "created_at", "updated_at", "project_ids"));
            v.put("company", v.path("name").asText());
            v.put("legal_name", v.path("name").asText());
            v.put("created_at", store.now());
            v.put("updated_at", store.now());
            v.put("_company_id", companyId);
            v.put("_company_name", company.path("name").asText());
            store.put(PcKind.VENDOR, v);
            store.emit("Company Vendors", "create", id, companyId, null, actor);
            return v;
        }
    }

    ObjectNode updateVendor(long companyId, long id, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode v = vendor(companyId, id);
            if (input.has("origin_id")) {
                store.requireOriginFree(PcKind.VENDOR, companyId, Docs.text(input, "origin_id"), id);
            }
            if (input.has("name") && input.path("name").asText("").isBlank()) {
                throw ProcoreValidationException.unprocessable("name", "can't be blank");
            }
            Docs.merge(v, input, Set.of("company", "legal_name", "created_at", "updated_at", "project_ids"));
            v.put("company", v.path("name").asText());
            v.put("updated_at", store.now());
            store.emit("Company Vendors", "update", id, companyId, null, actor);
            return v;
        }
    }

    ObjectNode vendor(long companyId, long id) {
        return store.requireIn(PcKind.VENDOR, id, "_company_id", companyId);
    }

    // ---- line item types (cost types) -------------------------------------------------------------------------

    ObjectNode createLineItemType(long companyId, JsonNode input, Actor actor) {
        synchronized (store) {
            company(companyId);
            Docs.requireText(input, "name");
            store.requireOriginFree(PcKind.LINE_ITEM_TYPE, companyId, Docs.text(input, "origin_id"), 0);
            ObjectNode t = obj();
            long id = store.nextId();
            t.put("id", id);
            t.put("name", input.path("name").asText());
            String code = Docs.text(input, "csv_import_code");
            if (code == null) {
                code = Docs.text(input, "code");
            }
            t.put("code", code == null ? input.path("name").asText().substring(0, 1).toUpperCase() : code);
            t.put("base_type", input.path("base_type").asText("other"));
            t.set("origin_id", input.path("origin_id").isMissingNode() ? store.json().nullNode()
                : input.get("origin_id"));
            t.set("origin_data", input.path("origin_data").isMissingNode() ? store.json().nullNode()
                : input.get("origin_data"));
            t.put("_company_id", companyId);
            store.put(PcKind.LINE_ITEM_TYPE, t);
            store.emit("Line Item Types", "create", id, companyId, null, actor);
            return t;
        }
    }

    ObjectNode lineItemType(long companyId, long id) {
        return store.requireIn(PcKind.LINE_ITEM_TYPE, id, "_company_id", companyId);
    }

    // ---- cost codes -------------------------------------------------------------------------------------------

    ObjectNode createCostCode(long companyId, long projectId, JsonNode input, Actor actor) {
        synchronized (store) {
            ObjectNode project = project(companyId, projectId);
            Docs.requireText(input, "code");
            Docs.requireText(input, "name");
            store.requireOriginFree(PcKind.COST_CODE, companyId, Docs.text(input, "origin_id"), 0);
            Long parentId = Docs.longOrNull(input, "parent_id");
            ObjectNode parent = null;
            if (parentId != null) {
                parent = store.get(PcKind.COST_CODE, parentId).filter(c -> c.path("_project_id").asLong() == projectId)
                    .orElseThrow(() -> ProcoreValidationException.unprocessable("parent_id", "is invalid"));
            }
            ObjectNode c = obj();
            long id = store.nextId();
            String code = input.path("code").asText();
            String full = parent == null ? code : parent.path("full_code").asText() + "-" + code;
            c.put("id", id);
            c.put("code", code);
            c.put("full_code", full);
            c.put("sortable_code", full);
            c.put("name", input.path("name").asText());
            if (parent == null) {
                c.putNull("parent");
            } else {
                c.putObject("parent").put("id", parent.path("id").asLong());
            }
            c.put("position", input.path("position").asInt(store.where(PcKind.COST_CODE,
                x -> x.path("_project_id").asLong() == projectId).size() + 1));
            c.putNull("standard_cost_code_id");
            c.putNull("standard_cost_code_list_id");
            c.put("biller", project.path("name").asText());
            c.put("biller_id", projectId);
            c.put("biller_type", "Project");
            c.set("biller_origin_id", project.get("origin_id"));
            c.put("budgeted", false);
            c.set("origin_id", input.has("origin_id") ? input.get("origin_id") : store.json().nullNode());
            c.set("origin_data", input.has("origin_data") ? input.get("origin_data") : store.json().nullNode());
            c.put("created_at", store.now());
            c.put("updated_at", store.now());
            c.putNull("deleted_at");
            c.put("_company_id", companyId);
            c.put("_project_id", projectId);
            store.put(PcKind.COST_CODE, c);
            store.emit("Cost Codes", "create", id, companyId, projectId, actor);
            return c;
        }
    }

    /** Renders a cost code with the company's cost types. */
    ObjectNode renderCostCode(ObjectNode c) {
        synchronized (store) {
            return renderCostCodeLocked(c);
        }
    }

    private ObjectNode renderCostCodeLocked(ObjectNode c) {
        ObjectNode out = store.render(c);
        ArrayNode types = out.putArray("line_item_types");
        long companyId = c.path("_company_id").asLong();
        store.where(PcKind.LINE_ITEM_TYPE, t -> t.path("_company_id").asLong() == companyId)
            .forEach(t -> types.add(store.render(t)));
        return out;
    }

    ObjectNode costCode(long projectId, long id) {
        return store.requireIn(PcKind.COST_CODE, id, "_project_id", projectId);
    }

    ObjectNode costCodeRef(ObjectNode c) {
        ObjectNode ref = obj();
        ref.put("id", c.path("id").asLong());
        ref.put("code", c.path("code").asText());
        ref.put("full_code", c.path("full_code").asText());
        ref.put("name", c.path("name").asText());
        return ref;
    }

    ObjectNode lineItemTypeRef(ObjectNode t) {
        ObjectNode ref = obj();
        ref.put("id", t.path("id").asLong());
        ref.put("name", t.path("name").asText());
        ref.put("code", t.path("code").asText());
        ref.put("base_type", t.path("base_type").asText());
        return ref;
    }

    // ---- WBS codes --------------------------------------------------------------------------------------------

    /** The WBS code of (cost code, cost type) in a project, created on first use. */
    ObjectNode wbsCode(long projectId, long costCodeId, long lineItemTypeId) {
        synchronized (store) {
            Optional<ObjectNode> existing = store.where(PcKind.WBS_CODE, w -> w.path("_project_id").asLong() == projectId
                && w.path("_cost_code_id").asLong() == costCodeId
                && w.path("_line_item_type_id").asLong() == lineItemTypeId).stream().findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            ObjectNode cc = costCode(projectId, costCodeId);
            long companyId = cc.path("_company_id").asLong();
            ObjectNode lit = lineItemType(companyId, lineItemTypeId);
            ObjectNode pattern = wbsPattern(companyId);
            ObjectNode w = obj();
            w.put("id", store.nextId());
            w.putNull("flat_code");
            w.putNull("flat_name");
            w.put("description", cc.path("name").asText() + "." + lit.path("name").asText());
            w.put("status", "active");
            w.set("cost_code", costCodeRef(cc));
            w.set("line_item_type", lineItemTypeRef(lit));
            ArrayNode items = w.putArray("segment_items");
            items.add(segmentItem(cc.path("id").asLong(), cc.path("full_code").asText(), cc.path("name").asText(),
                pattern, "_cost_code_segment_id", "Cost Code", "cost_code"));
            items.add(segmentItem(lit.path("id").asLong(), lit.path("code").asText(), lit.path("name").asText(),
                pattern, "_cost_type_segment_id", "Cost Type", "line_item_type"));
            w.put("wbs_pattern_id", pattern.path("id").asLong());
            w.put("created_at", store.now());
            w.put("updated_at", store.now());
            w.put("_project_id", projectId);
            w.put("_company_id", companyId);
            w.put("_cost_code_id", costCodeId);
            w.put("_line_item_type_id", lineItemTypeId);
            flatten(w, pattern.path("_delimiter").asText());
            return store.put(PcKind.WBS_CODE, w);
        }
    }

    private ObjectNode segmentItem(long id, String code, String name, ObjectNode pattern, String segmentIdField,
                                   String segmentName, String segmentType) {
        ObjectNode item = obj();
        item.put("id", id);
        item.put("code", code);
        item.put("name", name);
        ObjectNode segment = item.putObject("segment");
        segment.put("id", pattern.path(segmentIdField).asLong());
        segment.put("name", segmentName);
        segment.put("type", segmentType);
        item.put("status", "active");
        return item;
    }

    /** Sets {@code flat_code}/{@code flat_name}: the segment items' codes (names) joined by the pattern's delimiter. */
    private static void flatten(ObjectNode wbs, String delimiter) {
        StringBuilder code = new StringBuilder();
        StringBuilder name = new StringBuilder();
        for (JsonNode item : wbs.path("segment_items")) {
            if (code.length() > 0) {
                code.append(delimiter);
                name.append(delimiter);
            }
            code.append(item.path("code").asText());
            name.append(item.path("name").asText());
        }
        wbs.put("flat_code", code.toString());
        wbs.put("flat_name", name.toString());
    }

    // ---- WBS pattern and segments -----------------------------------------------------------------------------

    /**
     * The company's WBS pattern, created on first use: a cost code segment then a cost type segment, joined by
     * Procore's default delimiter {@code .}.
     */
    ObjectNode wbsPattern(long companyId) {
        synchronized (store) {
            Optional<ObjectNode> existing = store.where(PcKind.WBS_PATTERN,
                p -> p.path("_company_id").asLong() == companyId).stream().findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            company(companyId);
            ObjectNode p = obj();
            p.put("id", store.nextId());
            p.put("description", "Cost Code" + "." + "Cost Type");
            p.put("created_at", store.now());
            p.put("updated_at", store.now());
            p.put("_company_id", companyId);
            p.put("_delimiter", ".");
            p.put("_cost_code_segment_id", store.nextId());
            p.put("_cost_type_segment_id", store.nextId());
            return store.put(PcKind.WBS_PATTERN, p);
        }
    }

    /** Changes the delimiter of the company's pattern; every WBS code's flat code follows. */
    void wbsDelimiter(long companyId, String delimiter) {
        synchronized (store) {
            ObjectNode p = wbsPattern(companyId);
            p.put("_delimiter", delimiter);
            p.put("description", "Cost Code" + delimiter + "Cost Type");
            p.put("updated_at", store.now());
            store.where(PcKind.WBS_CODE, w -> w.path("_company_id").asLong() == companyId).forEach(w -> {
                flatten(w, delimiter);
                w.put("updated_at", store.now());
            });
        }
    }

    /** The pattern as {@code GET /companies/{c}/work_breakdown_structure/patterns} renders it, with its segments. */
    ObjectNode renderPattern(long companyId) {
        synchronized (store) {
            ObjectNode p = wbsPattern(companyId);
            ObjectNode out = store.render(p);
            ArrayNode segments = out.putArray("segments");
            wbsSegments(companyId).forEach(segments::add);
            return out;
        }
    }

    /** The pattern's segments as {@code GET /companies/{c}/work_breakdown_structure/segments} renders them. */
    List<ObjectNode> wbsSegments(long companyId) {
        synchronized (store) {
            ObjectNode p = wbsPattern(companyId);
            long codes = store.where(PcKind.COST_CODE, c -> c.path("_company_id").asLong() == companyId).size();
            long types = store.where(PcKind.LINE_ITEM_TYPE, t -> t.path("_company_id").asLong() == companyId).size();
            return List.of(segment(p, "_cost_code_segment_id", "cost_code", "Cost Code", 1, codes, "tiered"),
                segment(p, "_cost_type_segment_id", "line_item_type", "Cost Type", 2, types, "flat"));
        }
    }

    private ObjectNode segment(ObjectNode p, String idField, String type, String name, int position, long count,
                               String structure) {
        ObjectNode s = obj();
        s.put("id", p.path(idField).asLong());
        s.put("type", type);
        s.put("name", name);
        s.put("position", position);
        s.put("segment_items_count", count);
        s.put("required", true);
        s.put("delimiter", p.path("_delimiter").asText());
        s.put("project_can_modify_origin_project", false);
        s.put("project_can_delete_origin_company", false);
        s.put("structure", structure);
        s.set("created_at", p.get("created_at"));
        s.set("updated_at", p.get("updated_at"));
        s.put("wbs_pattern_id", p.path("id").asLong());
        return s;
    }

    /** All WBS codes of a project: every leaf cost code × every company cost type. */
    List<ObjectNode> wbsCodes(long companyId, long projectId) {
        synchronized (store) {
            List<ObjectNode> codes = store.where(PcKind.COST_CODE, c -> c.path("_project_id").asLong() == projectId);
            List<ObjectNode> types = store.where(PcKind.LINE_ITEM_TYPE, t -> t.path("_company_id").asLong()
                == companyId);
            for (ObjectNode c : codes) {
                boolean leaf = codes.stream().noneMatch(o -> o.path("parent").path("id").asLong() == c.path("id")
                    .asLong());
                if (leaf) {
                    types.forEach(t -> wbsCode(projectId, c.path("id").asLong(), t.path("id").asLong()));
                }
            }
            return store.where(PcKind.WBS_CODE, w -> w.path("_project_id").asLong() == projectId);
        }
    }
}
