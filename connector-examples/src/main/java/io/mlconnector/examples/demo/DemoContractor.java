package io.mlconnector.examples.demo;

import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.freshbooks.Client;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.Project;
import io.mlconnector.testkit.procore.ChangeOrderPackage;
import io.mlconnector.testkit.procore.Commitment;
import io.mlconnector.testkit.procore.CommitmentType;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.PrimeContract;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A realistic general contractor, "Harbor Point Builders", seeded into both sandboxes as data that existed before the
 * connector was installed (no webhooks fire while seeding):
 * <ul>
 *   <li>FreshBooks: the owner client, projects Harbor Tower and Riverside Clinic with budgets, expense categories
 *       named like the cost codes (plus "Office Supplies", which no cost code matches), and four bill vendors —
 *       among them <b>Lone Pine Framing</b>, who exists only in FreshBooks (the unmapped vendor);</li>
 *   <li>Procore: the company, the same two projects, cost types (L, M, E, S), four cost codes per project, three
 *       company vendors, a purchase order (Rebar &amp; Concrete Supply, 03-300 materials) and a subcontract (Bright
 *       Spark Electric, 16-100) on Harbor Tower with SOV lines, a subcontract on Riverside Clinic, a prime contract
 *       with the owner, open billing periods for the month, and a pending change order package on the purchase
 *       order.</li>
 * </ul>
 * {@link #mappingsCsv()} is the mapping file an accountant would hand over: each vendor's project, and each expense
 * category's cost code and cost type (both directions). Vendors and projects are left to the first-sync alignment.
 */
public record DemoContractor(
        // FreshBooks
        Client owner, Project fbHarborTower, Project fbRiverside,
        ExpenseCategory concrete, ExpenseCategory electrical, ExpenseCategory equipment, ExpenseCategory carpentry,
        ExpenseCategory officeSupplies,
        BillVendor fbRebar, BillVendor fbBrightSpark, BillVendor fbCascade, BillVendor fbLonePine,
        // Procore
        Company company, ProcoreProject harborTower, ProcoreProject riverside,
        LineItemType labor, LineItemType materials, LineItemType equipmentType, LineItemType subcontract,
        CostCode concreteCode, CostCode electricalCode, CostCode equipmentCode, CostCode carpentryCode,
        Vendor rebar, Vendor brightSpark, Vendor cascade,
        Commitment rebarPo, Commitment electricalSubcontract, Commitment riversideSubcontract,
        PrimeContract primeContract, ChangeOrderPackage slabChangeOrder) {

    /**
     * Fixed price of the FreshBooks project Harbor Tower (billed at a fixed price: the owner's prime contract sum)
     * before any prime contract change order.
     */
    public static final BigDecimal HARBOR_TOWER_FIXED_PRICE = new BigDecimal("700000.00");
    /** Budget of Harbor Tower in FreshBooks: hours, as FreshBooks budgets always are; never written by the sync. */
    public static final int HARBOR_TOWER_BUDGET_HOURS = 2400;
    /** Amount of the pending change order package (on the concrete purchase order: a cost). */
    public static final BigDecimal CHANGE_ORDER_AMOUNT = new BigDecimal("12500.00");
    /** Amount of the prime contract change order approved during the demo (what the owner is charged). */
    public static final BigDecimal PRIME_CHANGE_ORDER_AMOUNT = new BigDecimal("48000.00");

    /** Seeds both sandboxes; billing periods cover the month of {@code today}. */
    public static DemoContractor seed(FreshBooksSandbox fb, ProcoreSandbox pc, LocalDate today) {
        var f = fb.seed();
        Client owner = f.client("Harbor Point Development LLC", "ap@harborpointdev.example");
        Project fbTower = f.fixedPriceProject("Harbor Tower", owner.id(), HARBOR_TOWER_FIXED_PRICE,
                HARBOR_TOWER_BUDGET_HOURS);
        Project fbRiverside = f.hourlyProject("Riverside Clinic", owner.id(), 1500);
        ExpenseCategory concrete = f.expenseCategory("Cast-in-Place Concrete");
        ExpenseCategory electrical = f.expenseCategory("Electrical");
        ExpenseCategory equipment = f.expenseCategory("Equipment Rental");
        ExpenseCategory carpentry = f.expenseCategory("Rough Carpentry");
        ExpenseCategory office = f.expenseCategory("Office Supplies");
        BillVendor fbRebar = f.billVendor("Rebar & Concrete Supply Co");
        BillVendor fbBright = f.billVendor("Bright Spark Electric");
        BillVendor fbCascade = f.billVendor("Cascade Equipment Rentals");
        BillVendor fbLonePine = f.billVendor("Lone Pine Framing");

        var p = pc.seed();
        Company company = p.company("Harbor Point Builders");
        ProcoreProject tower = p.project(company.id(), "Harbor Tower");
        ProcoreProject riverside = p.project(company.id(), "Riverside Clinic");
        LineItemType labor = p.lineItemType(company.id(), "Labor", "L", "labor");
        LineItemType materials = p.lineItemType(company.id(), "Materials", "M", "materials");
        LineItemType equipmentType = p.lineItemType(company.id(), "Equipment", "E", "equipment");
        LineItemType sub = p.lineItemType(company.id(), "Subcontract", "S", "commitment");
        CostCode ccConcrete = p.costCode(tower.id(), "03-300", "Cast-in-Place Concrete");
        CostCode ccElectrical = p.costCode(tower.id(), "16-100", "Electrical");
        CostCode ccEquipment = p.costCode(tower.id(), "01-540", "Equipment Rental");
        CostCode ccCarpentry = p.costCode(tower.id(), "06-100", "Rough Carpentry");
        p.costCode(riverside.id(), "03-300", "Cast-in-Place Concrete");
        CostCode rvElectrical = p.costCode(riverside.id(), "16-100", "Electrical");
        p.costCode(riverside.id(), "01-540", "Equipment Rental");
        p.costCode(riverside.id(), "06-100", "Rough Carpentry");
        Vendor rebar = p.vendor(company.id(), "Rebar & Concrete Supply Co");
        Vendor bright = p.vendor(company.id(), "Bright Spark Electric");
        Vendor cascade = p.vendor(company.id(), "Cascade Equipment Rentals");
        Commitment po = p.commitment(tower.id(), rebar.id(), CommitmentType.PURCHASE_ORDER, "PO-001 Concrete & rebar",
                SovLine.of(ccConcrete.id(), materials.id(), "Concrete and reinforcing steel", "250000.00"));
        Commitment sc = p.commitment(tower.id(), bright.id(), CommitmentType.WORK_ORDER, "SC-002 Electrical",
                SovLine.of(ccElectrical.id(), sub.id(), "Electrical rough-in and trim", "180000.00"));
        Commitment rvSc = p.commitment(riverside.id(), bright.id(), CommitmentType.WORK_ORDER, "SC-101 Electrical",
                SovLine.of(rvElectrical.id(), sub.id(), "Electrical", "95000.00"));
        PrimeContract prime = p.primeContract(tower.id(), "Prime contract with Harbor Point Development",
                SovLine.of(ccConcrete.id(), materials.id(), "Concrete", "400000.00"),
                SovLine.of(ccElectrical.id(), sub.id(), "Electrical", "300000.00"));
        YearMonth month = YearMonth.from(today);
        p.billingPeriod(tower.id(), month.atDay(1), month.atEndOfMonth());
        p.billingPeriod(riverside.id(), month.atDay(1), month.atEndOfMonth());
        ChangeOrderPackage co = p.changeOrderPackage(tower.id(), po.id(), "PCO-001 Slab thickening at grid C",
                "pending", SovLine.of(ccConcrete.id(), materials.id(), "Thickened slab edge, grid C",
                        CHANGE_ORDER_AMOUNT.toPlainString()));
        return new DemoContractor(owner, fbTower, fbRiverside, concrete, electrical, equipment, carpentry, office,
                fbRebar, fbBright, fbCascade, fbLonePine, company, tower, riverside, labor, materials, equipmentType,
                sub, ccConcrete, ccElectrical, ccEquipment, ccCarpentry, rebar, bright, cascade, po, sc, rvSc, prime,
                co);
    }

    /**
     * The mapping file (core's CSV format): which Procore project each vendor's bills go to, and each expense
     * category's cost code and cost type, plus the reverse (cost code → category) for changes flowing back.
     */
    public String mappingsCsv() {
        StringBuilder b = new StringBuilder("kind,source_id,target_id,cost_type,status,label\n");
        for (BillVendor v : List.of(fbRebar, fbBrightSpark, fbCascade, fbLonePine)) {
            b.append(row("VENDOR_PROJECT", v.id(), Long.toString(harborTower.id()), "", v.name() + " -> Harbor Tower"));
        }
        glRow(b, concrete, concreteCode, materials);
        glRow(b, electrical, electricalCode, subcontract);
        glRow(b, equipment, equipmentCode, equipmentType);
        glRow(b, carpentry, carpentryCode, labor);
        reverseRow(b, concreteCode, concrete);
        reverseRow(b, electricalCode, electrical);
        reverseRow(b, equipmentCode, equipment);
        reverseRow(b, carpentryCode, carpentry);
        return b.toString();
    }

    private static void glRow(StringBuilder b, ExpenseCategory c, CostCode code, LineItemType type) {
        b.append(row("GL_ACCOUNT", c.id(), code.fullCode(), type.code(), c.name() + " -> " + code.fullCode() + " "
                + type.code()));
    }

    private static void reverseRow(StringBuilder b, CostCode code, ExpenseCategory c) {
        b.append("COST_CODE_CATEGORY,").append(code.fullCode()).append(',').append(c.id()).append(",,CONFIRMED,")
                .append(quote(code.fullCode() + " -> " + c.name())).append('\n');
    }

    private static String row(String kind, long source, String target, String costType, String label) {
        return kind + "," + source + "," + target + "," + costType + ",CONFIRMED," + quote(label) + "\n";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
