package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void sensitiveHeaderNames_areRecognised() {
        assertThat(List.of("Authorization", "authorization", "Proxy-Authorization", "X-Api-Key", "Cookie", "Set-Cookie",
                "X-FreshBooks-Hmac-SHA256", "X-Procore-Signature", "X-Refresh-Token", "Client-Secret"))
                .allMatch(Redaction::isSensitive);
        assertThat(List.of("Accept", "Content-Type", "Procore-Company-Id", "User-Agent", "X-Request-Id"))
                .noneMatch(Redaction::isSensitive);
        assertThat(Redaction.isSensitive(null)).isFalse();
    }

    @Test
    void headers_maskOnlySensitiveValues_keepingOrder() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("Authorization", "Bearer abc.def");
        h.put("Procore-Company-Id", "8");

        Map<String, String> out = Redaction.headers(h);

        assertThat(out).containsExactly(Map.entry("Accept", "application/json"),
                Map.entry("Authorization", "[REDACTED]"), Map.entry("Procore-Company-Id", "8"));
        assertThat(h.get("Authorization")).isEqualTo("Bearer abc.def");
    }

    @Test
    void uri_masksSecretQueryValues_butKeepsBusinessParameters() {
        URI uri = URI.create("https://auth.example.com/oauth/token?grant_type=authorization_code&code=a1b2"
                + "&client_secret=s3&refresh_token=r9&access_token=t7&cost_code=01-100&page=2&filters%5Bupdated_at%5D=x"
                + "&X-Amz-Signature=ff&api_key=k");

        String s = Redaction.uri(uri);

        assertThat(s).doesNotContain("a1b2").doesNotContain("=s3").doesNotContain("r9").doesNotContain("t7")
                .doesNotContain("=ff").doesNotContain("=k");
        assertThat(s).contains("grant_type=authorization_code").contains("cost_code=01-100").contains("page=2")
                .contains("filters%5Bupdated_at%5D=x").contains("code=[REDACTED]").contains("client_secret=[REDACTED]")
                .startsWith("https://auth.example.com/oauth/token?");
    }

    @Test
    void uri_withoutQuery_orWithFlagsAndFragment_isKept() {
        assertThat(Redaction.uri(URI.create("https://x.example/a/b"))).isEqualTo("https://x.example/a/b");
        assertThat(Redaction.uri(URI.create("https://x.example/a?flag&token=abc#frag")))
                .isEqualTo("https://x.example/a?flag&token=[REDACTED]#frag");
    }
}
