package io.mlconnector.core.port;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.model.ProjectRef;

/** A company/project pair is not valid: unknown company, unknown project, or a project of another company. */
public class InvalidProjectException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    private final transient ProjectRef project;

    /**
     * Creates the exception.
     *
     * @param project the project
     * @param message what went wrong
     */
    public InvalidProjectException(ProjectRef project, String message) {
        super(message);
        this.project = project;
    }

    /**
     * The project.
     *
     * @return the project
     */
    public ProjectRef project() {
        return project;
    }
}
