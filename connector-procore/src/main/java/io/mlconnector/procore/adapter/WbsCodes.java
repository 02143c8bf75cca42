package io.mlconnector.procore.adapter;

import io.mlconnector.procore.model.CostCodeRef;
import io.mlconnector.procore.model.LineItemTypeRef;
import io.mlconnector.procore.model.WbsCodeRef;
import java.util.Locale;

/**
 * Reads cost code and cost type out of WBS flat codes. With the default pattern ({@code sub job . cost code . cost
 * type}, delimiter {@code .}) a flat code is {@code 03-300.M} or {@code SJ1.03-300.M}: the last segment is the cost
 * type, the one before it the cost code. Custom segments are not supported (Procore disables them with the ERP tool).
 */
final class WbsCodes {
    private WbsCodes() {
    }

    /** The cost code part of a flat code. */
    static String costCode(String flatCode) {
        if (flatCode == null || flatCode.isBlank()) {
            return null;
        }
        String[] parts = flatCode.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    }

    /** The cost type part of a flat code, or null when it has one segment. */
    static String costType(String flatCode) {
        if (flatCode == null || flatCode.isBlank()) {
            return null;
        }
        String[] parts = flatCode.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 1] : null;
    }

    /** The lookup key of a cost code + cost type pair (case-insensitive). */
    static String key(String costCode, String costType) {
        return norm(costCode) + "|" + norm(costType);
    }

    /** Cost code from an embedded code, else from the WBS code. */
    static String costCodeOf(CostCodeRef cc, WbsCodeRef wbs) {
        if (cc != null && cc.fullCode() != null) {
            return cc.fullCode();
        }
        return wbs == null ? null : costCode(wbs.flatCode());
    }

    /** Cost type from an embedded type, else from the WBS code. */
    static String costTypeOf(LineItemTypeRef lit, WbsCodeRef wbs) {
        if (lit != null && lit.code() != null) {
            return lit.code();
        }
        return wbs == null ? null : costType(wbs.flatCode());
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
