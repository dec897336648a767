package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.period.Period;

/** SPEC 2 and 5: one record of a contracts file becomes a contract, or every invalid cell is reported. */
class ContractParserTests {

    private static final String HEADER =
            "contract_id,matricule,full_name,price_xof,first_period,down_payment_xof,term_months,imei,ministry_code,device_model";

    @TempDir
    Path dir;

    /** The cells of the first record of a contracts file with this header and these data lines. */
    private Cells cells(String header, String... lines) throws Exception {
        Path file = dir.resolve("contracts-test.csv");
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        try (CsvInputFile input = CsvInputFile.open(file, ContractParser.REQUIRED, ContractParser.OPTIONAL)) {
            return new Cells(input.next());
        }
    }

    private Cells line(String line) throws Exception {
        return cells(HEADER, line);
    }

    /** Rounding unit 1 franc, default term 12 months. */
    private static final ContractParser UNIT_1_TERM_12 = new ContractParser(1, 12);

    @Nested
    class ValidContracts {

        @Test
        void readsEveryColumn() throws Exception {
            // given
            Cells cells = line("c-001,m-77,Awa Diop,150 000,2026-03,30 000,10,490154203237518,MIN-ED,Phone X");

            // when
            Optional<Contract> contract = UNIT_1_TERM_12.parse(cells);

            // then: identifiers upper-cased; financed = 150000 − 30000 = 120000; base = 120000 / 10 = 12000
            assertThat(cells.errors()).isEmpty();
            assertThat(contract).get().satisfies(c -> {
                assertThat(c.contractId()).isEqualTo("C-001");
                assertThat(c.matricule()).isEqualTo("M-77");
                assertThat(c.fullName()).isEqualTo("Awa Diop");
                assertThat(c.ministryCode()).isEqualTo("MIN-ED");
                assertThat(c.deviceModel()).isEqualTo("Phone X");
                assertThat(c.imei()).isEqualTo("490154203237518");
                assertThat(c.priceXof()).isEqualTo(150_000);
                assertThat(c.downPaymentXof()).isEqualTo(30_000);
                assertThat(c.financedXof()).isEqualTo(120_000);
                assertThat(c.termMonths()).isEqualTo(10);
                assertThat(c.firstPeriod()).isEqualTo(Period.parse("2026-03"));
                assertThat(c.baseInstallmentXof()).isEqualTo(12_000);
            });
        }

        @Test
        void theRoundingUnitFixesTheBaseInstallment() throws Exception {
            // 100000 / 12 / 100 = 83.33 → 83 × 100 = 8300
            Cells cells = line("C-1,M-1,Awa Diop,100000,2026-01,,12,,,");

            Optional<Contract> contract = new ContractParser(100, 12).parse(cells);

            assertThat(contract).get().extracting(Contract::baseInstallmentXof).isEqualTo(8_300L);
            assertThat(contract.get().schedule().lastInstallment()).isEqualTo(8_700); // 100000 − 11 × 8300
        }
    }

    @Nested
    class Defaults {

        @Test
        void absentOptionalColumnsTakeTheirDefaults() throws Exception {
            // given a file with only the required columns
            Cells cells =
                    cells("contract_id,matricule,full_name,price_xof,first_period", "C-1,M-1,Awa Diop,150000,2026-03");

            // when
            Contract contract = UNIT_1_TERM_12.parse(cells).orElseThrow();

            // then: down payment 0, term 12 (the constructor's), financed = 150000, base = 150000 / 12 = 12500
            assertThat(contract.downPaymentXof()).isZero();
            assertThat(contract.termMonths()).isEqualTo(12);
            assertThat(contract.financedXof()).isEqualTo(150_000);
            assertThat(contract.baseInstallmentXof()).isEqualTo(12_500);
            assertThat(contract.ministryCode()).isNull();
            assertThat(contract.deviceModel()).isNull();
            assertThat(contract.imei()).isNull();
        }

        @Test
        void emptyOptionalCellsCountAsAbsent() throws Exception {
            // given empty down payment, term, imei; the default term is 6 this time
            Cells cells = line("C-1,M-1,Awa Diop,60000,2026-03, , ,,,");

            Contract contract = new ContractParser(1, 6).parse(cells).orElseThrow();

            // then: down 0, term 6, base = 60000 / 6 = 10000; an empty imei is not checked
            assertThat(cells.errors()).isEmpty();
            assertThat(contract.downPaymentXof()).isZero();
            assertThat(contract.termMonths()).isEqualTo(6);
            assertThat(contract.baseInstallmentXof()).isEqualTo(10_000);
            assertThat(contract.imei()).isNull();
        }
    }

    @Nested
    class FinancedAmount {

        @Test
        void aDownPaymentEqualToThePriceIsRejected() throws Exception {
            // financed = 50000 − 50000 = 0, not > 0
            Cells cells = line("C-1,M-1,Awa Diop,50000,2026-03,50000,12,,,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column)
                    .containsExactly(tuple(2L, "down_payment_xof"));
        }

        @Test
        void aDownPaymentAboveThePriceIsRejected() throws Exception {
            // financed = 40000 − 50000 = −10000
            Cells cells = line("C-1,M-1,Awa Diop,40000,2026-03,50000,12,,,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors()).extracting(InputError::column).containsExactly("down_payment_xof");
        }

        @Test
        void aPriceOfZeroIsRejected() throws Exception {
            // financed = 0 − 0 = 0
            Cells cells = line("C-1,M-1,Awa Diop,0,2026-03,,,,,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors()).extracting(InputError::column).containsExactly("price_xof");
        }

        @Test
        void financedBelowTermTimesUnitIsRejected() throws Exception {
            // unit 100, term 12: 1199 < 12 × 100 = 1200
            Cells cells = line("C-1,M-1,Awa Diop,1199,2026-03,,12,,,");

            assertThat(new ContractParser(100, 12).parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::line, InputError::column)
                    .containsExactly(tuple(2L, "term_months"));
        }

        @Test
        void financedBelowTheDefaultTermTimesUnitIsRejectedToo() throws Exception {
            // unit 1, default term 12: 11 < 12
            Cells cells = line("C-1,M-1,Awa Diop,11,2026-03,,,,,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors()).hasSize(1);
        }

        @Test
        void financedOfExactlyTermTimesUnitIsAccepted() throws Exception {
            // 1300 − 100 = 1200 = 12 × 100 → base 100
            Cells cells = line("C-1,M-1,Awa Diop,1300,2026-03,100,12,,,");

            assertThat(new ContractParser(100, 12).parse(cells))
                    .get()
                    .extracting(Contract::baseInstallmentXof)
                    .isEqualTo(100L);
        }
    }

    @Nested
    class Imei {

        @Test
        void aValidLuhnCheckDigitIsAccepted() throws Exception {
            // 490154203237518: doubled-digit sum from the right = 60, 60 mod 10 = 0
            Cells cells = line("C-1,M-1,Awa Diop,150000,2026-03,,,490154203237518,,");

            assertThat(UNIT_1_TERM_12.parse(cells))
                    .get()
                    .extracting(Contract::imei)
                    .isEqualTo("490154203237518");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "490154203237517", // sum 59: wrong check digit
                    "49015420323751", // 14 digits
                    "4901542032375180", // 16 digits
                    "49015420323751X"
                })
        void anInvalidImeiIsRejected(String imei) throws Exception {
            Cells cells = line("C-1,M-1,Awa Diop,150000,2026-03,,," + imei + ",,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column, InputError::value)
                    .containsExactly(tuple("imei", imei));
        }
    }

    @Nested
    class AllProblemsOfALine {

        @Test
        void everyInvalidCellIsReportedTogether() throws Exception {
            // given one line where 8 cells are wrong
            Cells cells = line("-C1,,,12 5000,2026-13,abc,61,490154203237517,,");

            // when
            Optional<Contract> contract = UNIT_1_TERM_12.parse(cells);

            // then
            assertThat(contract).isEmpty();
            assertThat(cells.errors()).extracting(InputError::line).containsOnly(2L);
            assertThat(cells.errors())
                    .extracting(InputError::column)
                    .containsExactlyInAnyOrder(
                            "contract_id",
                            "matricule",
                            "full_name",
                            "price_xof",
                            "first_period",
                            "down_payment_xof",
                            "term_months",
                            "imei");
        }

        @Test
        void aTooLargeDownPaymentIsReportedAlongsideAnInvalidImei() throws Exception {
            // given price and down payment both readable (financed = 40000 − 50000 ≤ 0) and a wrong IMEI:
            // SPEC 5 wants one row per invalid cell, all of them, so both cells are reported
            Cells cells = line("C-1,M-1,Awa Diop,40000,2026-03,50000,12,490154203237517,,");

            assertThat(UNIT_1_TERM_12.parse(cells)).isEmpty();
            assertThat(cells.errors())
                    .extracting(InputError::column)
                    .containsExactlyInAnyOrder("imei", "down_payment_xof");
        }

        @Test
        void theLineIsWhereTheRecordStarts() throws Exception {
            // given a first record spanning lines 2-3 (quoted line break) and a wrong record on line 4
            Path file = dir.resolve("contracts-lines.csv");
            Files.writeString(
                    file,
                    "contract_id,matricule,full_name,price_xof,first_period\n"
                            + "C-1,M-1,\"Awa\nDiop\",150000,2026-03\n"
                            + "C-2,M-2,Ama Lawson,150000,2026-3\n",
                    StandardCharsets.UTF_8);
            Cells second;
            try (CsvInputFile input = CsvInputFile.open(file, ContractParser.REQUIRED, ContractParser.OPTIONAL)) {
                input.next();
                second = new Cells(input.next());
            }

            assertThat(UNIT_1_TERM_12.parse(second)).isEmpty();
            assertThat(second.errors())
                    .extracting(InputError::line, InputError::column, InputError::value)
                    .containsExactly(tuple(4L, "first_period", "2026-3"));
        }
    }
}
