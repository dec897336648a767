package org.smartphone.payroll.reference;

import java.util.Objects;

/** One valid withholding-return line (amount ≥ 0). */
public record RefReturnRow(String contractId, String matricule, long amountWithheldXof) {

    public RefReturnRow {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(matricule, "matricule");
        if (amountWithheldXof < 0) {
            throw new IllegalArgumentException("a withheld amount cannot be negative");
        }
    }
}
