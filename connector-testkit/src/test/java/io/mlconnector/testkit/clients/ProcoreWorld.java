package io.mlconnector.testkit.clients;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.testkit.procore.BillingPeriod;
import io.mlconnector.testkit.procore.Commitment;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A seeded Procore company as a contractor would have it: a project with two cost codes and two cost types, a vendor
 * with an approved subcontract (two SOV lines), an open March billing period, and a second company the client must
 * never reach.
 *
 * @param acme       the client's company
 * @param tower      its project
 * @param ref        the project as the client addresses it
 * @param materials  cost type {@code M}
 * @param labor      cost type {@code L}
 * @param concrete   cost code {@code 03-300}
 * @param rebar      cost code {@code 05-100}
 * @param vendor     the subcontractor
 * @param commitment the approved subcontract on {@code tower}
 * @param march      the open billing period
 * @param other      another company
 * @param elsewhere  a project of {@code other}
 */
record ProcoreWorld(Company acme, ProcoreProject tower, ProjectRef ref, LineItemType materials, LineItemType labor,
                    CostCode concrete, CostCode rebar, Vendor vendor, Commitment commitment, BillingPeriod march,
                    Company other, ProcoreProject elsewhere) {

    static ProcoreWorld seed(ProcoreSandbox pc) {
        Company acme = pc.seed().company("Acme GC");
        ProcoreProject tower = pc.seed().project(acme.id(), "Tower A");
        LineItemType m = pc.seed().lineItemType(acme.id(), "Materials", "M", "materials");
        LineItemType l = pc.seed().lineItemType(acme.id(), "Labor", "L", "labor");
        CostCode concrete = pc.seed().costCode(tower.id(), "03-300", "Cast-in-Place Concrete");
        CostCode rebar = pc.seed().costCode(tower.id(), "05-100", "Structural Steel");
        Vendor vendor = pc.seed().vendor(acme.id(), "Rebar Inc", "fb:6BApk:vendor:88213");
        Commitment sub = pc.seed().commitment(tower.id(), vendor.id(), CommitmentType.WORK_ORDER, "Subcontract",
                "Approved", BigDecimal.ZERO, List.of(SovLine.of(concrete.id(), m.id(), "Concrete work", "50000.00"),
                        SovLine.of(rebar.id(), l.id(), "Rebar install", "20000.00")));
        BillingPeriod march = pc.seed().billingPeriod(tower.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        Company other = pc.seed().company("Other GC");
        ProcoreProject elsewhere = pc.seed().project(other.id(), "Somebody else's tower");
        return new ProcoreWorld(acme, tower, new ProjectRef(acme.id(), tower.id()), m, l, concrete, rebar, vendor, sub,
                march, other, elsewhere);
    }
}
