package io.mlconnector.procore;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.FieldError;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.PermissionException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.procore.http.UnexpectedResponseException;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.support.WireMockProcore;
import org.junit.jupiter.api.Test;

/** Error responses end up as core's typed exceptions with the decoded message, field errors and request id. */
class ErrorMappingTest extends WireMockProcore {

    @Test
    void validation422_carriesFieldErrorsAndRequestId_andIsNotRetried() {
        ProcoreClient c = warmClient();
        wm.stubFor(post(urlPathEqualTo("/rest/v1.0/vendors")).willReturn(json(422, "{\"errors\":{\"name\":[\"can't be blank\"]}}")
                .withHeader("X-Request-Id", "abc-123")));
        assertThatThrownBy(() -> c.vendors().create(VendorInput.of("", "o", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsExactly(new FieldError("name", null, "can't be blank"));
                    assertThat(e.requestId()).isEqualTo("abc-123");
                    assertThat(e.getMessage()).contains("requestId=abc-123");
                });
        wm.verify(1, postRequestedFor(urlPathEqualTo("/rest/v1.0/vendors")));
    }

    @Test
    void notFoundForbiddenAndServerErrors_areTyped() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors/1")).willReturn(json(404, "{\"error\":\"Not Found\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors/2")).willReturn(json(403,
                "{\"code\":403,\"message\":\"App is not connected to this company\",\"error\":\"forbidden\"}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors/3")).willReturn(json(500, "{\"errors\":[\"boom\"]}")));
        wm.stubFor(get(urlPathEqualTo("/rest/v1.0/vendors/4")).willReturn(json(200, "{\"id\":\"not-a-number\"}")));

        assertThatThrownBy(() -> c.vendors().get(1)).isInstanceOf(NotFoundException.class).hasMessageContaining("Not Found");
        assertThatThrownBy(() -> c.vendors().get(2)).isInstanceOfSatisfying(PermissionException.class,
                e -> assertThat(e.error().message()).isEqualTo("App is not connected to this company"));
        assertThatThrownBy(() -> c.vendors().get(3)).isInstanceOf(ServerException.class).hasMessageContaining("boom");
        assertThatThrownBy(() -> c.vendors().get(4)).isInstanceOf(UnexpectedResponseException.class);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/v1.0/vendors/3")));
    }

    @Test
    void tokenInfo_isReadFromTheLoginHostWithTheBearerToken() {
        ProcoreClient c = warmClient();
        wm.stubFor(get(urlPathEqualTo("/oauth/token/info")).willReturn(json(200,
                "{\"resource_owner_id\":5960067,\"scopes\":[],\"expires_in_seconds\":5300,\"application\":{\"uid\":\"client-abc\"},"
                        + "\"created_at\":1700000000}")));
        assertThat(c.tokenInfo().application().uid()).isEqualTo(CLIENT_ID);
        wm.verify(getRequestedFor(urlPathEqualTo("/oauth/token/info"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok-1")));
    }
}
