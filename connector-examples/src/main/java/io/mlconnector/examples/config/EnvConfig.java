package io.mlconnector.examples.config;

import io.mlconnector.core.auth.EncryptionKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the example host's environment variables into a {@link HostConfig}. Collects every problem before failing
 * ({@link InvalidConfigurationException}); a message names the variable and what is expected, and repeats the value
 * only for variables that are not secret.
 *
 * <p>The variables (see the README, "Configuration"):
 * {@value #PORT}, {@value #DATA_DIR}, {@value #MASTER_KEY}, {@value #FB_API_URL}, {@value #FB_AUTH_URL},
 * {@value #FB_CLIENT_ID}, {@value #FB_CLIENT_SECRET}, {@value #FB_REDIRECT_URI}, {@value #FB_REFRESH_TOKEN},
 * {@value #FB_ACCOUNT_ID}, {@value #FB_BUSINESS_ID}, {@value #FB_WEBHOOK_VERIFIER}, {@value #PC_API_URL},
 * {@value #PC_LOGIN_URL}, {@value #PC_CLIENT_ID}, {@value #PC_CLIENT_SECRET}, {@value #PC_COMPANY_ID},
 * {@value #PC_WEBHOOK_SECRET}, {@value #MAPPINGS}, {@value #POLL_INTERVAL}.
 */
public final class EnvConfig {
    public static final String PORT = "MLC_PORT";
    public static final String DATA_DIR = "MLC_DATA_DIR";
    public static final String MASTER_KEY = "MLC_MASTER_KEY";
    public static final String FB_API_URL = "FRESHBOOKS_API_URL";
    public static final String FB_AUTH_URL = "FRESHBOOKS_AUTH_URL";
    public static final String FB_CLIENT_ID = "FRESHBOOKS_CLIENT_ID";
    public static final String FB_CLIENT_SECRET = "FRESHBOOKS_CLIENT_SECRET";
    public static final String FB_REDIRECT_URI = "FRESHBOOKS_REDIRECT_URI";
    public static final String FB_REFRESH_TOKEN = "FRESHBOOKS_REFRESH_TOKEN";
    public static final String FB_ACCOUNT_ID = "FRESHBOOKS_ACCOUNT_ID";
    public static final String FB_BUSINESS_ID = "FRESHBOOKS_BUSINESS_ID";
    public static final String FB_WEBHOOK_VERIFIER = "FRESHBOOKS_WEBHOOK_VERIFIER";
    public static final String PC_API_URL = "PROCORE_API_URL";
    public static final String PC_LOGIN_URL = "PROCORE_LOGIN_URL";
    public static final String PC_CLIENT_ID = "PROCORE_CLIENT_ID";
    public static final String PC_CLIENT_SECRET = "PROCORE_CLIENT_SECRET";
    public static final String PC_COMPANY_ID = "PROCORE_COMPANY_ID";
    public static final String PC_WEBHOOK_SECRET = "PROCORE_WEBHOOK_SECRET";
    public static final String MAPPINGS = "MLC_MAPPINGS";
    public static final String POLL_INTERVAL = "MLC_POLL_INTERVAL";
    /** Bearer token of the operator routes; required unless {@link #ADMIN_AUTH} is {@code disabled}. */
    public static final String ADMIN_TOKEN = "MLC_ADMIN_TOKEN";
    /** {@code disabled} to run the operator routes without a token (loopback clients only); nothing else is valid. */
    public static final String ADMIN_AUTH = "MLC_ADMIN_AUTH";

    /** Every variable the host reads, in README order. */
    public static final List<String> ALL = List.of(PORT, DATA_DIR, MASTER_KEY, FB_API_URL, FB_AUTH_URL, FB_CLIENT_ID,
            FB_CLIENT_SECRET, FB_REDIRECT_URI, FB_REFRESH_TOKEN, FB_ACCOUNT_ID, FB_BUSINESS_ID, FB_WEBHOOK_VERIFIER,
            PC_API_URL, PC_LOGIN_URL, PC_CLIENT_ID, PC_CLIENT_SECRET, PC_COMPANY_ID, PC_WEBHOOK_SECRET, MAPPINGS,
            POLL_INTERVAL, ADMIN_TOKEN, ADMIN_AUTH);

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATA_DIR = "mlc-data";
    static final String DEFAULT_FB_API = "https://api.freshbooks.com";
    static final String DEFAULT_FB_AUTH = "https://auth.freshbooks.com";
    static final String DEFAULT_PC_API = "https://api.procore.com";
    static final String DEFAULT_PC_LOGIN = "https://login.procore.com";
    static final Duration DEFAULT_POLL = Duration.ofMinutes(5);

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private EnvConfig(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Parses the process environment. */
    public static HostConfig fromSystem() {
        return parse(System.getenv());
    }

    /**
     * Parses a map of variables.
     *
     * @throws InvalidConfigurationException listing every missing or invalid variable
     */
    public static HostConfig parse(Map<String, String> env) {
        return new EnvConfig(env).build();
    }

    private HostConfig build() {
        int port = port();
        Path dataDir = path(DATA_DIR, DEFAULT_DATA_DIR, true);
        EncryptionKey key = masterKey();
        URI fbApi = url(FB_API_URL, DEFAULT_FB_API);
        URI fbAuth = url(FB_AUTH_URL, DEFAULT_FB_AUTH);
        String fbClient = required(FB_CLIENT_ID);
        Secret fbSecret = secret(FB_CLIENT_SECRET, true);
        String redirect = optional(FB_REDIRECT_URI);
        if (redirect != null) {
            url(FB_REDIRECT_URI, null);
        }
        Secret refresh = secret(FB_REFRESH_TOKEN, false);
        String account = optional(FB_ACCOUNT_ID);
        Long business = positiveLong(FB_BUSINESS_ID, false);
        Secret fbVerifier = secret(FB_WEBHOOK_VERIFIER, false);
        URI pcApi = url(PC_API_URL, DEFAULT_PC_API);
        URI pcLogin = url(PC_LOGIN_URL, DEFAULT_PC_LOGIN);
        String pcClient = required(PC_CLIENT_ID);
        Secret pcSecret = secret(PC_CLIENT_SECRET, true);
        Long company = positiveLong(PC_COMPANY_ID, true);
        Secret hookSecret = secret(PC_WEBHOOK_SECRET, true);
        Path mappings = mappingsFile();
        Duration poll = pollInterval();
        AdminAccess admin = adminAccess();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new HostConfig(port, dataDir, key,
                new FreshBooksSettings(fbApi, fbAuth, fbClient, fbSecret, redirect, refresh, account, business,
                        fbVerifier),
                new ProcoreSettings(pcApi, pcLogin, pcClient, pcSecret, company, hookSecret), mappings, poll,
                admin);
    }

    private AdminAccess adminAccess() {
        String auth = optional(ADMIN_AUTH);
        String token = optional(ADMIN_TOKEN);
        if (auth != null && !auth.equalsIgnoreCase("disabled")) {
            problems.add(ADMIN_AUTH + " must be 'disabled' or unset");
            return null;
        }
        if (auth != null) {
            if (token != null) {
                problems.add(ADMIN_AUTH + "=disabled and " + ADMIN_TOKEN + " contradict each other; set one");
            }
            return AdminAccess.disabled();
        }
        if (token == null) {
            problems.add(ADMIN_TOKEN + " is required (at least " + AdminAccess.MIN_TOKEN_LENGTH
                    + " characters, e.g. openssl rand -hex 24) unless " + ADMIN_AUTH + "=disabled");
            return null;
        }
        if (token.length() < AdminAccess.MIN_TOKEN_LENGTH) {
            problems.add(ADMIN_TOKEN + " must be at least " + AdminAccess.MIN_TOKEN_LENGTH + " characters");
            return null;
        }
        return AdminAccess.bearer(new Secret(token));
    }

    private String optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private String required(String name) {
        String v = optional(name);
        if (v == null) {
            problems.add(name + " is required");
        }
        return v;
    }

    private Secret secret(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        return v == null ? null : new Secret(v);
    }

    private int port() {
        String v = optional(PORT);
        if (v == null) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65_535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PORT + " must be a port number from 0 to 65535 (got '" + v + "')");
        return 0;
    }

    private Path path(String name, String fallback, boolean required) {
        String v = optional(name);
        if (v == null) {
            v = fallback;
        }
        if (v == null) {
            if (required) {
                problems.add(name + " is required");
            }
            return null;
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            problems.add(name + " is not a valid path (got '" + v + "'): " + e.getReason());
            return null;
        }
    }

    private URI url(String name, String fallback) {
        String v = optional(name);
        if (v == null) {
            v = fallback;
        }
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(name + " must be an absolute http(s) URL (got '" + v + "')");
        return null;
    }

    private Long positiveLong(String name, boolean required) {
        String v = required ? required(name) : optional(name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a positive whole number (got '" + v + "')");
        return null;
    }

    private EncryptionKey masterKey() {
        String v = required(MASTER_KEY);
        if (v == null) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            problems.add(MASTER_KEY + " must be Base64 (standard alphabet) of 32 random bytes; "
                    + "generate one with: openssl rand -base64 32");
            return null;
        }
        if (raw.length != 32) {
            problems.add(MASTER_KEY + " must decode to 32 bytes (AES-256) but decodes to " + raw.length
                    + "; generate one with: openssl rand -base64 32");
            return null;
        }
        return EncryptionKey.aes256(keyId(raw), raw);
    }

    /** A key id derived from the key (so a different key is recognised as such), not revealing it. */
    static String keyId(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("ml-connector key id".getBytes(StandardCharsets.UTF_8));
            return "mlc-" + HexFormat.of().formatHex(sha.digest(raw), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path mappingsFile() {
        Path p = path(MAPPINGS, null, false);
        if (p == null) {
            return null;
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            problems.add(MAPPINGS + " must name a .csv or .json file (got '" + p + "')");
            return null;
        }
        return p;
    }

    private Duration pollInterval() {
        String v = optional(POLL_INTERVAL);
        if (v == null) {
            return DEFAULT_POLL;
        }
        try {
            Duration d = Duration.parse(v);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(POLL_INTERVAL + " must be a positive ISO-8601 duration such as PT5M or PT30S (got '" + v + "')");
        return DEFAULT_POLL;
    }
}
