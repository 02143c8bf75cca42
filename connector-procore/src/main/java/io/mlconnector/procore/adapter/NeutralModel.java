package io.mlconnector.procore.adapter;

import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CommitmentLine;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Systems;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.model.CurrencyConfiguration;
import io.mlconnector.procore.model.ProcoreCostCode;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.webhook.ProcoreResourceTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Converts Procore records to the neutral model; money keeps its exact decimal value and the object's currency. */
final class NeutralModel {
    private final String defaultCurrency;

    NeutralModel(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    String currency(CurrencyConfiguration c) {
        return c != null && c.currencyIsoCode() != null && !c.currencyIsoCode().isBlank() ? c.currencyIsoCode() : defaultCurrency;
    }

    Money money(BigDecimal amount, CurrencyConfiguration c) {
        return amount == null ? null : new Money(amount, currency(c));
    }

    static ExternalRef ref(String type, long id) {
        return ExternalRef.of(Systems.PROCORE, type, id);
    }

    static String version(Instant updatedAt) {
        return updatedAt == null ? null : updatedAt.toString();
    }

    /** Procore's sample bodies carry the literal string "null" as an origin id; treat it (and blanks) as absent. */
    static String originId(String raw) {
        return raw == null || raw.isBlank() || "null".equals(raw) ? null : raw;
    }

    Vendor vendor(ProcoreVendor v) {
        return vendor(v, !Boolean.FALSE.equals(v.isActive()));
    }

    /** A vendor from Procore's inactive list ({@code GET /rest/v1.0/companies/{c}/vendors/inactive}): inactive whatever the row says. */
    Vendor inactiveVendor(ProcoreVendor v) {
        return vendor(v, false);
    }

    private Vendor vendor(ProcoreVendor v, boolean active) {
        return new Vendor(ref(ProcoreResourceTypes.VENDOR, v.id()), v.displayName(), originId(v.originId()), v.originCode(),
                active, v.updatedAt());
    }

    Project project(ProcoreProject p) {
        return new Project(ref(ProcoreResourceTypes.PROJECT, p.id()), p.name(), p.projectNumber(), originId(p.originId()), null,
                null, !Boolean.FALSE.equals(p.active()), p.updatedAt());
    }

    CostCode costCode(ProcoreCostCode c) {
        return new CostCode(ref(ProcoreResourceTypes.COST_CODE, c.id()), c.fullCode(), c.name(), originId(c.originId()));
    }

    Commitment commitment(ProjectRef project, CommitmentContract c, WbsIndex wbs) {
        String currency = currency(c.currencyConfiguration());
        List<CommitmentLine> lines = c.lineItems() == null ? List.of() : c.lineItems().stream()
                .map(l -> commitmentLine(l, currency, wbs)).toList();
        return new Commitment(Long.toString(c.id()), project, c.vendor() == null || c.vendor().id() == null ? null
                : Long.toString(c.vendor().id()), c.number(), c.title(), c.status(),
                Boolean.TRUE.equals(c.requisitionsAreEnabled()), currency, lines);
    }

    private static CommitmentLine commitmentLine(ContractLineItem l, String currency, WbsIndex wbs) {
        BigDecimal value = l.value();
        return new CommitmentLine(Long.toString(l.id()), wbs.costCodeOf(l.costCode(), l.wbsCode()),
                wbs.costTypeOf(l.lineItemType(), l.wbsCode()), l.description(),
                value == null ? null : new Money(value, currency));
    }

    static ChangeOrderLine line(String costCode, String costType, String description, Money amount) {
        return new ChangeOrderLine(costCode, costType, description, amount);
    }
}
