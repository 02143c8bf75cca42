package io.mlconnector.procore.model;

import java.util.List;

/**
 * What the login service says about the current token ({@code GET /oauth/token/info}).
 */
public record TokenInfo(Long resourceOwnerId,
                        List<String> scopes,
                        Long expiresInSeconds,
                        Application application,
                        Long createdAt) {
    /**
     * The OAuth application a token belongs to.
     *
     * @param uid the application's client id
     */
    public record Application(String uid) {
    }
}
