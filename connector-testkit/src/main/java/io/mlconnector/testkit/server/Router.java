package io.mlconnector.testkit.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method + path template ({@code /projects/{id}}) to handlers; the first registered match wins. */
public final class Router {

    private record Route(String method, String template, Pattern pattern, List<String> vars, RouteHandler handler) { }

    /** A registered route: method and path template. */
    public record RouteInfo(String method, String template) { }

    /** A matched route: its template and the path variables. */
    public record Match(String template, Map<String, String> vars, RouteHandler handler) { }

    private static final Pattern VAR = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Function<SandboxRequest, SandboxResponse> notFound;

    /**
     * A router that answers unknown paths with {@code notFound}.
     *
     * @param notFound the not found
     */
    public Router(Function<SandboxRequest, SandboxResponse> notFound) {
        this.notFound = notFound;
    }

    /**
     * Registers a route; returns this router.
     *
     * @param method HTTP method
     * @param template the template
     * @param handler the route handler
     * @return this router
     */
    public Router add(String method, String template, RouteHandler handler) {
        List<String> vars = new ArrayList<>();
        Matcher m = VAR.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            vars.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), vars, handler));
        return this;
    }

    /**
     * Every registered route, in registration order.
     *
     * @return every registered route, in registration order
     */
    public List<RouteInfo> routes() {
        return routes.stream().map(r -> new RouteInfo(r.method, r.template)).toList();
    }

    /**
     * Finds the route for a method and path.
     *
     * @param method HTTP method
     * @param path the request path
     * @return the match, or empty when there is none
     */
    public Optional<Match> match(String method, String path) {
        for (Route r : routes) {
            if (!r.method.equals(method)) {
                continue;
            }
            Matcher m = r.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (int i = 0; i < r.vars.size(); i++) {
                    vars.put(r.vars.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(r.template, vars, r.handler));
            }
        }
        return Optional.empty();
    }

    /**
     * The route template a request maps to, or {@code "(unmatched)"}; used by the request log.
     *
     * @param method HTTP method
     * @param path the request path
     * @return the route template a request maps to, or {@code "(unmatched)"}
     */
    public String templateFor(String method, String path) {
        return match(method, path).map(Match::template).orElse("(unmatched)");
    }

    /**
     * Dispatches a request to its route, or to the not-found handler.
     *
     * @param request the sandbox request
     * @return the dispatch
     */
    public SandboxResponse dispatch(SandboxRequest request) {
        Optional<Match> match = match(request.method(), request.path());
        if (match.isEmpty()) {
            return notFound.apply(request);
        }
        return match.get().handler().handle(request.withPathVars(match.get().vars()));
    }
}
