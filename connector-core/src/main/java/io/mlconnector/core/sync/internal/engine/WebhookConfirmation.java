package io.mlconnector.core.sync.internal.engine;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.audit.SafeText;
import io.mlconnector.core.sync.WebhookHandshakeListener;
import io.mlconnector.core.sync.internal.flow.Flow;
import io.mlconnector.core.sync.internal.flow.FlowContext;
import io.mlconnector.core.sync.internal.flow.HandshakeVault;
import io.mlconnector.core.sync.internal.flow.WorkPayload;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms a FreshBooks webhook callback after its verification handshake ({@code AccountingSystem.confirmWebhook}),
 * then hands the verification code to the host's {@link WebhookHandshakeListener}. The code is kept in memory only
 * ({@link HandshakeVault}); a node that does not hold it retries (the node that received the handshake will).
 */
public final class WebhookConfirmation implements Flow {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookConfirmation.class);

    @Override
    public Flow.Result process(FlowContext ctx) {
        String callbackId = ctx.payload().get(WorkPayload.ID);
        ctx.source(ctx.accounting().system() + ":callback:" + callbackId, null);
        Optional<String> verifier = ctx.services().handshakes().get(ctx.connectionId(), callbackId);
        if (verifier.isEmpty()) {
            return new Flow.Result.Retry(ctx.sourceKey(), AuditOutcome.FAILED_RETRYABLE, "the verification code of "
                    + "callback " + callbackId + " is not held by this node (it arrived elsewhere, or before a "
                    + "restart; ask FreshBooks to resend it)", null);
        }
        HandshakeVault.Known known = callbackExists(ctx, callbackId);
        if (known == HandshakeVault.Known.NOT_YET) {
            // listed less than a minute ago without it: it may have been registered since; look again then
            return new Flow.Result.Deferred(ctx.sourceKey(), "callback " + callbackId + " was not in the account's "
                    + "callback list of a moment ago; checking again", ctx.services().handshakes()
                    .knownCallbacks(ctx.connectionId()).retryAfter(ctx.services().clock()).plusSeconds(1));
        }
        if (known == HandshakeVault.Known.NO) {
            ctx.services().handshakes().remove(ctx.connectionId(), callbackId);
            ctx.audit(Direction.INTAKE, null, AuditOutcome.WEBHOOK_REJECTED, "FreshBooks verification handshake for "
                    + "callback " + callbackId + " dropped: the account has no such callback", Map.of());
            return new Flow.Result.Completed(AuditOutcome.WEBHOOK_REJECTED);
        }
        try {
            ctx.accounting().confirmWebhook(callbackId, verifier.get());
        } catch (RuntimeException e) {
            // a resent handshake (new code) may replace this one now
            ctx.services().handshakes().confirmationFailed(ctx.connectionId(), callbackId);
            throw e;
        }
        ctx.services().handshakes().remove(ctx.connectionId(), callbackId);
        try {
            ctx.services().handshakeListener().onWebhookConfirmed(ctx.connectionId(), callbackId, verifier.get());
        } catch (RuntimeException e) {
            LOG.warn("handshake listener failed for callback {} of {}: {}", SafeText.of(callbackId), ctx.connectionId(),
                    e.toString());
        }
        ctx.audit(Direction.INTAKE, null, AuditOutcome.WEBHOOK_ACCEPTED, "FreshBooks callback " + callbackId
                + " confirmed; deliveries will start", Map.of());
        return new Flow.Result.Completed(AuditOutcome.WEBHOOK_ACCEPTED);
    }

    /** Whether the account has the callback (cached listing); YES when the accounting system cannot list them. */
    private static HandshakeVault.Known callbackExists(FlowContext ctx, String callbackId) {
        try {
            java.time.Instant arrived = ctx.services().handshakes().receivedAt(ctx.connectionId(), callbackId)
                    .orElse(ctx.services().clock().instant());
            return ctx.services().handshakes().knownCallbacks(ctx.connectionId()).has(callbackId, arrived,
                    ctx.services().clock(), () -> ctx.accounting().listWebhookCallbackIds());
        } catch (UnsupportedOperationException e) {
            return HandshakeVault.Known.YES;
        }
    }
}
