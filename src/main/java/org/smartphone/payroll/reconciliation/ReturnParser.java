package org.smartphone.payroll.reconciliation;

import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.period.Period;

/** Turns one withholding return record into a {@link ReturnLine}, or reports its invalid cells (SPEC 5). */
public final class ReturnParser {

    public static final List<String> REQUIRED = List.of("period", "contract_id", "matricule", "amount_withheld_xof");

    private final Period period;

    public ReturnParser(Period period) {
        this.period = period;
    }

    public Optional<ReturnLine> parse(Cells cells) {
        Period rowPeriod = cells.period("period", true);
        if (rowPeriod != null && !rowPeriod.equals(period)) {
            cells.reject("period", rowPeriod.toString(), "The period must be " + period + ", the period of this run.");
        }
        String contractId = cells.identifier("contract_id");
        String matricule = cells.identifier("matricule");
        Long amount = cells.amount("amount_withheld_xof", true, false);
        if (!cells.valid()) {
            return Optional.empty();
        }
        return Optional.of(new ReturnLine(cells.line(), contractId, matricule, amount));
    }

    /** A valid line of a withholding return. */
    public record ReturnLine(long line, String contractId, String matricule, long amountXof) {}
}
