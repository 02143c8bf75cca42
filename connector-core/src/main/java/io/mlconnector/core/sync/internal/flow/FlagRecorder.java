package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.mapping.UnmappedReference;
import io.mlconnector.core.state.LedgerEntry;
import io.mlconnector.core.state.LedgerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a flagged result: one {@code FLAGGED_*} audit event per reason, the unmapped ids recorded in the mapping
 * store, the ledger entry set to {@code FLAGGED} (keeping any target posted earlier, its fingerprint and version, so
 * a later update still goes to the same object), and the reason returned for parking the item.
 */
public final class FlagRecorder {
    static final String ATTR_FLAG = "flag";
    static final String ATTR_FLAG_REASON = "flagReason";
    public static final String ATTR_WORK_ITEM = "workItem";

    private FlagRecorder() {
    }

    public static String apply(FlowContext ctx, WorkType type, Flow.Result.Flagged f) {
        List<String> waitingFor = new ArrayList<>();
        for (Flag flag : f.flags()) {
            Map<String, String> details = new LinkedHashMap<>();
            if (flag.unmappedKind() != null) {
                details.put("mappingKind", flag.unmappedKind().name());
                details.put("unmappedId", flag.unmappedId());
                ctx.mappings().recordUnmapped(new UnmappedReference(ctx.connectionId(), flag.unmappedKind(),
                        flag.unmappedId(), flag.label(), ctx.now()));
            }
            waitingFor.add(MappingRef.flagLine(flag.outcome().name(), flag.unmappedKind(), flag.unmappedId()));
            details.put("workItem", ctx.item().id());
            ctx.services().auditor().record(ctx.connectionId(), type.direction(), f.sourceKey(), null, flag.outcome(),
                    flag.reason(), details);
        }
        String reason = f.flags().stream().map(Flag::reason).collect(Collectors.joining("; "));
        if (!ctx.dryRun() && f.sourceKey() != null) {
            LedgerEntry prev = ctx.state().ledger(ctx.connectionId(), f.sourceKey()).orElse(null);
            Map<String, String> attrs = prev == null ? new HashMap<>() : new HashMap<>(prev.attributes());
            attrs.put(ATTR_FLAG, f.flags().get(0).outcome().name());
            attrs.put(ATTR_FLAG_REASON, reason);
            attrs.put(ATTR_WORK_ITEM, ctx.item().id());
            attrs.put(MappingRef.LEDGER_ATTRIBUTE, String.join("\n", waitingFor));
            ctx.state().ledgerPut(new LedgerEntry(ctx.connectionId(), f.sourceKey(),
                    prev == null ? f.sourceVersion() : prev.sourceVersion(), prev == null ? null : prev.targetKind(),
                    prev == null ? null : prev.targetId(), LedgerState.FLAGGED,
                    prev == null ? null : prev.fingerprint(), attrs, ctx.now()));
        }
        return reason;
    }

    /** Attributes without the flag bookkeeping (once the record is posted again). */
    public static Map<String, String> withoutFlag(Map<String, String> attributes) {
        Map<String, String> m = new HashMap<>(attributes);
        m.keySet().removeAll(List.of(ATTR_FLAG, ATTR_FLAG_REASON, ATTR_WORK_ITEM, MappingRef.LEDGER_ATTRIBUTE));
        return m;
    }
}
