package io.mlconnector.procore.resource;

import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.Company;
import io.mlconnector.procore.model.Me;
import io.mlconnector.procore.scope.ProjectScope;
import java.util.stream.Stream;

/** Companies the service account can access and the calling user ({@code /rest/v1.0/companies}, {@code /me}). */
public final class CompaniesApi extends ResourceSupport {

    /**
     * Creates a {@code CompaniesApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public CompaniesApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/companies} — every company that installed the app (lazy pages).
     *
     * @return the companys
     */
    public Stream<Company> list() {
        return http.list("/rest/v1.0/companies", Query.create(), ListOptions.DEFAULT_PER_PAGE, Company.class);
    }

    /**
     * {@code GET /rest/v1.0/me?company_id=C} — the service account's directory user (a company or project id is required).
     *
     * @return the me
     */
    public Me me() {
        return http.get("/rest/v1.0/me", companyQuery(), Me.class);
    }
}
