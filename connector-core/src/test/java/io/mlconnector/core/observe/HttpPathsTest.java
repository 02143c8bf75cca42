package io.mlconnector.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpPathsTest {
    @Test
    void ids_becomePlaceholders_versionsStay_andTheQueryIsDropped() {
        assertThat(HttpPaths.template(URI.create(
                "https://api.procore.com/rest/v1.0/projects/316469/requisitions?access_token=secret&page=2")))
                .isEqualTo("/rest/v1.0/projects/{id}/requisitions");
        assertThat(HttpPaths.template(URI.create("https://api.freshbooks.com/accounting/account/6BApk/bills/bills/43")))
                .isEqualTo("/accounting/account/{id}/bills/bills/{id}");
        assertThat(HttpPaths.template(URI.create("https://login.procore.com/oauth/token"))).isEqualTo("/oauth/token");
        assertThat(HttpPaths.template(URI.create("https://example.com"))).isEqualTo("/");
    }
}
