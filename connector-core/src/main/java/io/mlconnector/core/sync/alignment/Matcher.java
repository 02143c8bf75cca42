package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs accounting records with project-side records for one kind: confirmed mapping rows first, then origin ids,
 * then earlier suggestions, then unique normalised names, then unique codes. A pure function of its inputs.
 */
final class Matcher {
    private final Map<String, Mapping> mappings = new HashMap<>();
    private final Map<String, Candidate> accountingById = new LinkedHashMap<>();
    private final Map<String, Candidate> projectById = new LinkedHashMap<>();
    private final Set<String> claimedAccounting = new HashSet<>();
    private final Set<String> claimedProject = new HashSet<>();
    private final MatchPlan plan = new MatchPlan();

    private Matcher(List<Candidate> accounting, List<Candidate> project, List<Mapping> existing) {
        existing.forEach(m -> mappings.put(m.sourceId(), m));
        accounting.forEach(c -> accountingById.putIfAbsent(c.id(), c));
        project.forEach(c -> projectById.putIfAbsent(c.id(), c));
    }

    /** Plans the pairing of the two sides given the kind's current mapping rows. */
    static MatchPlan match(List<Candidate> accounting, List<Candidate> project, List<Mapping> existing) {
        Matcher m = new Matcher(accounting, project, existing);
        m.byMappingTable();
        m.byOriginId();
        m.byEarlierSuggestion();
        m.byKey(c -> NameNormalizer.normalize(c.name()), MatchBasis.NAME, "name");
        m.byKey(c -> NameNormalizer.normalizeCode(c.code()), MatchBasis.CODE, "code");
        m.rest();
        return m.plan;
    }

    private void byMappingTable() {
        for (Candidate a : accountingById.values()) {
            Mapping m = mappings.get(a.id());
            if (m == null || m.status() != MappingStatus.CONFIRMED) {
                continue;
            }
            claimedAccounting.add(a.id());
            Candidate p = projectById.get(m.targetId());
            if (p == null) {
                plan.unmatched.add(new MatchPlan.Single(a, true, "mapped to " + m.targetId()
                        + ", which the project system does not list", false));
            } else {
                claimedProject.add(p.id());
                plan.matched.add(new MatchPlan.Pair(a, p, MatchBasis.MAPPING_TABLE, m));
            }
        }
    }

    private void byOriginId() {
        for (Candidate p : projectById.values()) {
            if (claimedProject.contains(p.id()) || p.originId() == null || p.originId().isBlank()) {
                continue;
            }
            Candidate a = accountingById.get(p.originId());
            claimedProject.add(p.id());
            if (a == null) {
                plan.unmatched.add(new MatchPlan.Single(p, false, "its origin id " + p.originId()
                        + " names no listed accounting record", false));
            } else if (claimedAccounting.contains(a.id())) {
                Mapping m = mappings.get(a.id());
                plan.unmatched.add(new MatchPlan.Single(p, false, "its origin id " + p.originId()
                        + " names an accounting record mapped to " + (m == null ? "another record" : m.targetId()), false));
            } else {
                claimedAccounting.add(a.id());
                plan.matched.add(new MatchPlan.Pair(a, p, MatchBasis.ORIGIN_ID, mappings.get(a.id())));
            }
        }
    }

    private void byEarlierSuggestion() {
        for (Candidate a : accountingById.values()) {
            Mapping m = mappings.get(a.id());
            if (claimedAccounting.contains(a.id()) || m == null || m.status() != MappingStatus.SUGGESTED) {
                continue;
            }
            Candidate p = projectById.get(m.targetId());
            if (p != null && !claimedProject.contains(p.id())) {
                claimedAccounting.add(a.id());
                claimedProject.add(p.id());
                plan.suggested.add(new MatchPlan.Pair(a, p, MatchBasis.EARLIER_SUGGESTION, m));
            }
        }
    }

    private void byKey(Function<Candidate, String> key, MatchBasis basis, String what) {
        Map<String, List<Candidate>> accByKey = group(accountingById.values(), claimedAccounting, key);
        Map<String, List<Candidate>> projByKey = group(projectById.values(), claimedProject, key);
        for (Map.Entry<String, List<Candidate>> e : accByKey.entrySet()) {
            List<Candidate> ps = projByKey.get(e.getKey());
            if (ps == null) {
                continue;
            }
            List<Candidate> as = e.getValue();
            if (as.size() == 1 && ps.size() == 1) {
                Candidate a = as.get(0);
                Candidate p = ps.get(0);
                claimedAccounting.add(a.id());
                claimedProject.add(p.id());
                plan.suggested.add(new MatchPlan.Pair(a, p, basis, mappings.get(a.id())));
            } else {
                String note = "ambiguous " + what + " '" + e.getKey() + "': " + as.size() + " accounting and " + ps.size()
                        + " project-system records";
                for (Candidate a : as) {
                    claimedAccounting.add(a.id());
                    plan.unmatched.add(new MatchPlan.Single(a, true, note, false));
                }
                for (Candidate p : ps) {
                    claimedProject.add(p.id());
                    plan.unmatched.add(new MatchPlan.Single(p, false, note, false));
                }
            }
        }
    }

    private void rest() {
        for (Candidate a : accountingById.values()) {
            if (!claimedAccounting.contains(a.id())) {
                plan.unmatched.add(new MatchPlan.Single(a, true, "no project-system record with this id or name", true));
            }
        }
        for (Candidate p : projectById.values()) {
            if (!claimedProject.contains(p.id())) {
                plan.unmatched.add(new MatchPlan.Single(p, false, p.active()
                        ? "no accounting record with this id or name" : "inactive, no accounting record", p.active()));
            }
        }
    }

    private static Map<String, List<Candidate>> group(Iterable<Candidate> candidates, Set<String> claimed,
                                                      Function<Candidate, String> key) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (claimed.contains(c.id()) || !c.active()) {
                continue;
            }
            String k = key.apply(c);
            if (!k.isEmpty()) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }
}
