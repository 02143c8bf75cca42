package io.mlconnector.testkit.freshbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Params;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Accounting list semantics (api/freshbooks.md §3): {@code search[...]} filters (equals, In lists, {@code _min/_max},
 * {@code _like}, {@code vis_state}, day-granular {@code updated_min/max} on the Eastern {@code updated} date) and
 * {@code sort=<field>_asc|_desc}. Unknown filters are ignored, as FreshBooks does.
 */
final class AccountingQuery {

    /**
     * The expense filters FreshBooks documents (api/freshbooks.md §2.5, DOCS expenses): only these narrow an expense
     * listing, exactly (an expense without the field does not match; {@code _min/_max} bounds are inclusive); any
     * other {@code search[...]} on expenses is ignored.
     */
    static final java.util.Set<String> EXPENSE_FILTERS = java.util.Set.of("expenseid", "expenseids[]", "clientid",
            "clientids[]", "clientid_not", "staffid", "staffids[]", "profileid", "profileids[]", "categoryid",
            "categoryids[]", "projectid", "projectids[]", "has_receipt", "amount_min", "amount_max", "date_min",
            "date_max", "updated_min", "updated_max");

    private AccountingQuery() {
    }

    static List<ObjectNode> apply(FbResource r, List<ObjectNode> items, Params query) {
        Map<String, List<String>> search = new LinkedHashMap<>();
        for (Params.Entry e : query.entries()) {
            if (e.name().startsWith("search[") && e.name().indexOf(']') > 7) {
                String key = e.name().substring(7, e.name().indexOf(']'));
                boolean list = e.name().endsWith("[]");
                search.computeIfAbsent(list ? key + "[]" : key, k -> new ArrayList<>()).add(e.value());
            }
        }
        Predicate<ObjectNode> filter = n -> true;
        if (r.softDelete()) {
            List<String> vis = search.remove("vis_state");
            if (vis == null) {
                filter = filter.and(n -> n.path("vis_state").asInt() != 1);
            } else {
                filter = filter.and(n -> vis.contains(n.path("vis_state").asText()));
            }
        }
        if (r == FbResource.EXPENSE) {
            search.keySet().retainAll(EXPENSE_FILTERS);
            List<String> notClient = search.remove("clientid_not");
            if (notClient != null) {
                String v = notClient.get(notClient.size() - 1);
                filter = filter.and(n -> !text(n.get("clientid")).equals(v));
            }
        }
        for (Map.Entry<String, List<String>> e : search.entrySet()) {
            Predicate<ObjectNode> p = predicate(r, e.getKey(), e.getValue());
            if (r == FbResource.EXPENSE) {
                String field = e.getKey().endsWith("[]") ? singular(e.getKey().substring(0, e.getKey().length() - 2))
                        : e.getKey().replaceFirst("_(min|max)$", "");
                p = p.and(n -> n.hasNonNull(field) && !text(n.get(field)).isEmpty());
            }
            filter = filter.and(p);
        }
        List<ObjectNode> out = new ArrayList<>(items.stream().filter(filter).toList());
        query.first("sort").ifPresent(sort -> sort(out, sort));
        return out;
    }

    private static Predicate<ObjectNode> predicate(FbResource r, String key, List<String> values) {
        String value = values.get(values.size() - 1);
        if (key.endsWith("[]")) {
            String field = singular(key.substring(0, key.length() - 2));
            return n -> !n.has(field) || values.contains(text(n.get(field)));
        }
        if ((key.equals("updated_min") || key.equals("updated_max")) && r == FbResource.BILL_VENDOR) {
            return vendorUpdated(key, value);
        }
        if ((key.equals("updated_min") || key.equals("updated_max"))) {
            if (!r.hasEasternUpdated()) {
                return n -> true;
            }
            LocalDate bound = date(value);
            if (bound == null) {
                return n -> true;
            }
            boolean min = key.endsWith("_min");
            return n -> {
                String updated = n.path("updated").asText("");
                if (updated.length() < 10) {
                    return false;
                }
                LocalDate d = FbTime.dateOfNaive(updated);
                return min ? !d.isBefore(bound) : !d.isAfter(bound);
            };
        }
        if (key.endsWith("_min") || key.endsWith("_max")) {
            String field = key.substring(0, key.length() - 4);
            boolean min = key.endsWith("_min");
            return n -> {
                if (!n.has(field)) {
                    return true;
                }
                int c = compare(n.get(field), value);
                return min ? c >= 0 : c <= 0;
            };
        }
        if (key.endsWith("_like")) {
            String field = key.substring(0, key.length() - 5);
            String needle = value.toLowerCase(Locale.ROOT);
            return n -> !n.has(field) || text(n.get(field)).toLowerCase(Locale.ROOT).contains(needle);
        }
        if (r == FbResource.EXPENSE_CATEGORY && key.equals("name")) {
            String needle = value.toLowerCase(Locale.ROOT);
            return n -> n.path("category").asText("").toLowerCase(Locale.ROOT).contains(needle);
        }
        return n -> !n.has(key) || text(n.get(key)).equals(value)
            || (n.get(key).isBoolean() && (value.equals("1") == n.get(key).asBoolean()));
    }

    /**
     * Bill vendors stamp {@code updated_at} in UTC; the day-granular filter compares its US/Eastern date (the knob
     * {@link UnlistedParam#BILL_VENDOR_UPDATED_MIN} decides whether the filter is applied at all).
     */
    private static Predicate<ObjectNode> vendorUpdated(String key, String value) {
        LocalDate bound = date(value);
        if (bound == null) {
            return n -> true;
        }
        boolean min = key.endsWith("_min");
        return n -> {
            String updated = n.path("updated_at").asText("");
            if (updated.length() < 10) {
                return false;
            }
            LocalDate d = FbTime.parseUtc(updated).atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
            return min ? !d.isBefore(bound) : !d.isAfter(bound);
        };
    }

    private static String singular(String key) {
        if (key.equals("ids")) {
            return "id";
        }
        if (key.endsWith("ses")) {
            return key.substring(0, key.length() - 2);
        }
        return key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isObject() && node.has("amount")) {
            return node.get("amount").asText();
        }
        return node.asText();
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int compare(JsonNode node, String value) {
        String a = text(node);
        BigDecimal x = number(a);
        BigDecimal y = number(value);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.compareTo(value);
    }

    private static void sort(List<ObjectNode> items, String sort) {
        int cut = sort.lastIndexOf('_');
        if (cut < 0) {
            return;
        }
        String field = sort.substring(0, cut);
        String dir = sort.substring(cut + 1);
        if (!dir.equals("asc") && !dir.equals("desc")) {
            return;
        }
        Comparator<ObjectNode> byField = (a, b) -> {
            String x = text(a.get(field));
            String y = text(b.get(field));
            BigDecimal nx = number(x);
            BigDecimal ny = number(y);
            return nx != null && ny != null ? nx.compareTo(ny) : x.compareTo(y);
        };
        Comparator<ObjectNode> byId = Comparator.comparingLong(n -> n.path("id").asLong());
        Comparator<ObjectNode> cmp = byField.thenComparing(byId);
        items.sort(dir.equals("desc") ? cmp.reversed() : cmp);
    }
}
