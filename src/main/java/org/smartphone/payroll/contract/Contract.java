package org.smartphone.payroll.contract;

import java.util.Objects;
import org.smartphone.payroll.period.Period;

/**
 * A contract as imported (SPEC 2). Optional fields are null when absent. The schedule is derived
 * from the financed amount, the term, the first period and the base installment fixed at import.
 */
public record Contract(
        String contractId,
        String matricule,
        String fullName,
        String ministryCode,
        String deviceModel,
        String imei,
        long priceXof,
        long downPaymentXof,
        int termMonths,
        Period firstPeriod,
        long baseInstallmentXof) {

    public Contract {
        Objects.requireNonNull(contractId);
        Objects.requireNonNull(matricule);
        Objects.requireNonNull(fullName);
        Objects.requireNonNull(firstPeriod);
    }

    public long financedXof() {
        return priceXof - downPaymentXof;
    }

    public InstallmentSchedule schedule() {
        return new InstallmentSchedule(financedXof(), termMonths, firstPeriod, baseInstallmentXof);
    }

    /**
     * Same parsed values, defaults applied: re-importing such a contract is a no-op (SPEC 2). The
     * base installment is left out because it comes from the rounding unit, a setting, not the file.
     */
    public boolean sameTermsAs(Contract other) {
        return contractId.equals(other.contractId)
                && matricule.equals(other.matricule)
                && fullName.equals(other.fullName)
                && Objects.equals(ministryCode, other.ministryCode)
                && Objects.equals(deviceModel, other.deviceModel)
                && Objects.equals(imei, other.imei)
                && priceXof == other.priceXof
                && downPaymentXof == other.downPaymentXof
                && termMonths == other.termMonths
                && firstPeriod.equals(other.firstPeriod);
    }
}
