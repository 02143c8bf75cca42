package io.mlconnector.procore.scope;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;

/**
 * A call named a company other than the one the client is bound to. Raised before any request is sent; a
 * subtype of {@link InvalidProjectException} so callers that handle bad project pairs handle this too.
 */
public class CompanyMismatchException extends InvalidProjectException {
    private static final long serialVersionUID = 1L;
    /** The connected company. */
    private final long expectedCompanyId;
    /** The company the project belongs to. */
    private final long actualCompanyId;

    /**
     * Creates the exception.
     *
     * @param project the project
     * @param expectedCompanyId the expected company id
     * @param actualCompanyId the actual company id
     */
    public CompanyMismatchException(ProjectRef project, long expectedCompanyId, long actualCompanyId) {
        super(project, "company " + actualCompanyId + " is not the company this Procore client is bound to ("
                + expectedCompanyId + ")");
        this.expectedCompanyId = expectedCompanyId;
        this.actualCompanyId = actualCompanyId;
    }

    /**
     * The client's company.
     *
     * @return the client's company
     */
    public long expectedCompanyId() {
        return expectedCompanyId;
    }

    /**
     * The company named by the call.
     *
     * @return the company named by the call
     */
    public long actualCompanyId() {
        return actualCompanyId;
    }
}
