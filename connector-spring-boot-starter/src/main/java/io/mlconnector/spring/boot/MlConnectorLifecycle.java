package io.mlconnector.spring.boot;

import io.mlconnector.runtime.MlConnector;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the connector's polls and workers when the application context starts and stops them when it stops: on
 * the app's scheduler when it has one (the {@code ScheduledExecutorService} of its {@code ThreadPoolTaskScheduler}),
 * else on the connector's own two daemon threads. Starts after the web server (webhooks are accepted and queued
 * before) and stops before it; queued work stays queued across restarts.
 */
public final class MlConnectorLifecycle implements SmartLifecycle {
    /** The phase: after the web server starts ({@code DEFAULT_PHASE - 2048}), before its graceful shutdown. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final MlConnector connector;
    private final Supplier<ScheduledExecutorService> scheduler;
    private volatile boolean running;
    private volatile boolean ownScheduler;

    /**
     * A lifecycle for {@code connector}.
     *
     * @param connector the connector to start and stop
     * @param scheduler where the app's scheduler is found when starting; a null answer means the connector's own
     */
    public MlConnectorLifecycle(MlConnector connector, Supplier<ScheduledExecutorService> scheduler) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledExecutorService app = scheduler.get();
        if (app != null) {
            connector.start(app);
            ownScheduler = false;
        } else {
            connector.start();
            ownScheduler = true;
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            connector.stop();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Whether the last start used the connector's own scheduler (the app had none).
     *
     * @return true when the connector runs on its own threads
     */
    public boolean usesOwnScheduler() {
        return ownScheduler;
    }
}
