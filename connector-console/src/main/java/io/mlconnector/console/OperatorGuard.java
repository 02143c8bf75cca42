package io.mlconnector.console;

import io.mlconnector.core.crypto.ConstantTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Guards the operator routes, which show business data and can change mappings and requeue work. A request passes
 * only when
 * <ul>
 *   <li>it comes from a loopback address, and its {@code Host} names this machine's loopback interface
 *       ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), so a page on another site cannot reach the routes
 *       through DNS rebinding (unless the host turned loopback-only off, e.g. behind its own authentication);</li>
 *   <li>it is not a cross-site browser request: an {@code Origin} header must be the same origin as {@code Host},
 *       and {@code Sec-Fetch-Site}, when sent, must be {@code same-origin} or {@code none};</li>
 *   <li>it carries {@code Authorization: Bearer <token>} (compared in constant time), unless the operator disabled
 *       the token explicitly.</li>
 * </ul>
 * A refused request gets 401 (token) or 403 (everything else). The console's page itself (static assets) is checked
 * without the token ({@link #checkSite}), since a browser navigating to it sends none; the page then asks for the
 * token and sends it with every API call.
 */
public final class OperatorGuard {
    /** The shortest token accepted: long enough that it cannot be guessed online. */
    public static final int MIN_TOKEN_LENGTH = 24;

    private final String token;
    private final boolean loopbackOnly;

    private OperatorGuard(Builder b) {
        if (b.token == null && !b.tokenDisabled) {
            throw new IllegalStateException("set the operator token, or call tokenDisabled() explicitly");
        }
        this.token = b.token;
        this.loopbackOnly = b.loopbackOnly;
    }

    /**
     * Starts a builder (loopback only by default; a token or an explicit {@code tokenDisabled()} is required).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loopback clients with {@code Authorization: Bearer <token>}: the usual guard.
     *
     * @param token the operator token, at least {@link #MIN_TOKEN_LENGTH} characters
     * @return the guard
     */
    public static OperatorGuard bearer(String token) {
        return builder().token(token).build();
    }

    /**
     * Whether a token is required.
     *
     * @return true unless the token was disabled explicitly
     */
    public boolean tokenRequired() {
        return token != null;
    }

    /**
     * Checks an API request: site rules and the token.
     *
     * @param remoteAddress the TCP peer, null when unknown
     * @param header the request's headers by name (any case; null when absent)
     * @return the refusal, or empty when the request may pass
     */
    public Optional<GuardRefusal> check(InetAddress remoteAddress, Function<String, String> header) {
        Optional<GuardRefusal> site = checkSite(remoteAddress, header);
        if (site.isPresent()) {
            return site;
        }
        return acceptsToken(header.apply("Authorization")) ? Optional.empty()
                : Optional.of(new GuardRefusal(401, "operator routes need Authorization: Bearer <operator token>"));
    }

    /**
     * Checks the site rules only (loopback, {@code Host}, {@code Origin}, {@code Sec-Fetch-Site}), not the token: for
     * the console's static page.
     *
     * @param remoteAddress the TCP peer, null when unknown
     * @param header the request's headers by name (any case; null when absent)
     * @return the refusal, or empty when the request may pass
     */
    public Optional<GuardRefusal> checkSite(InetAddress remoteAddress, Function<String, String> header) {
        Objects.requireNonNull(header, "header");
        String host = header.apply("Host");
        if (loopbackOnly) {
            if (remoteAddress == null || !remoteAddress.isLoopbackAddress()) {
                return Optional.of(new GuardRefusal(403, "operator routes answer loopback clients only"));
            }
            if (host == null || !isLoopbackHost(host)) {
                return Optional.of(new GuardRefusal(403, "operator routes answer requests addressed to localhost only"));
            }
        }
        String origin = header.apply("Origin");
        if (origin != null && (host == null || !sameOrigin(origin, host))) {
            return Optional.of(new GuardRefusal(403, "cross-site requests are refused"));
        }
        String fetchSite = header.apply("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return Optional.of(new GuardRefusal(403, "cross-site requests are refused"));
        }
        return Optional.empty();
    }

    /**
     * Whether an {@code Authorization} header value carries the token (constant-time comparison); always true when
     * the token is disabled.
     *
     * @param authorizationHeader the header value, may be null
     * @return whether it carries the token
     */
    public boolean acceptsToken(String authorizationHeader) {
        if (token == null) {
            return true;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return ConstantTime.equals(authorizationHeader.substring(7).trim(), token);
    }

    /**
     * Whether a {@code Host} header names the loopback interface: {@code localhost}, or a literal loopback address
     * (a name is never resolved).
     *
     * @param hostHeader the {@code Host} header value ({@code name[:port]} or {@code [v6][:port]})
     * @return whether it names loopback
     */
    public static boolean isLoopbackHost(String hostHeader) {
        String name = hostName(hostHeader);
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (name.equals("localhost")) {
            return true;
        }
        boolean literal = name.startsWith("[") || name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false; // never resolve a name from a request
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI o = URI.create(origin.trim());
            String authority = o.getRawAuthority();
            return authority != null && ("http".equalsIgnoreCase(o.getScheme()) || "https".equalsIgnoreCase(o.getScheme()))
                    && authority.toLowerCase(Locale.ROOT).equals(hostHeader.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Builds an {@link OperatorGuard}. */
    public static final class Builder {
        private String token;
        private boolean tokenDisabled;
        private boolean loopbackOnly = true;

        private Builder() {
        }

        /**
         * The operator token that API requests must present as {@code Authorization: Bearer <token>}.
         *
         * @param value the token, at least {@link #MIN_TOKEN_LENGTH} characters
         * @return this builder
         * @throws IllegalArgumentException when the token is shorter
         */
        public Builder token(String value) {
            Objects.requireNonNull(value, "token");
            if (value.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("the operator token must be at least " + MIN_TOKEN_LENGTH
                        + " characters");
            }
            this.token = value;
            this.tokenDisabled = false;
            return this;
        }

        /**
         * No token (explicit opt-out): the site rules alone guard the routes.
         *
         * @return this builder
         */
        public Builder tokenDisabled() {
            this.token = null;
            this.tokenDisabled = true;
            return this;
        }

        /**
         * Whether only loopback clients addressing {@code localhost} pass (default true). Turn it off only when the
         * application authenticates operators itself (e.g. Spring Security in front of the console).
         *
         * @param value whether loopback is required
         * @return this builder
         */
        public Builder loopbackOnly(boolean value) {
            this.loopbackOnly = value;
            return this;
        }

        /**
         * Builds the guard.
         *
         * @return the guard
         * @throws IllegalStateException when neither a token nor {@code tokenDisabled()} was given
         */
        public OperatorGuard build() {
            return new OperatorGuard(this);
        }
    }
}
