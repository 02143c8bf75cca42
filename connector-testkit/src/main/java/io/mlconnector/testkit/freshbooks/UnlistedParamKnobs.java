package io.mlconnector.testkit.freshbooks;

import io.mlconnector.testkit.server.HttpProblem;
import io.mlconnector.testkit.server.Params;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The current {@link ParamBehaviour} of each {@link UnlistedParam}, applied to a list request's query, and whether
 * bills carry their payments (so a client's fallback without {@code bill_payments} can be exercised).
 */
final class UnlistedParamKnobs {
    private final Map<UnlistedParam, ParamBehaviour> behaviours = new EnumMap<>(UnlistedParam.class);
    private final FreshBooksErrors errors;
    private volatile boolean billsCarryPayments = true;

    UnlistedParamKnobs(FreshBooksErrors errors) {
        this.errors = errors;
        for (UnlistedParam p : UnlistedParam.values()) {
            behaviours.put(p, ParamBehaviour.HONOUR);
        }
    }

    synchronized void set(UnlistedParam param, ParamBehaviour behaviour) {
        behaviours.put(param, behaviour);
    }

    synchronized ParamBehaviour get(UnlistedParam param) {
        return behaviours.get(param);
    }

    /** Whether bill answers carry {@code bill_payments} (the docs list the field; default true). */
    boolean billsCarryPayments() {
        return billsCarryPayments;
    }

    void billsCarryPayments(boolean carry) {
        billsCarryPayments = carry;
    }

    /** The query as the list handler should see it: refused (400 thrown), stripped of ignored parameters, or as is. */
    Params apply(FbResource resource, Params query) {
        Params out = query;
        for (UnlistedParam p : UnlistedParam.values()) {
            if (p.resource() != resource || !query.has(p.parameter())) {
                continue;
            }
            switch (get(p)) {
                case REFUSE_400 -> throw new HttpProblem(errors.accounting(400, 1004, resource.single(),
                    p.parameter(), query.get(p.parameter(), ""), "Invalid search parameter " + p.parameter() + "."));
                case IGNORE -> out = without(out, p.parameter());
                default -> { }
            }
        }
        return out;
    }

    private static Params without(Params query, String name) {
        List<Params.Entry> kept = new ArrayList<>();
        query.entries().stream().filter(e -> !e.name().equals(name)).forEach(kept::add);
        return Params.of(kept);
    }
}
