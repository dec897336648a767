package org.smartphone.payroll.deduction;

import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.period.Period;

/** Turns one payroll register record into a {@link RegisterRow}, or reports its invalid cells (SPEC 5). */
public final class RegisterParser {

    public static final List<String> REQUIRED = List.of("period", "matricule", "net_pay_xof", "employment_status");
    public static final List<String> OPTIONAL = List.of("full_name", "ministry_code");

    private final Period period;

    public RegisterParser(Period period) {
        this.period = period;
    }

    public Optional<RegisterRow> parse(Cells cells) {
        Period rowPeriod = cells.period("period", true);
        if (rowPeriod != null && !rowPeriod.equals(period)) {
            cells.reject("period", rowPeriod.toString(), "The period must be " + period + ", the period of this run.");
        }
        String matricule = cells.identifier("matricule");
        Long netPay = cells.amount("net_pay_xof", true, true);
        String statusText = cells.requiredText("employment_status");
        EmploymentStatus status = null;
        if (statusText != null) {
            status = EmploymentStatus.parse(statusText).orElse(null);
            if (status == null) {
                cells.reject(
                        "employment_status",
                        statusText,
                        "The employment status must be ACTIVE, SUSPENDED, LEFT, RETIRED or DECEASED"
                                + EmploymentStatus.meant(statusText)
                                        .map(meant -> "; for this one write " + meant)
                                        .orElse("")
                                + ".");
            }
        }
        String ministryCode = cells.optionalText("ministry_code");
        if (!cells.valid()) {
            return Optional.empty();
        }
        return Optional.of(new RegisterRow(cells.line(), new PayrollEntry(matricule, netPay, status), ministryCode));
    }

    /** A valid register row: the entry and the ministry code it carries. */
    public record RegisterRow(long line, PayrollEntry entry, String ministryCode) {}
}
