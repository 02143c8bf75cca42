package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A FreshBooks webhook delivery parsed from its form body ({@code name=bill.update&object_id=…&account_id=…
 * &business_id=…&identity_id=…&user_id=…}). It carries ids only: fetch the object by {@link #objectId()}. The
 * verification handshake ({@code name=callback.verify} and/or a {@code verifier} field, api/freshbooks.md §5.2) is
 * recognised by {@link #isHandshake()}; its {@code object_id} is the callback id. {@link #toString()} hides the
 * verifier.
 *
 * @param name       event name, e.g. {@code bill.update}
 * @param resource   the part before the first dot ({@code bill}); the whole name for a parent event
 * @param action     the part after it ({@code create}, {@code update}, {@code delete}, {@code sendByEmail},
 *                   {@code verify}); empty for a dotless name
 * @param objectId   id of the changed object (the callback id for a handshake)
 * @param accountId  account id; may be null on a handshake (UNCONFIRMED field)
 * @param businessId business id, may be null
 * @param identityId the acting identity, may be null
 * @param userId     legacy user id, may be null
 * @param verifier   the verification code of a handshake, else null
 * @param fields     every field in body order
 */
public record FreshBooksWebhookEvent(String name, String resource, String action, String objectId, String accountId,
                                     String businessId, String identityId, String userId, String verifier,
                                     Map<String, String> fields) {
    /** Event name of the verification handshake. */
    public static final String VERIFY_EVENT = "callback.verify";

    /**
     * Checks the components.
     *
     * @param name event name, e.g. {@code bill.update}
     * @param resource the part before the first dot ({@code bill}); the whole name for a parent event
     * @param action the part after it ({@code create}, {@code update}, {@code delete}, {@code sendByEmail}, {@code
     *     verify}); empty for a dotless name
     * @param objectId id of the changed object (the callback id for a handshake)
     * @param accountId account id; may be null on a handshake (UNCONFIRMED field)
     * @param businessId business id, may be null
     * @param identityId the acting identity, may be null
     * @param userId legacy user id, may be null
     * @param verifier the verification code of a handshake, else null
     * @param fields every field in body order
     */
    public FreshBooksWebhookEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Parses a delivery; junk raises {@link WebhookVerificationException} with {@code MALFORMED_BODY}.
     *
     * @param request the webhook request
     * @return the {@code FreshBooksWebhookEvent}
     */
    public static FreshBooksWebhookEvent parse(WebhookRequest request) {
        return parse(request.body());
    }

    /**
     * Parses a form body.
     *
     * @param body the request body
     * @return the {@code FreshBooksWebhookEvent}
     */
    public static FreshBooksWebhookEvent parse(byte[] body) {
        List<Map.Entry<String, String>> list = FormBody.parse(body);
        Map<String, String> f = new LinkedHashMap<>();
        list.forEach(e -> f.put(e.getKey(), e.getValue()));
        String verifier = blankToNull(f.get("verifier"));
        String name = blankToNull(f.get("name"));
        if (name == null && verifier != null) {
            name = VERIFY_EVENT;
        }
        if (name == null) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "webhook body has no event name");
        }
        String objectId = blankToNull(f.get("object_id"));
        if (objectId == null) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "webhook body has no object_id");
        }
        boolean handshake = verifier != null || VERIFY_EVENT.equalsIgnoreCase(name);
        String accountId = blankToNull(f.get("account_id"));
        if (accountId == null && !handshake) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "webhook body has no account_id");
        }
        int dot = name.indexOf('.');
        String resource = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        String action = dot < 0 ? "" : name.substring(dot + 1);
        return new FreshBooksWebhookEvent(name, resource, action, objectId, accountId,
                blankToNull(f.get("business_id")), blankToNull(f.get("identity_id")), blankToNull(f.get("user_id")),
                verifier, f);
    }

    /**
     * Whether this is the verification handshake to confirm with {@code callbacks().verify(objectId, verifier)}.
     *
     * @return whether this is the verification handshake to confirm with {@code callbacks().verify(objectId, verifier)}
     */
    public boolean isHandshake() {
        return verifier != null || VERIFY_EVENT.equalsIgnoreCase(name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "FreshBooksWebhookEvent[name=" + name + ", objectId=" + objectId + ", accountId=" + accountId
                + ", businessId=" + businessId + ", identityId=" + identityId + ", userId=" + userId
                + (verifier == null ? "" : ", verifier=****") + "]";
    }
}
