package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.period.Period;

class CellsTests {

    @TempDir
    Path dir;

    /** The cells of the record on line 2 of a file holding these columns, each cell quoted. */
    private Cells cells(Map<String, String> cellByColumn) throws Exception {
        List<String> quoted = new ArrayList<>();
        for (String cell : cellByColumn.values()) {
            quoted.add('"' + cell.replace("\"", "\"\"") + '"');
        }
        Path path = dir.resolve("input.csv");
        Files.writeString(
                path, String.join(",", cellByColumn.keySet()) + ",marker\n" + String.join(",", quoted) + ",x\n", UTF_8);
        try (CsvInputFile input = CsvInputFile.open(path, List.copyOf(cellByColumn.keySet()), List.of())) {
            InputRecord record = input.next();
            assertThat(record.line()).isEqualTo(2);
            return new Cells(record);
        }
    }

    private Cells cells(String column, String cell) throws Exception {
        return cells(Map.of(column, cell));
    }

    @Nested
    class Amounts {

        static Stream<Arguments> wellWritten() {
            return Stream.of(
                    arguments("45000", 45_000L),
                    arguments("45 000", 45_000L),
                    arguments("45\u00A0000", 45_000L),
                    arguments("45\u202F000", 45_000L),
                    arguments("45 000,00", 45_000L),
                    arguments("45000.00", 45_000L),
                    arguments("1 234 567", 1_234_567L),
                    arguments("0", 0L),
                    arguments("999 999 999 999", 999_999_999_999L));
        }

        @ParameterizedTest
        @MethodSource("wellWritten")
        void wellWrittenAmountsAreRead(String cell, long francs) throws Exception {
            Cells cells = cells("price_xof", cell);

            assertThat(cells.amount("price_xof", true, false)).isEqualTo(francs);
            assertThat(cells.valid()).isTrue();
        }

        static Stream<Arguments> badlyWritten() {
            return Stream.of(
                    arguments("1 234,56", "fraction"),
                    arguments("45000.5", "fraction"),
                    arguments("1e5", "exponent"),
                    arguments("12a", "digits only"),
                    arguments("-5", "negative"),
                    arguments("+5", "+ sign"),
                    arguments("1.234", "grouped with spaces"),
                    arguments("1,234", "grouped with spaces"),
                    arguments("12 34", "threes"),
                    arguments("1234 567", "threes"),
                    arguments("1 234  567", "threes"),
                    arguments("12,0", ",00 or .00"),
                    arguments("1 000 000 000 000", "at most 999 999 999 999"),
                    arguments("99999999999999999999999", "at most 999 999 999 999"));
        }

        @ParameterizedTest
        @MethodSource("badlyWritten")
        void badlyWrittenAmountsMakeTheCellInvalid(String cell, String reasonMentions) throws Exception {
            Cells cells = cells("price_xof", cell);

            assertThat(cells.amount("price_xof", true, false)).isNull();
            assertThat(cells.valid()).isFalse();
            assertThat(cells.errors()).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(2);
                assertThat(error.column()).isEqualTo("price_xof");
                assertThat(error.value()).isEqualTo(cell);
                assertThat(error.reason()).contains(reasonMentions);
            });
        }

        @Test
        void aFractionIsExplainedInWords() throws Exception {
            Cells cells = cells("price_xof", "1 234,56");

            cells.amount("price_xof", true, false);

            assertThat(cells.errors().get(0).reason())
                    .isEqualTo("The amount must be a whole number of francs; 1 234,56 has a fraction.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1 500", "-1500", "-1 500,00"})
        void aMinusIsReadWhereNegativeAmountsAreAllowed(String cell) throws Exception {
            Cells cells = cells("net_pay_xof", cell);

            assertThat(cells.amount("net_pay_xof", true, true)).isEqualTo(-1_500L);
            assertThat(cells.valid()).isTrue();
        }

        @Test
        void minusZeroIsZero() throws Exception {
            assertThat(cells("net_pay_xof", "-0").amount("net_pay_xof", true, true))
                    .isZero();
        }

        @Test
        void aPlusIsRefusedEvenWhereNegativeAmountsAreAllowed() throws Exception {
            Cells cells = cells("net_pay_xof", "+1 500");

            assertThat(cells.amount("net_pay_xof", true, true)).isNull();
            assertThat(cells.valid()).isFalse();
        }

        @Test
        void anEmptyOptionalAmountIsAbsentWithoutError() throws Exception {
            Cells cells = cells("down_payment_xof", " ");

            assertThat(cells.amount("down_payment_xof", false, false)).isNull();
            assertThat(cells.valid()).isTrue();
        }

        @Test
        void anEmptyRequiredAmountIsAnError() throws Exception {
            Cells cells = cells("price_xof", "\u00A0");

            assertThat(cells.amount("price_xof", true, false)).isNull();
            assertThat(cells.errors()).singleElement().satisfies(error -> {
                assertThat(error.column()).isEqualTo("price_xof");
                assertThat(error.value()).isEmpty();
                assertThat(error.reason()).contains("required");
            });
        }
    }

    @Nested
    class Identifiers {

        @Test
        void areUpperCased() throws Exception {
            Cells cells = cells("contract_id", "ct-2026/01.a_b");

            assertThat(cells.identifier("contract_id")).isEqualTo("CT-2026/01.A_B");
            assertThat(cells.valid()).isTrue();
        }

        @Test
        void areUpperCasedIndependentlyOfTheDefaultLocale() throws Exception {
            Locale saved = Locale.getDefault();
            Locale.setDefault(Locale.forLanguageTag("tr"));
            try {
                assertThat(cells("matricule", "mi123").identifier("matricule")).isEqualTo("MI123");
            } finally {
                Locale.setDefault(saved);
            }
        }

        @Test
        void mayHave32CharactersButNot33() throws Exception {
            String longest = "a".repeat(32);

            assertThat(cells("matricule", longest).identifier("matricule")).isEqualTo("A".repeat(32));
            Cells tooLong = cells("matricule", longest + "b");
            assertThat(tooLong.identifier("matricule")).isNull();
            assertThat(tooLong.errors()).singleElement().satisfies(error -> {
                assertThat(error.value()).isEqualTo(longest + "b");
                assertThat(error.reason()).contains("32");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"MAT 1", "-A1", ".A1", "_A1", "A1;2", "ÉLODIE1", "A1+"})
        void refuseOtherCharactersAndAFirstCharacterThatIsNotALetterOrDigit(String cell) throws Exception {
            Cells cells = cells("matricule", cell);

            assertThat(cells.identifier("matricule")).isNull();
            assertThat(cells.errors()).singleElement().satisfies(error -> {
                assertThat(error.column()).isEqualTo("matricule");
                assertThat(error.value()).isEqualTo(cell);
            });
        }

        @Test
        void areRequired() throws Exception {
            Cells cells = cells("matricule", "");

            assertThat(cells.identifier("matricule")).isNull();
            assertThat(cells.errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.reason()).contains("required"));
        }
    }

    @Nested
    class TextsPeriodsAndNumbers {

        @Test
        void requiredTextIsTrimmedAndMustNotBeEmpty() throws Exception {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("full_name", " Awa  Diop ");
            row.put("ministry_code", "");
            Cells cells = cells(row);

            assertThat(cells.requiredText("full_name")).isEqualTo("Awa  Diop");
            assertThat(cells.requiredText("ministry_code")).isNull();
            assertThat(cells.errors()).extracting(InputError::column).containsExactly("ministry_code");
        }

        @Test
        void emptyOptionalTextIsAbsent() throws Exception {
            Cells cells = cells("device_model", "  ");

            assertThat(cells.optionalText("device_model")).isNull();
            assertThat(cells.valid()).isTrue();
        }

        @Test
        void periodsAreYearDashMonth() throws Exception {
            assertThat(cells("first_period", "2026-01").period("first_period", true))
                    .isEqualTo(new Period(2026, 1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "01/2026", "2026-01-01"})
        void otherPeriodsAreInvalid(String cell) throws Exception {
            Cells cells = cells("first_period", cell);

            assertThat(cells.period("first_period", true)).isNull();
            assertThat(cells.errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.reason()).contains("YYYY-MM"));
        }

        @Test
        void anEmptyPeriodIsAnErrorOnlyWhenRequired() throws Exception {
            Cells required = cells("period", "");
            Cells optional = cells("period", "");

            assertThat(required.period("period", true)).isNull();
            assertThat(optional.period("period", false)).isNull();
            assertThat(required.valid()).isFalse();
            assertThat(optional.valid()).isTrue();
        }

        @Test
        void wholeNumbersWithinRangeAreRead() throws Exception {
            assertThat(cells("term_months", "12").integer("term_months", 1, 60)).isEqualTo(12);
            assertThat(cells("term_months", "60").integer("term_months", 1, 60)).isEqualTo(60);
        }

        @Test
        void anEmptyWholeNumberIsAbsent() throws Exception {
            Cells cells = cells("term_months", "");

            assertThat(cells.integer("term_months", 1, 60)).isNull();
            assertThat(cells.valid()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "61", "12.5", "-3", "+3", "1 2", "twelve", "99999999999999999999"})
        void wholeNumbersOutOfRangeOrNotDigitsAreInvalid(String cell) throws Exception {
            Cells cells = cells("term_months", cell);

            assertThat(cells.integer("term_months", 1, 60)).isNull();
            assertThat(cells.errors()).singleElement().satisfies(error -> {
                assertThat(error.column()).isEqualTo("term_months");
                assertThat(error.value()).isEqualTo(cell);
            });
        }
    }

    @Nested
    class Collecting {

        @Test
        void everyInvalidCellOfALineIsReportedInTheOrderChecked() throws Exception {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("contract_id", "C 1");
            row.put("full_name", "");
            row.put("price_xof", "12a");
            row.put("first_period", "2026-01");
            Cells cells = cells(row);

            cells.identifier("contract_id");
            cells.requiredText("full_name");
            cells.amount("price_xof", true, false);
            cells.period("first_period", true);

            assertThat(cells.valid()).isFalse();
            assertThat(cells.line()).isEqualTo(2);
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column, InputError::value)
                    .containsExactly(
                            tuple(2L, "contract_id", "C 1"), tuple(2L, "full_name", ""), tuple(2L, "price_xof", "12a"));
        }

        @Test
        void rulesCheckedByTheCallerAreRecordedToo() throws Exception {
            Cells cells = cells("imei", "490154203237517");

            cells.reject("imei", "490154203237517", "The IMEI check digit is wrong.");
            cells.rejectLine("The contract_id appears twice in this file.");

            assertThat(cells.errors())
                    .containsExactly(
                            new InputError(2, "imei", "490154203237517", "The IMEI check digit is wrong."),
                            new InputError(2, "", "", "The contract_id appears twice in this file."));
        }

        @Test
        void aLineWithMoreCellsThanTheHeaderGetsOneRowNotRowsForItsShiftedCells() throws Exception {
            Path path = dir.resolve("shifted.csv");
            Files.writeString(path, "matricule,net_pay_xof,employment_status\nM-1,150,000,ACTIVE\n", UTF_8);
            Cells cells;
            try (CsvInputFile input =
                    CsvInputFile.open(path, List.of("matricule", "net_pay_xof", "employment_status"), List.of())) {
                cells = new Cells(input.next());
            }

            cells.identifier("matricule");
            cells.amount("net_pay_xof", true, true);
            cells.reject("employment_status", cells.requiredText("employment_status"), "Not a status.");
            cells.rejectLine("The matricule appears twice in this register.");

            assertThat(cells.valid()).isFalse();
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column, InputError::value)
                    .containsExactly(tuple(2L, "", ""));
            assertThat(cells.errors().get(0).reason())
                    .startsWith("This line has 4 values but the header has 3" + " columns: ");
        }

        @Test
        void aLineWithoutProblemIsValid() throws Exception {
            Cells cells = cells("price_xof", "100");

            cells.amount("price_xof", true, false);

            assertThat(cells.valid()).isTrue();
            assertThat(cells.errors()).isEmpty();
        }
    }
}
