package io.mlconnector.freshbooks.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.error.ApiError;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import java.net.URI;
import java.util.Objects;

/**
 * Sends authorized JSON requests to the FreshBooks API for one business: adds the bearer token (refreshing once on
 * 401 through core's {@link TokenManager}), serializes bodies, parses answers, and turns a legacy error envelope
 * that arrives with HTTP 200 into an exception. Used by the resource services; hosts normally use
 * {@code FreshBooksClient} instead.
 */
public final class FreshBooksApi {
    private final HttpTransport transport;
    private final TokenManager tokens;
    private final ObjectMapper mapper;
    private final FreshBooksErrorDecoder decoder;
    private final String apiBase;
    private final String accountId;
    private final Long businessId;
    private final String businessUuid;

    /**
     * Creates a {@code FreshBooksApi}.
     *
     * @param transport the HTTP transport requests go through
     * @param tokens the tokens manager
     * @param mapper the JSON mapper to use
     * @param apiBase the API base
     * @param accountId the FreshBooks account id
     * @param businessId the FreshBooks business id
     * @param businessUuid the business UUID
     */
    public FreshBooksApi(HttpTransport transport, TokenManager tokens, ObjectMapper mapper, URI apiBase,
                         String accountId, Long businessId, String businessUuid) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.decoder = new FreshBooksErrorDecoder(mapper);
        String base = Objects.requireNonNull(apiBase, "apiBase").toString();
        this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.accountId = accountId;
        this.businessId = businessId;
        this.businessUuid = businessUuid;
    }

    /**
     * The account id (accounting, events); fails clearly when it was not configured or discovered.
     *
     * @return the account id (accounting, events)
     */
    public String accountId() {
        if (accountId == null || accountId.isBlank()) {
            throw new ConfigurationException("no FreshBooks account id configured: set accountId(...) or bind the "
                    + "client to a business from identity()");
        }
        return accountId;
    }

    /**
     * The business id (projects, time tracking).
     *
     * @return the business id (projects, time tracking)
     */
    public long businessId() {
        if (businessId == null) {
            throw new ConfigurationException("no FreshBooks business id configured: set businessId(...) or bind the "
                    + "client to a business from identity()");
        }
        return businessId;
    }

    /**
     * The business uuid (ledger accounts, chart of accounts).
     *
     * @return the business uuid (ledger accounts, chart of accounts)
     */
    public String businessUuid() {
        if (businessUuid == null || businessUuid.isBlank()) {
            throw new ConfigurationException("no FreshBooks business uuid configured: set businessUuid(...) or bind "
                    + "the client to a business from identity()");
        }
        return businessUuid;
    }

    /**
     * The mapper.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * {@code /accounting/account/{account_id}/} followed by {@code rest}.
     *
     * @param rest the rest
     * @return the accounting path
     */
    public String accountingPath(String rest) {
        return "/accounting/account/" + QueryParams.enc(accountId()) + "/" + rest;
    }

    /**
     * Sends a request and returns the parsed JSON answer ({@link MissingNode} for an empty body).
     *
     * @param method the HTTP method
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     * @return the JSON node
     */
    public JsonNode send(HttpMethod method, String path, QueryParams query, Object body) {
        String q = query == null || query.isEmpty() ? "" : "?" + query.encode();
        ApiRequest.Builder b = ApiRequest.builder(method, URI.create(apiBase + path + q))
                .header("Accept", "application/json");
        if (body != null) {
            b.jsonBody(write(body));
        }
        ApiRequest request = b.build();
        ApiResponse response = tokens.execute(
                t -> transport.send(request.withHeader("Authorization", t.authorizationHeader())));
        JsonNode root = read(response);
        JsonNode legacyErrors = root.path("response").path("errors");
        if (legacyErrors.isArray() && !legacyErrors.isEmpty()) {
            // the legacy accounting envelope can carry errors with HTTP 200 (node SDK Error.test.ts)
            ApiError decoded = decoder.decode(statusForErrno(legacyErrors.get(0).path("errno").asInt()),
                    response.bodyAsString(), response.header("X-Request-Id").orElse(null));
            throw ApiException.forError(decoded);
        }
        return root;
    }

    /**
     * Converts a JSON node to a typed record.
     *
     * @param node the node
     * @param type the type
     * @param <T> the result type
     * @return the value
     */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException("cannot read FreshBooks " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnexpectedResponseException("cannot read FreshBooks " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Serializes a request body.
     *
     * @param body the request body
     * @return the write
     */
    public String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize request body: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode read(ApiResponse response) {
        String text = response.bodyAsString();
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException("FreshBooks answered HTTP " + response.status()
                    + " with a body that is not JSON", e);
        }
    }

    /** The HTTP status an errno stands for when the errors came with HTTP 200 (errno table, api/freshbooks.md §4.2). */
    static int statusForErrno(int errno) {
        switch (errno) {
            case 1003:
                return 403;
            case 1011:
            case 1012:
                return 404;
            case 409:
                return 409;
            case 500:
                return 500;
            default:
                return 422;
        }
    }
}
