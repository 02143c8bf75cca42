package io.mlconnector.benchmarks.http;

import io.mlconnector.benchmarks.Suite;
import io.mlconnector.benchmarks.report.Figure;
import java.util.List;

/**
 * The PostgreSQL intake figures of issue 18 over HTTP, in one child JVM ({@link HttpIntakeRun}, TCP_NODELAY on):
 * bursts of 200 simultaneous deliveries per vendor, the open-loop curve (offered rate against p50 / p99 up to
 * saturation) and one delivery at a time. PostgreSQL with its default durability (fsync, synchronous commit).
 */
public final class HttpPostgresIntakeSuite implements Suite {
    @Override
    public String name() {
        return "httppg";
    }

    @Override
    public String description() {
        return "webhook intake over HTTP with PostgreSQL: bursts of " + HttpIntakeRun.CONCURRENCY
                + ", offered-rate curve, one at a time";
    }

    @Override
    public List<Figure> run() throws Exception {
        return HttpIntakeSuite.child("postgres", true, "", "bursts,curve,single", null);
    }
}
