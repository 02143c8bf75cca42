package io.mlconnector.core.sync.internal.flow;

/**
 * Processes one kind of work item. Flows audit their own outcomes; exceptions they let escape are classified by the
 * worker (retryable → backoff, uncertain create → retry with origin lookup, invalid project / locked target → flag,
 * anything else → dead letter).
 */
public interface Flow {

    FlowResult process(FlowContext ctx);
}
