package io.mlconnector.core.observe;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several {@link ConnectorListener}s as one, each call guarded: a listener that throws is logged (at WARN) and the
 * others still hear the event; nothing a listener throws reaches the caller, except a {@link VirtualMachineError}.
 * Immutable and thread-safe; the builders of the engine, the transport and the token manager use it.
 */
public final class ConnectorListeners implements ConnectorListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorListeners.class);
    private static final ConnectorListeners NONE = new ConnectorListeners(List.of());

    private final List<ConnectorListener> listeners;

    private ConnectorListeners(List<ConnectorListener> listeners) {
        this.listeners = listeners;
    }

    /**
     * No listener.
     *
     * @return the shared empty instance
     */
    public static ConnectorListeners none() {
        return NONE;
    }

    /**
     * The listeners, called in order (nulls are refused); nested {@code ConnectorListeners} are flattened.
     *
     * @param listeners the listeners, in call order
     * @return one listener calling them all, or {@link #none()} when there is none
     * @throws NullPointerException if {@code listeners} or one of them is null
     */
    public static ConnectorListeners of(Collection<? extends ConnectorListener> listeners) {
        List<ConnectorListener> flat = new java.util.ArrayList<>();
        for (ConnectorListener l : listeners) {
            Objects.requireNonNull(l, "listener");
            if (l instanceof ConnectorListeners many) {
                flat.addAll(many.listeners);
            } else {
                flat.add(l);
            }
        }
        return flat.isEmpty() ? NONE : new ConnectorListeners(List.copyOf(flat));
    }

    /**
     * These listeners followed by {@code more}.
     *
     * @param more the listener to call after these
     * @return a new instance; this one is unchanged
     * @throws NullPointerException if {@code more} is null
     */
    public ConnectorListeners and(ConnectorListener more) {
        List<ConnectorListener> all = new java.util.ArrayList<>(listeners);
        all.add(Objects.requireNonNull(more, "listener"));
        return of(all);
    }

    /**
     * The listeners, in call order.
     *
     * @return an immutable list, without nested {@code ConnectorListeners}
     */
    public List<ConnectorListener> listeners() {
        return listeners;
    }

    /**
     * Whether there is no listener (callers may skip building events).
     *
     * @return true when no listener is registered
     */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    @Override
    public void onPoll(PollEvent event) {
        each("onPoll", l -> l.onPoll(event));
    }

    @Override
    public void onWork(WorkEvent event) {
        each("onWork", l -> l.onWork(event));
    }

    @Override
    public void onHttpAttempt(HttpAttemptEvent event) {
        each("onHttpAttempt", l -> l.onHttpAttempt(event));
    }

    @Override
    public void onHttpRetry(HttpRetryEvent event) {
        each("onHttpRetry", l -> l.onHttpRetry(event));
    }

    @Override
    public void onRateLimitWait(RateLimitWaitEvent event) {
        each("onRateLimitWait", l -> l.onRateLimitWait(event));
    }

    @Override
    public void onTokenRefresh(TokenRefreshEvent event) {
        each("onTokenRefresh", l -> l.onTokenRefresh(event));
    }

    @Override
    public void onReauthorizationRequired(ReauthorizationEvent event) {
        each("onReauthorizationRequired", l -> l.onReauthorizationRequired(event));
    }

    @Override
    public void onReconciliation(ReconciliationEvent event) {
        each("onReconciliation", l -> l.onReconciliation(event));
    }

    private void each(String method, Consumer<ConnectorListener> call) {
        for (ConnectorListener l : listeners) {
            try {
                call.accept(l);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                LOG.warn("listener {}.{} failed; ignored: {}", l.getClass().getName(), method, e.toString());
            }
        }
    }
}
