package io.mlconnector.examples.ping;

import io.mlconnector.core.auth.AccessToken;
import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.error.ApiException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.examples.config.EnvConfig;
import io.mlconnector.examples.config.HostConfig;
import io.mlconnector.examples.wiring.ConnectorRuntime;
import io.mlconnector.examples.wiring.FreshBooksSide;
import io.mlconnector.examples.wiring.ProcoreSide;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.freshbooks.model.Identity;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.Company;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.TokenInfo;
import io.mlconnector.procore.resource.ListOptions;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Add your credentials, ping your real systems, and see if we fit": checks both connections of a {@link HostConfig}
 * with read-only calls and reports what works and what does not. It creates, changes and deletes nothing in either
 * system. Locally it uses the same encrypted credential store as the host: FreshBooks refresh tokens are single use,
 * so the rotated grant from a refresh must be saved for the host to start afterwards.
 *
 * <p>FreshBooks: token (refresh if needed), identity ({@code /users/me}), the business of the configured account,
 * a project and the expense categories readable, and the granted scopes against the ones the connector uses.
 * Procore: token (client credentials), token info (application id), the configured company among the service
 * account's companies, a project reachable in it, and the company vendor list readable.
 */
public final class Ping {
    /** FreshBooks scopes the connector uses (read everything it syncs; write expenses and project budgets). */
    public static final Set<String> FRESHBOOKS_SCOPES = Set.of("user:profile:read", "user:bills:read",
            "user:bill_vendors:read", "user:bill_payments:read", "user:expenses:read", "user:expenses:write",
            "user:invoices:read", "user:payments:read", "user:clients:read", "user:projects:read",
            "user:projects:write");
    static final String FB = "FreshBooks";
    static final String PC = "Procore";

    private final HostConfig config;
    private final Clock clock;
    private final List<PingCheck> checks = new ArrayList<>();

    private Ping(HostConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs every check; never throws for a failed check. */
    public static PingReport run(HostConfig config, Clock clock) {
        Ping p = new Ping(config, clock);
        CredentialStore store = ConnectorRuntime.credentialStore(config);
        p.freshBooks(store);
        p.procore(store);
        return new PingReport(p.checks);
    }

    /** {@code ping} from the command line: prints the report, exits 0 when everything works, else 1. */
    public static void main(String[] args) {
        PingReport report = run(EnvConfig.fromSystem(), Clock.systemUTC());
        System.out.print(report.render());
        System.exit(report.allOk() ? 0 : 1);
    }

    // ------------------------------------------------------------------ FreshBooks

    private void freshBooks(CredentialStore store) {
        FreshBooksSide side = attempt(FB, "setup", () -> FreshBooksSide.wire(config.freshBooks(), store, clock,
                RetryPolicy.none()), s -> "account " + s.client().accountId() + ", business " + s.client().businessId());
        if (side == null) {
            return;
        }
        FreshBooksClient client = side.client();
        AccessToken token = attempt(FB, "token", () -> client.tokens().token(),
                t -> "access token valid until " + t.expiresAt());
        if (token == null) {
            return;
        }
        Identity me = attempt(FB, "identity", client::identity,
                i -> "user " + i.effectiveIdentityId() + " with " + i.businesses().size() + " business(es)");
        if (me != null) {
            boolean found = me.businessByAccountId(client.accountId()).isPresent();
            checks.add(new PingCheck(FB, "business", found, found
                    ? "account " + client.accountId() + " belongs to this user"
                    : "account " + client.accountId() + " is not among this user's businesses; check "
                    + EnvConfig.FB_ACCOUNT_ID));
        }
        attempt(FB, "project", () -> side.accounting().listProjects(), list -> list.isEmpty()
                ? "projects readable, but none is active (bills need a mapped project)"
                : list.size() + " active project(s), e.g. '" + list.get(0).name() + "'");
        attempt(FB, "expense categories", () -> side.accounting().listGlAccounts(),
                list -> list.size() + " expense categories (the GL accounts of bill lines)");
        Optional<OAuthTokens> grant = side.tokens().storedGrant();
        Set<String> granted = new TreeSet<>(grant.map(OAuthTokens::scopes).orElse(List.of()));
        Set<String> missing = new TreeSet<>(FRESHBOOKS_SCOPES);
        missing.removeAll(granted);
        if (granted.isEmpty()) {
            checks.add(new PingCheck(FB, "scopes", true, "the token endpoint reported no scopes; calls above decide"));
        } else if (granted.contains("admin:all:legacy")) {
            checks.add(new PingCheck(FB, "scopes", true, "legacy app with admin:all:legacy"));
        } else {
            checks.add(new PingCheck(FB, "scopes", missing.isEmpty(), missing.isEmpty()
                    ? "all " + FRESHBOOKS_SCOPES.size() + " scopes the connector uses are granted"
                    : "missing " + missing + ": tick them on the app and authorize again"));
        }
    }

    // ------------------------------------------------------------------ Procore

    private void procore(CredentialStore store) {
        ProcoreSide side = attempt(PC, "setup", () -> ProcoreSide.wire(config.procore(), store, clock,
                RetryPolicy.none()), s -> "company " + s.client().companyId() + " at " + s.client().apiBase());
        if (side == null) {
            return;
        }
        ProcoreClient client = side.client();
        AccessToken token = attempt(PC, "token", () -> client.tokens().token(),
                t -> "access token valid until " + t.expiresAt());
        if (token == null) {
            return;
        }
        TokenInfo info = attempt(PC, "identity", client::tokenInfo, i -> "token of application "
                + (i.application() == null ? "?" : i.application().uid()) + ", service account user "
                + i.resourceOwnerId());
        if (info != null) {
            String uid = info.application() == null ? null : info.application().uid();
            boolean same = uid == null || uid.equals(client.clientId());
            checks.add(new PingCheck(PC, "scopes", same, (info.scopes() == null || info.scopes().isEmpty()
                    ? "no OAuth scopes reported (service account permissions come from its directory user)"
                    : "scopes " + info.scopes()) + (same ? "" : "; token belongs to another application " + uid)));
        }
        List<Company> companies = fetch(PC, "company", () -> client.companies().list().toList(),
                " (check " + EnvConfig.PC_COMPANY_ID + " and that the app is installed in that company)");
        if (companies == null) {
            return;
        }
        Optional<Company> mine = companies.stream().filter(c -> c.id() == client.companyId()).findFirst();
        checks.add(new PingCheck(PC, "company", mine.isPresent(), mine.map(c -> "company " + c.id() + " '" + c.name()
                + "' reachable").orElse("company " + client.companyId() + " is not among the " + companies.size()
                + " companies this service account can see; check " + EnvConfig.PC_COMPANY_ID
                + " and that the app is installed in that company")));
        if (mine.isEmpty()) {
            return;
        }
        attempt(PC, "project", () -> client.projects().list(ListOptions.defaults().withPerPage(10)).findFirst(),
                p -> p.map((ProcoreProject x) -> "project " + x.id() + " '" + x.name() + "' reachable")
                        .orElse("no project visible in the company: add the service account to the projects to sync"));
        attempt(PC, "vendors", () -> client.vendors().list(ListOptions.defaults().withPerPage(10)).limit(10).count(),
                n -> "company directory readable (" + n + (n == 10 ? "+" : "") + " vendors)");
    }

    // ------------------------------------------------------------------ plumbing

    private <T> T attempt(String system, String name, Supplier<T> call, Function<T, String> ok) {
        T value = fetch(system, name, call, null);
        if (value != null) {
            checks.add(new PingCheck(system, name, true, ok.apply(value)));
        }
        return value;
    }

    /** Runs a call; records a failed check (and returns null) when it throws. */
    private <T> T fetch(String system, String name, Supplier<T> call, String hint) {
        try {
            return Objects.requireNonNull(call.get(), name);
        } catch (ApiException e) {
            checks.add(new PingCheck(system, name, false, e.getMessage() + (hint != null ? hint : advice(e.status()))));
        } catch (ConnectorException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            checks.add(new PingCheck(system, name, false, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (UncheckedIOException e) {
            checks.add(new PingCheck(system, name, false, "I/O: " + e.getMessage()));
        }
        return null;
    }

    private static String advice(int status) {
        return switch (status) {
            case 401 -> " (credentials refused: check client id/secret or authorize again)";
            case 403 -> " (permission or scope missing)";
            case 404 -> " (wrong id or base URL)";
            default -> "";
        };
    }
}
