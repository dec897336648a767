package org.smartphone.payroll.reference;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A contract as the reference model takes it: already valid and normalised (ids upper-cased,
 * cells trimmed, defaults applied). {@code ministryCode} may be null (absent).
 */
public record RefContract(
        String contractId,
        String matricule,
        String fullName,
        String ministryCode,
        long priceXof,
        long downPaymentXof,
        int termMonths,
        YearMonth firstPeriod) {

    public RefContract {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(firstPeriod, "firstPeriod");
    }

    /** Same, with the first period written {@code YYYY-MM}. */
    public RefContract(
            String contractId,
            String matricule,
            String fullName,
            String ministryCode,
            long priceXof,
            long downPaymentXof,
            int termMonths,
            String firstPeriod) {
        this(
                contractId,
                matricule,
                fullName,
                ministryCode,
                priceXof,
                downPaymentXof,
                termMonths,
                YearMonth.parse(firstPeriod));
    }

    /** financed = price − down payment (SPEC 2). */
    public long financedXof() {
        return priceXof - downPaymentXof;
    }
}
