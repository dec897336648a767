package org.smartphone.payroll.contract;

import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.period.Period;

/** Turns one record of a contracts file into a {@link Contract}, or reports its invalid cells (SPEC 2, 5). */
public final class ContractParser {

    public static final List<String> REQUIRED =
            List.of("contract_id", "matricule", "full_name", "price_xof", "first_period");
    public static final List<String> OPTIONAL =
            List.of("ministry_code", "device_model", "imei", "down_payment_xof", "term_months");

    private final long roundingUnit;
    private final int defaultTerm;

    public ContractParser(long roundingUnit, int defaultTerm) {
        this.roundingUnit = roundingUnit;
        this.defaultTerm = defaultTerm;
    }

    /** The contract, or empty with the reasons recorded in {@code cells}. */
    public Optional<Contract> parse(Cells cells) {
        String contractId = cells.identifier("contract_id");
        String matricule = cells.identifier("matricule");
        String fullName = cells.requiredText("full_name");
        String ministryCode = cells.optionalText("ministry_code");
        String deviceModel = cells.optionalText("device_model");
        String imei = cells.optionalText("imei");
        if (imei != null && !Imei.isValid(imei)) {
            cells.reject("imei", imei, "An IMEI must be 15 digits with a valid check digit (Luhn).");
        }
        Long price = cells.amount("price_xof", true, false);
        Long downPayment = cells.amount("down_payment_xof", false, false);
        Integer term = cells.integer("term_months", 1, InstallmentSchedule.MAX_TERM);
        Period firstPeriod = cells.period("first_period", true);
        if (price != null && !hasError(cells, "down_payment_xof")) {
            checkFinancedAmount(
                    cells,
                    price,
                    downPayment,
                    hasError(cells, "term_months") ? null : term == null ? defaultTerm : term);
        }
        if (!cells.valid()) {
            return Optional.empty();
        }
        long down = downPayment == null ? 0 : downPayment;
        int months = term == null ? defaultTerm : term;
        long financed = price - down;
        InstallmentSchedule schedule = InstallmentSchedule.of(financed, months, firstPeriod, roundingUnit);
        return Optional.of(new Contract(
                contractId,
                matricule,
                fullName,
                ministryCode,
                deviceModel,
                imei,
                price,
                down,
                months,
                firstPeriod,
                schedule.base()));
    }

    /**
     * Checks across cells, made even when another cell is invalid so that every problem is reported;
     * {@code months} is null when the term itself is invalid.
     */
    private void checkFinancedAmount(Cells cells, long price, Long downPayment, Integer months) {
        long down = downPayment == null ? 0 : downPayment;
        long financed = price - down;
        if (financed <= 0) {
            cells.reject(
                    downPayment == null ? "price_xof" : "down_payment_xof",
                    Long.toString(downPayment == null ? price : down),
                    "The down payment (" + down + ") must be less than the price (" + price + ").");
        } else if (months != null && financed < months * roundingUnit) {
            cells.reject(
                    "term_months",
                    Integer.toString(months),
                    "The financed amount " + financed + " is too small for " + months + " installments of at least "
                            + roundingUnit + " franc(s).");
        }
    }

    private static boolean hasError(Cells cells, String column) {
        return cells.errors().stream().anyMatch(error -> error.column().equals(column));
    }
}
