package io.mlconnector.examples.ping;

import java.util.Objects;

/**
 * The outcome of one connection check.
 *
 * @param system {@code FreshBooks} or {@code Procore}
 * @param name   what was checked ({@code token}, {@code identity}, {@code company}, {@code project}, {@code scopes}…)
 * @param ok     whether it works
 * @param detail what was found, or why it failed and what to do (never a secret)
 */
public record PingCheck(String system, String name, boolean ok, String detail) {
    public PingCheck {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /** One printable line: {@code [ ok ] FreshBooks token: ...}. */
    public String line() {
        return (ok ? "[ ok ] " : "[FAIL] ") + system + " " + name + ": " + detail;
    }
}
