package io.mlconnector.examples.ping;

import java.util.List;

/**
 * What {@link Ping} found: one {@link PingCheck} per check, in the order run.
 *
 * @param checks the checks
 */
public record PingReport(List<PingCheck> checks) {
    public PingReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean allOk() {
        return checks.stream().allMatch(PingCheck::ok);
    }

    /** The checks that failed. */
    public List<PingCheck> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    /** The check with this system and name, if run. */
    public java.util.Optional<PingCheck> check(String system, String name) {
        return checks.stream().filter(c -> c.system().equals(system) && c.name().equals(name)).findFirst();
    }

    /** The report as printable lines. */
    public String render() {
        StringBuilder b = new StringBuilder();
        checks.forEach(c -> b.append(c.line()).append('\n'));
        b.append(allOk() ? "Both connections work." : failures().size() + " check(s) failed.").append('\n');
        return b.toString();
    }
}
