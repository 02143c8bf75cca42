package io.mlconnector.procore.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.procore.model.CostCodeRef;
import io.mlconnector.procore.model.LineItemTypeRef;
import io.mlconnector.procore.model.WbsCode;
import io.mlconnector.procore.model.WbsCodeRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A project's budget codes ({@code GET /rest/v1.0/projects/{p}/work_breakdown_structure/wbs_codes}) read into cost
 * code + cost type, both ways: the WBS code id of a pair (for posting direct cost lines) and the pair of a WBS code id
 * (for reading lines that only carry {@code wbs_code_id}). A code is read from its {@code segment_items} (each names
 * its segment's type), so delimiters inside cost codes do not matter; a code listed without them is read with the
 * company's {@link WbsScheme}. Flat codes of embedded references that are not in the index are read with the scheme
 * too, preferring the project's known cost codes.
 */
final class WbsIndex {
    private final Map<String, Long> idsByKey;
    private final Map<Long, BudgetCode> codesById;
    private final Set<String> costCodes;
    private final Supplier<WbsScheme> scheme;
    /** For a deferred index: where the real one comes from (asked only when a code has to be read). */
    private final Supplier<WbsIndex> source;

    private WbsIndex(Map<String, Long> idsByKey, Map<Long, BudgetCode> codesById, Set<String> costCodes,
                     Supplier<WbsScheme> scheme) {
        this.idsByKey = Map.copyOf(idsByKey);
        this.codesById = Map.copyOf(codesById);
        this.costCodes = Set.copyOf(costCodes);
        this.scheme = scheme;
        this.source = null;
    }

    private WbsIndex(Supplier<WbsIndex> source) {
        this.idsByKey = Map.of();
        this.codesById = Map.of();
        this.costCodes = Set.of();
        this.scheme = null;
        this.source = source;
    }

    /**
     * An index that loads the project's codes only when a code must actually be read (a line with an embedded cost
     * code and line item type needs no budget code lookup, so no call is made for it).
     */
    static WbsIndex deferred(Supplier<WbsIndex> source) {
        return new WbsIndex(source);
    }

    private WbsIndex loaded() {
        return source == null ? this : source.get();
    }

    /** An index with no codes (reads flat codes with the scheme only). */
    static WbsIndex empty(Supplier<WbsScheme> scheme) {
        return new WbsIndex(Map.of(), Map.of(), Set.of(), scheme);
    }

    /** Indexes a project's codes; {@code scheme} is asked only for codes listed without segment items. */
    static WbsIndex of(List<WbsCode> codes, Supplier<WbsScheme> scheme) {
        Map<String, Long> byKey = new HashMap<>();
        Map<Long, BudgetCode> byId = new HashMap<>();
        Set<String> known = new HashSet<>();
        Map<Long, WbsCode> unread = new HashMap<>();
        for (WbsCode w : codes) {
            BudgetCode c = fromSegments(w.segmentItems());
            if (c == null) {
                unread.put(w.id(), w);
                continue;
            }
            add(w.id(), c, byKey, byId, known);
        }
        if (!unread.isEmpty()) {
            WbsScheme s = scheme.get();
            for (WbsCode w : unread.values()) {
                BudgetCode c = s.parse(w.flatCode(), known);
                if (c != null) {
                    add(w.id(), c, byKey, byId, known);
                }
            }
        }
        return new WbsIndex(byKey, byId, known, scheme);
    }

    /** Marks a cost code + cost type that several budget codes share (one per sub job, say). */
    private static final long AMBIGUOUS = -1L;

    private static void add(long id, BudgetCode c, Map<String, Long> byKey, Map<Long, BudgetCode> byId, Set<String> known) {
        byId.put(id, c);
        byKey.merge(key(c.costCode(), c.costType()), id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        known.add(norm(c.costCode()));
    }

    /** The cost code and cost type of a code from its segment items, or null when they do not name a cost code. */
    static BudgetCode fromSegments(List<JsonNode> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        String costCode = null;
        String costType = null;
        for (JsonNode item : items) {
            JsonNode segment = item.get("segment");
            String type = segment != null && segment.hasNonNull("type") ? segment.get("type").asText() : null;
            String code = item.hasNonNull("path_code") ? item.get("path_code").asText()
                    : item.hasNonNull("code") ? item.get("code").asText() : null;
            if ("cost_code".equals(type)) {
                costCode = code;
            } else if ("line_item_type".equals(type)) {
                costType = item.hasNonNull("code") ? item.get("code").asText() : code;
            }
        }
        return costCode == null ? null : new BudgetCode(costCode, costType);
    }

    /** The WBS code id of a cost code + cost type (cost type may be null for a code without one). */
    Optional<Long> idOf(String costCode, String costType) {
        Long id = loaded().idsByKey.get(key(costCode, costType));
        if (id != null && id == AMBIGUOUS) {
            // several budget codes (sub jobs) carry this cost code and cost type: never pick one at random
            throw new UnresolvedReferenceException("cost code " + costCode + (costType == null ? "" : " / cost type "
                    + costType) + " is in several budget codes of the project (one per sub job?); the line cannot be"
                    + " placed on one of them without a choice: give the project one budget code for it, then replay");
        }
        return Optional.ofNullable(id);
    }

    /** The parts of a WBS code id, if the index has it. */
    Optional<BudgetCode> codeOf(Long wbsCodeId) {
        return wbsCodeId == null ? Optional.empty() : Optional.ofNullable(loaded().codesById.get(wbsCodeId));
    }

    /** The parts of an embedded budget code: by its id when indexed, else its flat code read with the scheme. */
    BudgetCode read(WbsCodeRef wbs) {
        if (wbs == null) {
            return null;
        }
        WbsIndex index = loaded();
        return index.codeOf(wbs.id()).orElseGet(() -> index.scheme.get().parse(wbs.flatCode(), index.costCodes));
    }

    /** Cost code from an embedded cost code, else from the budget code. */
    String costCodeOf(CostCodeRef cc, WbsCodeRef wbs) {
        if (cc != null && cc.fullCode() != null) {
            return cc.fullCode();
        }
        BudgetCode c = read(wbs);
        return c == null ? null : c.costCode();
    }

    /** Cost type from an embedded line item type, else from the budget code. */
    String costTypeOf(LineItemTypeRef lit, WbsCodeRef wbs) {
        if (lit != null && lit.code() != null) {
            return lit.code();
        }
        BudgetCode c = read(wbs);
        return c == null ? null : c.costType();
    }

    /** The lookup key of a cost code + cost type pair (case-insensitive). */
    static String key(String costCode, String costType) {
        return norm(costCode) + "|" + norm(costType);
    }

    static String norm(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
