package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.BusinessService;
import io.mlconnector.freshbooks.model.ServiceRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Services and their rates (comments namespace): {@code /comments/business/{business_id}/services}, {@code …/service/{id}[/rate]}. */
public final class ServiceCatalog {
    private final FreshBooksApi api;

    /**
     * Creates a {@code ServiceCatalog}.
     *
     * @param api the FreshBooks API
     */
    public ServiceCatalog(FreshBooksApi api) {
        this.api = Objects.requireNonNull(api);
    }

    private String base() {
        return "/comments/business/" + api.businessId();
    }

    /**
     * Every service of the business.
     *
     * @return the services, fetched page by page
     */
    public Stream<BusinessService> list() {
        return Paginator.stream(page -> {
            JsonNode root = api.send(HttpMethod.GET, base() + "/services",
                    QueryParams.empty().add("page", page).add("per_page", 100), null);
            return Envelopes.metaPage(root, "services", n -> api.convert(n, BusinessService.class));
        });
    }

    /**
     * Fetches one service.
     *
     * @param id the service's id
     * @return the service
     */
    public BusinessService get(long id) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/service/" + id, null, null);
        return api.convert(Envelopes.bareSingle(root, "service"), BusinessService.class);
    }

    /**
     * The rate of one service.
     *
     * @param serviceId the service's id
     * @return its rate
     */
    public ServiceRate rate(long serviceId) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/service/" + serviceId + "/rate", null, null);
        return api.convert(Envelopes.bareSingle(root, "service_rate"), ServiceRate.class);
    }

    /**
     * Every service rate ({@code …/service_rates}, no paging).
     *
     * @return every service rate ({@code …/service_rates}, no paging)
     */
    public List<ServiceRate> rates() {
        JsonNode root = api.send(HttpMethod.GET, base() + "/service_rates", null, null);
        List<ServiceRate> out = new ArrayList<>();
        root.path("service_rates").forEach(n -> out.add(api.convert(n, ServiceRate.class)));
        return List.copyOf(out);
    }
}
