package io.mlconnector.freshbooks.adapter;

/** What the FreshBooks API did with an {@link UndocumentedParam}, as far as this connection has seen. */
public enum ParamSupport {
    /** Not known yet: the next use probes. */
    UNKNOWN,
    /** The answers so far were consistent with the parameter being applied. */
    HONOURED,
    /** The answers showed the parameter had no effect; the adapter no longer relies on it. */
    IGNORED,
    /** The API answered 400 to the parameter; the adapter no longer sends it. */
    REFUSED;

    /**
     * Whether the adapter uses the documented fallback instead of the parameter.
     *
     * @return whether the adapter uses the documented fallback instead of the parameter
     */
    public boolean fallBack() {
        return this == IGNORED || this == REFUSED;
    }
}
