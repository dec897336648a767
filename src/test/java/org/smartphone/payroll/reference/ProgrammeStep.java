package org.smartphone.payroll.reference;

import java.util.List;
import java.util.Map;

/**
 * One command of a generated programme and what the reference model expects of it.
 *
 * @param arguments the command line without {@code --file} (e.g. {@code record-payments},
 *     {@code refunds confirm}, {@code deduct --period 2024-03})
 * @param inputName the name of the input file to write and pass with {@code --file}; null when
 *     the command reads none
 * @param inputHeader the input's header row (null without input)
 * @param inputRows the input's data rows, cells as written (null without input)
 * @param outputs the CSV files the command must publish, by path relative to the outbox
 *     ({@code 2024-03/payments-2024-03-01.csv}, {@code refunds/refunds-0002.csv}), each with its
 *     expected data rows; empty when it must publish nothing
 * @param archiveFolder where the input goes, relative to the archive, when taken from the inbox
 *     ({@code contracts}, the period, or {@code refunds}); null without input
 * @param skipped the input lines the run skips as already recorded (SPEC 7.0: counted in the
 *     manifest, listed in no output)
 */
public record ProgrammeStep(
        List<String> arguments,
        String inputName,
        List<String> inputHeader,
        List<List<String>> inputRows,
        Map<String, List<List<String>>> outputs,
        String archiveFolder,
        int skipped) {

    public ProgrammeStep {
        arguments = List.copyOf(arguments);
        inputHeader = inputHeader == null ? null : List.copyOf(inputHeader);
        inputRows = inputRows == null ? null : List.copyOf(inputRows);
        outputs = Map.copyOf(outputs);
    }

    /** The command line as one text, for messages. */
    public String commandLine() {
        return String.join(" ", arguments) + (inputName == null ? "" : " --file " + inputName);
    }
}
