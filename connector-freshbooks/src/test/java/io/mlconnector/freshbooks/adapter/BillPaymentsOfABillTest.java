package io.mlconnector.freshbooks.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.freshbooks.WireMockSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fetchBillPayments}: the bill's own {@code bill_payments}, mapped exactly like {@code fetchBillPayment}. */
class BillPaymentsOfABillTest extends WireMockSupport {
    /** The node SDK bill fixture's embedded payment (no matched_with_expense), under the bill. */
    private static final String BILL = "{\"id\":43221133,\"vendorid\":1234413,\"currency_code\":\"CAD\","
            + "\"amount\":{\"amount\":\"1500.00\",\"code\":\"CAD\"},\"updated_at\":\"2021-09-01 15:30:29\",\"vis_state\":0,"
            + "\"lines\":[],\"bill_payments\":[{\"id\":123445,\"billid\":43221133,\"amount\":{\"amount\":\"1500.00\","
            + "\"code\":\"CAD\"},\"paid_date\":\"2021-09-01\",\"payment_type\":\"Check\",\"note\":null,\"vis_state\":0}]}";
    /** The same payment as the bill payment endpoint answers it (docs shape, with matched_with_expense). */
    private static final String PAYMENT = "{\"id\":123445,\"billid\":43221133,\"amount\":{\"amount\":\"1500.00\","
            + "\"code\":\"CAD\"},\"paid_date\":\"2021-09-01\",\"payment_type\":\"Check\",\"note\":null,"
            + "\"matched_with_expense\":false,\"vis_state\":0}";

    private final FreshBooksAccountingSystem port = FreshBooksAccountingSystem.builder().client(client())
            .baseCurrency("CAD").build();

    @Test
    void embeddedPayments_oneCall_sameRefsAndVersionsAsFetchBillPayment() {
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills/43221133"))).willReturn(okJson(single("bill", BILL))));
        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments/123445")))
                .willReturn(okJson(single("bill_payment", PAYMENT))));

        List<PaymentRecord> payments = port.fetchBillPayments("43221133");

        assertThat(payments).containsExactly(port.fetchBillPayment("123445"));
        WM.verify(0, getRequestedFor(urlPathEqualTo(acct("bill_payments/bill_payments"))));
    }

    @Test
    void embeddedPaymentsWithoutBillIdOrVisState_stillMatchFetchBillPayment() {
        String bare = BILL.replace("\"billid\":43221133,", "").replace("\"note\":null,\"vis_state\":0}]",
                "\"note\":null}]");
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills/43221133"))).willReturn(okJson(single("bill", bare))));
        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments/123445")))
                .willReturn(okJson(single("bill_payment", PAYMENT))));

        assertThat(port.fetchBillPayments("43221133")).containsExactly(port.fetchBillPayment("123445"));
    }

    @Test
    void aBillWithoutBillPayments_listsThemByBill() {
        String noPayments = BILL.substring(0, BILL.indexOf(",\"bill_payments\"")) + "}";
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills/43221133"))).willReturn(okJson(single("bill", noPayments))));
        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments"))).withQueryParam("search[billid]",
                equalTo("43221133")).willReturn(okJson(list("bill_payments", 1, 1, PAYMENT))));

        assertThat(port.fetchBillPayments("43221133")).singleElement()
                .satisfies(p -> assertThat(p.ref().key()).isEqualTo("freshbooks:bill_payment:123445"));
        assertThat(port.paramSupport(UndocumentedParam.BILL_PAYMENT_BILLID)).isEqualTo(ParamSupport.HONOURED);
    }
}
