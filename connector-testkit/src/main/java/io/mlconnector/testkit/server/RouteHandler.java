package io.mlconnector.testkit.server;

/** Answers one request; may throw {@link HttpProblem} to answer with an error. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Handles the request.
     *
     * @param request the sandbox request
     * @return the handle
     */
    SandboxResponse handle(SandboxRequest request);
}
