package org.smartphone.payroll.deduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.deduction.RegisterParser.RegisterRow;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.period.Period;

/** SPEC 5: one payroll register record for the run's period. */
class RegisterParserTests {

    private static final String HEADER = "period,matricule,net_pay_xof,employment_status,full_name,ministry_code";
    private static final RegisterParser MARCH = new RegisterParser(Period.parse("2026-03"));

    @TempDir
    Path dir;

    private Cells line(String line) throws Exception {
        Path file = dir.resolve("payroll-2026-03.csv");
        Files.writeString(file, HEADER + "\n" + line + "\n", StandardCharsets.UTF_8);
        try (CsvInputFile input = CsvInputFile.open(file, RegisterParser.REQUIRED, RegisterParser.OPTIONAL)) {
            return new Cells(input.next());
        }
    }

    @Nested
    class ValidRows {

        @Test
        void readsTheEntryAndTheMinistryCode() throws Exception {
            Cells cells = line("2026-03,mat-1,250 000,ACTIVE,Awa Diop,MIN-ED");

            Optional<RegisterRow> row = MARCH.parse(cells);

            assertThat(cells.errors()).isEmpty();
            assertThat(row).get().satisfies(r -> {
                assertThat(r.line()).isEqualTo(2);
                assertThat(r.entry()).isEqualTo(new PayrollEntry("MAT-1", 250_000, EmploymentStatus.ACTIVE));
                assertThat(r.ministryCode()).isEqualTo("MIN-ED");
            });
        }

        @Test
        void anEmptyMinistryCodeIsAbsent() throws Exception {
            assertThat(MARCH.parse(line("2026-03,M-1,250000,ACTIVE,,")))
                    .get()
                    .extracting(RegisterRow::ministryCode)
                    .isNull();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"-15 000, -15000", "-1, -1", "0, 0", "'-250 000,00', -250000"})
        void aNegativeNetPayIsAllowed(String cell, long expected) throws Exception {
            Cells cells = line("2026-03,M-1,\"" + cell + "\",ACTIVE,,");

            assertThat(MARCH.parse(cells))
                    .get()
                    .extracting(r -> r.entry().netPayXof())
                    .isEqualTo(expected);
        }
    }

    @Nested
    class EmploymentStatuses {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "active, ACTIVE",
            "Active, ACTIVE",
            "sUsPeNdEd, SUSPENDED",
            "left, LEFT",
            "Retired, RETIRED",
            "deceased, DECEASED"
        })
        void areReadWhateverTheirCase(String cell, EmploymentStatus expected) throws Exception {
            assertThat(MARCH.parse(line("2026-03,M-1,250000," + cell + ",,")))
                    .get()
                    .extracting(r -> r.entry().status())
                    .isEqualTo(expected);
        }

        @Test
        void areReadWhateverTheDefaultLocale() throws Exception {
            // in Turkish, "i".toUpperCase() is "İ" (U+0130): "retired" must still be RETIRED
            Locale before = Locale.getDefault();
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            try {
                assertThat(MARCH.parse(line("2026-03,mi-1,250000,retired,,")))
                        .get()
                        .satisfies(r -> {
                            assertThat(r.entry().status()).isEqualTo(EmploymentStatus.RETIRED);
                            assertThat(r.entry().matricule()).isEqualTo("MI-1");
                        });
            } finally {
                Locale.setDefault(before);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"ON_LEAVE", "actif", "ACTIV", "ACTIVE_"})
        void anUnknownStatusIsRejected(String cell) throws Exception {
            Cells cells = line("2026-03,M-1,250000," + cell + ",,");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column, InputError::value)
                    .containsExactly(tuple("employment_status", cell));
        }

        /** A French register's words stay invalid (SPEC 5 takes five) but the reason says how to write them. */
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"Actif, ACTIVE", "Suspendu, SUSPENDED", "démission, LEFT", "Retraité, RETIRED", "DÉCÉDÉE, DECEASED"
        })
        void aFrenchStatusIsRejectedSayingHowToWriteIt(String cell, String meant) throws Exception {
            Cells cells = line("2026-03,M-1,250000," + cell + ",,");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::reason)
                    .containsExactly("The employment status must be"
                            + " ACTIVE, SUSPENDED, LEFT, RETIRED or DECEASED; for this one write " + meant + ".");
        }

        @Test
        void anUnknownWordGetsNoAdvice() throws Exception {
            Cells cells = line("2026-03,M-1,250000,ON_LEAVE,,");

            MARCH.parse(cells);
            assertThat(cells.errors())
                    .extracting(InputError::reason)
                    .containsExactly("The employment status must be ACTIVE, SUSPENDED, LEFT, RETIRED or DECEASED.");
        }
    }

    @Nested
    class Rejections {

        @Test
        void aPeriodOtherThanTheRunsIsRejected() throws Exception {
            Cells cells = line("2026-02,M-1,250000,ACTIVE,,");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column, InputError::value)
                    .containsExactly(tuple(2L, "period", "2026-02"));
        }

        @Test
        void everyInvalidCellIsReportedTogether() throws Exception {
            Cells cells = line("2026-04,M 1,12.5,ON_LEAVE,,");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column)
                    .containsExactlyInAnyOrder("period", "matricule", "net_pay_xof", "employment_status");
        }

        @Test
        void anEmptyRequiredCellIsRejected() throws Exception {
            Cells cells = line("2026-03,M-1,,ACTIVE,,");

            assertThat(MARCH.parse(cells)).isEmpty();
            assertThat(cells.errors()).extracting(InputError::column).containsExactly("net_pay_xof");
        }
    }
}
