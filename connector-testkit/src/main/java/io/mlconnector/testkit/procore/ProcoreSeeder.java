package io.mlconnector.testkit.procore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.server.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates Procore objects from Java. From {@link ProcoreSandbox#seed()} nothing is announced (pre-existing data);
 * from {@link ProcoreSandbox#act()} webhooks fire as if a Procore user had made the change in the UI (no
 * {@code source_application_id}).
 */
public final class ProcoreSeeder {

    private final ProcoreStore store;
    private final Json json;
    private final DirectoryModel directory;
    private final CommitmentModel commitments;
    private final BillingModel billing;
    private final DirectCostModel directCosts;
    private final BudgetChangeModel budgetChanges;
    private final BudgetModel budget;
    private final Actor actor;

    ProcoreSeeder(ProcoreStore store, DirectoryModel directory, CommitmentModel commitments, BillingModel billing,
                  DirectCostModel directCosts, BudgetChangeModel budgetChanges, BudgetModel budget, Actor actor) {
        this.store = store;
        this.json = store.json();
        this.directory = directory;
        this.commitments = commitments;
        this.billing = billing;
        this.directCosts = directCosts;
        this.budgetChanges = budgetChanges;
        this.budget = budget;
        this.actor = actor;
    }

    private long companyOf(long projectId) {
        return store.require(PcKind.PROJECT, projectId).path("_company_id").asLong();
    }

    /**
     * A company every registered app is installed in.
     *
     * @param name the name
     * @return a company every registered app is installed in
     */
    public Company company(String name) {
        return PcViews.company(directory.createCompany(name));
    }

    /**
     * A project without origin id.
     *
     * @param companyId the company's id
     * @param name the name
     * @return a project without origin id
     */
    public ProcoreProject project(long companyId, String name) {
        return project(companyId, name, null);
    }

    /**
     * A project with an origin id (may be null).
     *
     * @param companyId the company's id
     * @param name the name
     * @param originId origin id or null
     * @return a project with an origin id (may be null)
     */
    public ProcoreProject project(long companyId, String name, String originId) {
        ObjectNode in = json.object();
        in.put("name", name);
        if (originId != null) {
            in.put("origin_id", originId);
        }
        return PcViews.project(store, directory.createProject(companyId, in, actor));
    }

    /**
     * A company vendor without origin id.
     *
     * @param companyId the company's id
     * @param name the name
     * @return a company vendor without origin id
     */
    public Vendor vendor(long companyId, String name) {
        return vendor(companyId, name, null);
    }

    /**
     * A company vendor with an origin id (may be null).
     *
     * @param companyId the company's id
     * @param name the name
     * @param originId origin id or null
     * @return a company vendor with an origin id (may be null)
     */
    public Vendor vendor(long companyId, String name, String originId) {
        ObjectNode in = json.object();
        in.put("name", name);
        if (originId != null) {
            in.put("origin_id", originId);
        }
        return PcViews.vendor(store, directory.createVendor(companyId, in, actor));
    }

    /**
     * A cost type, e.g. {@code lineItemType(c, "Materials", "M", "materials")}.
     *
     * @param companyId the company's id
     * @param name the name
     * @param code segment code (e.g. {@code 300})
     * @param baseType base type (labor, materials, ...)
     * @return a cost type, e.g
     */
    public LineItemType lineItemType(long companyId, String name, String code, String baseType) {
        ObjectNode in = json.object();
        in.put("name", name);
        in.put("csv_import_code", code);
        in.put("base_type", baseType);
        return PcViews.lineItemType(directory.createLineItemType(companyId, in, actor));
    }

    /**
     * A cost code by full code: {@code "03-300"} creates (or reuses) the division {@code 03} and the code
     * {@code 300} below it; a code without {@code -} is a top-level code.
     *
     * @param projectId the project's id
     * @param fullCode full code (e.g. {@code 03-300})
     * @param name the name
     * @return a cost code by full code: {@code "03-300"} creates (or reuses) the division {@code 03} and the code
     *     {@code 300} below it
     */
    public CostCode costCode(long projectId, String fullCode, String name) {
        long companyId = companyOf(projectId);
        Long parentId = null;
        String code = fullCode;
        int dash = fullCode.lastIndexOf('-');
        if (dash > 0) {
            String division = fullCode.substring(0, dash);
            code = fullCode.substring(dash + 1);
            parentId = store.where(PcKind.COST_CODE, c -> c.path("_project_id").asLong() == projectId
                && c.path("full_code").asText().equals(division)).stream().findFirst()
                .map(c -> c.path("id").asLong())
                .orElseGet(() -> costCode(projectId, division, "Division " + division).id());
        }
        ObjectNode in = json.object();
        in.put("code", code);
        in.put("name", name);
        if (parentId != null) {
            in.put("parent_id", parentId);
        }
        return PcViews.costCode(directory.createCostCode(companyId, projectId, in, actor));
    }

    /**
     * An approved subcontract (work order contract) titled "Subcontract" with the given SOV lines.
     *
     * @param projectId the project's id
     * @param vendorId vendor or null
     * @param lines SOV lines
     * @return an approved subcontract (work order contract) titled "Subcontract" with the given SOV lines
     */
    public Commitment commitment(long projectId, long vendorId, SovLine... lines) {
        return commitment(projectId, vendorId, CommitmentType.WORK_ORDER, "Subcontract", lines);
    }

    /**
     * An approved commitment with requisitions enabled, no retainage, and the given SOV lines.
     *
     * @param projectId the project's id
     * @param vendorId vendor or null
     * @param type the type
     * @param title title
     * @param lines SOV lines
     * @return an approved commitment with requisitions enabled, no retainage, and the given SOV lines
     */
    public Commitment commitment(long projectId, long vendorId, CommitmentType type, String title, SovLine... lines) {
        return commitment(projectId, vendorId, type, title, "Approved", BigDecimal.ZERO, List.of(lines));
    }

    /**
     * A commitment with status, retainage percent and SOV lines.
     *
     * @param projectId the project's id
     * @param vendorId vendor or null
     * @param type the type
     * @param title title
     * @param status the status
     * @param retainagePercent the retainage percent
     * @param lines SOV lines
     * @return a commitment with status, retainage percent and SOV lines
     */
    public Commitment commitment(long projectId, long vendorId, CommitmentType type, String title, String status,
                                 BigDecimal retainagePercent, List<SovLine> lines) {
        long companyId = companyOf(projectId);
        ObjectNode in = json.object();
        in.put("vendor_id", vendorId);
        in.put("title", title);
        in.put("status", status);
        in.put("executed", status.equals("Approved") || status.equals("Complete"));
        in.put("retainage_percent", retainagePercent.toPlainString());
        ObjectNode k = commitments.createCommitment(companyId, projectId, type, in, actor);
        for (SovLine l : lines) {
            commitments.addLine(companyId, projectId, k.path("id").asLong(), lineInput(l));
        }
        return PcViews.commitment(commitments, k);
    }

    private ObjectNode lineInput(SovLine l) {
        ObjectNode li = json.object();
        li.put("cost_code_id", l.costCodeId());
        li.put("line_item_type_id", l.lineItemTypeId());
        li.put("description", l.description());
        li.put("amount", l.amount().toPlainString());
        return li;
    }

    /**
     * An open billing period due ten days after its end.
     *
     * @param projectId the project's id
     * @param start the start
     * @param end the end
     * @return an open billing period due ten days after its end
     */
    public BillingPeriod billingPeriod(long projectId, LocalDate start, LocalDate end) {
        return billingPeriod(projectId, start, end, end.plusDays(10), "open");
    }

    /**
     * A billing period.
     *
     * @param projectId the project's id
     * @param start the start
     * @param end the end
     * @param due the due
     * @param status the status
     * @return a billing period
     */
    public BillingPeriod billingPeriod(long projectId, LocalDate start, LocalDate end, LocalDate due, String status) {
        ObjectNode in = json.object();
        in.put("start_date", start.toString());
        in.put("end_date", end.toString());
        in.put("due_date", due.toString());
        in.put("status", status);
        return PcViews.period(billing.createBillingPeriod(companyOf(projectId), projectId, in));
    }

    /**
     * A change order package on a contract; its total is the sum of the lines (by cost code and cost type).
     *
     * @param projectId the project's id
     * @param contractId contract
     * @param title title
     * @param status the status
     * @param lines SOV lines
     * @return a change order package on a contract
     */
    public ChangeOrderPackage changeOrderPackage(long projectId, long contractId, String title, String status,
                                                 SovLine... lines) {
        ObjectNode in = json.object();
        in.put("title", title);
        in.put("status", status);
        List<JsonNode> inputs = new ArrayList<>();
        for (SovLine l : lines) {
            inputs.add(lineInput(l));
        }
        return PcViews.changeOrder(commitments, commitments.createPackage(companyOf(projectId), projectId, contractId,
            in, inputs, actor));
    }

    /**
     * An approved prime contract with SOV lines.
     *
     * @param projectId the project's id
     * @param title title
     * @param lines SOV lines
     * @return an approved prime contract with SOV lines
     */
    public PrimeContract primeContract(long projectId, String title, SovLine... lines) {
        ObjectNode in = json.object();
        in.put("title", title);
        List<JsonNode> inputs = new ArrayList<>();
        for (SovLine l : lines) {
            inputs.add(lineInput(l));
        }
        return PcViews.prime(billing, billing.createPrimeContract(companyOf(projectId), projectId, in, inputs, actor));
    }

    /**
     * A direct cost from raw v1.1 fields (with {@code line_items}), e.g. to pre-load costs.
     *
     * @param projectId the project's id
     * @param fields the fields to set
     * @return a direct cost from raw v1.1 fields (with {@code line_items}), e.g
     */
    public DirectCost directCost(long projectId, Map<String, ?> fields) {
        return PcViews.directCost(directCosts, directCosts.create(companyOf(projectId), projectId,
            json.tree(fields), actor));
    }

    /**
     * An inactive company vendor (listed by {@code GET /rest/v1.0/companies/{c}/vendors/inactive} only).
     *
     * @param companyId the company's id
     * @param name the name
     * @param originId origin id or null
     * @return an inactive company vendor (listed by {@code GET /rest/v1.0/companies/{c}/vendors/inactive} only)
     */
    public Vendor inactiveVendor(long companyId, String name, String originId) {
        Vendor v = vendor(companyId, name, originId);
        ObjectNode in = json.object();
        in.put("is_active", false);
        return PcViews.vendor(store, directory.updateVendor(companyId, v.id(), in, Actor.silent()));
    }

    /**
     * Sets the delimiter of the company's WBS pattern (Procore's default is {@code .}): flat codes become
     * {@code <cost code><delimiter><cost type>}, e.g. {@code 03.300-M} with {@code -} and a cost code holding a dot.
     *
     * @param companyId the company's id
     * @param delimiter the delimiter
     */
    public void wbsDelimiter(long companyId, String delimiter) {
        directory.wbsDelimiter(companyId, delimiter);
    }

    /**
     * The original budget of a budget code (cost code + cost type): a budget line item, listed as a detail row of
     * the project's budget view ({@code GET /rest/v1.0/budget_views/{id}/detail_rows}).
     *
     * @param projectId the project's id
     * @param costCodeId the cost code segment
     * @param lineItemTypeId the cost type segment
     * @param originalBudget {@code original_budget_amount}
     * @return the original budget of a budget code (cost code + cost type): a budget line item, listed as a detail row
     *     of the project's budget view ({@code GET /rest/v1.0/budget_views/{id}/detail_rows})
     */
    public BudgetLine budgetLine(long projectId, long costCodeId, long lineItemTypeId, String originalBudget) {
        ObjectNode in = json.object();
        in.put("cost_code_id", costCodeId);
        in.put("line_item_type_id", lineItemTypeId);
        in.put("original_budget_amount", originalBudget);
        ObjectNode line = budget.addLine(companyOf(projectId), projectId, in);
        return new BudgetLine(line.path("id").asLong(), projectId, line.path("wbs_code").path("id").asLong(),
            new BigDecimal(line.path("original_budget_amount").asText()));
    }

    /**
     * A budget change with one adjustment per line (its cost code, cost type, description and amount).
     *
     * @param projectId the project's id
     * @param title title
     * @param status the status
     * @param adjustments the adjustments
     * @return a budget change with one adjustment per line (its cost code, cost type, description and amount)
     */
    public BudgetChange budgetChange(long projectId, String title, String status, SovLine... adjustments) {
        ObjectNode in = json.object();
        in.put("title", title);
        in.put("status", status);
        List<JsonNode> inputs = new ArrayList<>();
        for (SovLine l : adjustments) {
            inputs.add(lineInput(l));
        }
        return PcViews.budgetChange(budgetChanges, budgetChanges.create(companyOf(projectId), projectId, in, inputs,
            actor));
    }

    /**
     * A prime contract change order on a prime contract ({@code approved} makes it executed); its total is the sum
     * of the lines.
     *
     * @param projectId the project's id
     * @param primeContractId prime contract
     * @param title title
     * @param status the status
     * @param lines SOV lines
     * @return a prime contract change order on a prime contract ({@code approved} makes it executed)
     */
    public PrimeChangeOrder primeChangeOrder(long projectId, long primeContractId, String title, String status,
                                             SovLine... lines) {
        ObjectNode in = json.object();
        in.put("title", title);
        in.put("status", status);
        List<JsonNode> inputs = new ArrayList<>();
        for (SovLine l : lines) {
            inputs.add(lineInput(l));
        }
        return PcViews.primeChangeOrder(commitments, commitments.createPackage(companyOf(projectId), projectId,
            primeContractId, in, inputs, actor));
    }
}
