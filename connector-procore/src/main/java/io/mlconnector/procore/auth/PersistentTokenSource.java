package io.mlconnector.procore.auth;

import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TokenSource} that keeps the current token in the {@link ProcoreCredentialVault}: the first fetch of a
 * (re)started client reuses a stored token that is still valid for longer than {@code minRemaining} (so it is not
 * already due for renewal); every later fetch asks the delegate for a new token and stores it.
 */
public final class PersistentTokenSource implements TokenSource {
    private final TokenSource delegate;
    private final ProcoreCredentialVault vault;
    private final Clock clock;
    private final Duration minRemaining;
    private boolean storeConsulted;

    /**
     * Creates a {@code PersistentTokenSource}.
     *
     * @param delegate the delegate source
     * @param vault the Procore credential vault
     * @param clock the clock that timestamps are taken from
     * @param minRemaining the min remaining
     */
    public PersistentTokenSource(TokenSource delegate, ProcoreCredentialVault vault, Clock clock, Duration minRemaining) {
        this.delegate = Objects.requireNonNull(delegate);
        this.vault = Objects.requireNonNull(vault);
        this.clock = Objects.requireNonNull(clock);
        this.minRemaining = Objects.requireNonNull(minRemaining);
    }

    @Override
    public synchronized AccessToken fetchToken() {
        if (!storeConsulted) {
            storeConsulted = true;
            Optional<AccessToken> stored = vault.token();
            if (stored.isPresent() && clock.instant().plus(minRemaining).isBefore(stored.get().expiresAt())) {
                return stored.get();
            }
        }
        AccessToken fresh = delegate.fetchToken();
        vault.saveToken(fresh);
        return fresh;
    }
}
