package io.mlconnector.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit of queued work: "process this source record".
 *
 * @param id           unique id
 * @param connectionId connection
 * @param dedupeKey    while an item with this key is pending (ready, leased or parked) another enqueue is dropped
 * @param type         what to do (e.g. {@code freshbooks.bill})
 * @param payload      small text payload (ids, action), never object data or secrets
 * @param status       status
 * @param attempts     failed attempts so far
 * @param availableAt  not claimable before
 * @param leaseOwner   worker holding the lease, may be null
 * @param leaseUntil   lease expiry, may be null
 * @param lastError    last failure or flag reason, may be null (text for people: read {@code waitingFor}, not this)
 * @param createdAt    enqueue time
 * @param waitingFor   while parked: the source key of the record it waits for (a payment waits for its bill or
 *                     invoice to be posted; replaying that record requeues it), else null
 */
public record WorkItem(String id, String connectionId, String dedupeKey, String type, String payload,
                       WorkStatus status, int attempts, Instant availableAt, String leaseOwner, Instant leaseUntil,
                       String lastError, Instant createdAt, String waitingFor) {
    /**
     * Checks the components.
     *
     * @param id unique id
     * @param connectionId connection
     * @param dedupeKey while an item with this key is pending (ready, leased or parked) another enqueue is dropped
     * @param type what to do (e.g. {@code freshbooks.bill})
     * @param payload small text payload (ids, action), never object data or secrets
     * @param status status
     * @param attempts failed attempts so far
     * @param availableAt not claimable before
     * @param leaseOwner worker holding the lease, may be null
     * @param leaseUntil lease expiry, may be null
     * @param lastError last failure or flag reason, may be null
     * @param createdAt enqueue time
     * @param waitingFor while parked: the source key of the record it waits for, else null
     */
    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    /**
     * An item that waits for nothing.
     *
     * @param id unique id
     * @param connectionId connection
     * @param dedupeKey while an item with this key is pending (ready, leased or parked) another enqueue is dropped
     * @param type what to do (e.g. {@code freshbooks.bill})
     * @param payload small text payload (ids, action), never object data or secrets
     * @param status status
     * @param attempts failed attempts so far
     * @param availableAt not claimable before
     * @param leaseOwner worker holding the lease, may be null
     * @param leaseUntil lease expiry, may be null
     * @param lastError last failure or flag reason, may be null
     * @param createdAt enqueue time
     */
    public WorkItem(String id, String connectionId, String dedupeKey, String type, String payload, WorkStatus status,
                    int attempts, Instant availableAt, String leaseOwner, Instant leaseUntil, String lastError,
                    Instant createdAt) {
        this(id, connectionId, dedupeKey, type, payload, status, attempts, availableAt, leaseOwner, leaseUntil,
                lastError, createdAt, null);
    }

    /**
     * A new ready item.
     *
     * @param id unique id
     * @param connectionId connection
     * @param dedupeKey while an item with this key is pending (ready, leased or parked) another enqueue is dropped
     * @param type what to do (e.g. {@code freshbooks.bill})
     * @param payload small text payload (ids, action), never object data or secrets
     * @param now the current time
     * @return a new ready item
     */
    public static WorkItem ready(String id, String connectionId, String dedupeKey, String type, String payload,
                                 Instant now) {
        return new WorkItem(id, connectionId, dedupeKey, type, payload, WorkStatus.READY, 0, now, null, null, null, now);
    }

    /**
     * Whether this item blocks another enqueue with the same dedupe key.
     *
     * @return whether this item blocks another enqueue with the same dedupe key
     */
    public boolean isPending() {
        return status == WorkStatus.READY || status == WorkStatus.LEASED || status == WorkStatus.PARKED;
    }
}
