package io.mlconnector.testkit.procore.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of Procore's published API, as the facts table records it.
 *
 * @param id           the spec's operation id, e.g. {@code RestV10ContractPaymentsGet}
 * @param method       the upper-case HTTP method
 * @param path         the path template, e.g. {@code /rest/v1.0/projects/{project_id}/direct_costs/{id}}
 * @param query        the query parameters by name, in spec order
 * @param queryOneOf   groups of query parameters of which at least one must be given
 * @param pathParams   the template's path parameter names, in order
 * @param bodyType     {@code json} or {@code multipart} when the operation takes a body, else null
 * @param bodyRequired required body fields as dotted paths ({@code []} steps into array elements); a nested one
 *                     applies when its parent is present
 * @param response     the success response, recorded only for the operations the client calls, else null
 */
public record Operation(String id, String method, String path, Map<String, QueryParam> query,
                        List<List<String>> queryOneOf, List<String> pathParams, String bodyType,
                        List<String> bodyRequired, OperationResponse response) {

    /**
     * Validates and copies the components.
     *
     * @param id the spec's operation id, e.g. {@code RestV10ContractPaymentsGet}
     * @param method the upper-case HTTP method
     * @param path the path template, e.g. {@code /rest/v1.0/projects/{project_id}/direct_costs/{id}}
     * @param query the query parameters by name, in spec order
     * @param queryOneOf groups of query parameters of which at least one must be given
     * @param pathParams the template's path parameter names, in order
     * @param bodyType {@code json} or {@code multipart} when the operation takes a body, else null
     * @param bodyRequired required body fields as dotted paths ({@code []} steps into array elements); a nested one
     *     applies when its parent is present
     * @param response the success response, recorded only for the operations the client calls, else null
     */
    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
        queryOneOf = queryOneOf.stream().map(List::copyOf).toList();
        pathParams = List.copyOf(pathParams);
        bodyRequired = List.copyOf(bodyRequired);
    }

    /**
     * The success response, when the table records one (operations the client calls).
     *
     * @return the success response, when the table records one (operations the client calls)
     */
    public Optional<OperationResponse> successResponse() {
        return Optional.ofNullable(response);
    }

    /**
     * The required query parameters (and unmet one-of groups, written {@code a|b}) that a request with these
     * parameter names lacks. A name given as {@code filters[x][]} counts as {@code filters[x]} and the other way round.
     *
     * @param given the given
     * @return the required query parameters (and unmet one-of groups, written {@code a|b}) that a request with these
     *     parameter names lacks
     */
    public List<String> missingQuery(Set<String> given) {
        Set<String> names = new LinkedHashSet<>();
        for (String g : given) {
            names.add(bare(g));
        }
        List<String> missing = new ArrayList<>();
        for (QueryParam p : query.values()) {
            if (p.required() && !names.contains(bare(p.name()))) {
                missing.add(p.name());
            }
        }
        for (List<String> group : queryOneOf) {
            if (group.stream().noneMatch(names::contains)) {
                missing.add(String.join("|", group));
            }
        }
        return missing;
    }

    private static String bare(String name) {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    }

    /**
     * The required body fields this body lacks (absent or JSON null), as dotted paths; a nested requirement is
     * checked only where its parent is present. An array body is addressed with a leading {@code []}.
     *
     * @param body the request body
     * @return the required body fields this body lacks (absent or JSON null), as dotted paths
     */
    public List<String> missingBodyFields(JsonNode body) {
        Set<String> missing = new LinkedHashSet<>();
        for (String field : bodyRequired) {
            check(body, field, "", missing);
        }
        return List.copyOf(missing);
    }

    private static void check(JsonNode node, String rest, String done, Set<String> missing) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (rest.startsWith("[].")) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    check(element, rest.substring(3), done + "[].", missing);
                }
            }
            return;
        }
        int dot = rest.indexOf('.');
        int arr = rest.indexOf("[].");
        int cut = dot < 0 ? arr : arr < 0 ? dot : Math.min(dot, arr);
        String key = cut < 0 ? rest : rest.substring(0, cut);
        if (!node.isObject()) {
            return;
        }
        JsonNode child = node.get(key);
        if (cut < 0) {
            if (blank(child)) {
                missing.add(done + key);
            }
            return;
        }
        String next = rest.substring(cut + (cut == arr ? 0 : 1));
        check(child, next, done + key + (cut == arr ? "" : "."), missing);
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    /**
     * {@code METHOD path} of the template, e.g. {@code GET /rest/v1.0/contract_payments}.
     *
     * @return the signature
     */
    public String signature() {
        return method + " " + path;
    }
}
