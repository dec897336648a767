package org.smartphone.payroll.reference;

import java.util.Objects;

/**
 * One valid payroll-register row. {@code status} is one of ACTIVE, SUSPENDED, LEFT, RETIRED,
 * DECEASED (upper case); {@code ministryCode} may be null or blank (absent).
 */
public record RefPayrollRow(String matricule, long netPayXof, String status, String ministryCode) {

    public RefPayrollRow {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(status, "status");
        switch (status) {
            case "ACTIVE", "SUSPENDED", "LEFT", "RETIRED", "DECEASED" -> {}
            default -> throw new IllegalArgumentException("unknown employment status " + status);
        }
    }
}
