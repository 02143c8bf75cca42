package io.mlconnector.freshbooks.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Eastern naive timestamps, UTC exceptions, lenient dates and the widened updated_min window. */
class FreshBooksTimeTest {

    @Test
    void naiveAccountingTimestampsAreUsEastern() {
        // summer (EDT, UTC-4) and winter (EST, UTC-5)
        assertThat(FreshBooksTime.parseEastern("2021-04-16 10:31:19")).contains(Instant.parse("2021-04-16T14:31:19Z"));
        assertThat(FreshBooksTime.parseEastern("2021-01-15 10:00:00")).contains(Instant.parse("2021-01-15T15:00:00Z"));
        assertThat(FreshBooksTime.parseEastern("2021-04-16 10:31:58.480684"))
                .contains(Instant.parse("2021-04-16T14:31:58.480684Z"));
    }

    @Test
    void explicitOffsetsWinAndUtcNaiveFormsAreUtc() {
        assertThat(FreshBooksTime.parseEastern("2017-08-23T11:45:09Z")).contains(Instant.parse("2017-08-23T11:45:09Z"));
        assertThat(FreshBooksTime.parseEastern("2020-10-19T12:17:31-07:00")).contains(Instant.parse("2020-10-19T19:17:31Z"));
        assertThat(FreshBooksTime.parseUtc("2020-09-13T01:07:51")).contains(Instant.parse("2020-09-13T01:07:51Z"));
        assertThat(FreshBooksTime.parseUtc("2021-09-01 15:30:29")).contains(Instant.parse("2021-09-01T15:30:29Z"));
        assertThat(FreshBooksTime.parseUtc("2023-04-27T14:33:48.841075Z")).contains(Instant.parse("2023-04-27T14:33:48.841075Z"));
    }

    @Test
    void garbageGivesEmptyInsteadOfFailing() {
        assertThat(FreshBooksTime.parseUtc("2020-11-219T13:22:04")).isEmpty();
        assertThat(FreshBooksTime.parseEastern("")).isEmpty();
        assertThat(FreshBooksTime.parseEastern(null)).isEmpty();
        assertThat(FreshBooksTime.parseEastern("yesterday")).isEmpty();
        assertThat(FreshBooksTime.parseDate("2019-11-25 15:43:26")).contains(LocalDate.of(2019, 11, 25));
        assertThat(FreshBooksTime.parseDate("2019-02-30")).isEmpty();
    }

    @Test
    void updatedMinIsTheEasternDateOfSinceMinusOneDay() {
        // 03:30Z on March 10th is still March 9th in New York
        assertThat(FreshBooksTime.updatedMinFor(Instant.parse("2024-03-10T03:30:00Z"))).isEqualTo(LocalDate.of(2024, 3, 8));
        // 12:00Z is already the same day in New York
        assertThat(FreshBooksTime.updatedMinFor(Instant.parse("2024-03-10T12:00:00Z"))).isEqualTo(LocalDate.of(2024, 3, 9));
        // just after midnight Eastern (04:00Z in summer)
        assertThat(FreshBooksTime.updatedMinFor(Instant.parse("2024-07-02T04:00:01Z"))).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(FreshBooksTime.updatedSinceParam(Instant.parse("2020-10-17T13:14:07.999Z"))).isEqualTo("2020-10-17T13:14:07");
    }
}
