package io.mlconnector.core.sync;

import java.util.List;

/**
 * What one {@link SyncEngine#pollOnce(String)} did, stream by stream.
 *
 * @param connectionId the connection
 * @param streams      one entry per cursor walked (Procore project streams: one per mapped project)
 */
public record PollResult(String connectionId, List<StreamPoll> streams) {
    /**
     * Checks the components.
     *
     * @param connectionId the connection
     * @param streams one entry per cursor walked (Procore project streams: one per mapped project)
     */
    public PollResult {
        streams = List.copyOf(streams);
    }

    /**
     * Items enqueued across streams.
     *
     * @return the enqueued
     */
    public int enqueued() {
        return streams.stream().mapToInt(StreamPoll::enqueued).sum();
    }

    /**
     * Changed records seen across streams.
     *
     * @return the seen
     */
    public int seen() {
        return streams.stream().mapToInt(StreamPoll::seen).sum();
    }

    /**
     * The entry of one cursor, or null.
     *
     * @param cursorName the cursor name
     * @return the entry of one cursor, or null
     */
    public StreamPoll stream(String cursorName) {
        return streams.stream().filter(s -> s.cursor().equals(cursorName)).findFirst().orElse(null);
    }

    /**
     * One cursor's walk.
     *
     * @param cursor     cursor name ({@code freshbooks.BILLS}, {@code procore.CHANGE_ORDERS:316469})
     * @param seen       changed records listed
     * @param enqueued   work items added (a duplicate of a pending item is not added)
     * @param unchanged  records skipped because the ledger already holds that version
     * @param notLeader  true when another node holds this stream's poll lease (nothing was read)
     * @param error      why the walk failed (cursor not advanced), or null
     */
    public record StreamPoll(String cursor, int seen, int enqueued, int unchanged, boolean notLeader, String error) {
    }
}
