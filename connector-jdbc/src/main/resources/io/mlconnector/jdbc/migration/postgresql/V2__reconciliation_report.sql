-- ml-connector JDBC schema, version 2, PostgreSQL 10+.
-- Month-end reconciliation reports (SyncStateStore.saveReconciliation): one per connection and month, never replaced.
-- period is the month as YYYY-MM (sorts as text); the report is kept rendered, as JSON and as CSV.
CREATE TABLE ${prefix}reconciliation_report (
    connection_id    VARCHAR(128) NOT NULL,
    period           VARCHAR(7)   NOT NULL,
    generated_at_ns  BIGINT       NOT NULL,
    difference_count INTEGER      NOT NULL CHECK (difference_count >= 0),
    report_json      TEXT         NOT NULL,
    report_csv       TEXT         NOT NULL,
    PRIMARY KEY (connection_id, period)
);
