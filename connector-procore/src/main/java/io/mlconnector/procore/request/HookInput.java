package io.mlconnector.procore.request;

import java.util.Map;

/**
 * Writable fields of a webhook hook (v1.0 API); {@link #toString()} hides the destination header values (they carry our secret).
 *
 * @param apiVersion payload format: {@code v2} (legacy), {@code v3.0}, {@code v4.0}
 */
public record HookInput(String apiVersion,
                        String namespace,
                        String destinationUrl,
                        Map<String, String> destinationHeaders) {
    @Override
    public String toString() {
        return "HookInput[apiVersion=" + apiVersion + ", namespace=" + namespace + ", destinationUrl=" + destinationUrl
                + ", destinationHeaders=" + (destinationHeaders == null ? "{}" : destinationHeaders.keySet()) + "]";
    }
}
