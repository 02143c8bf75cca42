package io.mlconnector.core.testing;

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

    /** Uses a given id instead of an assigned one. */
    public CommitmentSeed id(String id) {
        this.id = id;
        return this;
    }

    /** Contract number. */
    public CommitmentSeed number(String number) {
        this.number = number;
        return this;
    }

    /** Title. */
    public CommitmentSeed title(String title) {
        this.title = title;
        return this;
    }

    /** Status text (default {@code Approved}). */
    public CommitmentSeed status(String status) {
        this.status = status;
        return this;
    }

    /** Whether requisitions may be billed against it (default true). */
    public CommitmentSeed requisitionsEnabled(boolean enabled) {
        this.requisitionsEnabled = enabled;
        return this;
    }

    /** Contract currency (default USD); lines added afterwards use it. */
    public CommitmentSeed currency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    /** A schedule-of-values line (its id is assigned on save). */
    public CommitmentSeed line(String costCode, String costType, String description, String scheduledValue) {
        lines.add(new CommitmentLine(null, costCode, costType, description, Money.of(scheduledValue, currency)));
        return this;
    }

    /** Stores the commitment and returns it as stored. */
    public Commitment save() {
        return saver.apply(new Commitment(id, project, vendorId, number, title, status, requisitionsEnabled, currency,
                lines));
    }
}
