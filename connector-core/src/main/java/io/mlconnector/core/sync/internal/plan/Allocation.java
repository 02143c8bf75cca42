package io.mlconnector.core.sync.internal.plan;

import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups coded lines by cost code and cost type, summing amounts exactly ({@code BigDecimal} addition, no rounding,
 * no scale change beyond what addition implies), in the order the codes first appear.
 */
public final class Allocation {
    private static final int MAX_DESCRIPTION = 255;

    private Allocation() {
    }

    private record CodeKey(String costCode, String costType) {
    }

    /** One allocated line per distinct (cost code, cost type); commitment line ids are left empty. */
    public static List<AllocatedLine> byCostCode(List<CodedLine> lines) {
        Map<CodeKey, List<CodedLine>> groups = new LinkedHashMap<>();
        for (CodedLine l : lines) {
            groups.computeIfAbsent(new CodeKey(l.costCode(), l.costType()), k -> new ArrayList<>()).add(l);
        }
        List<AllocatedLine> out = new ArrayList<>();
        groups.forEach((key, group) -> {
            Money sum = group.get(0).amount();
            for (int i = 1; i < group.size(); i++) {
                sum = sum.plus(group.get(i).amount());
            }
            int lineNo = group.size() == 1 ? group.get(0).lineNo() : 0;
            out.add(new AllocatedLine(lineNo, key.costCode(), key.costType(), null, describe(group), sum));
        });
        return out;
    }

    /** The exact sum of the lines' amounts, or zero in {@code currency} when there are none. */
    public static Money total(List<AllocatedLine> lines, String currency) {
        Money t = Money.zero(currency);
        for (AllocatedLine l : lines) {
            t = t.plus(l.amount());
        }
        return t;
    }

    /** The same line bound to a commitment (SOV) line. */
    public static AllocatedLine onCommitmentLine(AllocatedLine line, String commitmentLineId) {
        return new AllocatedLine(line.sourceLineNo(), line.costCode(), line.costType(), commitmentLineId,
                line.description(), line.amount());
    }

    private static String describe(List<CodedLine> group) {
        if (group.size() == 1) {
            return Objects.requireNonNullElse(group.get(0).description(), "line " + group.get(0).lineNo());
        }
        StringBuilder sb = new StringBuilder("lines ");
        for (int i = 0; i < group.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(group.get(i).lineNo());
        }
        sb.append(':');
        for (CodedLine l : group) {
            if (l.description() != null && !l.description().isBlank()) {
                sb.append(' ').append(l.description().trim()).append(';');
            }
        }
        String s = sb.charAt(sb.length() - 1) == ';' ? sb.substring(0, sb.length() - 1) : sb.toString();
        return s.length() > MAX_DESCRIPTION ? s.substring(0, MAX_DESCRIPTION - 1) + "\u2026" : s;
    }
}
