package io.mlconnector.core.operator;

import io.mlconnector.core.mapping.MappingRef;
import java.util.Objects;

/**
 * One reason a record waits, in words an accountant reads ("Vendor 'Lone Pine Framing' (FreshBooks vendor 100012)
 * has no Procore vendor yet"), with the code it was translated from and the mapping that would fix it.
 *
 * @param code the flag code ({@code FLAGGED_UNMAPPED_VENDOR}, ...), {@code PARKED} or {@code FAILED}
 * @param text the reason in plain words
 * @param fix  the mapping that would fix it, or null when no mapping does (currency, locked target, an error)
 */
public record PlainReason(String code, String text, MappingRef fix) {
    /**
     * Checks the components.
     *
     * @param code the flag code
     * @param text the reason in plain words
     * @param fix the mapping that would fix it, may be null
     */
    public PlainReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
