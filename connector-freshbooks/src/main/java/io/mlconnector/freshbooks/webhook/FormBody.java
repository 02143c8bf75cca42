package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body decoded into its fields in body order, as Flask's
 * {@code request.form} sees them (a repeated name keeps its first position and first value).
 */
final class FormBody {
    private FormBody() {
    }

    /** Decodes the body; junk raises {@link WebhookVerificationException} with {@code MALFORMED_BODY}. */
    static List<Map.Entry<String, String>> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("webhook body is not UTF-8");
        }
        if (text.isBlank()) {
            throw malformed("webhook body is empty");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw malformed("webhook body has a field without a name");
            }
            fields.putIfAbsent(name, value);
        }
        if (fields.isEmpty()) {
            throw malformed("webhook body has no form fields");
        }
        return new ArrayList<>(fields.entrySet());
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("webhook body is not form-encoded (bad percent escape)");
        }
    }

    private static WebhookVerificationException malformed(String message) {
        return new WebhookVerificationException(Reason.MALFORMED_BODY, message);
    }
}
