package io.mlconnector.testkit.ports;

import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CommitmentLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.ProjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fluent seed for a commitment (purchase order / subcontract) with its schedule of values in an
 * {@link InMemoryProjectSystem}; {@link #save()} stores it, assigning ids to the commitment and its lines.
 */
public final class CommitmentSeed {
    private final ProjectRef project;
    private final String vendorId;
    private final UnaryOperator<Commitment> saver;
    private String id;
    private String number;
    private String title;
    private String status = "Approved";
    private boolean requisitionsEnabled = true;
    private String currency = "USD";
    private final List<CommitmentLine> lines = new ArrayList<>();

    CommitmentSeed(ProjectRef project, String vendorId, UnaryOperator<Commitment> saver) {
        this.project = Objects.requireNonNull(project, "project");
        this.vendorId = Objects.requireNonNull(vendorId, "vendorId");
        this.saver = saver;
    }

    /**
     * Uses a given id instead of an assigned one.
     *
     * @param id the commitment id
     * @return this seed
     */
    public CommitmentSeed id(String id) {
        this.id = id;
        return this;
    }

    /**
     * Contract number.
     *
     * @param number the contract number
     * @return this seed
     */
    public CommitmentSeed number(String number) {
        this.number = number;
        return this;
    }

    /**
     * Title.
     *
     * @param title the title
     * @return this seed
     */
    public CommitmentSeed title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Status text (default {@code Approved}).
     *
     * @param status the status text
     * @return this seed
     */
    public CommitmentSeed status(String status) {
        this.status = status;
        return this;
    }

    /**
     * Whether requisitions may be billed against it (default true).
     *
     * @param enabled true if requisitions are allowed
     * @return this seed
     */
    public CommitmentSeed requisitionsEnabled(boolean enabled) {
        this.requisitionsEnabled = enabled;
        return this;
    }

    /**
     * Contract currency (default USD); lines added afterwards use it.
     *
     * @param currency an ISO 4217 code, e.g. {@code USD}
     * @return this seed
     */
    public CommitmentSeed currency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    /**
     * A schedule-of-values line (its id is assigned on save).
     *
     * @param costCode the cost code
     * @param costType the cost type, or null
     * @param description the line text
     * @param scheduledValue a decimal scheduled value in the contract currency, e.g. {@code "5000.00"}
     * @return this seed
     */
    public CommitmentSeed line(String costCode, String costType, String description, String scheduledValue) {
        lines.add(new CommitmentLine(null, costCode, costType, description, Money.of(scheduledValue, currency)));
        return this;
    }

    /**
     * Stores the commitment and returns it as stored.
     *
     * @return the commitment as stored, with its id and version
     */
    public Commitment save() {
        return saver.apply(new Commitment(id, project, vendorId, number, title, status, requisitionsEnabled, currency,
                lines));
    }
}
