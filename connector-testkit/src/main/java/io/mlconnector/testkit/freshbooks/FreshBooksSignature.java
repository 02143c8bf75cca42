package io.mlconnector.testkit.freshbooks;

import io.mlconnector.testkit.server.Params;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * FreshBooks' webhook signature (api/freshbooks.md §5.5): Base64 of HMAC-SHA256, keyed with the callback's
 * verifier, over the UTF-8 of a Python-{@code json.dumps}-style JSON of the form fields in body order.
 */
public final class FreshBooksSignature {

    /** The header carrying the signature. */
    public static final String HEADER = "X-FreshBooks-Hmac-SHA256";

    private FreshBooksSignature() {
    }

    /**
     * Signs a form-encoded body as FreshBooks does.
     *
     * @param verifier the verification code, also the signing key
     * @param formBody the form body
     * @return the sign
     */
    public static String sign(String verifier, String formBody) {
        return sign(verifier, Params.parse(formBody).entries());
    }

    /**
     * Signs form fields as FreshBooks does.
     *
     * @param verifier the verification code, also the signing key
     * @param fields the fields to set
     * @return the sign
     */
    public static String sign(String verifier, List<Params.Entry> fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(pythonJson(fields).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Python {@code json.dumps(dict)} with default settings: {@code {"k": "v", "k2": "v2"}}, {@code ensure_ascii}
     * escaping as lower-case {@code \}{@code u} + four hex digits. Later duplicate keys overwrite earlier ones in place, like a dict.
     *
     * @param fields the fields to set
     * @return python {@code json.dumps(dict)} with default settings: {@code {"k": "v", "k2": "v2"}}, {@code
     *     ensure_ascii} escaping as lower-case {@code \}{@code u} + four hex digits
     */
    public static String pythonJson(List<Params.Entry> fields) {
        java.util.LinkedHashMap<String, String> dict = new java.util.LinkedHashMap<>();
        for (Params.Entry e : fields) {
            dict.put(e.name(), e.value());
        }
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (java.util.Map.Entry<String, String> e : dict.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            quote(sb, e.getKey());
            sb.append(": ");
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
