package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputFileTests {

    private static final List<String> REQUIRED = List.of("contract_id", "amount");
    private static final List<String> OPTIONAL = List.of("note");

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return file(text.getBytes(UTF_8));
    }

    private Path file(byte[] bytes) throws IOException {
        Path path = dir.resolve("input.csv");
        Files.write(path, bytes);
        return path;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static List<InputRecord> readAll(Path path) throws Exception {
        try (CsvInputFile input = CsvInputFile.open(path, REQUIRED, OPTIONAL)) {
            List<InputRecord> records = new ArrayList<>();
            for (InputRecord record = input.next(); record != null; record = input.next()) {
                records.add(record);
            }
            return records;
        }
    }

    /** Reads until the failure, which the file must have. */
    private static InputError failureOf(Path path) {
        return catchThrowableOfType(() -> readAll(path), InputFileException.class)
                .error();
    }

    private static List<String> lines(List<InputRecord> records) {
        return records.stream()
                .map(r -> r.line() + ":" + r.get("contract_id") + ":" + r.get("amount"))
                .toList();
    }

    @Nested
    class Header {

        @Test
        void columnsAreMatchedByNameInAnyOrderAndCaseAndUnknownOnesAreIgnored() throws Exception {
            List<InputRecord> records = readAll(file(" Amount ,Colour,CONTRACT_ID,Note\n500,red,C1,hello\n"));

            assertThat(records).hasSize(1);
            InputRecord record = records.get(0);
            assertThat(record.line()).isEqualTo(2);
            assertThat(record.get("contract_id")).isEqualTo("C1");
            assertThat(record.get("amount")).isEqualTo("500");
            assertThat(record.get("note")).isEqualTo("hello");
        }

        @Test
        void anOptionalColumnAbsentFromTheHeaderReadsAsEmpty() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount\nC1,500\n"));

            assertThat(records.get(0).get("note")).isEmpty();
        }

        @Test
        void askingForAColumnNotDeclaredIsAProgrammingError() throws Exception {
            InputRecord record = readAll(file("contract_id,amount\nC1,500\n")).get(0);

            assertThatThrownBy(() -> record.get("colour")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMissingRequiredColumnFailsTheFileOnLine1() throws Exception {
            Path path = file("contract_id,note\nC1,x\n");

            InputFileException failure =
                    catchThrowableOfType(() -> CsvInputFile.open(path, REQUIRED, OPTIONAL), InputFileException.class);

            assertThat(failure.error().line()).isEqualTo(1);
            assertThat(failure.error().column()).isEqualTo("amount");
            assertThat(failure.getMessage()).contains("input.csv", "line 1", "amount");
        }

        @Test
        void severalMissingColumnsNameTheFirstAndListThemAll() throws Exception {
            InputError error = failureOf(file("note\nx\n"));

            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("contract_id");
            assertThat(error.reason()).contains("contract_id", "amount");
        }

        @Test
        void aColumnNamedTwiceFailsTheFile() throws Exception {
            InputError error = failureOf(file("contract_id,amount,Contract_Id\nC1,5,C2\n"));

            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("contract_id");
        }

        @Test
        void anUnknownColumnNamedTwiceIsIgnoredLikeAnyUnknownColumn() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,remark,amount,REMARK\nC1,a,5,b\n"));

            assertThat(records).hasSize(1);
            assertThat(records.get(0).get("amount")).isEqualTo("5");
        }

        @Test
        void anEmptyFileFailsOnLine1() throws Exception {
            InputError error = failureOf(file(""));

            assertThat(error.line()).isEqualTo(1);
            assertThat(error.reason()).contains("header");
        }

        @Test
        void aFileWithOnlyABomIsEmpty() throws Exception {
            assertThat(failureOf(file(bytes(0xEF, 0xBB, 0xBF))).line()).isEqualTo(1);
        }

        @Test
        void aMissingFileOrADirectoryFailsOnLine0() {
            InputError missing = failureOf(dir.resolve("nowhere.csv"));
            InputError directory = failureOf(dir);

            assertThat(missing.line()).isZero();
            assertThat(directory.line()).isZero();
        }

        @Test
        void theFileNameIsTheLastPartOfThePath() throws Exception {
            try (CsvInputFile input = CsvInputFile.open(file("contract_id,amount\n"), REQUIRED, OPTIONAL)) {
                assertThat(input.fileName()).isEqualTo("input.csv");
                assertThat(input.next()).isNull();
            }
        }
    }

    @Nested
    class Delimiter {

        @Test
        void aSemicolonHeaderMakesSemicolonTheDelimiterAndCommasData() throws Exception {
            List<InputRecord> records = readAll(file("contract_id;amount;note\nC1;45 000,00;a, b\n"));

            assertThat(records.get(0).get("contract_id")).isEqualTo("C1");
            assertThat(records.get(0).get("amount")).isEqualTo("45 000,00");
            assertThat(records.get(0).get("note")).isEqualTo("a, b");
        }

        @Test
        void aCommaInsideAQuotedHeaderCellDoesNotCount() throws Exception {
            List<InputRecord> records = readAll(file("\"x,y\";contract_id;amount\n1;C1;5\n"));

            assertThat(lines(records)).containsExactly("2:C1:5");
        }

        @Test
        void aHeaderOfOneColumnUsesTheComma() throws Exception {
            try (CsvInputFile input =
                    CsvInputFile.open(file("contract_id\nC1;x,y\n"), List.of("contract_id"), List.of())) {
                assertThat(input.next().get("contract_id")).isEqualTo("C1;x");
            }
        }
    }

    @Nested
    class Encoding {

        @Test
        void aBomIsNotPartOfTheFirstColumnName() throws Exception {
            List<InputRecord> records = readAll(file(bytes(0xEF, 0xBB, 0xBF, "contract_id,amount\nC1,5\n")));

            assertThat(lines(records)).containsExactly("2:C1:5");
        }

        @Test
        void crLfAndLoneCrEndLinesLikeLf() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount\r\nC1,5\r\n\r\nC2,6\rC3,7"));

            assertThat(lines(records)).containsExactly("2:C1:5", "4:C2:6", "5:C3:7");
        }

        @Test
        void accentedLettersInUtf8AreRead() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount,note\nC1,5,Aïssatou Ndiaye-Diéye\n"));

            assertThat(records.get(0).get("note")).isEqualTo("Aïssatou Ndiaye-Diéye");
        }

        @Test
        void aWindows1252ByteFailsTheFileWithItsLineAfterTheRecordsBeforeIt() throws Exception {
            Path path = file(bytes("contract_id,amount,note\r\nC1,5,ok\r\nC2,6,Di", 0xE9, "ye\r\nC3,7,ok\r\n"));
            List<InputRecord> read = new ArrayList<>();

            InputFileException failure = catchThrowableOfType(
                    () -> {
                        try (CsvInputFile input = CsvInputFile.open(path, REQUIRED, OPTIONAL)) {
                            for (InputRecord record = input.next(); record != null; record = input.next()) {
                                read.add(record);
                            }
                        }
                    },
                    InputFileException.class);

            assertThat(lines(read)).containsExactly("2:C1:5");
            assertThat(failure.error().line()).isEqualTo(3);
            assertThat(failure.error().value()).isEqualTo("0xE9");
            assertThat(failure.getMessage()).contains("input.csv", "line 3", "0xE9");
        }

        @Test
        void aBadByteInsideAQuotedCellIsReportedOnItsOwnPhysicalLine() throws Exception {
            InputError error = failureOf(file(bytes("contract_id,amount,note\nC1,5,\"first\nsecond ", 0xE9, "\"\n")));

            assertThat(error.line()).isEqualTo(3);
        }

        @Test
        void aTruncatedSequenceAtTheEndOfTheFileIsNotUtf8() throws Exception {
            InputError error = failureOf(file(bytes("contract_id,amount\nC1,5\nC2,", 0xC3)));

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.value()).isEqualTo("0xC3");
        }

        @Test
        void theLineOfABadByteIsRightFarBeyondTheFirstBuffers() throws Exception {
            StringBuilder text = new StringBuilder("contract_id,amount,note\n");
            for (int i = 0; i < 20_000; i++) {
                text.append("C").append(i).append(",5,né à Saint-Louis\n"); // multi-byte letters cross buffer ends
            }
            Path path = file(bytes(text.toString(), "C,5,", 0xFF, "\n"));
            List<InputRecord> read = new ArrayList<>();

            InputFileException failure = catchThrowableOfType(
                    () -> {
                        try (CsvInputFile input = CsvInputFile.open(path, REQUIRED, OPTIONAL)) {
                            for (InputRecord record = input.next(); record != null; record = input.next()) {
                                read.add(record);
                            }
                        }
                    },
                    InputFileException.class);

            assertThat(read).hasSize(20_000);
            assertThat(read).allMatch(r -> r.get("note").equals("né à Saint-Louis"));
            assertThat(read.get(19_999).line()).isEqualTo(20_001);
            assertThat(failure.error().line()).isEqualTo(20_002);
        }

        @Test
        void aNulByteFailsTheFileWithItsLine() throws Exception {
            InputError error = failureOf(file(bytes("contract_id,amount\nC1,5\nC2,", 0x00, "6\n")));

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.value()).isEqualTo("0x00");
        }

        @Test
        void aLineOverOneMegabyteFailsTheFile() throws Exception {
            String longNote = "x".repeat(1_100_000);

            InputError error = failureOf(file("contract_id,amount,note\nC1,5,ok\nC2,6," + longNote + "\n"));

            assertThat(error.line()).isEqualTo(3);
        }
    }

    @Nested
    class Quoting {

        @Test
        void quotedDelimitersAndDoubledQuotesAreData() throws Exception {
            InputRecord record = readAll(file("contract_id,amount,note\n\"C,1\",5,\"a \"\"big\"\" phone; 6\"\"\"\n"))
                    .get(0);

            assertThat(record.get("contract_id")).isEqualTo("C,1");
            assertThat(record.get("note")).isEqualTo("a \"big\" phone; 6\"");
        }

        @Test
        void recordsAfterQuotedLineBreaksKeepTheirPhysicalLineNumbers() throws Exception {
            List<InputRecord> records = readAll(file("""
                    contract_id,amount,note
                    C1,100,"first
                    second"
                    C2,200,x
                    C3,300,"a

                    b"
                    C4,400,
                    """));

            assertThat(lines(records)).containsExactly("2:C1:100", "4:C2:200", "5:C3:300", "8:C4:400");
            assertThat(records.get(0).get("note")).isEqualTo("first\nsecond");
            assertThat(records.get(2).get("note")).isEqualTo("a\n\nb");
        }

        @Test
        void quotedCrLfLineBreaksCountAsOneLineEach() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount,note\r\nC1,1,\"a\r\nb\"\r\nC2,2,c\r\n"));

            assertThat(lines(records)).containsExactly("2:C1:1", "4:C2:2");
            assertThat(records.get(0).get("note")).isEqualTo("a\r\nb");
        }

        @Test
        void blanksBeforeAnOpeningQuoteAreIgnored() throws Exception {
            InputRecord record =
                    readAll(file("contract_id,amount,note\nC1,5, \"x, y\" \n")).get(0);

            assertThat(record.get("note")).isEqualTo("x, y");
        }

        @Test
        void aQuoteInsideAnUnquotedCellIsData() throws Exception {
            InputRecord record =
                    readAll(file("contract_id,amount,note\nC1,5,6\" screen\n")).get(0);

            assertThat(record.get("note")).isEqualTo("6\" screen");
        }

        @Test
        void textAfterAClosingQuoteMakesTheLineInvalid() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount,note\nC1,5,\"a\"b\nC2,6,ok\n"));

            Cells broken = new Cells(records.get(0));
            assertThat(broken.valid()).isFalse();
            assertThat(broken.errors())
                    .singleElement()
                    .satisfies(e -> assertThat(e.line()).isEqualTo(2))
                    .satisfies(e -> assertThat(e.column()).isEmpty());
            assertThat(new Cells(records.get(1)).valid()).isTrue();
        }

        @Test
        void anUnterminatedQuoteFailsTheFileOnTheLineWhereItOpens() throws Exception {
            InputError error = failureOf(file("contract_id,amount,note\nC1,5,ok\nC2,6,\"never closed\nC3,7,x\n"));

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.reason()).contains("quote");
        }

        @Test
        void anUnterminatedQuoteIsReportedWhereItOpensNotWhereItsRecordStarts() throws Exception {
            InputError error = failureOf(file("contract_id,amount,note\n\"C\n1\",5,\"never closed\nC3,7,x\n"));

            assertThat(error.line()).isEqualTo(3);
        }
    }

    @Nested
    class RecordsAndCells {

        @Test
        void aLineStartingWithHashIsData() throws Exception {
            assertThat(lines(readAll(file("contract_id,amount\n#C1,5\n")))).containsExactly("2:#C1:5");
        }

        @Test
        void recordsWhoseCellsAreAllEmptyAreSkippedWithoutShiftingLineNumbers() throws Exception {
            List<InputRecord> records =
                    readAll(file("contract_id,amount,note\nC1,1,a\n\n , \u00A0 , \n,,\n\"\",\"\"\nC2,2,b\n"));

            assertThat(lines(records)).containsExactly("2:C1:1", "7:C2:2");
        }

        @Test
        void aRecordWithContentOnlyInAnUnknownColumnIsNotSkipped() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount,colour\n,,red\n"));

            assertThat(lines(records)).containsExactly("2::");
        }

        @Test
        void missingCellsAreEmptyAndExtraCellsMakeTheLineInvalid() throws Exception {
            List<InputRecord> records =
                    readAll(file("contract_id,amount,note\nC1\nC2,2,n,extra,more\n" + "C3;3,3,n,\n,,,,,\n"));

            assertThat(lines(records)).containsExactly("2:C1:", "3:C2:2", "4:C3;3:3");
            assertThat(records.get(0).get("note")).isEmpty();
            assertThat(records.get(0).problem()).isNull();
            assertThat(records.get(1).problem())
                    .isEqualTo("This line has 5 values but the header has 3 columns: a"
                            + " comma inside a value that is not between quotes, as in 10,000, splits it in two and shifts the"
                            + " values after it; write amounts without the comma (10000) and put text that holds a comma"
                            + " between quotes.");
            assertThat(records.get(2).problem())
                    .isEqualTo(
                            "This line has 4 values but the header has 3 columns, and"
                                    + " the last one is empty: remove the comma at the end of the line, or, if a value holds a comma,"
                                    + " write amounts without the comma (10000) and put text that holds a comma between quotes.");
        }

        @Test
        void extraCellsOfASemicolonFileNameTheSemicolon() throws Exception {
            List<InputRecord> records = readAll(file("contract_id;amount\nC1;5;;\nC2;5;x\n"));

            assertThat(records)
                    .extracting(InputRecord::problem)
                    .containsExactly(
                            "This line has 4 values but the header has 2 columns, and the last 2 are empty: remove the"
                                    + " semicolons at the end of the line, or, if a value holds a semicolon, put text that"
                                    + " holds a semicolon between quotes.",
                            "This line has 3 values but the header has 2 columns: a semicolon inside a value that is not"
                                    + " between quotes splits it in two and shifts the values after it; put text that holds"
                                    + " a semicolon between quotes.");
        }

        @Test
        void aSpreadsheetThatPadsTheHeaderTooGivesLinesOfTheHeadersWidth() throws Exception {
            // Excel writes every row, the header included, as wide as the used range
            List<InputRecord> records = readAll(file("contract_id,amount,,\nC1,5,,\nC2,6,,\n"));

            assertThat(lines(records)).containsExactly("2:C1:5", "3:C2:6");
            assertThat(records).extracting(InputRecord::problem).containsOnlyNulls();
        }

        @Test
        void aQuotedDelimiterIsNoExtraCell() throws Exception {
            List<InputRecord> records = readAll(file("contract_id,amount\nC1,\"10,000\"\n"));

            assertThat(records.get(0).get("amount")).isEqualTo("10,000");
            assertThat(records.get(0).problem()).isNull();
        }

        @Test
        void theLastRecordNeedsNoLineBreak() throws Exception {
            assertThat(lines(readAll(file("contract_id,amount\nC1,5")))).containsExactly("2:C1:5");
        }

        @Test
        void cellsAreTrimmedOfUnicodeWhiteSpaceIncludingNoBreakSpaces() throws Exception {
            InputRecord record = readAll(file("contract_id,amount,note\n\u00A0 C1\u202F,\t45\u202F000\u00A0,"
                            + "\u2003\uFEFFa b\u3000\n"))
                    .get(0);

            assertThat(record.get("contract_id")).isEqualTo("C1");
            assertThat(record.get("amount")).isEqualTo("45\u202F000");
            assertThat(record.get("note")).isEqualTo("a b");
        }
    }
}
