package io.mlconnector.freshbooks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshBooksWebhookParserTest {
    private final FreshBooksWebhookParser parser = new FreshBooksWebhookParser();

    private static WebhookRequest form(String body) {
        return WebhookRequest.of(Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    @Test
    void deliveryBecomesEventWithResourceActionAndIds() {
        FreshBooksWebhookEvent e = FreshBooksWebhookEvent.parse(form(
                "name=bill.update&object_id=43221133&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1"));
        assertThat(e.name()).isEqualTo("bill.update");
        assertThat(e.resource()).isEqualTo("bill");
        assertThat(e.action()).isEqualTo("update");
        assertThat(e.objectId()).isEqualTo("43221133");
        assertThat(e.accountId()).isEqualTo("6BApk");
        assertThat(e.businessId()).isEqualTo("6543");
        assertThat(e.identityId()).isEqualTo("1234");
        assertThat(e.userId()).isEqualTo("1");
        assertThat(e.isHandshake()).isFalse();
        assertThat(e.fields()).containsKeys("name", "object_id", "account_id", "business_id", "identity_id", "user_id");
    }

    @Test
    void parserRoutesByAccountAndNamesTheSubjectWithTheRefType() {
        InboundEvent in = parser.parse(form("object_id=921895&name=bill_vendor.delete&user_id=1&identity_id=14051539"
                + "&business_id=14393743&account_id=p7rQW5"));
        assertThat(in.routingKey()).isEqualTo("p7rQW5");
        assertThat(in.subject()).isEqualTo(new ExternalRef("freshbooks", "vendor", "921895"));
        assertThat(in.action()).isEqualTo("delete");
        assertThat(in.handshake()).isFalse();
        assertThat(in.attribute("name")).isEqualTo("bill_vendor.delete");
        assertThat(in.attribute("business_id")).isEqualTo("14393743");
        assertThat(in.attribute("verifier")).isNull();

        InboundEvent invoice = parser.parse(form("name=invoice.sendByEmail&object_id=5&account_id=A"));
        assertThat(invoice.subject().key()).isEqualTo("freshbooks:invoice:5");
        assertThat(invoice.action()).isEqualTo("sendByEmail");
    }

    @Test
    void handshakeIsFlaggedWithItsVerifierAndCallbackSubject() {
        InboundEvent in = parser.parse(form("name=callback.verify&object_id=2001&verifier=scADVVi5&account_id=6BApk"));
        assertThat(in.handshake()).isTrue();
        assertThat(in.action()).isEqualTo("verify");
        assertThat(in.subject()).isEqualTo(new ExternalRef("freshbooks", "callback", "2001"));
        assertThat(in.attribute("verifier")).isEqualTo("scADVVi5");
        assertThat(in.routingKey()).isEqualTo("6BApk");
    }

    @Test
    void handshakeWithOnlyVerifierAndObjectIdIsRecognised() {
        FreshBooksWebhookEvent e = FreshBooksWebhookEvent.parse(form("verifier=abc123&object_id=77"));
        assertThat(e.isHandshake()).isTrue();
        assertThat(e.name()).isEqualTo("callback.verify");
        assertThat(e.accountId()).isNull();
        assertThat(e.toString()).doesNotContain("abc123");
        InboundEvent in = parser.parse(form("verifier=abc123&object_id=77"));
        assertThat(in.handshake()).isTrue();
        assertThat(in.routingKey()).isNull();
    }

    @Test
    void theDocumentedBodyWithItsMissingAmpersandStillParses() {
        FreshBooksWebhookEvent e = FreshBooksWebhookEvent.parse(form(
                "name=invoice.create&object_id=1234567&account_id=6BApk&business_id=6543&identity_id=1234user_id=1"));
        assertThat(e.identityId()).isEqualTo("1234user_id=1");
        assertThat(e.userId()).isNull();
        assertThat(e.objectId()).isEqualTo("1234567");
    }

    @Test
    void junkIsMalformed() {
        for (String junk : new String[] {"", "hello", "name=bill.update&account_id=A", "object_id=1&account_id=A",
            "name=bill.update&object_id=1", "{\"name\":\"bill.update\"}", "=x&name=a.b&object_id=1&account_id=A"}) {
            assertThatThrownBy(() -> parser.parse(form(junk)), junk)
                    .isInstanceOfSatisfying(WebhookVerificationException.class,
                            ex -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED_BODY));
        }
    }
}
