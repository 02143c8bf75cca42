package io.mlconnector.testkit.ports;

import io.mlconnector.core.port.RecordKind;
import io.mlconnector.core.port.SourceStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The in-memory Procore port's resource spellings and polled streams: a copy of the Procore adapter's, kept equal by {@code FakeProcoreSpellingsTest}. */
final class ProcoreResources {
    /** The project streams polled per mapped project, in polling order; budget changes are not polled. */
    static final List<SourceStream> STREAMS = List.of(SourceStream.CHANGE_ORDERS,
            SourceStream.PRIME_CHANGE_ORDERS, SourceStream.DIRECT_COSTS);

    /**
     * The kind of a Procore resource name as webhooks spell it ({@code Change Order Packages},
     * {@code Prime Change Orders}, {@code Direct Costs}, {@code Budget Changes}, {@code Company Vendors}…), compared
     * without case, spaces or underscores. Change order packages and commitment change orders are commitment changes.
     */
    static Optional<RecordKind> kindOf(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String n = resource.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (n) {
            case "changeorderpackages", "changeorderpackage", "commitmentchangeorders", "commitmentchangeorder",
                 "changeorders", "changeorder" -> Optional.of(RecordKind.CHANGE_ORDER);
            case "primechangeorders", "primechangeorder", "primecontractchangeorders", "primecontractchangeorder" ->
                    Optional.of(RecordKind.PRIME_CHANGE_ORDER);
            case "directcosts", "directcost" -> Optional.of(RecordKind.DIRECT_COST);
            case "budgetchanges", "budgetchange", "budgetmodifications", "budgetmodification" ->
                    Optional.of(RecordKind.BUDGET_CHANGE);
            case "companyvendors", "companyvendor", "projectvendors", "projectvendor", "vendors", "vendor" ->
                    Optional.of(RecordKind.VENDOR);
            case "projects", "project" -> Optional.of(RecordKind.PROJECT);
            case "costcodes", "costcode" -> Optional.of(RecordKind.COST_CODE);
            default -> Optional.empty();
        };
    }

    private ProcoreResources() {
    }
}
