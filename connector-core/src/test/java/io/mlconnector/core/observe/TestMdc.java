package io.mlconnector.core.observe;

import java.lang.reflect.Field;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * The tests log through slf4j-simple, whose provider keeps no MDC (a no-op adapter); real hosts use a backend that
 * does (Logback, Log4j 2). Tests that read the MDC install SLF4J's own in-memory adapter first.
 */
public final class TestMdc {
    private TestMdc() {
    }

    /** Makes {@link MDC} keep values, if the logging backend does not. */
    public static synchronized void install() {
        if (!(MDC.getMDCAdapter() instanceof NOPMDCAdapter)) {
            return;
        }
        try {
            Field f = MDC.class.getDeclaredField("MDC_ADAPTER");
            f.setAccessible(true);
            f.set(null, new BasicMDCAdapter());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install an MDC adapter for the test", e);
        }
    }
}
