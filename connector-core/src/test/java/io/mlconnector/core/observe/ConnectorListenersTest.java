package io.mlconnector.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.port.SourceStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorListenersTest {
    private static final PollEvent POLL = new PollEvent("acme", SourceStream.BILLS, PollOutcome.SUCCEEDED, 1, 1,
            Duration.ZERO, null);

    @Test
    void aThrowingListener_isIgnored_andTheOthersStillHearTheEvent() {
        RecordingListener after = new RecordingListener();
        ConnectorListener throwing = new ConnectorListener() {
            @Override
            public void onPoll(PollEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        ConnectorListener erring = new ConnectorListener() {
            @Override
            public void onPoll(PollEvent event) {
                throw new AssertionError("listener assertion");
            }
        };

        ConnectorListeners.of(List.of(throwing, erring, after)).onPoll(POLL);

        assertThat(after.events(PollEvent.class)).containsExactly(POLL);
    }

    @Test
    void aVirtualMachineError_isNotSwallowed() {
        ConnectorListener oom = new ConnectorListener() {
            @Override
            public void onPoll(PollEvent event) {
                throw new OutOfMemoryError("test");
            }
        };

        assertThatThrownBy(() -> ConnectorListeners.of(List.of(oom)).onPoll(POLL)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void defaultMethods_doNothing_andComposition_flattens() {
        ConnectorListener quiet = new ConnectorListener() {
        };
        quiet.onPoll(POLL); // no-op default
        RecordingListener r = new RecordingListener();

        ConnectorListeners both = ConnectorListeners.none().and(quiet).and(ConnectorListeners.of(List.of(r)));

        assertThat(both.listeners()).containsExactly(quiet, r);
        assertThat(ConnectorListeners.none().isEmpty()).isTrue();
        both.onPoll(POLL);
        assertThat(r.events(PollEvent.class)).hasSize(1);
    }
}
