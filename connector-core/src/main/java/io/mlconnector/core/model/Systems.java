package io.mlconnector.core.model;

/** The system names used in {@link ExternalRef#system()}. */
public final class Systems {
    /** The accounting side. */
    public static final String FRESHBOOKS = "freshbooks";
    /** The project-cost side. */
    public static final String PROCORE = "procore";

    private Systems() {
    }
}
