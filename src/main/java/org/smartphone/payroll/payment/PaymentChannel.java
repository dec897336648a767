package org.smartphone.payroll.payment;

import java.util.Locale;
import java.util.Optional;

/** How a payment reached the treasury (SPEC 7.1), written upper-case. */
public enum PaymentChannel {
    COUNTER,
    BANK,
    TMONEY,
    FLOOZ,
    OTHER;

    /** The channel a cell names, case-insensitively. */
    public static Optional<PaymentChannel> of(String cell) {
        String upper = cell.toUpperCase(Locale.ROOT);
        for (PaymentChannel channel : values()) {
            if (channel.name().equals(upper)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
