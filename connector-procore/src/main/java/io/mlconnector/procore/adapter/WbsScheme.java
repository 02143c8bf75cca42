package io.mlconnector.procore.adapter;

import io.mlconnector.procore.model.WbsPattern;
import io.mlconnector.procore.model.WbsSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The company's budget code pattern ({@code GET /rest/v1.0/companies/{c}/work_breakdown_structure/patterns}): its
 * segments in {@code position} order, each with a {@code type} ({@code sub_job}, {@code cost_code},
 * {@code line_item_type}, {@code custom}), a {@code delimiter} and whether it is {@code required}. A flat code is the
 * segments' codes, each followed by its own delimiter when another segment follows (so {@code SJ1.03-300.M} with the
 * default pattern).
 *
 * <p>Reading a flat code back is ambiguous when a cost code contains the delimiter ({@code 03.300.M}) or an optional
 * segment is left out; {@link #parse} therefore tries each reading (optional segments present or absent) and prefers
 * the one whose cost code the project actually has. Codes listed with their segment items never need this (see
 * {@link WbsIndex}).
 */
final class WbsScheme {
    /** Procore's default pattern: optional sub job, cost code, cost type, each delimited by {@code .}. */
    static final WbsScheme DEFAULT = new WbsScheme(List.of(new Segment("sub_job", ".", false),
            new Segment("cost_code", ".", true), new Segment("line_item_type", ".", true)));

    /** One segment of the pattern. */
    record Segment(String type, String delimiter, boolean required) {
    }

    private final List<Segment> segments;

    WbsScheme(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The scheme of a company pattern; the default when the pattern lists no segments. */
    static WbsScheme of(WbsPattern pattern) {
        if (pattern == null || pattern.segments() == null || pattern.segments().isEmpty()) {
            return DEFAULT;
        }
        List<Segment> out = new ArrayList<>();
        pattern.segments().stream()
                .sorted(Comparator.comparing(WbsSegment::position, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(s -> out.add(new Segment(s.type() == null ? "custom" : s.type().toLowerCase(Locale.ROOT),
                        s.delimiter() == null || s.delimiter().isEmpty() ? "." : s.delimiter(),
                        !Boolean.FALSE.equals(s.required()))));
        return out.stream().anyMatch(s -> "cost_code".equals(s.type())) ? new WbsScheme(out) : DEFAULT;
    }

    List<Segment> segments() {
        return segments;
    }

    /**
     * Reads a flat code. Among the readings the pattern allows, the first whose cost code is in {@code knownCostCodes}
     * (compared without case) wins; when none is known, the reading that takes every segment the text can hold.
     */
    BudgetCode parse(String flatCode, Set<String> knownCostCodes) {
        if (flatCode == null || flatCode.isBlank()) {
            return null;
        }
        int cc = costCodeIndex();
        List<BudgetCode> readings = new ArrayList<>();
        read(flatCode.trim(), cc, 0, segments.size() - 1, null, readings);
        if (readings.isEmpty()) {
            return new BudgetCode(flatCode.trim(), null);
        }
        for (BudgetCode r : readings) {
            if (knownCostCodes.contains(WbsIndex.norm(r.costCode()))) {
                return r;
            }
        }
        return readings.get(0);
    }

    private int costCodeIndex() {
        for (int i = 0; i < segments.size(); i++) {
            if ("cost_code".equals(segments.get(i).type())) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Collects readings of {@code rest}: segments [{@code from}, cc) are stripped from the left, segments
     * ({@code cc}, {@code to}] from the right; each optional segment is tried present first, then absent.
     */
    private void read(String rest, int cc, int from, int to, String costType, List<BudgetCode> out) {
        if (rest.isEmpty()) {
            return;
        }
        if (to > cc) {
            Segment s = segments.get(to);
            String sep = segments.get(to - 1).delimiter();
            int at = rest.lastIndexOf(sep);
            if (at > 0 && at + sep.length() < rest.length()) {
                String value = rest.substring(at + sep.length());
                read(rest.substring(0, at), cc, from, to - 1, "line_item_type".equals(s.type()) ? value : costType, out);
            }
            if (!s.required() || at < 0) {
                read(rest, cc, from, to - 1, costType, out);
            }
            return;
        }
        if (from < cc) {
            Segment s = segments.get(from);
            int at = rest.indexOf(s.delimiter());
            if (at > 0 && at + s.delimiter().length() < rest.length()) {
                read(rest.substring(at + s.delimiter().length()), cc, from + 1, to, costType, out);
            }
            if (!s.required() || at < 0) {
                read(rest, cc, from + 1, to, costType, out);
            }
            return;
        }
        BudgetCode r = new BudgetCode(rest, costType);
        if (!out.contains(r)) {
            out.add(r);
        }
    }
}
