package io.mlconnector.core.operator;

import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.model.Systems;
import java.util.Locale;

/**
 * Turns the engine's flag codes, mapping kinds and record keys into sentences an accountant reads. The two systems
 * are named as the connection names them ({@code freshbooks} → FreshBooks, {@code procore} → Procore).
 */
final class PlainWords {
    private final String accounting;
    private final String projects;

    PlainWords(String accountingSystem, String projectSystem) {
        this.accounting = display(accountingSystem);
        this.projects = display(projectSystem);
    }

    /** "Vendor 'Lone Pine Framing' (FreshBooks vendor 100012)", or "FreshBooks vendor 100012" without a name. */
    String describe(MappingKind kind, String sourceId, String sourceName) {
        String noun;
        String idWords;
        switch (kind) {
            case VENDOR, VENDOR_PROJECT -> {
                noun = "Vendor";
                idWords = accounting + " vendor " + sourceId;
            }
            case PROJECT -> {
                noun = "Project";
                idWords = accounting + " project " + sourceId;
            }
            case CLIENT_PROJECT -> {
                noun = "Client";
                idWords = accounting + " client " + sourceId;
            }
            case GL_ACCOUNT -> {
                noun = "Expense category";
                idWords = accounting + " expense category " + sourceId;
            }
            case ITEM -> {
                noun = "Item";
                idWords = accounting + " item " + sourceId;
            }
            case COST_CODE_CATEGORY -> {
                noun = "Cost code";
                idWords = projects + " cost code " + sourceId;
            }
            case PROJECT_DEFAULT_COST_CODE -> {
                noun = "Project";
                idWords = projects + " project " + sourceId;
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return sourceName == null || sourceName.isBlank() ? idWords : noun + " '" + sourceName + "' (" + idWords + ")";
    }

    /** What is missing for a kind: "has no Procore vendor yet". */
    String missing(MappingKind kind) {
        return switch (kind) {
            case VENDOR -> "has no " + projects + " vendor yet";
            case PROJECT -> "has no " + projects + " project yet";
            case VENDOR_PROJECT -> "has no " + projects + " project for its bills yet (the bill names no project)";
            case CLIENT_PROJECT -> "has no " + projects + " project for its invoices yet";
            case GL_ACCOUNT, ITEM -> "has no " + projects + " cost code yet";
            case PROJECT_DEFAULT_COST_CODE -> "has no default cost code for invoice lines yet";
            case COST_CODE_CATEGORY -> "has no " + accounting + " expense category yet";
        };
    }

    /** The plain reason of one flag line (outcome name, and the mapping that would fix it or null). */
    PlainReason flag(String outcome, MappingRef fix, String sourceName) {
        if (fix != null) {
            String what = describe(fix.kind(), fix.sourceId(), sourceName);
            String text = switch (outcome) {
                case "FLAGGED_INVALID_COMPANY" -> what + " is mapped to a " + projects
                        + " project the connected company does not have; pick another project";
                case "FLAGGED_NO_COMMITMENT_LINE" -> what + " maps to a cost code the vendor's " + projects
                        + " commitment has no line for; add the line in " + projects + " or map it to another cost code";
                default -> what + " " + missing(fix.kind());
            };
            return new PlainReason(outcome, text, fix);
        }
        return new PlainReason(outcome, withoutMapping(outcome), null);
    }

    private String withoutMapping(String outcome) {
        return switch (outcome) {
            case "FLAGGED_UNMAPPED_VENDOR" -> "It names no vendor; add the vendor in " + accounting + ", then replay";
            case "FLAGGED_UNMAPPED_PROJECT" -> "No " + projects + " project can be chosen for it (it names no project,"
                    + " or projects that go to different " + projects + " projects)";
            case "FLAGGED_UNMAPPED_GL_ACCOUNT" -> "A line has no expense category, so no " + projects
                    + " cost code can be chosen";
            case "FLAGGED_UNMAPPED_COST_CODE" -> "Amounts have no cost code, so no " + accounting
                    + " expense category can be chosen";
            case "FLAGGED_INVALID_COMPANY" -> "The " + projects + " project chosen does not belong to the connected "
                    + projects + " company";
            case "FLAGGED_CURRENCY_MISMATCH" -> "Its currency differs from the " + projects
                    + " side's; amounts are never converted. Correct the currency, then replay";
            case "FLAGGED_NO_COMMITMENT_LINE" -> "The vendor's " + projects + " commitment does not take it (no line"
                    + " for the cost code, or invoicing is off); fix the commitment in " + projects + ", then replay";
            case "FLAGGED_EDIT_NOT_ALLOWED" -> "What was posted to " + projects
                    + " earlier can no longer be changed there (for example it was approved)";
            case "FLAGGED_TARGET_SETUP" -> "Something " + projects
                    + " needs is missing there (for example a billing period); set it up, then replay";
            case "FLAGGED_NEEDS_REVIEW" -> projects + " changed in a way the connector cannot explain; check it, "
                    + "then replay";
            default -> "Waiting for a person (" + outcome + ")";
        };
    }

    /** A parked or dead-lettered work item's reason. */
    PlainReason queue(WaitingState state, String lastError) {
        String error = lastError == null || lastError.isBlank() ? "no reason was recorded" : lastError;
        return state == WaitingState.DEAD
                ? new PlainReason("FAILED", "It failed and was given up after its retries: " + error
                        + ". Replay it once the cause is fixed", null)
                : new PlainReason("PARKED", "It is waiting: " + error, null);
    }

    /** "FreshBooks bill 55" for {@code freshbooks:bill:55}; the key itself when it is not {@code system:type:id}. */
    String record(String key) {
        String[] parts = key.split(":", 4);
        if (parts.length < 3) {
            return key;
        }
        String rest = parts.length == 4 ? parts[2] + ":" + parts[3] : parts[2];
        return display(parts[0]) + " " + parts[1].replace('_', ' ') + " " + rest;
    }

    static String display(String system) {
        if (system == null || system.isBlank()) {
            return "the other system";
        }
        if (system.equals(Systems.FRESHBOOKS)) {
            return "FreshBooks";
        }
        if (system.equals(Systems.PROCORE)) {
            return "Procore";
        }
        return system.substring(0, 1).toUpperCase(Locale.ROOT) + system.substring(1);
    }
}
