package io.mlconnector.testkit.ports;

import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fluent seed for a direct cost or budget change of an {@link InMemoryProjectSystem}; {@link #save()} stores it with
 * a new version and, unless {@link #total} was set, a total equal to the sum of its lines.
 */
public final class CostUpdateSeed {
    private final ProjectRef project;
    private final CostUpdateKind kind;
    private final UnaryOperator<CostUpdate> saver;
    private String description;
    private String status = "approved";
    private boolean voided;
    private LocalDate date;
    private String currency = "USD";
    private Money total;
    private String sourceApplicationId;
    private String originId;
    private final List<ChangeOrderLine> lines = new ArrayList<>();

    CostUpdateSeed(ProjectRef project, CostUpdateKind kind, LocalDate defaultDate, UnaryOperator<CostUpdate> saver) {
        this.project = Objects.requireNonNull(project, "project");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.date = defaultDate;
        this.saver = saver;
    }

    /**
     * Text.
     *
     * @param description the text
     * @return this seed
     */
    public CostUpdateSeed description(String description) {
        this.description = description;
        return this;
    }

    /**
     * Status text (default {@code approved}).
     *
     * @param status the status text
     * @return this seed
     */
    public CostUpdateSeed status(String status) {
        this.status = status;
        return this;
    }

    /**
     * Voided / rejected.
     *
     * @return this seed
     */
    public CostUpdateSeed voided() {
        this.voided = true;
        this.status = "void";
        return this;
    }

    /**
     * Date (default: today on the port's clock, UTC).
     *
     * @param date the date
     * @return this seed
     */
    public CostUpdateSeed date(LocalDate date) {
        this.date = date;
        return this;
    }

    /**
     * Currency of lines added afterwards (default USD).
     *
     * @param currency an ISO 4217 code, e.g. {@code USD}
     * @return this seed
     */
    public CostUpdateSeed currency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    /**
     * A line by cost code.
     *
     * @param costCode the cost code
     * @param costType the cost type, or null
     * @param description the line text
     * @param amount a decimal amount in the current currency, e.g. {@code "125.00"}
     * @return this seed
     */
    public CostUpdateSeed line(String costCode, String costType, String description, String amount) {
        lines.add(new ChangeOrderLine(costCode, costType, description, Money.of(amount, currency)));
        return this;
    }

    /**
     * An explicit total.
     *
     * @param total a decimal total in the current currency, e.g. {@code "125.00"}
     * @return this seed
     */
    public CostUpdateSeed total(String total) {
        this.total = Money.of(total, currency);
        return this;
    }

    /**
     * The application that last changed it.
     *
     * @param applicationId the application id
     * @return this seed
     */
    public CostUpdateSeed sourceApplication(String applicationId) {
        this.sourceApplicationId = applicationId;
        return this;
    }

    /**
     * Its external id.
     *
     * @param originId the external id
     * @return this seed
     */
    public CostUpdateSeed originId(String originId) {
        this.originId = originId;
        return this;
    }

    /**
     * Stores it and returns it as stored.
     *
     * @return the cost update as stored, with its id and version
     */
    public CostUpdate save() {
        Money t = total;
        if (t == null) {
            t = Money.zero(currency);
            for (ChangeOrderLine l : lines) {
                t = t.plus(l.amount());
            }
        }
        return saver.apply(new CostUpdate(null, project, kind, description, status, voided, date, lines, t, null,
                sourceApplicationId, originId));
    }
}
