package io.mlconnector.testkit.server;

/** Thrown by a handler to stop and answer with a prepared error response. */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SandboxResponse response;

    /**
     * Wraps the response to send.
     *
     * @param response the sandbox response
     */
    public HttpProblem(SandboxResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    /**
     * The response to send.
     *
     * @return the response to send
     */
    public SandboxResponse response() {
        return response;
    }
}
