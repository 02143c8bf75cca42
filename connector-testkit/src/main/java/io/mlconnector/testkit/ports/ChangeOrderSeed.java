package io.mlconnector.testkit.ports;

import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Systems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fluent seed for a change order of an {@link InMemoryProjectSystem}; {@link #save()} stores it with a new version
 * and, unless {@link #amount} was set, a total equal to the sum of its lines. Approved by default.
 */
public final class ChangeOrderSeed {
    private final ProjectRef project;
    private final String refType;
    private final UnaryOperator<ChangeOrder> saver;
    private String id;
    private String contractId;
    private String number;
    private int revision;
    private String title;
    private String status = "approved";
    private boolean approved = true;
    private boolean voided;
    private Money amount;
    private LocalDate date;
    private String currency = "USD";
    private String sourceApplicationId;
    private String originId;
    private final List<ChangeOrderLine> lines = new ArrayList<>();

    ChangeOrderSeed(ProjectRef project, LocalDate defaultDate, UnaryOperator<ChangeOrder> saver) {
        this(project, InMemoryProjectSystem.TYPE_CHANGE_ORDER, defaultDate, saver);
    }

    ChangeOrderSeed(ProjectRef project, String refType, LocalDate defaultDate, UnaryOperator<ChangeOrder> saver) {
        this.project = Objects.requireNonNull(project, "project");
        this.refType = Objects.requireNonNull(refType, "refType");
        this.date = defaultDate;
        this.saver = saver;
    }

    /**
     * Uses a given id instead of an assigned one.
     *
     * @param id the change order id
     * @return this seed
     */
    public ChangeOrderSeed id(String id) {
        this.id = id;
        return this;
    }

    /**
     * The commitment or prime contract it changes.
     *
     * @param contractId the commitment or prime contract id
     * @return this seed
     */
    public ChangeOrderSeed contract(String contractId) {
        this.contractId = contractId;
        return this;
    }

    /**
     * Number.
     *
     * @param number the change order number
     * @return this seed
     */
    public ChangeOrderSeed number(String number) {
        this.number = number;
        return this;
    }

    /**
     * Revision counter (default 0).
     *
     * @param revision the revision counter
     * @return this seed
     */
    public ChangeOrderSeed revision(int revision) {
        this.revision = revision;
        return this;
    }

    /**
     * Title.
     *
     * @param title the title
     * @return this seed
     */
    public ChangeOrderSeed title(String title) {
        this.title = title;
        return this;
    }

    /**
     * A status other than approved ({@code pending}, {@code draft}): not approved, not voided.
     *
     * @param status the status, e.g. {@code pending}
     * @return this seed
     */
    public ChangeOrderSeed pending(String status) {
        this.status = status;
        this.approved = false;
        this.voided = false;
        return this;
    }

    /**
     * Voided: not approved.
     *
     * @return this seed
     */
    public ChangeOrderSeed voided() {
        this.status = "void";
        this.approved = false;
        this.voided = true;
        return this;
    }

    /**
     * The date it took effect (default: today on the port's clock, UTC).
     *
     * @param date the date
     * @return this seed
     */
    public ChangeOrderSeed date(LocalDate date) {
        this.date = date;
        return this;
    }

    /**
     * Currency of lines added afterwards (default USD).
     *
     * @param currency an ISO 4217 code, e.g. {@code USD}
     * @return this seed
     */
    public ChangeOrderSeed currency(String currency) {
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
    public ChangeOrderSeed line(String costCode, String costType, String description, String amount) {
        lines.add(new ChangeOrderLine(costCode, costType, description, Money.of(amount, currency)));
        return this;
    }

    /**
     * An explicit grand total (when the system gives only a total, or to make it differ from the lines).
     *
     * @param amount a decimal total in the current currency, e.g. {@code "1500.00"}
     * @return this seed
     */
    public ChangeOrderSeed amount(String amount) {
        this.amount = Money.of(amount, currency);
        return this;
    }

    /**
     * The application that last changed it (use the port's {@code applicationId()} to seed one of our echoes).
     *
     * @param applicationId the application id
     * @return this seed
     */
    public ChangeOrderSeed sourceApplication(String applicationId) {
        this.sourceApplicationId = applicationId;
        return this;
    }

    /**
     * Its external id.
     *
     * @param originId the external id
     * @return this seed
     */
    public ChangeOrderSeed originId(String originId) {
        this.originId = originId;
        return this;
    }

    /**
     * Stores it and returns it as stored.
     *
     * @return the change order as stored, with its id and version
     */
    public ChangeOrder save() {
        ExternalRef ref = id == null ? null : ExternalRef.of(Systems.PROCORE, refType, id);
        Money total = amount;
        if (total == null) {
            total = Money.zero(currency);
            for (ChangeOrderLine l : lines) {
                total = total.plus(l.amount());
            }
        }
        return saver.apply(new ChangeOrder(ref, project, contractId, number, revision, title, status, approved, voided,
                total, date, lines, null, sourceApplicationId, originId));
    }
}
