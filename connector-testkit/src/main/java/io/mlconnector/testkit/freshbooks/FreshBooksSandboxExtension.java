package io.mlconnector.testkit.freshbooks;

import io.mlconnector.testkit.junit.SandboxExtension;
import java.util.function.Supplier;

/**
 * JUnit 5 extension running a {@link FreshBooksSandbox}:
 * {@code @RegisterExtension static FreshBooksSandboxExtension FB = FreshBooksSandboxExtension.create();}.
 */
public final class FreshBooksSandboxExtension extends SandboxExtension<FreshBooksSandbox> {

    private FreshBooksSandboxExtension(Supplier<FreshBooksSandbox> factory) {
        super(FreshBooksSandbox.class, factory);
    }

    /**
     * A sandbox with default settings.
     *
     * @return the {@code FreshBooksSandboxExtension}
     */
    public static FreshBooksSandboxExtension create() {
        return with(FreshBooksSandbox.builder());
    }

    /**
     * A sandbox built from {@code builder} (e.g. with a test clock).
     *
     * @param builder the builder
     * @return a sandbox built from {@code builder} (e.g
     */
    public static FreshBooksSandboxExtension with(FreshBooksSandbox.Builder builder) {
        return new FreshBooksSandboxExtension(() -> builder.build().start());
    }
}
