package io.mlconnector.testkit.server;

/** Wraps request handling: may answer on its own (faults, rate limits) or decorate what the next handler returns. */
@FunctionalInterface
public interface RequestFilter {

    /**
     * Handles the request, usually by calling {@code next}.
     *
     * @param request the sandbox request
     * @param next the next handler
     * @return the filter
     */
    SandboxResponse filter(SandboxRequest request, RouteHandler next);
}
