package io.mlconnector.procore.model;

import java.time.LocalDate;

/**
 * A period with a start and an end date ({@code billing_period: {start_date, end_date}}).
 */
public record DateRange(LocalDate startDate,
                        LocalDate endDate) {
}
