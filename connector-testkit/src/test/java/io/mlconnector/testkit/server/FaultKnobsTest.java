package io.mlconnector.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultKnobsTest {

    @RegisterExtension
    static final ProcoreSandboxExtension PC = ProcoreSandboxExtension.create();

    @RegisterExtension
    static final FreshBooksSandboxExtension FB = FreshBooksSandboxExtension.create();

    @AfterEach
    void clearFaults() {
        PC.sandbox().faults().clear();
        FB.sandbox().faults().clear();
    }

    private static String[] procoreAuth(ProcoreSandbox pc, Company c) {
        return new String[] {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id", Long.toString(c.id())};
    }

    @Test
    void burstOf503_carriesRetryAfter_thenNormalService(ProcoreSandbox pc) {
        Company c = pc.seed().company("Faulty");
        TestHttp http = new TestHttp(pc.baseUrl());
        String[] auth = procoreAuth(pc, c);
        pc.faults().serviceUnavailable(2, Duration.ofSeconds(7));

        Resp a = http.get("/rest/v1.0/companies", auth);
        Resp b = http.get("/rest/v1.0/companies", auth);
        Resp ok = http.get("/rest/v1.0/companies", auth);

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.header("Retry-After")).contains("7");
        assertThat(a.header("X-Rate-Limit-Limit")).isPresent();
        assertThat(b.status()).isEqualTo(503);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(pc.faults().injectedCount()).isEqualTo(2);
    }

    @Test
    void connectionReset_closesWithoutAnswer_andIsLoggedWithStatus0(FreshBooksSandbox fb) {
        TestHttp http = new TestHttp(fb.baseUrl());
        fb.faults().connectionResets(1);
        // a POST: java.net.http silently retries an idempotent GET once after a dropped connection
        assertThatThrownBy(() -> http.sendOrThrow("POST", "/auth/oauth/token", "application/json", "{}"))
            .isInstanceOf(IOException.class);
        assertThat(http.get("/auth/api/v1/users/me").status()).isEqualTo(401);
        assertThat(fb.requestLog().entries(e -> e.status() == 0)).isNotEmpty();
    }

    @Test
    void errorRate_andPathScope(FreshBooksSandbox fb) {
        TestHttp http = new TestHttp(fb.baseUrl());
        fb.faults().errorRate(1.0, 502).onlyFor(p -> p.startsWith("/accounting/"));
        Resp api = http.get("/accounting/account/" + fb.identity().accountId() + "/bills/bills");
        assertThat(api.status()).isEqualTo(502);
        assertThat(http.get("/auth/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void latency_isAddedBeforeTheAnswer(ProcoreSandbox pc) {
        TestHttp http = new TestHttp(pc.baseUrl());
        pc.faults().latency(Duration.ofMillis(150), Duration.ofMillis(200));
        long start = System.nanoTime();
        http.get("/oauth/token/info");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void requestLog_countsPerEndpointTemplate(ProcoreSandbox pc) {
        Company c = pc.seed().company("Counted");
        TestHttp http = new TestHttp(pc.baseUrl());
        String[] auth = procoreAuth(pc, c);
        long before = pc.requestLog().count("GET", "/rest/v1.0/vendors/{id}");
        http.get("/rest/v1.0/vendors/1?company_id=" + c.id(), auth);
        http.get("/rest/v1.0/vendors/2?company_id=" + c.id(), auth);
        assertThat(pc.requestLog().count("GET", "/rest/v1.0/vendors/{id}")).isEqualTo(before + 2);
        assertThat(pc.requestLog().countsByEndpoint()).containsKey("GET /rest/v1.0/vendors/{id}");
        assertThat(pc.requestLog().entries(e -> e.path().equals("/rest/v1.0/vendors/2")))
            .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(404));
    }
}
