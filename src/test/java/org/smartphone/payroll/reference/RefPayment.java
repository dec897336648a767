package org.smartphone.payroll.reference;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a payments file (SPEC 7.1) as the reference model takes it: cells trimmed, channel
 * and identifiers upper-cased. {@code matricule} may be null (the optional column left blank).
 */
public record RefPayment(
        String channel, String paymentRef, String contractId, long amountXof, LocalDate receivedOn, String matricule) {

    public RefPayment {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(paymentRef, "paymentRef");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(receivedOn, "receivedOn");
    }

    /** What identifies a payment: (channel, payment_ref). */
    public String key() {
        return channel + "\u0000" + paymentRef;
    }

    /** Same key, same contract, same amount, same date: a line recorded before, skipped. */
    public boolean sameAs(RefPayment other) {
        return key().equals(other.key())
                && contractId.equals(other.contractId)
                && amountXof == other.amountXof
                && receivedOn.equals(other.receivedOn);
    }
}
