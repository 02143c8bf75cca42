package io.mlconnector.freshbooks.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectPricing;
import io.mlconnector.freshbooks.WireMockSupport;
import org.junit.jupiter.api.Test;

/**
 * Project pricing over WireMock: a FreshBooks budget is hours (never written with money), the fixed price is read
 * from {@code project_type}/{@code fixed_price} and written with a PUT of {@code fixed_price} alone.
 */
class ProjectPricingTest extends WireMockSupport {
    private static final String PATH = "/projects/business/" + BUSINESS + "/project/12345";
    /** The python SDK's create_project_response.json body (fixed price project, budget 21600). */
    private static final String FIXED = "{\"project\":{\"id\":12345,\"title\":\"Some Project\",\"description\":null,"
            + "\"due_date\":null,\"client_id\":56789,\"internal\":false,\"budget\":21600,\"fixed_price\":\"600.00\","
            + "\"rate\":null,\"billing_method\":\"project_rate\",\"project_type\":\"fixed_price\",\"active\":true,"
            + "\"complete\":false,\"created_at\":\"2020-11-219T13:22:04\",\"updated_at\":\"2020-11-219T13:23:52\"}}";
    /** The node SDK's hourly project (budget "50.00", rate "5.00"). */
    private static final String HOURLY = "{\"project\":{\"id\":12345,\"title\":\"Hourly\",\"budget\":\"50.00\","
            + "\"fixed_price\":null,\"rate\":\"5.00\",\"billing_method\":\"project_rate\",\"project_type\":\"hourly_rate\","
            + "\"active\":true,\"complete\":false,\"updated_at\":\"2020-09-13T03:10:13\"}}";

    private final FreshBooksAccountingSystem port = FreshBooksAccountingSystem.builder().client(client())
            .baseCurrency("USD").build();
    private final ExternalRef project = new ExternalRef("freshbooks", "project", "12345");

    @Test
    void fetchProjectPricing_readsFixedPriceFromProjectType_andNeverTheBudget() {
        WM.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(FIXED)));
        assertThat(port.fetchProjectPricing(project))
                .isEqualTo(new ProjectPricing(project, true, Money.of("600.00", "USD")));
        assertThat(port.fetchProject("12345").budget()).as("21600 is a time budget, not money").isNull();

        WM.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(HOURLY)));
        assertThat(port.fetchProjectPricing(project)).isEqualTo(new ProjectPricing(project, false, null));
    }

    @Test
    void updateProjectFixedPrice_putsOnlyFixedPrice_asAString() {
        WM.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(FIXED)));
        WM.stubFor(put(urlPathEqualTo(PATH)).willReturn(okJson(FIXED.replace("\"600.00\"", "\"1250.50\""))));

        ProjectPricing after = port.updateProjectFixedPrice(project, Money.of("1250.50", "USD"));

        assertThat(after).isEqualTo(new ProjectPricing(project, true, Money.of("1250.50", "USD")));
        WM.verify(1, putRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson("{\"project\":{\"fixed_price\":\"1250.50\"}}")));
    }

    @Test
    void updateProjectFixedPrice_refusesAnHourlyProject_andAnotherCurrency_withoutWriting() {
        WM.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(HOURLY)));
        assertThatThrownBy(() -> port.updateProjectFixedPrice(project, Money.of("10.00", "USD")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not billed at a fixed price");
        assertThatThrownBy(() -> port.updateProjectFixedPrice(project, Money.of("10.00", "CAD")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("business currency USD");
        WM.verify(0, putRequestedFor(urlPathEqualTo(PATH)));
    }
}
