package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReturnParser.ReturnLine;

/** SPEC 5: one withholding return record for the run's period. */
class ReturnParserTests {

    private static final String HEADER = "period,contract_id,matricule,amount_withheld_xof";
    private static final ReturnParser MARCH = new ReturnParser(Period.parse("2026-03"));

    @TempDir
    Path dir;

    private Cells line(String line) throws Exception {
        Path file = dir.resolve("withheld-2026-03.csv");
        Files.writeString(file, HEADER + "\n" + line + "\n", StandardCharsets.UTF_8);
        try (CsvInputFile input = CsvInputFile.open(file, ReturnParser.REQUIRED, List.of())) {
            return new Cells(input.next());
        }
    }

    @Nested
    class ValidLines {

        @Test
        void readsTheLineWithUpperCasedIdentifiers() throws Exception {
            Cells cells = line("2026-03,c-001,m-77,5 000");

            assertThat(MARCH.parse(cells)).contains(new ReturnLine(2, "C-001", "M-77", 5_000));
        }

        @Test
        void aZeroAmountIsReadable() throws Exception {
            assertThat(MARCH.parse(line("2026-03,C-1,M-1,0")))
                    .get()
                    .extracting(ReturnLine::amountXof)
                    .isEqualTo(0L);
        }

        @Test
        void aZeroFractionIsAccepted() throws Exception {
            assertThat(MARCH.parse(line("2026-03,C-1,M-1,\"5 000,00\"")))
                    .get()
                    .extracting(ReturnLine::amountXof)
                    .isEqualTo(5_000L);
        }
    }

    @Nested
    class Rejections {

        @Test
        void aPeriodOtherThanTheRunsIsRejected() throws Exception {
            Cells cells = line("2026-04,C-1,M-1,5000");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column, InputError::value)
                    .containsExactly(tuple(2L, "period", "2026-04"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-100", "-5 000", "-0"})
        void aNegativeWithheldAmountIsRejected(String cell) throws Exception {
            Cells cells = line("2026-03,C-1,M-1," + cell);

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column, InputError::value)
                    .containsExactly(tuple("amount_withheld_xof", cell));
        }

        @ParameterizedTest
        @ValueSource(strings = {"5000.50", "5e3", "five", "+5000"})
        void aMalformedAmountIsRejected(String cell) throws Exception {
            Cells cells = line("2026-03,C-1,M-1," + cell);

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors()).extracting(InputError::column).containsExactly("amount_withheld_xof");
        }

        @Test
        void everyInvalidCellIsReportedTogether() throws Exception {
            Cells cells = line("2025-03,C 1,,-1");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column)
                    .containsExactlyInAnyOrder("period", "contract_id", "matricule", "amount_withheld_xof");
        }
    }
}
