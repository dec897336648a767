package org.smartphone.payroll.reference;

import java.util.List;
import java.util.Optional;

/**
 * What a payments run (SPEC 7.1) gave in the reference model: its open period P and run number,
 * the data rows of {@code payments-P-NN.csv}, those of {@code deduction-stops-P-NN.csv} when P's
 * order was issued (empty otherwise), and the lines skipped as already recorded.
 */
public record RefPaymentsResult(
        String period, int runNumber, List<List<String>> payments, Optional<List<List<String>>> stops, int skipped) {

    public RefPaymentsResult {
        payments = List.copyOf(payments);
        stops = stops.map(List::copyOf);
    }

    /** {@code NN}: the run number, at least 2 digits. */
    public String nn() {
        return ReferenceProgramme.pad(runNumber, 2);
    }

    public String paymentsFileName() {
        return "payments-" + period + "-" + nn() + ".csv";
    }

    public String stopsFileName() {
        return "deduction-stops-" + period + "-" + nn() + ".csv";
    }
}
