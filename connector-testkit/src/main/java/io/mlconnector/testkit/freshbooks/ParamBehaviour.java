package io.mlconnector.testkit.freshbooks;

/** How the sandbox treats an {@link UnlistedParam}. */
public enum ParamBehaviour {
    /** Applies it (the default). */
    HONOUR,
    /** Drops it silently and answers as if it had not been sent. */
    IGNORE,
    /** Answers 400 in the accounting error shape (errno 1004, the parameter as field). */
    REFUSE_400
}
