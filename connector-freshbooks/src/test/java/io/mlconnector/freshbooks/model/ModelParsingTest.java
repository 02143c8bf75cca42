package io.mlconnector.freshbooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.FreshBooksJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Records read bodies of every documented shape (our own bodies, written in the shapes of api/freshbooks.md and the
 * vendor fixtures): ids as numbers or strings, money as strings or numbers with any precision, Eastern and UTC
 * timestamps, same key with different types per resource.
 */
class ModelParsingTest {
    private final ObjectMapper m = FreshBooksJson.newObjectMapper();

    private <T> T read(String json, Class<T> type) throws Exception {
        return m.readValue(json, type);
    }

    @Test
    void idsReadFromNumbersAndStrings() throws Exception {
        assertThat(read("{\"id\":12345,\"userid\":12345}", Client.class).id()).isEqualTo(12345L);
        assertThat(read("{\"id\":\"218192\",\"userid\":\"218192\"}", Client.class).id()).isEqualTo(218192L);
        assertThat(read("{\"expenseid\":\"43221133\"}", Expense.class).id()).isEqualTo(43221133L);
        assertThat(read("{\"vendorid\":1563}", BillVendor.class).id()).isEqualTo(1563L);
        assertThat(read("{\"entity_id\":\"2409177\",\"gateway_info\":{\"account_id\":\"210000012\"}}",
                PaymentOptions.class).entityId()).isEqualTo("2409177");
        assertThat(read("{\"callbackid\":123}", Callback.class).id()).isEqualTo(123L);
    }

    @Test
    void moneyIsExactAndToleratesNumbers() throws Exception {
        Invoice inv = read("{\"id\":1,\"amount\":{\"amount\":\"41.94\",\"code\":\"CAD\"},\"discount_total\":"
                + "{\"amount\":\"-4.40\",\"code\":\"CAD\"},\"net_paid_amount\":{\"amount\":\"7.60133524082021936099189318\","
                + "\"code\":\"CAD\"},\"deposit_amount\":null}", Invoice.class);
        assertThat(inv.amount()).isEqualTo(new Money(new BigDecimal("41.94"), "CAD"));
        assertThat(inv.discountTotal().amount()).isEqualTo(new BigDecimal("-4.40"));
        assertThat(inv.netPaidAmount().amount()).isEqualTo(new BigDecimal("7.60133524082021936099189318"));
        assertThat(inv.depositAmount()).isNull();
        Client c = read("{\"id\":1,\"outstanding_balance\":[{\"amount\":{\"amount\":10,\"code\":\"CAD\"}},"
                + "{\"amount\":{\"amount\":11.05,\"code\":\"USD\"}}]}", Client.class);
        assertThat(c.outstandingBalance()).containsExactly(new Money(new BigDecimal("10"), "CAD"),
                new Money(new BigDecimal("11.05"), "USD"));
        assertThat(read("{\"id\":1,\"amount\":{\"amount\":\"39.991\",\"code\":\"USD\"}}", Expense.class).amount().amount())
                .isEqualTo(new BigDecimal("39.991"));
        assertThat(read("{\"vendorid\":1,\"outstanding_balance\":[{\"amount\":\"5.00\",\"code\":\"USD\"}],"
                + "\"overdue_balance\":[]}", BillVendor.class).outstandingBalance()).containsExactly(Money.of("5.00", "USD"));
    }

    @Test
    void moneyWithoutCurrencyIsAClearMappingError() {
        assertThatThrownBy(() -> read("{\"id\":1,\"amount\":{\"amount\":\"1.00\"}}", Expense.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("no currency code");
        assertThatThrownBy(() -> read("{\"id\":1,\"amount\":{\"amount\":\"abc\",\"code\":\"USD\"}}", Expense.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("not a number");
    }

    @Test
    void sameKeyDifferentTypePerResource() throws Exception {
        InvoiceLine line = read("{\"lineid\":1,\"qty\":\"4\",\"taxAmount1\":\"13\",\"type\":0,"
                + "\"date\":\"2019-11-25 15:43:26\",\"modern_project_id\":null}", InvoiceLine.class);
        assertThat(line.taxPercent1()).isEqualByComparingTo("13");
        assertThat(line.quantity()).isEqualByComparingTo("4");
        assertThat(line.date()).isEqualTo(LocalDate.of(2019, 11, 25));
        Expense e = read("{\"id\":1,\"taxAmount1\":{\"amount\":\"6.21\",\"code\":\"CAD\"},\"taxPercent1\":0,"
                + "\"vendor\":\"Serano Bakery\",\"status\":0}", Expense.class);
        assertThat(e.taxAmount1()).isEqualTo(Money.of("6.21", "CAD"));
        assertThat(e.vendor()).isEqualTo("Serano Bakery");
        Bill b = read("{\"id\":1,\"status\":\"unpaid\",\"vendor\":{\"vendorid\":1563,\"vendor_name\":\"IKEA\"},"
                + "\"lines\":[{\"categoryid\":3696445,\"category\":\"Equipment\",\"quantity\":10},"
                + "{\"categoryid\":\"65773\",\"category\":{\"categoryid\":65773,\"category\":\"Furniture\"},\"quantity\":\"1\","
                + "\"tax_amount1\":{\"amount\":\"1.30\",\"code\":\"USD\"},\"tax_percent1\":\"13\"}]}", Bill.class);
        assertThat(b.vendor().vendorName()).isEqualTo("IKEA");
        assertThat(b.lines().get(0).category()).isEqualTo(new CategoryRef(null, "Equipment"));
        assertThat(b.lines().get(1).category()).isEqualTo(new CategoryRef(65773L, "Furniture"));
        assertThat(b.lines().get(1).categoryId()).isEqualTo(65773L);
        assertThat(b.lines().get(1).taxAmount1()).isEqualTo(Money.of("1.30", "USD"));
        assertThat(b.hasEmbeddedPayments()).isFalse();
        Project p1 = read("{\"id\":1,\"budget\":21600,\"expense_markup\":\"0\",\"group_id\":5}", Project.class);
        Project p2 = read("{\"id\":2,\"budget\":\"50.00\",\"expense_markup\":0,\"groupId\":6,\"rate\":\"5.00\"}", Project.class);
        assertThat(p1.budget()).isEqualByComparingTo("21600");
        assertThat(p2.budget()).isEqualTo(new BigDecimal("50.00"));
        assertThat(p2.groupId()).isEqualTo(6L);
        Task t = read("{\"taskid\":7,\"tname\":\"Piloting\",\"rate\":{\"amount\":\"100.00\",\"code\":\"CAD\"}}", Task.class);
        assertThat(t.rate()).isEqualTo(Money.of("100.00", "CAD"));
    }

    @Test
    void timestampsAreConvertedPerResource() throws Exception {
        assertThat(read("{\"id\":1,\"updated\":\"2021-04-16 10:31:58\"}", Invoice.class).updated())
                .isEqualTo(Instant.parse("2021-04-16T14:31:58Z"));
        assertThat(read("{\"id\":1,\"updated_at\":\"2021-09-01 15:30:29\"}", Bill.class).updatedAt())
                .isEqualTo(Instant.parse("2021-09-01T15:30:29Z"));
        Client c = read("{\"id\":1,\"signup_date\":\"2020-10-31 15:25:34\",\"updated\":\"2020-11-01 13:11:10\"}", Client.class);
        assertThat(c.signupDate()).isEqualTo(Instant.parse("2020-10-31T15:25:34Z"));
        assertThat(c.updated()).isEqualTo(Instant.parse("2020-11-01T18:11:10Z"));
        Project p = read("{\"id\":1,\"created_at\":\"2020-11-219T13:22:04\",\"updated_at\":\"2020-10-24T20:00:00Z\"}",
                Project.class);
        assertThat(p.createdAt()).isNull();
        assertThat(p.updatedAt()).isEqualTo(Instant.parse("2020-10-24T20:00:00Z"));
        assertThat(read("{\"callbackid\":1,\"updated_at\":\"2021-10-17 05:48:42\"}", Callback.class).updatedAt())
                .isEqualTo(Instant.parse("2021-10-17T05:48:42Z"));
        assertThat(read("{\"id\":1,\"started_at\":\"2023-08-09T19:56:50Z\",\"local_started_at\":\"2023-08-09T14:56:50\","
                + "\"timer\":{\"id\":152300,\"is_running\":false}}", TimeEntry.class).timer().isRunning()).isFalse();
    }

    @Test
    void identityMembershipsAndMixedPermissionValues() throws Exception {
        Identity me = read("{\"id\":12345,\"identity_id\":12345,\"email\":\"s@cis.com\",\"addresses\":[null],"
                + "\"confirmed_at\":\"2017-05-23T05:57:24Z\",\"business_memberships\":[{\"id\":140130,\"role\":\"owner\","
                + "\"business\":{\"id\":439000,\"business_uuid\":\"a_uuid1\",\"account_id\":\"ABC123\",\"address\":{\"id\":1,"
                + "\"city\":\"Toronto\"},\"phone_number\":{\"id\":2,\"phone_number\":\"8675309\"},\"business_clients\":[{\"id\":5432,"
                + "\"business_id\":6543,\"account_id\":\"XYZ321\",\"userid\":65342}]}},{\"id\":140135,\"role\":\"business_employee\","
                + "\"business\":{\"id\":438000,\"business_uuid\":\"a_uuid2\",\"account_id\":\"ABC124\"}}],"
                + "\"roles\":[{\"id\":61270,\"role\":\"admin\",\"userid\":1,\"accountid\":\"ABC123\"}],"
                + "\"permissions\":{\"ABC123\":{\"client.limit\":-1,\"x.access\":true}},"
                + "\"subscription_statuses\":{\"ABC123\":\"active\"}}", Identity.class);
        assertThat(me.businesses()).extracting(Business::id).containsExactly(439000L, 438000L);
        assertThat(me.businessById(438000).orElseThrow().businessUuid()).isEqualTo("a_uuid2");
        assertThat(me.businesses().get(0).businessClients().get(0).accountId()).isEqualTo("XYZ321");
        assertThat(me.permissions().get("ABC123")).containsEntry("x.access", true);
        assertThat(me.roles().get(0).accountId()).isEqualTo("ABC123");
        assertThat(me.businessMemberships().get(0).id()).as("membership id is not the business id").isEqualTo(140130L);
    }

    @Test
    void reportAmountsWithPercentCodesAndUnknownVisStates() throws Exception {
        ProfitLossReport r = read("{\"gross_margin\":{\"data\":[{\"amount\":\"100.00\",\"code\":\"%\"}],"
                + "\"total\":{\"amount\":\"100.00\",\"code\":\"%\"},\"children\":[]}}", ProfitLossReport.class);
        assertThat(r.grossMargin().total().code()).isEqualTo("%");
        assertThat(r.grossMargin().total().toMoney()).isEmpty();
        assertThat(read("{\"id\":1,\"vis_state\":7}", Item.class).visState()).isEqualTo(VisState.UNKNOWN);
        assertThat(read("{\"id\":1,\"vis_state\":2}", Item.class).visState()).isEqualTo(VisState.ARCHIVED);
        assertThat(read("{\"filename\":\"f\",\"jwt\":\"secret-jwt\"}", Attachment.class).toString()).doesNotContain("secret-jwt");
    }
}
