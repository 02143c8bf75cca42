package io.mlconnector.procore;

import java.net.URI;

/**
 * Procore's hosts per environment (procore.md §0.1). Tokens and credentials do not carry across environments: a
 * developer sandbox needs the sandbox client id/secret. ({@code api-sandbox.procore.com} does not exist.)
 */
public enum ProcoreEnvironment {
    /** Production: {@code https://api.procore.com}, tokens from {@code https://login.procore.com}. */
    PRODUCTION("https://api.procore.com", "https://login.procore.com"),
    /** The app's developer sandbox: {@code https://sandbox.procore.com}, tokens from {@code https://login-sandbox.procore.com}. */
    SANDBOX("https://sandbox.procore.com", "https://login-sandbox.procore.com"),
    /** The customer-enabled monthly sandbox (production credentials). */
    MONTHLY_SANDBOX("https://api-monthly.procore.com", "https://login-sandbox-monthly.procore.com");

    private final URI apiBase;
    private final URI loginBase;

    ProcoreEnvironment(String apiBase, String loginBase) {
        this.apiBase = URI.create(apiBase);
        this.loginBase = URI.create(loginBase);
    }

    /**
     * The REST API base.
     *
     * @return the REST API base
     */
    public URI apiBase() {
        return apiBase;
    }

    /**
     * The OAuth base.
     *
     * @return the OAuth base
     */
    public URI loginBase() {
        return loginBase;
    }
}
