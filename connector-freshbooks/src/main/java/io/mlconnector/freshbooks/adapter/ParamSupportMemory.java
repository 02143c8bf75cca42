package io.mlconnector.freshbooks.adapter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this connection has learnt about each {@link UndocumentedParam} (in memory, per adapter instance). A state only
 * moves forward (UNKNOWN → HONOURED → IGNORED/REFUSED, or UNKNOWN → IGNORED/REFUSED), and each move is logged once and
 * reported to the listener once, however many pollers race to make it.
 */
final class ParamSupportMemory {
    private static final Logger LOG = LoggerFactory.getLogger(FreshBooksAccountingSystem.class);

    private final Map<UndocumentedParam, AtomicReference<ParamSupport>> states = new EnumMap<>(UndocumentedParam.class);
    private final Supplier<String> accountId;
    private final Consumer<ParamDecision> listener;

    ParamSupportMemory(Supplier<String> accountId, Consumer<ParamDecision> listener) {
        this.accountId = accountId;
        this.listener = Objects.requireNonNull(listener, "listener");
        for (UndocumentedParam p : UndocumentedParam.values()) {
            states.put(p, new AtomicReference<>(ParamSupport.UNKNOWN));
        }
    }

    ParamSupport get(UndocumentedParam p) {
        return states.get(p).get();
    }

    /** Records a conclusion; logs and reports it only if it changes what was known (and only forward). */
    void decide(UndocumentedParam p, ParamSupport support, String evidence) {
        AtomicReference<ParamSupport> ref = states.get(p);
        while (true) {
            ParamSupport current = ref.get();
            if (!movesForward(current, support)) {
                return;
            }
            if (ref.compareAndSet(current, support)) {
                break;
            }
        }
        if (support.fallBack()) {
            LOG.warn("FreshBooks account {}: {} on {} is {} ({}); using the documented full scan from now on",
                    accountId.get(), p.parameter(), p.resource(), support.name().toLowerCase(java.util.Locale.ROOT), evidence);
        } else {
            LOG.info("FreshBooks account {}: {} on {} is honoured ({})", accountId.get(), p.parameter(), p.resource(),
                    evidence);
        }
        listener.accept(new ParamDecision(p, support, evidence));
    }

    private static boolean movesForward(ParamSupport from, ParamSupport to) {
        return switch (from) {
            case UNKNOWN -> to != ParamSupport.UNKNOWN;
            case HONOURED -> to.fallBack();
            case IGNORED, REFUSED -> false;
        };
    }
}
