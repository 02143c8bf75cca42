package io.mlconnector.testkit.freshbooks;

/** Which of FreshBooks' two accounting error body shapes the sandbox answers with (api/freshbooks.md §4.1). */
public enum AccountingErrorStyle {
    /** {@code {"response":{"errors":[{"errno":1012,...}]}}} for everything. */
    LEGACY,
    /** google.rpc style {@code {"code":5,"message":...,"details":[{"@type":...ErrorInfo,"reason":"1012",...}]}}. */
    GRPC,
    /** Default: 401 in google.rpc style (reason 1003), everything else legacy — as seen in the SDK fixtures. */
    MIXED
}
