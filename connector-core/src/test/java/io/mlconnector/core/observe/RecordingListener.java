package io.mlconnector.core.observe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.MDC;

/** A {@link ConnectorListener} that keeps every event, with the MDC it was called under. */
public final class RecordingListener implements ConnectorListener {
    /** One event and the MDC at the time. */
    public record Heard(Object event, Map<String, String> mdc) {
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();

    private void keep(Object event) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        heard.add(new Heard(event, mdc == null ? Map.of() : Map.copyOf(mdc)));
    }

    @Override
    public void onPoll(PollEvent event) {
        keep(event);
    }

    @Override
    public void onWork(WorkEvent event) {
        keep(event);
    }

    @Override
    public void onHttpAttempt(HttpAttemptEvent event) {
        keep(event);
    }

    @Override
    public void onHttpRetry(HttpRetryEvent event) {
        keep(event);
    }

    @Override
    public void onRateLimitWait(RateLimitWaitEvent event) {
        keep(event);
    }

    @Override
    public void onTokenRefresh(TokenRefreshEvent event) {
        keep(event);
    }

    @Override
    public void onReauthorizationRequired(ReauthorizationEvent event) {
        keep(event);
    }

    /** Every event heard, in order. */
    public List<Heard> heard() {
        return List.copyOf(heard);
    }

    /** The events of one type, in order. */
    public <T> List<T> events(Class<T> type) {
        return heard.stream().map(Heard::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets what was heard. */
    public void clear() {
        heard.clear();
    }
}
