package io.mlconnector.procore.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.FieldError;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.procore.internal.json.ProcoreJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcoreErrorDecoderTest {
    private final ProcoreErrorDecoder decoder = new ProcoreErrorDecoder(ProcoreJson.newObjectMapper());

    private ApiError decode(int status, String body) {
        return decoder.decode(new ApiResponse(status, Map.of("X-Request-Id", List.of("rq-1")), body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldMapOfLists() {
        ApiError e = decode(422, "{\"errors\":{\"vendor\":[\"can't be blank\"],\"invoice_number\":[\"is taken\",\"is too long\"]}}");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("vendor", null, "can't be blank"),
                new FieldError("invoice_number", null, "is taken"), new FieldError("invoice_number", null, "is too long"));
        assertThat(e.message()).isEqualTo("vendor can't be blank");
        assertThat(e.requestId()).isEqualTo("rq-1");
        assertThat(e.status()).isEqualTo(422);
    }

    @Test
    void errorsAsPlainString() {
        ApiError e = decode(401, "{\"errors\":\"Token expired\"}");
        assertThat(e.message()).isEqualTo("Token expired");
        assertThat(e.fieldErrors()).isEmpty();
    }

    @Test
    void errorsAsArray() {
        ApiError e = decode(400, "{\"errors\":[\"first problem\",\"second problem\"]}");
        assertThat(e.message()).isEqualTo("first problem; second problem");
    }

    @Test
    void oauthError_keepsTheCodeAndDescription() {
        ApiError e = decode(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client id\"}");
        assertThat(e.errorCodes()).containsExactly("invalid_client");
        assertThat(e.message()).isEqualTo("Unknown client id");
    }

    @Test
    void errorSentence_isTheMessage() {
        ApiError e = decode(404, "{\"error\":\"Record not found\"}");
        assertThat(e.message()).isEqualTo("Record not found");
        assertThat(e.errorCodes()).isEmpty();
    }

    @Test
    void messageAndError_budgetLineItemShape() {
        ApiError e = decode(422, "{\"message\":\"Budget currency does not match\",\"error\":\"currency_mismatch\"}");
        assertThat(e.message()).isEqualTo("Budget currency does not match");
        assertThat(e.errorCodes()).containsExactly("currency_mismatch");
    }

    @Test
    void baseAndFields_errorsResponseShape() {
        ApiError e = decode(422, "{\"base\":[\"Requisition is locked\"],\"fields\":{\"Billing Date\":\"is outside the period\"}}");
        assertThat(e.message()).isEqualTo("Requisition is locked");
        assertThat(e.fieldErrors()).containsExactly(new FieldError("Billing Date", null, "is outside the period"));
    }

    @Test
    void genericFourXxSchema() {
        ApiError e = decode(403, "{\"code\":403,\"message\":\"Forbidden\",\"fields\":\"project_id\",\"reason\":\"tool disabled\",\"error\":\"forbidden\"}");
        assertThat(e.message()).isEqualTo("Forbidden; tool disabled; project_id");
        assertThat(e.errorCodes()).containsExactlyInAnyOrder("forbidden", "403");
    }

    @Test
    void documentManagementV2Shape() {
        ApiError e = decode(400, "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"Bad Request\",\"details\":"
                + "[{\"reason_code\":\"INVALID_PROPERTY\",\"message\":\"name must be a string\"}]}}");
        assertThat(e.errorCodes()).containsExactly("BAD_REQUEST");
        assertThat(e.message()).isEqualTo("Bad Request");
        assertThat(e.fieldErrors()).containsExactly(new FieldError(null, "INVALID_PROPERTY", "name must be a string"));
    }

    @Test
    void plainText429_andEmptyAndGarbageBodies() {
        assertThat(decode(429, "You have surpassed the max number of requests for an hour.").message())
                .isEqualTo("You have surpassed the max number of requests for an hour.");
        assertThat(decode(500, "").message()).isEqualTo("Procore answered HTTP 500");
        ApiError garbage = decode(502, "{not json");
        assertThat(garbage.message()).isEqualTo("{not json");
        assertThat(garbage.rawBody()).isEqualTo("{not json");
        assertThat(decode(400, "Missing Procore-Company-Id header!").message()).startsWith("Missing Procore-Company-Id");
    }
}
