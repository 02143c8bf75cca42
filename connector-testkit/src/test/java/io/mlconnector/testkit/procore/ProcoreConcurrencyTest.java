package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.support.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProcoreConcurrencyTest {

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.create();

    @Test
    void parallelCreatesAndLists_neverFail_andKeepOriginIdsUnique() throws Exception {
        ProcoreSandbox pc = ext.sandbox();
        Company c = pc.seed().company("Busy");
        String[] auth = {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id", Long.toString(c.id())};
        TestHttp http = new TestHttp(pc.baseUrl());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                int[] statuses = new int[40];
                for (int i = 0; i < 20; i++) {
                    String origin = "shared-" + i;
                    statuses[2 * i] = http.postJson("/rest/v1.0/vendors", "{\"company_id\":" + c.id()
                        + ",\"vendor\":{\"name\":\"V\",\"origin_id\":\"" + origin + "\"}}", auth).status();
                    statuses[2 * i + 1] = http.get("/rest/v1.0/vendors?company_id=" + c.id() + "&per_page=5", auth)
                        .status();
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int created = 0;
        for (Future<int[]> f : results) {
            int[] s = f.get();
            for (int i = 0; i < s.length; i += 2) {
                assertThat(s[i]).isIn(201, 422);
                assertThat(s[i + 1]).isEqualTo(200);
                created += s[i] == 201 ? 1 : 0;
            }
        }
        assertThat(created).isEqualTo(20);
        assertThat(pc.vendors(c.id())).hasSize(20);
    }
}
