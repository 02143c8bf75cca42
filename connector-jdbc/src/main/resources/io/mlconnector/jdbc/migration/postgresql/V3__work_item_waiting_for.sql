-- ml-connector JDBC schema, version 3, PostgreSQL 10+.
-- What a parked work item waits for, as data (SyncStateStore.park with waitingFor): the source key of the record that
-- must be posted first (a payment waits for its bill or invoice); replaying that record requeues the item.
ALTER TABLE ${prefix}work_item ADD COLUMN waiting_for VARCHAR(400);
