package io.mlconnector.procore.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.auth.TokenManager;
import io.mlconnector.core.http.ApiRequest;
import io.mlconnector.core.http.ApiResponse;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.http.Paginator;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Sends Procore API requests for one client: resolves paths against the API base, adds
 * {@code Authorization: Bearer …} from the {@link TokenManager} and {@code Procore-Company-Id} to every call,
 * writes JSON bodies, reads typed responses and pages. All requests share the client's transport, so they share
 * its rate limiter and retry policy. Thread-safe.
 */
public final class ProcoreHttp {
    /** The header Procore requires on every call (procore.md §1.4). */
    public static final String COMPANY_HEADER = "Procore-Company-Id";

    private final HttpTransport transport;
    private final TokenManager tokens;
    private final ObjectMapper mapper;
    private final URI apiBase;
    private final long companyId;

    /**
     * Creates a {@code ProcoreHttp}.
     *
     * @param transport the HTTP transport requests go through
     * @param tokens the tokens manager
     * @param mapper the JSON mapper to use
     * @param apiBase the API base
     * @param companyId the company's id
     */
    public ProcoreHttp(HttpTransport transport, TokenManager tokens, ObjectMapper mapper, URI apiBase, long companyId) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.apiBase = stripTrailingSlash(Objects.requireNonNull(apiBase, "apiBase"));
        this.companyId = companyId;
    }

    /**
     * The company every request is scoped to.
     *
     * @return the company every request is scoped to
     */
    public long companyId() {
        return companyId;
    }

    /**
     * The JSON mapper (for callers that build trees).
     *
     * @return the JSON mapper (for callers that build trees)
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * GET and read the body as {@code type}.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param type the type
     * @param <T> the result type
     * @return GET and read the body as {@code type}
     */
    public <T> T get(String path, Query query, Class<T> type) {
        return read(send(HttpMethod.GET, path, query, null), mapper.constructType(type));
    }

    /**
     * GET and read the body as a list of {@code type} (for endpoints that do not paginate).
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param type the type
     * @param <T> the result type
     * @return GET and read the body as a list of {@code type} (for endpoints that do not paginate)
     */
    public <T> List<T> getList(String path, Query query, Class<T> type) {
        return read(send(HttpMethod.GET, path, query, null),
                mapper.getTypeFactory().constructCollectionType(List.class, type));
    }

    /**
     * GET and unwrap a REST v2 {@code {"data": …}} envelope when there is one.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param type the type
     * @param <T> the result type
     * @return GET and unwrap a REST v2 {@code {"data": …}} envelope when there is one
     */
    public <T> T getData(String path, Query query, Class<T> type) {
        JsonNode node = readTree(send(HttpMethod.GET, path, query, null));
        return convert(unwrapData(node), mapper.constructType(type), path);
    }

    /**
     * GET a REST v2 list ({@code {"data": [...]}} or a bare array).
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param type the type
     * @param <T> the result type
     * @return GET a REST v2 list ({@code {"data": [...]}} or a bare array)
     */
    public <T> List<T> getDataList(String path, Query query, Class<T> type) {
        JsonNode node = readTree(send(HttpMethod.GET, path, query, null));
        return convert(unwrapData(node), mapper.getTypeFactory().constructCollectionType(List.class, type), path);
    }

    /**
     * POST a JSON body and read the answer as {@code type}.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     * @param type the type
     * @param <T> the result type
     * @return POST a JSON body and read the answer as {@code type}
     */
    public <T> T post(String path, Query query, Object body, Class<T> type) {
        return read(send(HttpMethod.POST, path, query, body), mapper.constructType(type));
    }

    /**
     * POST and read the answer as a list.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     * @param type the type
     * @param <T> the result type
     * @return POST and read the answer as a list
     */
    public <T> List<T> postList(String path, Query query, Object body, Class<T> type) {
        return read(send(HttpMethod.POST, path, query, body),
                mapper.getTypeFactory().constructCollectionType(List.class, type));
    }

    /**
     * PATCH a JSON body and read the answer as {@code type}.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     * @param type the type
     * @param <T> the result type
     * @return PATCH a JSON body and read the answer as {@code type}
     */
    public <T> T patch(String path, Query query, Object body, Class<T> type) {
        return read(send(HttpMethod.PATCH, path, query, body), mapper.constructType(type));
    }

    /**
     * DELETE (with an optional JSON body); the answer is ignored.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     */
    public void delete(String path, Query query, Object body) {
        send(HttpMethod.DELETE, path, query, body);
    }

    /**
     * Sends a request and returns the raw 2xx response.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param query the filters and paging to apply
     * @param body the request body
     * @return the API response
     */
    public ApiResponse send(HttpMethod method, String path, Query query, Object body) {
        return send(method, uri(path, query), body);
    }

    /**
     * A lazily fetched listing (a v1 bare array or a REST v2 {@code {"data":[…]}} page): page 1 is requested with
     * {@code page=1&per_page=N}; later pages follow the
     * {@code Link rel="next"} target (its path and query, resolved against our API base so a token is never
     * sent to another host). Stops when a page has no {@code next} link; when the server sends no {@code Link}
     * header at all, stops when {@code Total} is reached or a page is shorter than {@code per_page}.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param perPage how many items a page holds
     * @param type the type
     * @param <T> the result type
     * @return a lazily fetched listing (a v1 bare array or a REST v2 {@code {"data":[…]}} page): page 1 is requested
     *     with {@code page=1&per_page=N}
     */
    public <T> Stream<T> list(String path, Query query, int perPage, Class<T> type) {
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage must be positive");
        }
        Query base = query == null ? Query.create() : query;
        URI[] next = new URI[1];
        List<?>[] previous = new List<?>[1];
        return Paginator.stream(pageNo -> {
            URI target = pageNo == 1 || next[0] == null
                    ? uri(path, base.copy().add("page", pageNo).add("per_page", perPage)) : next[0];
            Fetched<T> fetched = fetchPage(target, pageNo, perPage, type);
            next[0] = fetched.next();
            if (pageNo > 1 && fetched.page().items().equals(previous[0])) {
                // an endpoint that ignores paging answered the same rows again: stop instead of looping
                return Page.of(List.of(), false);
            }
            previous[0] = fetched.page().items();
            return fetched.page();
        });
    }

    private record Fetched<T>(Page<T> page, URI next) {
    }

    /**
     * One page of a listing, with {@code hasNext} from the {@code Link} header and {@code total} from {@code Total}.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @param pageNo the page no
     * @param perPage how many items a page holds
     * @param type the type
     * @param <T> the result type
     * @return one page of a listing, with {@code hasNext} from the {@code Link} header and {@code total} from {@code
     *     Total}
     */
    public <T> Page<T> page(String path, Query query, int pageNo, int perPage, Class<T> type) {
        Query base = query == null ? Query.create() : query;
        return fetchPage(uri(path, base.copy().add("page", pageNo).add("per_page", perPage)), pageNo, perPage, type).page();
    }

    private <T> Fetched<T> fetchPage(URI target, int pageNo, int perPage, Class<T> type) {
        ApiResponse response = send(HttpMethod.GET, target, null);
        List<T> items = readPage(response, type, target);
        long total = response.header("Total").map(ProcoreHttp::parseLong).orElse(-1L);
        LinkHeader links = LinkHeader.parse(response.header("Link").orElse(null));
        boolean hasNext;
        URI nextUri = null;
        if (!links.isEmpty()) {
            hasNext = links.hasNext();
            nextUri = links.get("next").map(this::sameHost).orElse(null);
        } else if (total >= 0) {
            hasNext = (long) pageNo * perPage < total && !items.isEmpty();
        } else {
            // no paging headers: a full page may have a successor; more rows than asked means no paging at all
            hasNext = items != null && items.size() == perPage;
        }
        return new Fetched<>(new Page<>(items == null ? List.of() : items, hasNext, total), nextUri);
    }

    /** A page body: a bare v1 array, or a REST v2 {@code {"data":[…]}} envelope (same paging headers). */
    private <T> List<T> readPage(ApiResponse response, Class<T> type, URI target) {
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
        if (response.bodyAsString().stripLeading().startsWith("{")) {
            return convert(unwrapData(readTree(response)), listType, target.getPath());
        }
        return read(response, listType);
    }

    private URI sameHost(URI link) {
        String q = link.getRawQuery();
        String p = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
        return URI.create(apiBase.getScheme() + "://" + apiBase.getRawAuthority() + p + (q == null ? "" : "?" + q));
    }

    private ApiResponse send(HttpMethod method, URI uri, Object body) {
        ApiRequest.Builder b = ApiRequest.builder(method, uri)
                .header("Accept", "application/json")
                .header(COMPANY_HEADER, Long.toString(companyId));
        if (body != null) {
            b.jsonBody(write(body));
        }
        ApiRequest request = b.build();
        return tokens.execute(t -> transport.send(request.withHeader("Authorization", t.authorizationHeader())));
    }

    /**
     * The absolute URI of an API path with its query.
     *
     * @param path the request path
     * @param query the filters and paging to apply
     * @return the absolute URI of an API path with its query
     */
    public URI uri(String path, Query query) {
        String p = path.startsWith("/") ? path : "/" + path;
        String q = query == null ? "" : query.encode();
        return URI.create(apiBase + p + (q.isEmpty() ? "" : "?" + q));
    }

    /**
     * Serializes a body with the client's mapper.
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

    private <T> T read(ApiResponse response, JavaType type) {
        String body = response.bodyAsString();
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException("cannot read Procore response as " + type.getTypeName()
                    + ": " + e.getOriginalMessage() + response.header("X-Request-Id").map(id -> " requestId=" + id).orElse(""), e);
        }
    }

    private JsonNode readTree(ApiResponse response) {
        try {
            return mapper.readTree(response.bodyAsString());
        } catch (JsonProcessingException e) {
            throw new UnexpectedResponseException("Procore answered with malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T convert(JsonNode node, JavaType type, String path) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnexpectedResponseException("cannot read " + path + " as " + type.getTypeName(), e);
        }
    }

    /**
     * The {@code data} member of a REST v2 envelope, or the node itself.
     *
     * @param node the node
     * @return the {@code data} member of a REST v2 envelope, or the node itself
     */
    public static JsonNode unwrapData(JsonNode node) {
        if (node != null && node.isObject() && node.has("data") && node.size() <= 2) {
            return node.get("data");
        }
        return node;
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
