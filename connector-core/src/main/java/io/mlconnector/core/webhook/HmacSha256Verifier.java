package io.mlconnector.core.webhook;

import io.mlconnector.core.crypto.ConstantTime;
import io.mlconnector.core.crypto.HmacSha256;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies an HMAC-SHA256 signature header. Several secrets may be active at once (rotation); the signed
 * message is by default the raw body, or whatever a vendor module's {@code signedContent} function derives
 * from the request (FreshBooks signs a JSON rendering of its form fields; a function may return several
 * candidate renderings, any of which may match). All comparisons are constant-time.
 */
public final class HmacSha256Verifier implements WebhookVerifier {
    private final String headerName;
    private final List<byte[]> secrets;
    private final SignatureEncoding encoding;
    private final int maxBodyBytes;
    private final Function<WebhookRequest, List<byte[]>> signedContent;

    private HmacSha256Verifier(Builder b) {
        this.headerName = Objects.requireNonNull(b.headerName, "headerName");
        if (b.secrets.isEmpty()) {
            throw new IllegalStateException("at least one secret is required");
        }
        this.secrets = List.copyOf(b.secrets);
        this.encoding = b.encoding;
        this.maxBodyBytes = b.maxBodyBytes;
        this.signedContent = b.signedContent;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void verify(WebhookRequest request) {
        if (request.bodyLength() > maxBodyBytes) {
            throw new WebhookVerificationException(Reason.BODY_TOO_LARGE,
                    "webhook body of " + request.bodyLength() + " bytes exceeds the limit of " + maxBodyBytes);
        }
        String presented = request.header(headerName).map(String::trim).orElse("");
        if (presented.isEmpty()) {
            throw new WebhookVerificationException(Reason.MISSING_HEADER, "missing signature header " + headerName);
        }
        if (encoding == SignatureEncoding.HEX) {
            presented = presented.toLowerCase(Locale.ROOT); // hex digits are case-insensitive
        }
        byte[] presentedBytes = presented.getBytes(StandardCharsets.US_ASCII);
        List<byte[]> messages = signedContent.apply(request);
        boolean match = false;
        for (byte[] secret : secrets) {
            for (byte[] message : messages) {
                byte[] expected = encoding.encode(HmacSha256.mac(secret, message)).getBytes(StandardCharsets.US_ASCII);
                // no early exit: every candidate is compared
                match |= ConstantTime.equals(expected, presentedBytes);
            }
        }
        if (!match) {
            throw new WebhookVerificationException(Reason.INVALID_SIGNATURE, "signature in " + headerName + " does not match");
        }
    }

    /** Builder for {@link HmacSha256Verifier}. */
    public static final class Builder {
        private String headerName;
        private final List<byte[]> secrets = new ArrayList<>();
        private SignatureEncoding encoding = SignatureEncoding.BASE64;
        private int maxBodyBytes = 256 * 1024;
        private Function<WebhookRequest, List<byte[]>> signedContent = r -> List.of(r.body());

        /**
         * Sets the header name.
         *
         * @param value the header name
         * @return this builder
         */
        public Builder headerName(String value) {
            this.headerName = value;
            return this;
        }

        /**
         * Adds an active secret (UTF-8); call again to accept a second secret during rotation.
         *
         * @param value an active secret (UTF-8)
         * @return this builder
         */
        public Builder secret(String value) {
            if (Objects.requireNonNull(value, "secret").isEmpty()) {
                throw new IllegalArgumentException("webhook secret must not be empty");
            }
            secrets.add(value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Sets the secrets.
         *
         * @param values the secrets
         * @return this builder
         */
        public Builder secrets(List<String> values) {
            values.forEach(this::secret);
            return this;
        }

        /**
         * Sets the encoding.
         *
         * @param value the encoding
         * @return this builder
         */
        public Builder encoding(SignatureEncoding value) {
            this.encoding = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the max body bytes.
         *
         * @param value the max body bytes
         * @return this builder
         */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * How to derive the signed bytes from a request. The function may throw
         * {@link WebhookVerificationException} ({@code MALFORMED_BODY}) when the body cannot be parsed.
         *
         * @param value how to derive the signed bytes from a request
         * @return this builder
         */
        public Builder signedContent(Function<WebhookRequest, List<byte[]>> value) {
            this.signedContent = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Builds the {@code HmacSha256Verifier} from the settings given so far.
         *
         * @return the new {@code HmacSha256Verifier}
         */
        public HmacSha256Verifier build() {
            return new HmacSha256Verifier(this);
        }
    }
}
