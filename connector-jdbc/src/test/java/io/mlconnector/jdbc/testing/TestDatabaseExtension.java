package io.mlconnector.jdbc.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class (and its nested classes) one {@link TestDatabase}, injected as a constructor or method
 * parameter and emptied before every test; after every test, fails it if a store handed a pooled connection back
 * unclean. Subclasses say which database.
 */
abstract class TestDatabaseExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    /** A new, migrated database for the test class of {@code classContext}. */
    abstract TestDatabase create(ExtensionContext classContext);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database(context).clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database(context).assertConnectionsCameBackClean();
    }

    private TestDatabase database(ExtensionContext context) {
        ExtensionContext top = outermostClassContext(context);
        return top.getStore(NAMESPACE).getOrComputeIfAbsent(TestDatabase.class, k -> create(top), TestDatabase.class);
    }

    /** The context of the top-level test class, so nested classes share their outer class's database. */
    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext top = context;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()) {
                top = c;
            }
        }
        return top;
    }
}
