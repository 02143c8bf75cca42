package io.mlconnector.procore.adapter;

/** Reads the Procore ids the port receives as text. */
final class ProcoreIds {
    private ProcoreIds() {
    }

    /** A positive Procore id; anything else is an {@link IllegalArgumentException} naming {@code what}. */
    static long parse(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            long v = Long.parseLong(id.trim());
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be a positive Procore id: " + id);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a Procore id: " + id);
        }
    }

    /** The id of a ref given as {@code <type>:<id>} or a bare id; the type must be {@code type} when named. */
    static long parseTyped(String id, String type, String what) {
        if (id == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        int colon = id.lastIndexOf(':');
        if (colon >= 0) {
            if (!type.equals(id.substring(0, colon))) {
                throw new IllegalArgumentException("not a " + type + " ref: " + id);
            }
            return parse(id.substring(colon + 1), what);
        }
        return parse(id, what);
    }
}
