package io.mlconnector.freshbooks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.http.RetryPolicy;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server per test class and a client pointed at it with a fixed token and the test ids. */
public abstract class WireMockSupport {
    public static final String ACCOUNT = "6BApk";
    public static final long BUSINESS = 6543;
    public static final String UUID = "a-uuid-1";

    @RegisterExtension
    protected static final WireMockExtension WM = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    protected static String base() {
        return WM.baseUrl();
    }

    /** A client with a fixed token, bound to the test business, never retrying. */
    protected static FreshBooksClient client() {
        return FreshBooksClient.builder().apiBaseUrl(base()).accessToken("test-token").accountId(ACCOUNT)
                .businessId(BUSINESS).businessUuid(UUID).retryPolicy(RetryPolicy.none()).build();
    }

    /** {@code /accounting/account/6BApk/} + rest. */
    protected static String acct(String rest) {
        return "/accounting/account/" + ACCOUNT + "/" + rest;
    }

    /** An accounting single-object envelope around {@code json}. */
    protected static String single(String key, String json) {
        return "{\"response\":{\"result\":{\"" + key + "\":" + json + "}}}";
    }

    /** An accounting list envelope. */
    protected static String list(String key, int page, int pages, String... items) {
        return "{\"response\":{\"result\":{\"" + key + "\":[" + String.join(",", items) + "],\"page\":" + page
                + ",\"pages\":" + pages + ",\"per_page\":100,\"total\":" + (pages * 100) + "}}}";
    }
}
