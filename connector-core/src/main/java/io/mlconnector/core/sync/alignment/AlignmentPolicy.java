package io.mlconnector.core.sync.alignment;

import java.util.Objects;

/**
 * What reference-data alignment may do on its own.
 *
 * @param autoConfirmNameMatches write name matches as confirmed mappings (used for posting) instead of suggestions;
 *                               default false: a person confirms them
 * @param createMissingVendorsIn where vendors found on one side only are created; default {@link VendorCreationSide#NONE}
 * @param batchSize              vendors per project-system upsert call, 1 to 1000 (the sync endpoint's limit)
 */
public record AlignmentPolicy(boolean autoConfirmNameMatches, VendorCreationSide createMissingVendorsIn, int batchSize) {
    /** Largest batch the project system's sync endpoint accepts. */
    public static final int MAX_BATCH_SIZE = 1000;

    /**
     * Checks the components.
     *
     * @param autoConfirmNameMatches write name matches as confirmed mappings (used for posting) instead of suggestions;
     *     default false: a person confirms them
     * @param createMissingVendorsIn where vendors found on one side only are created; default {@link
     *     VendorCreationSide#NONE}
     * @param batchSize vendors per project-system upsert call, 1 to 1000 (the sync endpoint's limit)
     */
    public AlignmentPolicy {
        Objects.requireNonNull(createMissingVendorsIn, "createMissingVendorsIn");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE + ": " + batchSize);
        }
    }

    /**
     * Suggest name matches, create nothing, batches of 100.
     *
     * @return suggest name matches, create nothing, batches of 100
     */
    public static AlignmentPolicy defaults() {
        return new AlignmentPolicy(false, VendorCreationSide.NONE, 100);
    }

    /**
     * A copy with name matches confirmed automatically or not.
     *
     * @param value a copy with name matches confirmed automatically or not
     * @return a copy with name matches confirmed automatically or not
     */
    public AlignmentPolicy withAutoConfirmNameMatches(boolean value) {
        return new AlignmentPolicy(value, createMissingVendorsIn, batchSize);
    }

    /**
     * A copy that creates missing vendors on the given side.
     *
     * @param side a copy that creates missing vendors on the given side
     * @return a copy that creates missing vendors on the given side
     */
    public AlignmentPolicy withCreateMissingVendorsIn(VendorCreationSide side) {
        return new AlignmentPolicy(autoConfirmNameMatches, side, batchSize);
    }

    /**
     * A copy with another batch size.
     *
     * @param size a copy with another batch size
     * @return a copy with another batch size
     */
    public AlignmentPolicy withBatchSize(int size) {
        return new AlignmentPolicy(autoConfirmNameMatches, createMissingVendorsIn, size);
    }
}
