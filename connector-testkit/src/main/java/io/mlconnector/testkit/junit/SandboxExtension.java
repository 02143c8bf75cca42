package io.mlconnector.testkit.junit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a sandbox before the tests and closes it after them. Registered on a {@code static} field with
 * {@code @RegisterExtension} it lives for the whole class; on an instance field, for each test. It also injects the
 * sandbox into test method parameters of its type.
 *
 * @param <S> the sandbox type
 */
public abstract class SandboxExtension<S extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<S> factory;
    private final Class<S> type;
    private S sandbox;
    private boolean perClass;

    /**
     * An extension creating (and starting) its sandbox with {@code factory}.
     *
     * @param type the type
     * @param factory the factory
     */
    protected SandboxExtension(Class<S> type, Supplier<S> factory) {
        this.type = type;
        this.factory = factory;
    }

    /**
     * The running sandbox.
     *
     * @return the running sandbox
     */
    public S sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("sandbox not started yet");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        sandbox = factory.get();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (perClass && sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            sandbox = factory.get();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass && sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType().equals(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandbox();
    }
}
