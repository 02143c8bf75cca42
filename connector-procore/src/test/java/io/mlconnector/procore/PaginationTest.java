package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.http.Page;
import io.mlconnector.procore.model.ChangeOrderLineItem;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.Requisition;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.support.WireMockProcore;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginationTest extends WireMockProcore {

    private static String vendors(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"V" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void followsLinkNext_untilAbsent_alwaysSendingPerPage() {
        ProcoreClient c = warmClient();
        String base = wm.baseUrl() + "/rest/v1.0/vendors?company_id=" + COMPANY + "&per_page=2";
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, vendors(1, 2)).withHeader("Total", "5").withHeader("Per-Page", "2")
                        .withHeader("Link", "<" + base + "&page=2>; rel=\"next\", <" + base + "&page=3>; rel=\"last\"")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, vendors(3, 4)).withHeader("Total", "5")
                        .withHeader("Link", "<" + base + "&page=1>; rel=\"first\", <" + base + "&page=1>; rel=\"prev\", <"
                                + base + "&page=3>; rel=\"last\", <" + base + "&page=3>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("3"))
                .willReturn(json(200, vendors(5, 5)).withHeader("Total", "5")
                        .withHeader("Link", "<" + base + "&page=1>; rel=\"first\", <" + base + "&page=2>; rel=\"prev\"")));

        List<Long> ids = c.vendors().list(ListOptions.defaults().withPerPage(2)).map(ProcoreVendor::id).toList();

        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("per_page", equalTo("2"))
                .withQueryParam("company_id", equalTo(String.valueOf(COMPANY)))
                .withHeader("Procore-Company-Id", equalTo(String.valueOf(COMPANY))));
    }

    @Test
    void restV2DataPages_areFollowedToTheEnd_soNoChangeOrderLineIsLost() {
        // REST v2 pages hold 10 rows by default (api/procore.md §0.2); a client reading one page loses the rest
        ProcoreClient c = warmClient();
        String path = "/rest/v2.0/companies/" + COMPANY + "/projects/" + PROJECT + "/commitment_change_orders/31/line_items";
        String base = wm.baseUrl() + path + "?per_page=100";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"1\",\"amount\":\"10.00\"},{\"id\":\"2\",\"amount\":\"20.00\"}]}")
                        .withHeader("Total", "3").withHeader("Link", "<" + base + "&page=2>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, "{\"data\":[{\"id\":\"3\",\"amount\":\"30.00\"}]}").withHeader("Total", "3")
                        .withHeader("Link", "<" + base + "&page=1>; rel=\"prev\"")));

        List<ChangeOrderLineItem> lines = c.changeOrders().commitmentChangeOrderLineItems(REF, 31);

        assertThat(lines).extracting(ChangeOrderLineItem::id).containsExactly(1L, 2L, 3L);
        assertThat(lines).extracting(ChangeOrderLineItem::amount)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"), new BigDecimal("30.00"));
        wm.verify(2, getRequestedFor(urlPathEqualTo(path)).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void isLazy_aShortCircuitedStreamFetchesOnlyWhatItNeeds() {
        ProcoreClient c = warmClient();
        String base = wm.baseUrl() + "/rest/v1.0/vendors?company_id=" + COMPANY + "&per_page=2";
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, vendors(1, 2)).withHeader("Link", "<" + base + "&page=2>; rel=\"next\"")));

        assertThat(c.vendors().list(ListOptions.defaults().withPerPage(2)).findFirst()).get()
                .extracting(ProcoreVendor::id).isEqualTo(1L);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")));
    }

    @Test
    void withoutLinkHeader_usesTotal() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, vendors(1, 2)).withHeader("Total", "3")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, vendors(3, 3)).withHeader("Total", "3")));

        assertThat(c.vendors().list(ListOptions.defaults().withPerPage(2)).count()).isEqualTo(3);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")));
    }

    @Test
    void anEndpointThatIgnoresPaging_isReadOnce_notLoopedOver() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).willReturn(json(200, vendors(1, 2))));

        assertThat(c.vendors().list(ListOptions.defaults().withPerPage(2)).count()).isEqualTo(2);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")));
    }

    @Test
    void singlePage_reportsTotalAndHasNext() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/requisitions")).willReturn(json(200,
                "[{\"id\":1,\"status\":\"draft\"}]").withHeader("Total", "42")
                .withHeader("Link", "<" + wm.baseUrl() + "/rest/v1.0/requisitions?page=2&per_page=1&project_id=" + PROJECT + ">; rel=\"next\"")));

        Page<Requisition> page = c.http().page("/rest/v1.0/requisitions",
                io.mlconnector.procore.http.Query.of("project_id", PROJECT), 1, 1, Requisition.class);

        assertThat(page.total()).isEqualTo(42);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.items()).extracting(Requisition::id).containsExactly(1L);
        wm.verify(getRequestedFor(urlPathEqualTo("/rest/v1.0/requisitions")).withQueryParam("page", equalTo("1"))
                .withQueryParam("per_page", equalTo("1")).withQueryParam("filters[updated_at]", absent()));
    }

    @Test
    void nextLinkToAnotherHost_isFollowedOnOurOwnHost_soTheTokenNeverLeaves() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, vendors(1, 1)).withHeader("Link",
                        "<https://api.procore.com/rest/v1.0/vendors?company_id=" + COMPANY + "&page=2&per_page=1>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors")).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, vendors(2, 2)).withHeader("Link",
                        "<https://api.procore.com/rest/v1.0/vendors?company_id=" + COMPANY + "&page=1&per_page=1>; rel=\"first\"")));

        assertThat(c.vendors().list(ListOptions.defaults().withPerPage(1)).map(ProcoreVendor::id).toList()).containsExactly(1L, 2L);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")));
    }
}
