package io.mlconnector.core.model;

import java.util.List;

/**
 * A purchase order or subcontract between the contractor and a vendor on a project.
 *
 * @param id                  commitment id
 * @param project             its project
 * @param vendorId            the vendor in the project system
 * @param number              contract number
 * @param title               title
 * @param status              status text as the system reports it
 * @param requisitionsEnabled whether invoices (requisitions) may be billed against it
 * @param currency            contract currency
 * @param lines               schedule of values
 */
public record Commitment(String id, ProjectRef project, String vendorId, String number, String title, String status,
                         boolean requisitionsEnabled, String currency, List<CommitmentLine> lines) {
    /**
     * Checks the components.
     *
     * @param id commitment id
     * @param project its project
     * @param vendorId the vendor in the project system
     * @param number contract number
     * @param title title
     * @param status status text as the system reports it
     * @param requisitionsEnabled whether invoices (requisitions) may be billed against it
     * @param currency contract currency
     * @param lines schedule of values
     */
    public Commitment {
        lines = List.copyOf(lines);
    }
}
