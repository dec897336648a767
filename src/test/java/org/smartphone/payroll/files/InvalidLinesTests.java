package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.support.InputFiles;

/**
 * The invalid lines of one input, gathered in a budget of memory (SPEC 5): the errors file they give
 * is sorted by line, a line's cell errors before the error of its repeated key, however the errors
 * were spread over temporary files; those files are gone once the run is done with them, or at the
 * next run when it was killed.
 */
class InvalidLinesTests {

    private static final DuplicateKeys KEYS =
            new DuplicateKeys("matricule", "this register", "none of these lines is used.");

    @TempDir
    Path rejected;

    /**
     * Lines 2 to 300: every third has two invalid cells; every even one carries key K(line mod 7),
     * and the job kept line 1000 for K3 (a valid line further down). A budget of one byte writes
     * every error and every carrier to a run of its own, so the merging is what is checked.
     */
    @Test
    void errorsComeSortedByLineWithRepeatsAmongCellErrorsFromSpilledRuns() throws IOException {
        List<List<String>> expected = new ArrayList<>();
        Map<Long, List<String>> repeatOf = new TreeMap<>();
        try (InvalidLines invalid = new InvalidLines(rejected, 1, 1)) {
            for (long line = 2; line <= 300; line++) {
                if (line % 3 == 0) {
                    invalid.add(new InputError(line, "net_pay_xof", "x" + line, "The pay is not an amount."));
                    invalid.add(new InputError(line, "employment_status", "y", "The status is unknown."));
                }
                if (line % 2 == 0) {
                    invalid.carrier("K" + line % 7, line);
                }
            }
            invalid.carrier("LONE", 5); // carried once: no repeat
            List<String> rejectedLines = new ArrayList<>();
            invalid.rejectRepeats(KEYS, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String key) {
                    return key.equals("K3") ? 1000 : 0;
                }

                @Override
                public void rejected(String key, long line) {
                    rejectedLines.add(key + "@" + line);
                }
            });
            RejectedLinesFile.write(rejected, "register.csv", invalid.sorted());
            List<Long> lines = new ArrayList<>();
            invalid.forEachLine(lines::add);

            // every even line is a repeat (each K has 21 or 22 carriers), every line divisible by 3 has two cells
            for (long line = 2; line <= 300; line++) {
                if (line % 3 == 0) {
                    expected.add(List.of(Long.toString(line), "net_pay_xof", "x" + line));
                    expected.add(List.of(Long.toString(line), "employment_status", "y"));
                }
                if (line % 2 == 0) {
                    expected.add(List.of(Long.toString(line), "matricule", "K" + line % 7));
                }
            }
            expected.add(List.of("1000", "matricule", "K3"));
            assertThat(rejectedLines)
                    .hasSize(150 + 1)
                    .contains("K3@1000", "K0@14", "K6@300")
                    .doesNotContain("LONE@5");
            assertThat(lines)
                    .hasSize(150 + 50 + 1)
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .startsWith(2L, 3L, 4L, 6L)
                    .endsWith(300L, 1000L);
        }
        List<List<String>> rows = InputFiles.body(rejected.resolve("register.csv.errors.csv"));
        assertThat(rows).extracting(row -> row.subList(0, 3)).containsExactlyElementsOf(expected);
        // K0: the even multiples of 7, 14 to 294; K3: 10, 24 ... 290 and the kept line 1000. The rows of
        // the five lines named carry the whole reason, the others point to the first
        String k0 = "The matricule K0 appears 21 times in this register (lines 14, 28, 42, 56, 70 and 16 more); none"
                + " of these lines is used.";
        assertThat(rows)
                .filteredOn(row -> row.get(2).equals("K0"))
                .extracting(row -> row.get(0) + " " + row.get(3))
                .startsWith(
                        "14 " + k0,
                        "28 " + k0,
                        "42 " + k0,
                        "56 " + k0,
                        "70 " + k0,
                        "84 The matricule K0 is repeated; see line 14.")
                .endsWith("294 The matricule K0 is repeated; see line 14.")
                .hasSize(21);
        assertThat(rows)
                .filteredOn(row -> row.get(2).equals("K3"))
                .extracting(row -> row.get(3))
                .containsOnly(
                        "The matricule K3 appears 22 times in this register (lines 10, 24, 38, 52, 66 and 17 more); none of"
                                + " these lines is used.",
                        "The matricule K3 is repeated; see line 10.");
        assertThat(InputFiles.list(rejected))
                .extracting(path -> path.getFileName().toString())
                .containsExactly("register.csv.errors.csv");
    }

    @Test
    void aKeptLineBeforeItsCarriersIsNamedFirst() throws IOException {
        try (InvalidLines invalid = new InvalidLines(rejected, 1, 1)) {
            invalid.carrier("M-7", 9);
            invalid.carrier("M-7", 4);
            List<InputError> found = new ArrayList<>();
            invalid.rejectRepeats(KEYS, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String key) {
                    return 3;
                }

                @Override
                public void rejected(String key, long line) {}
            });
            invalid.sorted().forEachRemaining(found::add);

            String reason = "The matricule M-7 appears 3 times in this register (lines 3, 4 and 9); none of these"
                    + " lines is used.";
            assertThat(found)
                    .containsExactly(
                            new InputError(3, "matricule", "M-7", reason),
                            new InputError(4, "matricule", "M-7", reason),
                            new InputError(9, "matricule", "M-7", reason));
        }
    }

    /** A contract in conflict with the ledger whose id is also repeated in the file gets only the repeat. */
    @Test
    void anErrorGivenUnlessItsKeyIsRepeatedStandsExactlyWhenTheKeyIsNotRepeated() throws IOException {
        try (InvalidLines invalid = new InvalidLines(rejected, 1, 1)) {
            invalid.addUnlessRepeated("Z", new InputError(8, "contract_id", "Z", "Conflict."));
            invalid.addUnlessRepeated("A", new InputError(3, "contract_id", "A", "Conflict."));
            invalid.addUnlessRepeated("B", new InputError(4, "contract_id", "B", "Conflict."));
            invalid.addUnlessRepeated("C", new InputError(6, "contract_id", "C", "Conflict."));
            invalid.addUnlessRepeated("0", new InputError(7, "contract_id", "0", "Conflict."));
            invalid.carrier("A", 2);
            invalid.carrier("A", 5);
            invalid.carrier("B", 9);
            invalid.rejectRepeats(KEYS, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String key) {
                    return 0;
                }

                @Override
                public void rejected(String key, long line) {}
            });
            List<String> found = new ArrayList<>();
            invalid.sorted()
                    .forEachRemaining(error -> found.add(error.line() + " " + error.value() + " " + error.reason()));

            // A is on lines 2 and 5: repeated, its conflict on line 3 is dropped; B (once), C and 0 (never
            // carried) and Z (after every carrier) keep theirs
            assertThat(found)
                    .containsExactly(
                            "2 A The matricule A appears twice in this register (lines 2 and 5); none of these lines is used.",
                            "4 B Conflict.",
                            "5 A The matricule A appears twice in this register (lines 2 and 5); none of these lines is used.",
                            "6 C Conflict.",
                            "7 0 Conflict.",
                            "8 Z Conflict.");
        }
    }

    @Test
    void theTemporaryFilesOfAKilledRunAreRemovedByTheNextOne() throws IOException {
        Path leftover = Files.writeString(rejected.resolve(".spill-4711.tmp"), "a killed run's errors");
        Path errorsFile = Files.writeString(rejected.resolve("register.csv.errors.csv"), "line,column,value,reason\n");

        new InvalidLines(rejected).close();

        assertThat(leftover).doesNotExist();
        assertThat(errorsFile).exists();
    }
}
