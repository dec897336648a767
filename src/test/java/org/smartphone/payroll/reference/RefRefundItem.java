package org.smartphone.payroll.reference;

/**
 * A refund item as the reference model holds it (SPEC 7.0). {@code matricule} is the row's own
 * for an UNEXPECTED row (the payee whoever holds the contract), else the contract's matricule when
 * the item was made; {@code payee} is the matricule it was last issued to (null before its first
 * issue); {@code batch} the number of the last batch that listed it (0 before).
 */
public record RefRefundItem(
        String refundId,
        String period,
        String contractId,
        String matricule,
        boolean unexpected,
        long originalXof,
        long amountXof,
        String status,
        int batch,
        String payee) {

    public static final String DUE = "DUE";
    public static final String INSTRUCTED = "INSTRUCTED";
    public static final String PAID = "PAID";
    public static final String CANCELLED = "CANCELLED";
}
