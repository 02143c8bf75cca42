package io.mlconnector.freshbooks.webhook;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.webhook.HmacSha256Verifier;
import io.mlconnector.core.webhook.SignatureEncoding;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Verifies FreshBooks webhook signatures (api/freshbooks.md §5.5): header {@code X-FreshBooks-Hmac-SHA256} holds
 * standard Base64 of HMAC-SHA256, keyed by the callback's verifier, over the Python-{@code json.dumps} rendering of
 * the form fields in body order; a rendering with the keys sorted is accepted as a fallback. Built on core's
 * {@link HmacSha256Verifier}: several verifiers may be active (one per callback, or during re-registration), every
 * comparison is constant-time, and a missing header, a bad signature, an oversized or malformed body raise
 * {@link io.mlconnector.core.webhook.WebhookVerificationException} with a typed reason.
 */
public final class FreshBooksWebhookVerifier implements WebhookVerifier {
    /** The signature header. */
    public static final String HEADER = "X-FreshBooks-Hmac-SHA256";

    private final HmacSha256Verifier delegate;

    private FreshBooksWebhookVerifier(Builder b) {
        HmacSha256Verifier.Builder hb = HmacSha256Verifier.builder().headerName(HEADER)
                .encoding(SignatureEncoding.BASE64).signedContent(FreshBooksWebhookVerifier::signedContent)
                .secrets(b.verifiers);
        if (b.maxBodyBytes > 0) {
            hb.maxBodyBytes(b.maxBodyBytes);
        }
        this.delegate = hb.build();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A verifier for one callback verifier.
     *
     * @param verifier the verification code of a handshake, else null
     * @return the {@code FreshBooksWebhookVerifier}
     */
    public static FreshBooksWebhookVerifier of(String verifier) {
        return builder().verifier(verifier).build();
    }

    @Override
    public void verify(WebhookRequest request) {
        delegate.verify(request);
    }

    /**
     * The candidate signed messages: the fields in body order, then (when different) sorted by key. Public so a
     * sandbox or a test can sign exactly what FreshBooks signs.
     *
     * @param request the webhook request
     * @return the candidate signed messages: the fields in body order, then (when different) sorted by key
     */
    public static List<byte[]> signedContent(WebhookRequest request) {
        List<Map.Entry<String, String>> fields = FormBody.parse(request.body());
        String bodyOrder = PythonJson.dumps(fields);
        List<Map.Entry<String, String>> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparing(Map.Entry::getKey, FreshBooksWebhookVerifier::compareCodePoints));
        String sortedJson = PythonJson.dumps(sorted);
        List<byte[]> out = new ArrayList<>(2);
        out.add(bodyOrder.getBytes(StandardCharsets.UTF_8));
        if (!sortedJson.equals(bodyOrder)) {
            out.add(sortedJson.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Python's string order (by code point, not UTF-16 unit). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String toString() {
        return "FreshBooksWebhookVerifier[header=" + HEADER + ", verifiers=****]";
    }

    /** Builder for {@link FreshBooksWebhookVerifier}. */
    public static final class Builder {
        private final List<String> verifiers = new ArrayList<>();
        private int maxBodyBytes;

        /**
         * Adds an active callback verifier (the signing secret); call again for several callbacks.
         *
         * @param value an active callback verifier (the signing secret)
         * @return this builder
         */
        public Builder verifier(String value) {
            if (value == null || value.isEmpty()) {
                throw new ConfigurationException("verifier must not be empty");
            }
            verifiers.add(value);
            return this;
        }

        /**
         * Sets the verifiers.
         *
         * @param values the verifiers
         * @return this builder
         */
        public Builder verifiers(List<String> values) {
            values.forEach(this::verifier);
            return this;
        }

        /**
         * Largest accepted body (core default 256 KiB).
         *
         * @param value largest accepted body (core default 256 KiB)
         * @return this builder
         */
        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the {@code FreshBooksWebhookVerifier} from the settings given so far.
         *
         * @return the new {@code FreshBooksWebhookVerifier}
         */
        public FreshBooksWebhookVerifier build() {
            if (verifiers.isEmpty()) {
                throw new ConfigurationException("at least one callback verifier is required");
            }
            return new FreshBooksWebhookVerifier(this);
        }
    }
}
