package io.mlconnector.core.sync.internal.plan;

import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of what is posted (target, amounts per line, dates, numbers), stored in the ledger so a repeat can be
 * told from a real change without reading the target. Amounts are compared by value ({@code 10.0 = 10.00}).
 */
public final class Fingerprint {
    private final StringBuilder text = new StringBuilder();

    public Fingerprint add(String name, Object value) {
        text.append(name).append('=');
        if (value instanceof Money m) {
            text.append(plain(m.amount())).append(' ').append(m.currency());
        } else if (value instanceof BigDecimal b) {
            text.append(plain(b));
        } else {
            text.append(value == null ? "\u2205" : value.toString());
        }
        text.append('\n');
        return this;
    }

    public Fingerprint lines(List<AllocatedLine> lines) {
        for (AllocatedLine l : lines) {
            add("line", l.costCode() + "|" + l.costType() + "|" + l.commitmentLineId());
            add("amount", l.amount());
        }
        return this;
    }

    public String digest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String plain(BigDecimal b) {
        return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
}
