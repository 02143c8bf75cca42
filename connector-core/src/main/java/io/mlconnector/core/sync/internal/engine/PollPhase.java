package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.port.SourceStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Where in its poll interval a stream is polled: a stable offset from a hash of the node, the connection and the
 * stream, so a thousand connections are polled spread evenly over the interval instead of all at its start (and the
 * same stream on two nodes at different moments). The slots are aligned to the epoch, so a stream keeps its slot when
 * the engine restarts or the connection is replaced.
 */
final class PollPhase {
    private PollPhase() {
    }

    /**
     * The stream's offset within the interval, in [0, interval).
     *
     * @param nodeId       the engine's node id
     * @param connectionId the connection
     * @param stream       the stream
     * @param interval     the poll interval (positive)
     * @return the offset in milliseconds
     */
    static long offsetMillis(String nodeId, String connectionId, SourceStream stream, Duration interval) {
        long period = Math.max(1, interval.toMillis());
        return Math.floorMod(hash(nodeId + '\n' + connectionId + '\n' + stream.name()), period);
    }

    /**
     * How long from {@code now} until the stream's next slot (zero when the slot is now).
     *
     * @param offsetMillis the stream's offset ({@link #offsetMillis})
     * @param interval     the poll interval
     * @param now          the engine's clock
     * @return the delay in milliseconds, in [0, interval)
     */
    static long delayMillis(long offsetMillis, Duration interval, Instant now) {
        long period = Math.max(1, interval.toMillis());
        return Math.floorMod(offsetMillis - now.toEpochMilli(), period);
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer so close ids land far apart. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
