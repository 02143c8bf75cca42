package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Company-directory vendors ({@code /rest/v1.0/vendors}) and project vendors ({@code /rest/v1.1/projects/{p}/vendors}).
 * Inactive vendors are listed separately by Procore ({@link #listInactive()}).
 */
public final class VendorsApi extends ResourceSupport {
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.ORIGIN_ID);

    /**
     * Creates a {@code VendorsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public VendorsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/vendors?company_id=C} (active vendors; filters updated_at and origin_id).
     *
     * @param options the list options
     * @return the Procore vendors
     */
    public Stream<ProcoreVendor> list(ListOptions options) {
        return http.list("/rest/v1.0/vendors", companyQuery().addAll(options.toQuery("vendors", FILTERS)),
                options.perPage(), ProcoreVendor.class);
    }

    /**
     * {@code GET /rest/v1.0/companies/{C}/vendors/inactive}.
     *
     * @return the inactive
     */
    public Stream<ProcoreVendor> listInactive() {
        return http.list("/rest/v1.0/companies/" + company() + "/vendors/inactive", Query.create(),
                ListOptions.DEFAULT_PER_PAGE, ProcoreVendor.class);
    }

    /**
     * The vendor carrying {@code originId} ({@code filters[origin_id]}), exact match.
     *
     * @param originId {@code filters[origin_id]}, or null
     * @return the vendor carrying {@code originId} ({@code filters[origin_id]}), exact match
     */
    public Optional<ProcoreVendor> findByOriginId(String originId) {
        return list(ListOptions.originId(originId)).filter(v -> originId.equals(v.originId())).findFirst();
    }

    /**
     * {@code GET /rest/v1.0/vendors/{id}?company_id=C}.
     *
     * @param vendorId the vendor id
     * @return the Procore vendor
     */
    public ProcoreVendor get(long vendorId) {
        return http.get("/rest/v1.0/vendors/" + positive(vendorId, "vendorId"), companyQuery(), ProcoreVendor.class);
    }

    /**
     * {@code POST /rest/v1.0/vendors} with {@code {"company_id":C,"vendor":{…}}}.
     *
     * @param vendor the vendor input
     * @return the {@code ProcoreVendor}
     */
    public ProcoreVendor create(VendorInput vendor) {
        return http.post("/rest/v1.0/vendors", Query.create(), body("company_id", company(), "vendor", vendor), ProcoreVendor.class);
    }

    /**
     * {@code PATCH /rest/v1.0/vendors/{id}} with {@code {"company_id":C,"vendor":{…}}}; {@code RestV10VendorsIdPatch}
     * requires {@code vendor.name} (send the current name when it does not change).
     *
     * @param vendorId the vendor id
     * @param vendor the vendor input
     * @return the updated Procore vendor
     * @throws IllegalArgumentException when the input has no name
     */
    public ProcoreVendor update(long vendorId, VendorInput vendor) {
        required(vendor == null ? null : vendor.name(), "vendor.name", "PATCH /rest/v1.0/vendors/{id}");
        return http.patch("/rest/v1.0/vendors/" + positive(vendorId, "vendorId"), Query.create(),
                body("company_id", company(), "vendor", vendor), ProcoreVendor.class);
    }

    /**
     * {@code PATCH /rest/v1.0/vendors/sync} with {@code {"company_id":C,"updates":[…]}}, batches of ≤ 1000.
     *
     * @param vendors the vendors
     * @param batchSize the batch size
     * @return the sync
     */
    public SyncResult<ProcoreVendor> sync(List<VendorInput> vendors, int batchSize) {
        return SyncBatches.run(vendors, batchSize, batch -> http.patch("/rest/v1.0/vendors/sync", Query.create(),
                body("company_id", company(), "updates", batch), JsonNode.class), http.mapper(), ProcoreVendor.class);
    }

    /**
     * {@code GET /rest/v1.1/projects/{P}/vendors}.
     *
     * @param project the project
     * @return the for project
     */
    public Stream<ProcoreVendor> listForProject(ProjectRef project) {
        long p = project(project);
        return http.list("/rest/v1.1/projects/" + p + "/vendors", Query.create(), ListOptions.DEFAULT_PER_PAGE, ProcoreVendor.class);
    }

    /**
     * {@code POST /rest/v1.1/projects/{P}/vendors} with {@code {"vendor":{…}}}.
     *
     * @param project the project
     * @param vendor the vendor input
     * @return the created for project
     */
    public ProcoreVendor createForProject(ProjectRef project, VendorInput vendor) {
        long p = project(project);
        return http.post("/rest/v1.1/projects/" + p + "/vendors", Query.create(), body("vendor", vendor), ProcoreVendor.class);
    }

    /**
     * {@code POST /rest/v1.0/projects/{P}/vendors/{id}/actions/add} — adds a company vendor to a project.
     *
     * @param project the project
     * @param vendorId the vendor id
     * @return the add to project
     */
    public ProcoreVendor addToProject(ProjectRef project, long vendorId) {
        long p = project(project);
        return http.post("/rest/v1.0/projects/" + p + "/vendors/" + positive(vendorId, "vendorId") + "/actions/add",
                Query.create(), null, ProcoreVendor.class);
    }

    /**
     * {@code DELETE /rest/v1.0/projects/{P}/vendors/{id}/actions/remove}.
     *
     * @param project the project
     * @param vendorId the vendor id
     */
    public void removeFromProject(ProjectRef project, long vendorId) {
        long p = project(project);
        http.delete("/rest/v1.0/projects/" + p + "/vendors/" + positive(vendorId, "vendorId") + "/actions/remove",
                Query.create(), null);
    }
}
