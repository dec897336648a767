package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedLinesFileTests {

    @TempDir
    Path home;

    private Path rejected() {
        return home.resolve("rejected");
    }

    private String errorsFile() throws Exception {
        return Files.readString(rejected().resolve("payroll-2026-03.csv.errors.csv"), UTF_8);
    }

    private List<Path> filesInRejected() throws Exception {
        try (Stream<Path> files = Files.list(rejected())) {
            return files.map(Path::getFileName).toList();
        }
    }

    @Nested
    class Content {

        @Test
        void hasAHeaderAndRowsSortedByLineKeepingTheColumnOrderWithinALine() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(
                            new InputError(7, "matricule", "M 1", "Bad matricule."),
                            new InputError(3, "net_pay_xof", "12a", "Bad amount."),
                            new InputError(7, "net_pay_xof", "1e5", "Bad amount."),
                            new InputError(3, "", "", "Duplicate.")));

            assertThat(errorsFile()).isEqualTo("""
                    line,column,value,reason
                    3,net_pay_xof,12a,Bad amount.
                    3,,,Duplicate.
                    7,matricule,M 1,Bad matricule.
                    7,net_pay_xof,1e5,Bad amount.
                    """);
        }

        @Test
        void isUtf8WithoutBomWithLfLineEndings() throws Exception {
            RejectedLinesFile.write(
                    rejected(), "payroll-2026-03.csv", List.of(new InputError(2, "full_name", "Diéye", "Bad.")));

            byte[] bytes = Files.readAllBytes(rejected().resolve("payroll-2026-03.csv.errors.csv"));
            assertThat(new String(bytes, 0, 4, UTF_8)).isEqualTo("line");
            assertThat(bytes).doesNotContain((byte) '\r');
            assertThat(errorsFile()).contains("Di\u00E9ye");
        }

        @Test
        void quotesCellsHoldingCommasOrQuotes() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(new InputError(2, "full_name", "Diop, \"Awa\"", "Too long, really.")));

            assertThat(errorsFile()).endsWith("\n2,full_name,\"Diop, \"\"Awa\"\"\",\"Too long, really.\"\n");
        }

        @Test
        void writesLineBreaksAndTabsAsSpaces() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(new InputError(2, "full_name", "Awa\r\nDiop\tjr\nx", "Bad\nname.")));

            assertThat(errorsFile()).endsWith("\n2,full_name,Awa Diop jr x,Bad name.\n");
        }

        /** As in the outbox files: a viewer may break a line at these too. */
        @Test
        void writesUnicodeLineAndParagraphSeparatorsAsSpaces() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(new InputError(2, "full_name", "Awa\u2028Diop\u2029jr\u0085x", "Bad name.")));

            assertThat(errorsFile()).endsWith("\n2,full_name,Awa Diop jr x,Bad name.\n");
        }

        @Test
        void prefixesValuesThatASpreadsheetWouldEvaluate() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(
                            new InputError(2, "a", "=1+2", "R."),
                            new InputError(3, "a", "+5", "R."),
                            new InputError(4, "a", "-5", "R."),
                            new InputError(5, "a", "@SUM(A1)", "R."),
                            new InputError(6, "a", "\tx", "R."),
                            new InputError(7, "a", "5-2", "R.")));

            assertThat(errorsFile()).isEqualTo("""
                    line,column,value,reason
                    2,a,'=1+2,R.
                    3,a,'+5,R.
                    4,a,'-5,R.
                    5,a,'@SUM(A1),R.
                    6,a,' x,R.
                    7,a,5-2,R.
                    """);
        }
    }

    @Nested
    class Publishing {

        @Test
        void replacesAnEarlierOneAndLeavesNoTemporaryFile() throws Exception {
            RejectedLinesFile.write(
                    rejected(),
                    "payroll-2026-03.csv",
                    List.of(new InputError(2, "a", "old", "Old."), new InputError(3, "a", "old", "Old.")));

            RejectedLinesFile.write(rejected(), "payroll-2026-03.csv", List.of(new InputError(9, "b", "new", "New.")));

            assertThat(errorsFile()).isEqualTo("line,column,value,reason\n9,b,new,New.\n");
            assertThat(filesInRejected()).containsExactly(Path.of("payroll-2026-03.csv.errors.csv"));
        }

        /** A process killed while writing one leaves a temporary file holding input values. */
        @Test
        void theTemporaryFilesOfAKilledWriteAreRemovedAndNothingElse() throws Exception {
            Files.createDirectories(rejected());
            Path leftover = Files.writeString(rejected().resolve(".errors-5e1f.tmp"), "2,matricule,M 1,Bad.\n");
            Path errorsFile = Files.writeString(rejected().resolve("payroll-2026-03.csv.errors.csv"), "line\n");

            RejectedLinesFile.removeLeftovers(rejected());

            assertThat(leftover).doesNotExist();
            assertThat(errorsFile).exists();
        }

        @Test
        void withoutErrorsNoFileIsLeft() throws Exception {
            RejectedLinesFile.write(rejected(), "payroll-2026-03.csv", List.of(new InputError(2, "a", "x", "X.")));

            RejectedLinesFile.write(rejected(), "payroll-2026-03.csv", List.of());

            assertThat(filesInRejected()).isEmpty();
        }

        @Test
        void deleteStaleRemovesAnOldFileAndAcceptsItsAbsence() throws Exception {
            RejectedLinesFile.write(rejected(), "payroll-2026-03.csv", List.of(new InputError(2, "a", "x", "X.")));

            RejectedLinesFile.deleteStale(rejected(), "payroll-2026-03.csv");
            RejectedLinesFile.deleteStale(rejected(), "payroll-2026-03.csv");

            assertThat(filesInRejected()).isEmpty();
        }

        @Test
        void aWholeFileFailureIsOneRow() throws Exception {
            InputFileException failure = new InputFileException(
                    "payroll-2026-03.csv",
                    new InputError(1, "net_pay_xof", "", "The header row has no column net_pay_xof."));

            RejectedLinesFile.write(rejected(), failure.fileName(), List.of(failure.error()));

            assertThat(errorsFile())
                    .isEqualTo("line,column,value,reason\n1,net_pay_xof,,The header row has no column net_pay_xof.\n");
        }
    }
}
