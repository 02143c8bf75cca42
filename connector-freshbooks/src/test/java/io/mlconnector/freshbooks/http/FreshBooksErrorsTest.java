package io.mlconnector.freshbooks.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.FieldError;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.PermissionException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.WireMockSupport;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import io.mlconnector.freshbooks.model.ItemDraft;
import io.mlconnector.freshbooks.model.ProjectDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every documented error body shape, through the client, to the right exception with errno and field. */
class FreshBooksErrorsTest extends WireMockSupport {
    private final FreshBooksClient fb = client();
    private final FreshBooksErrorDecoder decoder = new FreshBooksErrorDecoder(FreshBooksJson.newObjectMapper());

    private static void answer(int status, String body) {
        WM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-1").withBody(body)));
    }

    @Test
    void accountingLegacyNotFound() {
        answer(404, "{\"response\":{\"errors\":[{\"errno\":1012,\"field\":\"userid\",\"message\":\"Client not found.\","
                + "\"object\":\"client\",\"value\":\"12345\"}]}}");
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> fb.clients().get(12345));
        assertThat(e.errorCodes()).containsExactly("1012");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("userid", "1012", "Client not found."));
        assertThat(e.error().message()).isEqualTo("Client not found.");
        assertThat(e.requestId()).isEqualTo("req-1");
    }

    @Test
    void accountingLegacyErrorsWithHttp200AreStillErrors() {
        answer(200, "{\"response\":{\"errors\":[{\"errno\":1012,\"field\":\"userid\",\"message\":\"Client not found.\"}]}}");
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> fb.clients().get(12345));
        assertThat(e.errorCodes()).containsExactly("1012");
        answer(200, "{\"response\":{\"errors\":[{\"errno\":1004,\"field\":\"amount\",\"message\":\"Invalid value.\"}]}}");
        ValidationException v = catchThrowableOfType(ValidationException.class, () -> fb.clients().get(12345));
        assertThat(v.fieldErrors()).extracting(FieldError::field).containsExactly("amount");
    }

    @Test
    void accountingGoogleRpcNotFoundAndUnauthorized() {
        answer(404, "{\"code\":5,\"message\":\"Request failed with status_code: 404\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"1012\",\"domain\":\"accounting.api.freshbooks.com\","
                + "\"metadata\":{\"object\":\"client\",\"message\":\"Client not found.\",\"value\":\"12345\",\"field\":\"userid\"}}]}");
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> fb.clients().get(12345));
        assertThat(e.errorCodes()).containsExactly("1012");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("userid", "1012", "Client not found."));

        WM.resetAll();
        answer(401, "{\"code\":16,\"message\":\"Request failed with status_code: 401\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"1003\",\"metadata\":{\"object\":\"\","
                + "\"message\":\"The server could not verify that you are authorized to access the URL requested.\","
                + "\"value\":\"\",\"field\":\"\"}}]}");
        AuthenticationException a = catchThrowableOfType(AuthenticationException.class, () -> fb.clients().get(1));
        assertThat(a.errorCodes()).containsExactly("1003");
        assertThat(a.fieldErrors()).isEmpty();
        // a 401 makes the token manager refresh once and retry once, never more
        WM.verify(2, getRequestedFor(urlPathEqualTo(acct("users/clients/1"))));
    }

    @Test
    void authNamespaceError() {
        answer(403, "{\"error\":\"unauthenticated\",\"error_description\":\"This action requires authentication to continue.\"}");
        PermissionException e = catchThrowableOfType(PermissionException.class, () -> fb.identity());
        assertThat(e.errorCodes()).containsExactly("unauthenticated");
        assertThat(e.error().message()).isEqualTo("This action requires authentication to continue.");
    }

    @Test
    void eventsValidationWithPlainStringDetailsAndErrnoOtherThanTheHttpStatus() {
        answer(400, "{\"errno\":422,\"message\":\"The request was well-formed but was unable to be followed due to "
                + "semantic errors.\",\"details\":[\"event: Value error, Unrecognized event.\",\"uri: Input should be a "
                + "valid URL, relative URL without a base\"]}");
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> fb.callbacks().create("x", "y"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCodes()).containsExactly("422");
        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("event", "uri");
        assertThat(e.fieldErrors().get(0).message()).isEqualTo("Value error, Unrecognized event.");
    }

    @Test
    void eventsNotFoundAndOldBadRequestShape() {
        answer(404, "{\"errno\":404,\"message\":\"Requested resource could not be found.\"}");
        NotFoundException n = catchThrowableOfType(NotFoundException.class, () -> fb.callbacks().get(9));
        assertThat(n.errorCodes()).containsExactly("404");
        assertThat(n.error().message()).isEqualTo("Requested resource could not be found.");

        answer(400, "{\"code\":3,\"message\":\"Invalid data in this request.\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\"event\",\"description\":"
                + "\"Unrecognized event.\"},{\"field\":\"uri\",\"description\":\"Not a well-formed URL.\"}]},{\"@type\":"
                + "\"type.googleapis.com/google.rpc.Help\",\"links\":[{\"description\":\"API Documentation\",\"url\":"
                + "\"https://www.freshbooks.com/api/webhooks\"}]}]}");
        ValidationException v = catchThrowableOfType(ValidationException.class, () -> fb.callbacks().create("x", "y"));
        assertThat(v.fieldErrors()).containsExactly(new FieldError("event", null, "Unrecognized event."),
                new FieldError("uri", null, "Not a well-formed URL."));
    }

    @Test
    void projectsShapes() {
        answer(404, "{\"error\":\"Requested resource could not be found.\"}");
        NotFoundException n = catchThrowableOfType(NotFoundException.class, () -> fb.projects().get(1));
        assertThat(n.error().message()).isEqualTo("Requested resource could not be found.");
        assertThat(n.errorCodes()).isEmpty();

        answer(422, "{\"errno\":2001,\"error\":{\"title\":\"field required\",\"description\":\"field required\"}}");
        ValidationException v = catchThrowableOfType(ValidationException.class,
                () -> fb.projects().create(ProjectDraft.of(null, null)));
        assertThat(v.errorCodes()).containsExactly("2001");
        assertThat(v.error().message()).isEqualTo("field required");

        answer(422, "{\"errno\":2001,\"error\":{\"started_at\":\"field required\",\"__root__\":\"Logged entries must "
                + "have a duration\"}}");
        ValidationException t = catchThrowableOfType(ValidationException.class, () -> fb.timeEntries().get(1));
        assertThat(t.fieldErrors()).containsExactly(new FieldError("started_at", "2001", "field required"),
                new FieldError(null, "2001", "Logged entries must have a duration"));
    }

    @Test
    void businessNamespaceShape() {
        answer(400, "{\"errors\":{\"message\":\"Request failed with status code 400\",\"status\":400,\"details\":["
                + "{\"reason\":\"name: This field is required.\",\"metadata\":{\"message\":\"This field is required.\","
                + "\"field\":\"name\"}},{\"reason\":\"sub_type: This field is required.\",\"metadata\":{\"message\":"
                + "\"This field is required.\",\"field\":\"sub_type\"}}]}}");
        ValidationException v = catchThrowableOfType(ValidationException.class, () -> fb.ledgerAccounts().list());
        assertThat(v.fieldErrors()).extracting(FieldError::field).containsExactly("name", "sub_type");

        answer(404, "{\"errors\":{\"message\":\"Request failed with status code 404\",\"status\":404,\"details\":"
                + "[{\"reason\":\"Not found.\",\"metadata\":{\"message\":\"Not found.\",\"field\":null}}]}}");
        NotFoundException n = catchThrowableOfType(NotFoundException.class, () -> fb.ledgerAccounts().get("x"));
        assertThat(n.fieldErrors()).isEmpty();
        assertThat(n.error().message()).contains("Not found.");
    }

    @Test
    void serverRateLimitAndUnknownBodies() {
        answer(500, "<html>oops</html>");
        ServerException s = catchThrowableOfType(ServerException.class, () -> fb.items().get(1));
        assertThat(s.error().message()).isEqualTo("<html>oops</html>");
        answer(429, "{\"error\":\"internal_server_error\",\"error_description\":\"internal server error\"}");
        RateLimitedException r = catchThrowableOfType(RateLimitedException.class, () -> fb.items().get(1));
        assertThat(r.errorCodes()).containsExactly("internal_server_error");
        answer(418, "{\"something\":[1,2]}");
        ApiException u = catchThrowableOfType(ApiException.class, () -> fb.items().get(1));
        assertThat(u.status()).isEqualTo(418);
        assertThat(u.error().rawBody()).isEqualTo("{\"something\":[1,2]}");
    }

    @Test
    void idempotentCallsAreRetriedThroughCoresPolicyButCreatesAreNot() {
        FreshBooksClient retrying = FreshBooksClient.builder().apiBaseUrl(base()).accessToken("t").accountId(ACCOUNT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).sleeper(d -> { })
                .build();
        WM.stubFor(get(urlPathEqualTo(acct("items/items/1"))).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WM.stubFor(get(urlPathEqualTo(acct("items/items/1"))).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(single("item", "{\"id\":1,\"name\":\"x\"}"))));
        assertThat(retrying.items().get(1).name()).isEqualTo("x");
        WM.verify(2, getRequestedFor(urlPathEqualTo(acct("items/items/1"))));

        WM.stubFor(post(urlPathEqualTo(acct("items/items")))
                .willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(ServerException.class, () -> retrying.items().create(
                new ItemDraft("w", null, null, null, null, null, null, null)))).isNotNull();
        WM.verify(1, postRequestedFor(urlPathEqualTo(acct("items/items"))));
    }

    @Test
    void paymentsShapeAndDecoderNeverThrows() {
        ApiError p = decoder.decode(400, "{\"error_type\":\"validation\",\"message\":\"A validation error occurred.\","
                + "\"errors\":[{\"error_type\":\"type_error.enum\",\"message\":\"not a valid enumeration member\","
                + "\"field\":\"entity_type\"}]}", null);
        assertThat(p.errorCodes()).containsExactly("validation");
        assertThat(p.fieldErrors()).containsExactly(new FieldError("entity_type", "type_error.enum",
                "not a valid enumeration member"));
        for (String junk : List.of("", "null", "[]", "{", "\"text\"", "{\"errors\":[]}", "{\"response\":{\"errors\":{}}}",
                "{\"details\":\"x\",\"code\":\"y\"}", "{\"errno\":{},\"error\":[1]}")) {
            ApiError e = decoder.decode(502, junk, null);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.message()).isNotBlank();
        }
    }

    @Test
    void unexpectedSuccessShapesRaiseATypedError() {
        WM.stubFor(get(anyUrl()).willReturn(okJson("{\"response\":{\"result\":{}}}")));
        assertThat(catchThrowableOfType(UnexpectedResponseException.class, () -> fb.items().get(1)))
                .hasMessageContaining("response.result.item");
        WM.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("not json")));
        assertThat(catchThrowableOfType(UnexpectedResponseException.class, () -> fb.items().get(1))).isNotNull();
    }
}
