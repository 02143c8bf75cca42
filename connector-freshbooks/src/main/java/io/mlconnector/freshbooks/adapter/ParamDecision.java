package io.mlconnector.freshbooks.adapter;

import java.util.Objects;

/**
 * The adapter concluded how the API treats an undocumented parameter; reported once per change of mind.
 *
 * @param param   the parameter
 * @param support what the API does with it
 * @param evidence what the adapter saw (human-readable)
 */
public record ParamDecision(UndocumentedParam param, ParamSupport support, String evidence) {
    /**
     * Checks the components.
     *
     * @param param the parameter
     * @param support what the API does with it
     * @param evidence what the adapter saw (human-readable)
     */
    public ParamDecision {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(support, "support");
    }
}
