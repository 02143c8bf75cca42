package io.mlconnector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared operator guard: loopback Host, same-origin only, bearer token in constant time. */
class OperatorGuardTest {
    private static final String TOKEN = "a-long-operator-token-of-32-chars";
    private final InetAddress loopback = InetAddress.getLoopbackAddress();

    @Test
    void loopbackHostNamesAreRecognisedWithoutResolvingNames() {
        assertThat(OperatorGuard.isLoopbackHost("localhost:8080")).isTrue();
        assertThat(OperatorGuard.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(OperatorGuard.isLoopbackHost("[::1]:9000")).isTrue();
        assertThat(OperatorGuard.isLoopbackHost("localhost.evil.example")).isFalse();
        assertThat(OperatorGuard.isLoopbackHost("10.0.0.1")).isFalse();
        assertThat(OperatorGuard.isLoopbackHost("")).isFalse();
    }

    @Test
    void theTokenIsRequiredUnlessDisabledExplicitly() {
        OperatorGuard guard = OperatorGuard.bearer(TOKEN);
        Map<String, String> ok = Map.of("Host", "localhost", "Authorization", "Bearer " + TOKEN);
        assertThat(guard.check(loopback, ok::get)).isEmpty();
        assertThat(guard.check(loopback, Map.of("Host", "localhost")::get)).get()
                .extracting(GuardRefusal::status).isEqualTo(401);
        assertThat(guard.checkSite(loopback, Map.of("Host", "localhost")::get)).isEmpty();
        OperatorGuard open = OperatorGuard.builder().tokenDisabled().build();
        assertThat(open.check(loopback, Map.of("Host", "localhost")::get)).isEmpty();
        assertThatThrownBy(() -> OperatorGuard.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OperatorGuard.bearer("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutLoopbackOnlyOtherClientsPassButCrossSiteRequestsStillDoNot() throws Exception {
        OperatorGuard guard = OperatorGuard.builder().token(TOKEN).loopbackOnly(false).build();
        InetAddress far = InetAddress.getByName("192.0.2.1");
        Map<String, String> ok = Map.of("Host", "erp.example.com", "Authorization", "Bearer " + TOKEN);
        assertThat(guard.check(far, ok::get)).isEmpty();
        Map<String, String> cross = Map.of("Host", "erp.example.com", "Authorization", "Bearer " + TOKEN,
                "Origin", "https://evil.example");
        assertThat(guard.check(far, cross::get)).get().extracting(GuardRefusal::status).isEqualTo(403);
        Map<String, String> same = Map.of("Host", "erp.example.com", "Authorization", "Bearer " + TOKEN,
                "Origin", "https://erp.example.com");
        assertThat(guard.check(far, same::get)).isEmpty();
    }
}
