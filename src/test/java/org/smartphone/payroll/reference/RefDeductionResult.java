package org.smartphone.payroll.reference;

import java.util.List;

/**
 * Expected data rows (header excluded) of {@code deductions-YYYY-MM.csv} and
 * {@code deduction-exceptions-YYYY-MM.csv}, cells exactly as written, rows in file order.
 */
public record RefDeductionResult(String period, List<List<String>> deductions, List<List<String>> exceptions) {

    public RefDeductionResult {
        deductions = List.copyOf(deductions);
        exceptions = List.copyOf(exceptions);
    }

    /** Sum of the amount_xof column of the deduction order. */
    public long totalInstructedXof() {
        long total = 0;
        for (List<String> row : deductions) {
            total += Long.parseLong(row.get(5));
        }
        return total;
    }
}
