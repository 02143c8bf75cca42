package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.server.RecordedRequest;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token lifetime and rate limits, with one fake clock shared by the sandbox and the client (every client wait moves
 * it): an expired token answered 401 and renewed once, proactive renewal in steady operation, the 429 budget, the
 * spike window, and the refusal to block a thread for an hour.
 */
class ProcoreTokenAndRateLimitClientTest {
    private static final String PROJECTS = "/rest/v1.0/projects";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private ProcoreSandbox pc;

    @AfterEach
    void tearDown() {
        if (pc != null) {
            pc.close();
        }
    }

    private ProcoreClient start(ProcoreSandbox.Builder builder) {
        pc = builder.clock(clock).build().start();
        long company = pc.seed().company("Acme GC").id();
        pc.seed().project(company, "Tower A");
        return ProcoreConnections.client(pc, clock, company, sleeper);
    }

    private List<Integer> statuses(String path) {
        return pc.requestLog().entries(r -> r.path().equals(path)).stream().map(RecordedRequest::status).toList();
    }

    private static void listProjects(ProcoreClient client) {
        assertThat(client.projects().list(ListOptions.defaults()).map(ProcoreProject::name)).containsExactly("Tower A");
    }

    @Test
    void tokenExpiringDuringARetryAfterWait_gets401_andTheClientRenewsOnceAndSucceeds() {
        ProcoreClient client = start(ProcoreSandbox.builder().tokenLifetime(Duration.ofSeconds(5)));
        pc.faults().onlyFor(p -> p.startsWith("/rest/")).serviceUnavailable(1, Duration.ofSeconds(10));

        listProjects(client);

        // 503 (Retry-After 10 s, the 5-second token dies meanwhile), the same request again with it: 401, then renewed
        assertThat(statuses(PROJECTS)).containsExactly(503, 401, 200);
        assertThat(sleeper.sleeps()).contains(Duration.ofSeconds(10));
        assertThat(pc.tokenRequestCount()).isEqualTo(2);
        assertThat(client.tokens().refreshCount()).isEqualTo(2);
    }

    @Test
    void steadyOperation_renewsAheadOfTheNinetyMinuteExpiry_andNeverSendsAnExpiredToken() {
        ProcoreClient client = start(ProcoreSandbox.builder());
        for (int i = 0; i < 24; i++) { // two hours, one call every five minutes
            listProjects(client);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(statuses(PROJECTS)).hasSize(24).containsOnly(200);
        assertThat(pc.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void budgetSpentByAnotherCaller_429_clientReportsTheFiveMinuteWait_sendsNothingEarly_andSucceedsAfterTheReset() {
        ProcoreClient client = start(ProcoreSandbox.builder().hourlyLimit(3));
        listProjects(client); // opens the hour window: 1 of 3
        Instant windowStart = clock.instant();
        clock.advance(Duration.ofMinutes(55));
        // another integration in the same company spends the rest of the hourly budget
        TestHttp http = new TestHttp(pc.baseUrl());
        String company = Long.toString(client.companyId());
        for (int i = 0; i < 2; i++) {
            assertThat(http.get(PROJECTS + "?company_id=" + company, "Authorization", "Bearer " + pc.issueToken(),
                    "Procore-Company-Id", company).status()).isEqualTo(200);
        }

        // five minutes is longer than a worker may hold a work item: the wait is reported, not slept through
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> listProjects(client));
        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d)
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(2)));
        assertThat(statuses(PROJECTS)).containsExactly(200, 200, 200, 429);

        clock.advance(e.retryAfter().orElseThrow());
        listProjects(client);

        assertThat(statuses(PROJECTS)).containsExactly(200, 200, 200, 429, 200);
        RecordedRequest retried = pc.requestLog().entries(r -> r.path().equals(PROJECTS)).get(4);
        assertThat(retried.at()).as("nothing was sent before the reset").isAfterOrEqualTo(windowStart.plus(
                Duration.ofHours(1)));
    }

    @Test
    void spikeWindow_theClientPacesFromTheHeaders_andNeverRunsIntoA429() {
        ProcoreClient client = start(ProcoreSandbox.builder());
        pc.rateLimit().spikeLimit(3, Duration.ofSeconds(10));

        for (int i = 0; i < 7; i++) {
            listProjects(client);
        }

        assertThat(statuses(PROJECTS)).hasSize(7).containsOnly(200);
        // a 10 s window, plus the one-second margin the client adds to the whole-second reset header
        assertThat(sleeper.sleeps()).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(
                Duration.ofSeconds(11)));
        assertThat(sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void hourlyBudgetGone_theClientRaisesRateLimited_insteadOfBlockingForAnHour_andSendsNothing() {
        ProcoreClient client = start(ProcoreSandbox.builder().hourlyLimit(2));
        listProjects(client);
        listProjects(client);
        long sent = pc.requestLog().total();

        assertThatThrownBy(() -> listProjects(client)).isInstanceOfSatisfying(RateLimitedException.class, e ->
                assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(59), Duration.ofHours(1).plusSeconds(1))));
        assertThat(pc.requestLog().total()).isEqualTo(sent);
        assertThat(statuses(PROJECTS)).doesNotContain(429);

        clock.advance(Duration.ofHours(1));
        listProjects(client);
        assertThat(statuses(PROJECTS)).containsExactly(200, 200, 200);
    }
}
