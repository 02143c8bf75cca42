package io.mlconnector.testkit.procore;

import io.mlconnector.testkit.junit.SandboxExtension;
import java.util.function.Supplier;

/**
 * JUnit 5 extension running a {@link ProcoreSandbox}:
 * {@code @RegisterExtension static ProcoreSandboxExtension PC = ProcoreSandboxExtension.create();}.
 */
public final class ProcoreSandboxExtension extends SandboxExtension<ProcoreSandbox> {

    private ProcoreSandboxExtension(Supplier<ProcoreSandbox> factory) {
        super(ProcoreSandbox.class, factory);
    }

    /**
     * A sandbox with default settings.
     *
     * @return the {@code ProcoreSandboxExtension}
     */
    public static ProcoreSandboxExtension create() {
        return with(ProcoreSandbox.builder());
    }

    /**
     * A sandbox built from {@code builder} (e.g. with a test clock).
     *
     * @param builder the builder
     * @return a sandbox built from {@code builder} (e.g
     */
    public static ProcoreSandboxExtension with(ProcoreSandbox.Builder builder) {
        return new ProcoreSandboxExtension(() -> builder.build().start());
    }
}
