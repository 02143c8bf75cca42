package io.mlconnector.core.sync;

import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the engine treats one connection: dry run, polling cadence, retries, leases, enabled streams and the
 * reference-data alignment knobs. Immutable; build with {@link #builder()} or derive with {@link #toBuilder()}.
 */
public final class SyncPolicy {
    private final boolean dryRun;
    private final Duration pollInterval;
    private final Duration pollOverlap;
    private final Duration initialLookback;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration leaseDuration;
    private final int batchSize;
    private final Duration workerInterval;
    private final Set<SourceStream> enabledStreams;
    private final boolean requireSignedHandshake;
    private final AlignmentPolicy alignment;
    private final int streamFailureThreshold;
    private final MonthEndSchedule monthEnd;

    /**
     * The streams polled by default: every stream that leads to a write. {@link SourceStream#BUDGET_CHANGES} is not
     * among them and is not polled even when enabled: a budget change writes nothing to FreshBooks (its budget is
     * hours); the reconciliation shows the revised budget per cost code instead.
     */
    public static final Set<SourceStream> ALL_STREAMS = Set.copyOf(EnumSet.of(SourceStream.BILLS,
            SourceStream.INVOICES, SourceStream.BILL_PAYMENTS, SourceStream.INVOICE_PAYMENTS, SourceStream.VENDORS,
            SourceStream.CHANGE_ORDERS, SourceStream.PRIME_CHANGE_ORDERS, SourceStream.DIRECT_COSTS));

    /** The default {@link #streamFailureThreshold()}. */
    public static final int DEFAULT_STREAM_FAILURE_THRESHOLD = 3;

    /**
     * Checks the components.
     *
     * @param dryRun compute and preview what would be posted, post nothing
     * @param pollInterval time between two polls of a stream ({@link SyncEngine#start})
     * @param pollOverlap how far before the stored cursor each poll starts again (FreshBooks filters by day)
     * @param initialLookback where a stream with no cursor starts, measured back from now
     * @param maxAttempts failed attempts before an item is dead-lettered
     * @param backoffBase delay after the first failure; doubles per attempt
     * @param backoffMax longest delay between attempts
     * @param leaseDuration how long a claimed item (or a poll stream) stays with one worker/node
     * @param batchSize items claimed per worker pass
     * @param workerInterval time between two worker passes ({@link SyncEngine#start})
     * @param enabledStreams streams polled (both sides)
     * @param requireSignedHandshake reject a FreshBooks verification handshake that the connection's verifier does not
     *     accept (default false: the handshake carries the secret being established, and FreshBooks itself proves it
     *     genuine by accepting the confirmation)
     * @param alignment reference-data alignment knobs: confirm name matches automatically or only suggest them, and on
     *     which side vendors found on one side only are created (also used when a new FreshBooks vendor arrives by
     *     webhook or poll)
     * @param streamFailureThreshold consecutive failed polls of a stream after which it is reported failing (an audit
     *     event {@code STREAM_FAILING} once, and {@link SyncEngine#streamHealth()}) until a poll succeeds again
     *     (default 3)
     * @param monthEnd when the engine makes the connection's month-end reconciliation by itself (null: the default,
     *     {@link MonthEndSchedule#defaults()})
     */
    private SyncPolicy(boolean dryRun, Duration pollInterval, Duration pollOverlap, Duration initialLookback,
                       int maxAttempts, Duration backoffBase, Duration backoffMax, Duration leaseDuration,
                       int batchSize, Duration workerInterval, Set<SourceStream> enabledStreams,
                       boolean requireSignedHandshake, AlignmentPolicy alignment, int streamFailureThreshold,
                       MonthEndSchedule monthEnd) {
        requirePositive(pollInterval, "pollInterval");
        Objects.requireNonNull(pollOverlap, "pollOverlap");
        if (pollOverlap.isNegative()) {
            throw new IllegalArgumentException("pollOverlap must not be negative");
        }
        requirePositive(initialLookback, "initialLookback");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(leaseDuration, "leaseDuration");
        requirePositive(workerInterval, "workerInterval");
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffMax must be at least backoffBase");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (streamFailureThreshold < 1) {
            throw new IllegalArgumentException("streamFailureThreshold must be at least 1");
        }
        alignment = alignment == null ? AlignmentPolicy.defaults() : alignment;
        monthEnd = monthEnd == null ? MonthEndSchedule.defaults() : monthEnd;
        enabledStreams = enabledStreams == null || enabledStreams.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(enabledStreams));
        this.dryRun = dryRun;
        this.pollInterval = pollInterval;
        this.pollOverlap = pollOverlap;
        this.initialLookback = initialLookback;
        this.maxAttempts = maxAttempts;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.leaseDuration = leaseDuration;
        this.batchSize = batchSize;
        this.workerInterval = workerInterval;
        this.enabledStreams = enabledStreams;
        this.requireSignedHandshake = requireSignedHandshake;
        this.alignment = alignment;
        this.streamFailureThreshold = streamFailureThreshold;
        this.monthEnd = monthEnd;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * The defaults: live posting, 5-minute polls with a 2-day overlap, 8 attempts from 2 s to 1 h.
     *
     * @return the defaults: live posting, 5-minute polls with a 2-day overlap, 8 attempts from 2 s to 1 h
     */
    public static SyncPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's values.
     *
     * @return a builder holding this policy's values
     */
    public Builder toBuilder() {
        return new Builder().dryRun(dryRun).pollInterval(pollInterval).pollOverlap(pollOverlap)
                .initialLookback(initialLookback).maxAttempts(maxAttempts).backoffBase(backoffBase)
                .backoffMax(backoffMax).leaseDuration(leaseDuration).batchSize(batchSize)
                .workerInterval(workerInterval).enabledStreams(enabledStreams)
                .requireSignedHandshake(requireSignedHandshake).alignment(alignment)
                .streamFailureThreshold(streamFailureThreshold).monthEnd(monthEnd);
    }

    /**
     * Whether a stream is polled.
     *
     * @param stream the stream
     * @return whether a stream is polled
     */
    public boolean isEnabled(SourceStream stream) {
        return enabledStreams.contains(stream);
    }

    /** Builder for {@link SyncPolicy}. */
    public static final class Builder {
        private boolean dryRun;
        private Duration pollInterval = Duration.ofMinutes(5);
        // FreshBooks' updated filters have day granularity in US/Eastern: two days of overlap covers both
        private Duration pollOverlap = Duration.ofDays(2);
        private Duration initialLookback = Duration.ofDays(30);
        private int maxAttempts = 8;
        private Duration backoffBase = Duration.ofSeconds(2);
        private Duration backoffMax = Duration.ofHours(1);
        private Duration leaseDuration = Duration.ofMinutes(2);
        private int batchSize = 25;
        private Duration workerInterval = Duration.ofSeconds(1);
        private Set<SourceStream> enabledStreams = ALL_STREAMS;
        private boolean requireSignedHandshake;
        private AlignmentPolicy alignment = AlignmentPolicy.defaults();
        private int streamFailureThreshold = DEFAULT_STREAM_FAILURE_THRESHOLD;
        private MonthEndSchedule monthEnd = MonthEndSchedule.defaults();

        private Builder() {
        }

        /**
         * Sets the dry run.
         *
         * @param value the dry run
         * @return this builder
         */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /**
         * Sets the poll interval.
         *
         * @param value the poll interval
         * @return this builder
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        /**
         * Sets the poll overlap.
         *
         * @param value the poll overlap
         * @return this builder
         */
        public Builder pollOverlap(Duration value) {
            this.pollOverlap = value;
            return this;
        }

        /**
         * Sets the initial lookback.
         *
         * @param value the initial lookback
         * @return this builder
         */
        public Builder initialLookback(Duration value) {
            this.initialLookback = value;
            return this;
        }

        /**
         * Sets the max attempts.
         *
         * @param value the max attempts
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /**
         * Sets the backoff base.
         *
         * @param value the backoff base
         * @return this builder
         */
        public Builder backoffBase(Duration value) {
            this.backoffBase = value;
            return this;
        }

        /**
         * Sets the backoff max.
         *
         * @param value the backoff max
         * @return this builder
         */
        public Builder backoffMax(Duration value) {
            this.backoffMax = value;
            return this;
        }

        /**
         * Sets the lease duration.
         *
         * @param value the lease duration
         * @return this builder
         */
        public Builder leaseDuration(Duration value) {
            this.leaseDuration = value;
            return this;
        }

        /**
         * Sets the batch size.
         *
         * @param value the batch size
         * @return this builder
         */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * Sets the worker interval.
         *
         * @param value the worker interval
         * @return this builder
         */
        public Builder workerInterval(Duration value) {
            this.workerInterval = value;
            return this;
        }

        /**
         * Sets the enabled streams.
         *
         * @param value the enabled streams
         * @return this builder
         */
        public Builder enabledStreams(Set<SourceStream> value) {
            this.enabledStreams = value;
            return this;
        }

        /**
         * Sets the require signed handshake.
         *
         * @param value the require signed handshake
         * @return this builder
         */
        public Builder requireSignedHandshake(boolean value) {
            this.requireSignedHandshake = value;
            return this;
        }

        /**
         * Sets the alignment.
         *
         * @param value the alignment
         * @return this builder
         */
        public Builder alignment(AlignmentPolicy value) {
            this.alignment = value;
            return this;
        }

        /**
         * Consecutive failed polls of a stream before it is reported failing (default 3, at least 1).
         *
         * @param value consecutive failed polls of a stream before it is reported failing
         * @return this builder
         */
        public Builder streamFailureThreshold(int value) {
            this.streamFailureThreshold = value;
            return this;
        }

        /**
         * When the engine makes the connection's month-end reconciliation by itself (default
         * {@link MonthEndSchedule#defaults()}: the 1st at 12:00 UTC; {@link MonthEndSchedule#off()} turns it off).
         *
         * @param value the schedule
         * @return this builder
         */
        public Builder monthEnd(MonthEndSchedule value) {
            this.monthEnd = value;
            return this;
        }

        /**
         * Builds the {@code SyncPolicy} from the settings given so far.
         *
         * @return the new {@code SyncPolicy}
         */
        public SyncPolicy build() {
            return new SyncPolicy(dryRun, pollInterval, pollOverlap, initialLookback, maxAttempts, backoffBase,
                    backoffMax, leaseDuration, batchSize, workerInterval, enabledStreams, requireSignedHandshake,
                    alignment, streamFailureThreshold, monthEnd);
        }
    }

    /**
     * Compute and preview what would be posted, post nothing.
     *
     * @return compute and preview what would be posted, post nothing
     */
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Time between two polls of a stream ({@link SyncEngine#start}).
     *
     * @return time between two polls of a stream ({@link SyncEngine#start})
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * How far before the stored cursor each poll starts again (FreshBooks filters by day).
     *
     * @return how far before the stored cursor each poll starts again (FreshBooks filters by day)
     */
    public Duration pollOverlap() {
        return pollOverlap;
    }

    /**
     * Where a stream with no cursor starts, measured back from now.
     *
     * @return where a stream with no cursor starts, measured back from now
     */
    public Duration initialLookback() {
        return initialLookback;
    }

    /**
     * Failed attempts before an item is dead-lettered.
     *
     * @return failed attempts before an item is dead-lettered
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Delay after the first failure; doubles per attempt.
     *
     * @return delay after the first failure; doubles per attempt
     */
    public Duration backoffBase() {
        return backoffBase;
    }

    /**
     * Longest delay between attempts.
     *
     * @return longest delay between attempts
     */
    public Duration backoffMax() {
        return backoffMax;
    }

    /**
     * How long a claimed item (or a poll stream) stays with one worker/node.
     *
     * @return how long a claimed item (or a poll stream) stays with one worker/node
     */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /**
     * Items claimed per worker pass.
     *
     * @return items claimed per worker pass
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Time between two worker passes ({@link SyncEngine#start}).
     *
     * @return time between two worker passes ({@link SyncEngine#start})
     */
    public Duration workerInterval() {
        return workerInterval;
    }

    /**
     * Streams polled (both sides).
     *
     * @return streams polled (both sides)
     */
    public Set<SourceStream> enabledStreams() {
        return enabledStreams;
    }

    /**
     * Reject a FreshBooks verification handshake that the connection's verifier does not accept (default false: the
     * handshake carries the secret being established, and FreshBooks itself proves it genuine by accepting the
     * confirmation).
     *
     * @return reject a FreshBooks verification handshake that the connection's verifier does not accept (default
     *     false: the handshake carries the secret being established, and FreshBooks itself proves it genuine by
     *     accepting the confirmation)
     */
    public boolean requireSignedHandshake() {
        return requireSignedHandshake;
    }

    /**
     * Reference-data alignment knobs: confirm name matches automatically or only suggest them, and on which side
     * vendors found on one side only are created (also used when a new FreshBooks vendor arrives by webhook or poll).
     *
     * @return reference-data alignment knobs: confirm name matches automatically or only suggest them, and on which
     *     side vendors found on one side only are created (also used when a new FreshBooks vendor arrives by webhook
     *     or poll)
     */
    public AlignmentPolicy alignment() {
        return alignment;
    }

    /**
     * Consecutive failed polls of a stream after which it is reported failing (an audit event {@code STREAM_FAILING}
     * once, and {@link SyncEngine#streamHealth()}) until a poll succeeds again (default 3).
     *
     * @return consecutive failed polls of a stream after which it is reported failing (an audit event {@code
     *     STREAM_FAILING} once, and {@link SyncEngine#streamHealth()}) until a poll succeeds again (default 3)
     */
    public int streamFailureThreshold() {
        return streamFailureThreshold;
    }

    /**
     * When the engine makes the connection's month-end reconciliation by itself ({@link MonthEndSchedule}; default
     * on, the 1st at 12:00 UTC; {@link MonthEndSchedule#off()} turns it off).
     *
     * @return when the engine makes the connection's month-end reconciliation by itself ({@link MonthEndSchedule};
     *     default on, the 1st at 12:00 UTC; {@link MonthEndSchedule#off()} turns it off)
     */
    public MonthEndSchedule monthEnd() {
        return monthEnd;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SyncPolicy o && dryRun == o.dryRun
                && Objects.equals(pollInterval, o.pollInterval)
                && Objects.equals(pollOverlap, o.pollOverlap)
                && Objects.equals(initialLookback, o.initialLookback)
                && maxAttempts == o.maxAttempts
                && Objects.equals(backoffBase, o.backoffBase)
                && Objects.equals(backoffMax, o.backoffMax)
                && Objects.equals(leaseDuration, o.leaseDuration)
                && batchSize == o.batchSize
                && Objects.equals(workerInterval, o.workerInterval)
                && Objects.equals(enabledStreams, o.enabledStreams)
                && requireSignedHandshake == o.requireSignedHandshake
                && Objects.equals(alignment, o.alignment)
                && streamFailureThreshold == o.streamFailureThreshold
                && Objects.equals(monthEnd, o.monthEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dryRun, pollInterval, pollOverlap, initialLookback, maxAttempts, backoffBase, backoffMax,
                            leaseDuration, batchSize, workerInterval, enabledStreams, requireSignedHandshake,
                            alignment, streamFailureThreshold, monthEnd);
    }

    @Override
    public String toString() {
        return "SyncPolicy[dryRun=" + dryRun
                + ", pollInterval=" + pollInterval
                + ", pollOverlap=" + pollOverlap
                + ", initialLookback=" + initialLookback
                + ", maxAttempts=" + maxAttempts
                + ", backoffBase=" + backoffBase
                + ", backoffMax=" + backoffMax
                + ", leaseDuration=" + leaseDuration
                + ", batchSize=" + batchSize
                + ", workerInterval=" + workerInterval
                + ", enabledStreams=" + enabledStreams
                + ", requireSignedHandshake=" + requireSignedHandshake
                + ", alignment=" + alignment
                + ", streamFailureThreshold=" + streamFailureThreshold
                + ", monthEnd=" + monthEnd
                + "]";
    }
}
