package org.smartphone.payroll.reference;

import java.util.List;

/**
 * A file of {@code outbox/refunds/} as the reference model expects it: {@code refunds-NNNN.csv}
 * (an issued batch) or {@code refunds-paid-NNNN.csv} (a confirmation), its number, its data rows,
 * and the lines skipped as already confirmed (confirmations only).
 */
public record RefRefundsFile(String fileName, int number, List<List<String>> rows, int skipped) {

    public RefRefundsFile {
        rows = List.copyOf(rows);
    }
}
