package io.mlconnector.procore.scope;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;

/**
 * A call named a company other than the one the client is bound to. Raised before any request is sent; a
 * subtype of {@link InvalidProjectException} so callers that handle bad project pairs handle this too.
 */
public class CompanyMismatchException extends InvalidProjectException {
    private static final long serialVersionUID = 1L;
    private final long expectedCompanyId;
    private final long actualCompanyId;

    public CompanyMismatchException(ProjectRef project, long expectedCompanyId, long actualCompanyId) {
        super(project, "company " + actualCompanyId + " is not the company this Procore client is bound to ("
                + expectedCompanyId + ")");
        this.expectedCompanyId = expectedCompanyId;
        this.actualCompanyId = actualCompanyId;
    }

    /** The client's company. */
    public long expectedCompanyId() {
        return expectedCompanyId;
    }

    /** The company named by the call. */
    public long actualCompanyId() {
        return actualCompanyId;
    }
}
