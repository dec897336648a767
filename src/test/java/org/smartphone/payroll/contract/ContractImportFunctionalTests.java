package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.errorCells;
import static org.smartphone.payroll.support.InputFiles.errorRows;
import static org.smartphone.payroll.support.InputFiles.errorsFile;
import static org.smartphone.payroll.support.InputFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The contracts import (SPEC 2, 5, 6) through the real command line, on H2 and PostgreSQL: what
 * reaches the ledger, the exit code, the message and the errors file.
 */
@DisplayName("import-contracts")
class ContractImportFunctionalTests {

    static final String HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,price_xof,"
            + "down_payment_xof,term_months,first_period";
    static final String VALID_IMEI = "358675129686157";

    static Programme programme(Path dir, TestDatabase database) {
        return new Programme(dir.resolve("home"), database);
    }

    static long contracts(Programme programme) {
        return programme.number("SELECT COUNT(*) FROM contract");
    }

    /** contract_id, price, down payment, term, first period, base installment, collected; by contract_id. */
    static List<List<String>> ledger(Programme programme) {
        return programme.query("SELECT c.contract_id, price_xof, down_payment_xof, term_months, first_period,"
                + " base_installment_xof, b.collected_xof FROM contract c"
                + " JOIN contract_balance b ON b.contract_id = c.contract_id ORDER BY c.contract_id");
    }

    @Nested
    @DisplayName("a valid file")
    class ValidFile {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void importsEveryContractWithTheBaseOfItsSchedule(TestDatabase database, @TempDir Path dir) {
            // given three valid contracts, one of them written in lower case
            Programme programme = programme(dir, database);
            Path file = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,MEF,Tecno Spark 20," + VALID_IMEI + ",95000,0,12,2026-01",
                    // financed 120 000 − 20 000 = 100 000 over 10 months → base 10 000
                    "C-2,M-1,Kossi Agbeko,MEF,,,120000,20000,10,2026-02",
                    // financed 45 000 − 36 000 = 9 000 in one installment
                    "c-3,m-2,Ama Kpodar,,,,45000,36000,1,2026-01");

            // when
            Result result = programme.run("import-contracts", "--file", file.toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("3 contracts imported");
            assertThat(contracts(programme)).isEqualTo(3);
            // 95 000 / 12 = 7 916.67 → base 7 916 (the last installment, 7 924, carries the remainder)
            assertThat(ledger(programme))
                    .containsExactly(
                            List.of("C-1", "95000", "0", "12", "2026-01", "7916", "0"),
                            List.of("C-2", "120000", "20000", "10", "2026-02", "10000", "0"),
                            List.of("C-3", "45000", "36000", "1", "2026-01", "9000", "0"));
            assertThat(programme.query("SELECT matricule, COALESCE(imei, '-'), COALESCE(settled_period, '-')"
                            + " FROM contract ORDER BY contract_id"))
                    .containsExactly(
                            List.of("M-1", VALID_IMEI, "-"), List.of("M-1", "-", "-"), List.of("M-2", "-", "-"));
            assertThat(errorsFile(programme, "contracts.csv")).doesNotExist();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theRoundingUnitSettingFixesTheScheduleAtImport(TestDatabase database, @TempDir Path dir) {
            // given a rounding unit of 100 francs, and one contract too small for it
            Programme programme = programme(dir, database).with("PAYROLL_ROUNDING_UNIT", "100");
            Path file = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    // 100 000 / 12 = 8 333.33 → floor(8 333.33 / 100) × 100 = 8 300; the last is 8 700
                    "C-1,M-1,Kossi Agbeko,MEF,,,100000,0,12,2026-01",
                    // 1 000 < 12 × 100: rejected
                    "C-2,M-2,Ama Kpodar,,,,1000,0,12,2026-01");

            // when
            Result result = programme.run("import-contracts", "--file", file.toString(), "--max-rejects", "1");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(ledger(programme)).containsExactly(List.of("C-1", "100000", "0", "12", "2026-01", "8300", "0"));
            assertThat(errorsFile(programme, "contracts.csv")).content().contains("3,term_months,12,");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void emptyOrAbsentOptionalCellsTakeTheirDefaults(TestDatabase database, @TempDir Path dir) {
            // given a file whose down payment and term cells are empty (blank spaces included) ...
            Programme programme = programme(dir, database);
            Path blanks = write(
                    dir.resolve("in"),
                    "contracts-1.csv",
                    HEADER,
                    "D-1,M-1,Afi Mensah,,,,60000,,,2026-01",
                    "D-2,M-2,Yao Mensah,,,,61000, ,\u00A0,2026-01");
            // ... and a file without those columns at all
            Path noColumns = write(
                    dir.resolve("in"),
                    "contracts-2.csv",
                    "contract_id,matricule,full_name,price_xof,first_period",
                    "D-3,M-3,Kodjo Amegah,24000,2026-02");

            // when
            Result first = programme.run("import-contracts", "--file", blanks.toString());
            Result second = programme.run("import-contracts", "--file", noColumns.toString());

            // then down payment 0 and term 12 apply: base = floor(financed / 12)
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(ledger(programme))
                    .containsExactly(
                            List.of("D-1", "60000", "0", "12", "2026-01", "5000", "0"),
                            // 61 000 / 12 = 5 083.33 → 5 083
                            List.of("D-2", "61000", "0", "12", "2026-01", "5083", "0"),
                            List.of("D-3", "24000", "0", "12", "2026-02", "2000", "0"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSampleContractsFileImportsFiftyContractsOfFortyEightCivilServants(
                TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);

            // when
            Result result = programme.run(
                    "import-contracts",
                    "--file",
                    Path.of("sample-data/contracts.csv").toAbsolutePath().toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(contracts(programme)).isEqualTo(50);
            assertThat(programme.number("SELECT COUNT(DISTINCT matricule) FROM contract"))
                    .isEqualTo(48);
            // EXPECTED.md hand checks 1 and 3
            assertThat(
                            programme.query(
                                    "SELECT base_installment_xof, price_xof - down_payment_xof, term_months"
                                            + " FROM contract WHERE contract_id IN ('SP-2026-0001', 'SP-2026-0012') ORDER BY contract_id"))
                    .containsExactly(List.of("7916", "95000", "12"), List.of("9000", "9000", "1"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aHeaderOnlyFileIsAccepted(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);
            Path file = write(dir.resolve("in"), "contracts.csv", HEADER);

            // when
            Result result = programme.run("import-contracts", "--file", file.toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(contracts(programme)).isZero();
        }
    }

    @Nested
    @DisplayName("re-importing a contract")
    class ReImport {

        Path first(Path dir) {
            return write(
                    dir.resolve("in"),
                    "contracts-a.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,MEF,,,120000,,,2026-01",
                    "C-2,M-2,Afi Mensah,MSP,,,60000,0,6,2026-01");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withIdenticalValuesInANewFileIsANoOp(TestDatabase database, @TempDir Path dir) {
            // given C-1 and C-2 imported
            Programme programme = programme(dir, database);
            assertThat(programme
                            .run("import-contracts", "--file", first(dir).toString())
                            .exitCode())
                    .isZero();
            long firstRun = programme.number("SELECT import_run_id FROM contract WHERE contract_id = 'C-1'");
            // and a new file (other bytes: ';', other column order and case, defaults written out, blanks
            // around cells) re-sending C-1 with the same parsed values, plus a new contract C-3
            Path again = write(
                    dir.resolve("in"),
                    "contracts-b.csv",
                    "FIRST_PERIOD;Term_Months;Down_Payment_XOF;Price_XOF;Full_Name;Matricule;Contract_ID;Ministry_Code",
                    "2026-01;12;0;120000; Kossi Agbeko ;m-1;c-1;MEF",
                    "2026-02;12;0;36000;Kodjo Amegah;M-3;C-3;");

            // when
            Result result = programme.run("import-contracts", "--file", again.toString());

            // then C-1 is neither doubled nor changed; only C-3 is new
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("1 contract imported");
            assertThat(errorsFile(programme, "contracts-b.csv")).doesNotExist();
            assertThat(ledger(programme))
                    .containsExactly(
                            List.of("C-1", "120000", "0", "12", "2026-01", "10000", "0"),
                            List.of("C-2", "60000", "0", "6", "2026-01", "10000", "0"),
                            List.of("C-3", "36000", "0", "12", "2026-02", "3000", "0"));
            assertThat(programme.number("SELECT import_run_id FROM contract WHERE contract_id = 'C-1'"))
                    .isEqualTo(firstRun);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withDifferentValuesIsAConflictingLine(TestDatabase database, @TempDir Path dir) {
            // given C-1 imported at 120 000
            Programme programme = programme(dir, database);
            assertThat(programme
                            .run("import-contracts", "--file", first(dir).toString())
                            .exitCode())
                    .isZero();
            Path changed = write(
                    dir.resolve("in"),
                    "contracts-b.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,MEF,,,130000,,,2026-01",
                    "C-3,M-3,Kodjo Amegah,,,,36000,,,2026-02");

            // when
            Result result = programme.run("import-contracts", "--file", changed.toString());

            // then the file is refused as invalid input and nothing changes
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("contracts-b.csv", "line 2", "contract_id", "C-1");
            assertThat(errorCells(programme, "contracts-b.csv")).containsExactly(List.of("2", "contract_id", "C-1"));
            assertThat(errorRows(programme, "contracts-b.csv").get(0).get(3)).containsIgnoringCase("already imported");
            assertThat(ledger(programme))
                    .extracting(row -> row.get(0) + "=" + row.get(1))
                    .containsExactly("C-1=120000", "C-2=60000");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withDifferentValuesWithinMaxRejectsIsSkippedAndTheRestImported(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);
            assertThat(programme
                            .run("import-contracts", "--file", first(dir).toString())
                            .exitCode())
                    .isZero();
            Path changed = write(
                    dir.resolve("in"),
                    "contracts-b.csv",
                    HEADER,
                    "C-1,M-9,Kossi Agbeko,MEF,,,120000,,,2026-01",
                    "C-3,M-3,Kodjo Amegah,,,,36000,,,2026-02");

            // when
            Result result = programme.run("import-contracts", "--file", changed.toString(), "--max-rejects", "1");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "contracts-b.csv")).containsExactly(List.of("2", "contract_id", "C-1"));
            assertThat(programme.query("SELECT contract_id, matricule FROM contract ORDER BY contract_id"))
                    .containsExactly(List.of("C-1", "M-1"), List.of("C-2", "M-2"), List.of("C-3", "M-3"));
        }
    }

    @Nested
    @DisplayName("every rule in one file, checked against the ledger a few lines at a time")
    class EveryRuleAtOnce {

        /** C-1 and C-2 imported and 2026-01 deducted; lookups of two lines at a time. */
        Programme deducted(Path dir, TestDatabase database) {
            Programme programme = programme(dir, database).with("PAYROLL_BATCH_SIZE", "2");
            Path first = write(
                    dir.resolve("in"),
                    "contracts-a.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,MEF,,,120000,,,2026-01",
                    "C-2,M-2,Afi Mensah,MSP,,,60000,0,6,2026-01");
            assertThat(programme
                            .run("import-contracts", "--file", first.toString())
                            .exitCode())
                    .isZero();
            Path register = write(
                    dir.resolve("in"),
                    "payroll-2026-01.csv",
                    "period,matricule,net_pay_xof,employment_status",
                    "2026-01,M-1,90000,ACTIVE",
                    "2026-01,M-2,90000,ACTIVE");
            assertThat(programme
                            .run("deduct", "--period", "2026-01", "--file", register.toString())
                            .exitCode())
                    .isZero();
            return programme;
        }

        Path mixed(Path dir) {
            return write(
                    dir.resolve("in"),
                    "contracts-b.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,MEF,,,120000,,,2026-01", // 2: a repeat of C-1: a no-op
                    "C-2,M-2,Afi Mensah,MSP,,,65000,0,6,2026-01", // 3: differs from C-2, but C-2 is twice here
                    "C-5,M-5,Yawa Dzidzor,,,,50000,,,2026-03", // 4: new
                    "C-6,M-6,Kofi Mensah,,,,50000,,,2026-01", // 5: starts in the deducted period
                    "C-7,M-7,Ama Kpodar,,,,50000,,,2026-02", // 6: C-7 twice
                    "C-7,M-7,Ama Kpodar,,,,50000,,,2026-02", // 7
                    "C-2,M-2,Afi Mensah,MSP,,,60000,0,6,2026-01", // 8: same as the ledger's C-2, but twice here
                    "C-8,M-8,,,,,50000,,,2026-02", // 9: no name, and C-8 again on line 10
                    "c-8,M-8,Edem Kuma,,,,50000,,,2026-02", // 10
                    "C-9,M-9,Efua Sena,,,,40000,,,2026-04"); // 11: new
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void eachLineGetsTheErrorsSpecTwoGivesAndOnlyTheNewContractsAreImported(
                TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = deducted(dir, database);

            // when: seven invalid lines, one more than allowed, then exactly as many as allowed
            Result refused =
                    programme.run("import-contracts", "--file", mixed(dir).toString(), "--max-rejects", "6");
            List<List<String>> ledgerAfterRefusal = ledger(programme);
            Result result =
                    programme.run("import-contracts", "--file", mixed(dir).toString(), "--max-rejects", "7");

            // then the refusal changed nothing
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.stderr()).contains("7 invalid line(s)");
            assertThat(ledgerAfterRefusal).extracting(row -> row.get(0)).containsExactly("C-1", "C-2");
            // and a repeated contract_id gets only that error (line 3 is no conflict, line 8 no repeat), an
            // invalid line counts as a carrier of its id (lines 9 and 10), a repeat of C-1 is no error
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("2 contracts imported");
            assertThat(errorCells(programme, "contracts-b.csv"))
                    .containsExactly(
                            List.of("3", "contract_id", "C-2"),
                            List.of("5", "first_period", "2026-01"),
                            List.of("6", "contract_id", "C-7"),
                            List.of("7", "contract_id", "C-7"),
                            List.of("8", "contract_id", "C-2"),
                            List.of("9", "full_name", ""),
                            List.of("9", "contract_id", "C-8"),
                            List.of("10", "contract_id", "C-8"));
            assertThat(errorRows(programme, "contracts-b.csv").get(0).get(3))
                    .isEqualTo("The contract_id C-2 appears twice in this file (lines 3 and 8); none of these"
                            + " lines is imported.");
            assertThat(ledger(programme))
                    .containsExactly(
                            List.of("C-1", "120000", "0", "12", "2026-01", "10000", "0"),
                            List.of("C-2", "60000", "0", "6", "2026-01", "10000", "0"),
                            List.of("C-5", "50000", "0", "12", "2026-03", "4166", "0"),
                            List.of("C-9", "40000", "0", "12", "2026-04", "3333", "0"));
        }
    }

    @Nested
    @DisplayName("a contract_id twice in one file")
    class DuplicateInOneFile {

        Path file(Path dir) {
            return write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,,,,120000,,,2026-01",
                    "C-2,M-2,Afi Mensah,,,,60000,,,2026-01",
                    "c-1,M-1,Kossi Agbeko,,,,90000,,,2026-01");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void makesAllItsLinesInvalid(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);

            // when
            Result result =
                    programme.run("import-contracts", "--file", file(dir).toString());

            // then both lines are listed (ids compare upper-cased) and nothing is imported
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("contracts.csv", "line 2", "contract_id");
            List<List<String>> errors = errorCells(programme, "contracts.csv");
            assertThat(errors)
                    .extracting(e -> e.get(0) + "," + e.get(1))
                    .containsExactly("2,contract_id", "4,contract_id");
            assertThat(errors).extracting(e -> e.get(2).toUpperCase()).containsOnly("C-1");
            assertThat(contracts(programme)).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withinMaxRejectsOnlyTheOtherLinesAreImported(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);

            // when
            Result result =
                    programme.run("import-contracts", "--file", file(dir).toString(), "--max-rejects", "2");

            // then neither C-1 line wins
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "contracts.csv"))
                    .extracting(e -> e.get(0))
                    .containsExactly("2", "4");
            assertThat(programme.query("SELECT contract_id FROM contract")).containsExactly(List.of("C-2"));
        }
    }

    @Nested
    @DisplayName("a file that failed")
    class AfterAFailure {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void canBeRunAgainWithinMaxRejects(TestDatabase database, @TempDir Path dir) {
            // given a file that failed with exit 2 (two invalid lines, one bad cell each)
            Programme programme = programme(dir, database);
            Path file = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-1,M-1,Kossi Agbeko,,,,120000,,,2026-01",
                    "C-2,M-2,Afi Mensah,,,,60 00,,,2026-01",
                    "C-3,M-3,Yao Amegah,,,,60000,,61,2026-01");
            assertThat(programme
                            .run("import-contracts", "--file", file.toString())
                            .exitCode())
                    .isEqualTo(2);

            // when the same file is run again, tolerating two invalid lines
            Result result = programme.run("import-contracts", "--file", file.toString(), "--max-rejects", "2");

            // then (SPEC 5: after exit 2 the next command starts afresh)
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "contracts.csv"))
                    .containsExactly(List.of("3", "price_xof", "60 00"), List.of("4", "term_months", "61"));
            assertThat(programme.query("SELECT contract_id FROM contract")).containsExactly(List.of("C-1"));
        }
    }

    @Nested
    @DisplayName("invalid lines and max-rejects")
    class InvalidLines {

        /**
         * Physical lines: 1 header; 2–3 one record (a quoted name holding a line break), valid; 4 bad
         * price; 5 valid; 6 three bad cells (matricule with a space, IMEI failing Luhn, month 13).
         */
        Path file(Path dir) {
            return write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-1,M-1,\"Ama",
                    "Kpodar\",MEF,,,120000,,,2026-01",
                    "C-2,M-2,Kofi Mensah,,,,12.5,,,2026-01",
                    "C-3,M-3,Afi Mensah,,,,60000,,,2026-01",
                    "C-4,M 4,Yao Amegah,,,123456789012345,60000,,,2026-13");
        }

        List<List<String>> expectedErrors() {
            return List.of(
                    List.of("4", "price_xof", "12.5"),
                    List.of("6", "matricule", "M 4"),
                    List.of("6", "imei", "123456789012345"),
                    List.of("6", "first_period", "2026-13"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void beyondTheDefaultOfZeroFailTheFileAndAllAreListed(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);

            // when
            Result result =
                    programme.run("import-contracts", "--file", file(dir).toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("contracts.csv", "line 4", "price_xof", "12.5");
            assertThat(errorCells(programme, "contracts.csv")).containsExactlyInAnyOrderElementsOf(expectedErrors());
            assertThat(contracts(programme)).isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withinMaxRejectsTheValidLinesAreImported(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);

            // when
            Result result =
                    programme.run("import-contracts", "--file", file(dir).toString(), "--max-rejects", "2");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "contracts.csv")).containsExactlyInAnyOrderElementsOf(expectedErrors());
            assertThat(programme.query("SELECT contract_id, full_name FROM contract ORDER BY contract_id"))
                    .containsExactly(List.of("C-1", "Ama\nKpodar"), List.of("C-3", "Afi Mensah"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theMaxRejectsSettingIsHonoured(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database).with("PAYROLL_MAX_REJECTS", "2");

            // when
            Result result =
                    programme.run("import-contracts", "--file", file(dir).toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(contracts(programme)).isEqualTo(2);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void maxRejectsCountsInvalidLinesNotInvalidCells(TestDatabase database, @TempDir Path dir) {
            // given one invalid line with three invalid cells
            Programme programme = programme(dir, database);
            Path file = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-3,M-3,Afi Mensah,,,,60000,,,2026-01",
                    "C-4,M 4,Yao Amegah,,,123456789012345,60000,,,2026-13");

            // when one invalid line is tolerated
            Result result = programme.run("import-contracts", "--file", file.toString(), "--max-rejects", "1");

            // then (SPEC 5: invalid lines within max-rejects are skipped; the option is "invalid lines tolerated")
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "contracts.csv"))
                    .extracting(e -> e.get(0))
                    .containsOnly("3")
                    .hasSize(3);
            assertThat(programme.query("SELECT contract_id FROM contract")).containsExactly(List.of("C-3"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theErrorsFileOfAnEarlierAttemptIsReplaced(TestDatabase database, @TempDir Path dir) {
            // given a failed attempt that listed four errors
            Programme programme = programme(dir, database);
            assertThat(programme
                            .run("import-contracts", "--file", file(dir).toString())
                            .exitCode())
                    .isEqualTo(2);
            // and the file corrected except for one line
            Path fixed = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    HEADER,
                    "C-1,M-1,Ama Kpodar,MEF,,,120000,,,2026-01",
                    "C-2,M-2,Kofi Mensah,,,,12 500.50,,,2026-01");

            // when
            Result result = programme.run("import-contracts", "--file", fixed.toString());

            // then only the remaining error is listed
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(errorCells(programme, "contracts.csv")).containsExactly(List.of("3", "price_xof", "12 500.50"));
        }
    }

    @Nested
    @DisplayName("a file already processed")
    class AlreadyProcessed {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void isRefusedWithExitThree(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = programme(dir, database);
            Path file = write(dir.resolve("in"), "contracts.csv", HEADER, "C-1,M-1,Ama Kpodar,,,,120000,,,2026-01");
            assertThat(programme
                            .run("import-contracts", "--file", file.toString())
                            .exitCode())
                    .isZero();

            // when the same bytes come again
            Result result = programme.run("import-contracts", "--file", file.toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("contracts.csv").containsIgnoringCase("already processed");
            assertThat(contracts(programme)).isEqualTo(1);
            assertThat(file).exists();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void takenFromTheInboxIsMovedToRejected(TestDatabase database, @TempDir Path dir) {
            // given a file imported from the inbox
            Programme programme = programme(dir, database);
            Path file = write(dir.resolve("in"), "contracts.csv", HEADER, "C-1,M-1,Ama Kpodar,,,,120000,,,2026-01");
            programme.drop(file, "contracts.csv");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            // and the same bytes dropped again under another name
            programme.drop(file, "contracts-again.csv");

            // when
            Result result = programme.run("import-contracts");

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("contracts-again.csv");
            assertThat(programme.inbox().resolve("contracts-again.csv")).doesNotExist();
            assertThat(programme.rejected().resolve("contracts-again.csv")).hasSameBinaryContentAs(file);
            // "with that reason": some file next to it says why
            assertThat(InputFiles.list(programme.rejected()))
                    .filteredOn(p -> !p.toString().equals("contracts-again.csv"))
                    .anySatisfy(p -> assertThat(new String(
                                    InputFiles.bytes(programme.rejected().resolve(p)),
                                    java.nio.charset.StandardCharsets.UTF_8))
                            .containsIgnoringCase("already processed"));
            assertThat(contracts(programme)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("the default mode (inbox)")
    class InboxMode {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void importsEveryContractsFileInNameOrderAndArchivesIt(TestDatabase database, @TempDir Path dir) {
            // given two contracts files (dropped in reverse order) and an unrelated file
            Programme programme = programme(dir, database);
            Path b = write(dir.resolve("in"), "b.csv", HEADER, "C-2,M-2,Afi Mensah,,,,60000,,,2026-01");
            Path a = write(dir.resolve("in"), "a.csv", HEADER, "C-1,M-1,Ama Kpodar,,,,120000,,,2026-01");
            Path other = write(dir.resolve("in"), "other.csv", HEADER, "C-9,M-9,Nobody,,,,60000,,,2026-01");
            programme.drop(b, "contracts-2026-02.csv");
            programme.drop(a, "contracts-2026-01.csv");
            programme.drop(other, "other.csv");

            // when
            Result result = programme.run("import-contracts");

            // then each file is its own run, in name order, then archived
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(programme.query("SELECT input_name, state FROM payroll_run ORDER BY run_id"))
                    .containsExactly(
                            List.of("contracts-2026-01.csv", "COMPLETED"),
                            List.of("contracts-2026-02.csv", "COMPLETED"));
            assertThat(programme.query("SELECT contract_id FROM contract ORDER BY import_run_id"))
                    .containsExactly(List.of("C-1"), List.of("C-2"));
            assertThat(InputFiles.list(programme.inbox())).containsExactly(Path.of("other.csv"));
            assertThat(programme.archive().resolve("contracts").resolve("contracts-2026-01.csv"))
                    .hasSameBinaryContentAs(a);
            assertThat(programme.archive().resolve("contracts").resolve("contracts-2026-02.csv"))
                    .hasSameBinaryContentAs(b);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aNameAlreadyInTheArchiveGetsTheStartOfTheDigestAppended(TestDatabase database, @TempDir Path dir) {
            // given contracts.csv imported and archived
            Programme programme = programme(dir, database);
            Path a = write(dir.resolve("in"), "a.csv", HEADER, "C-1,M-1,Ama Kpodar,,,,120000,,,2026-01");
            Path b = write(dir.resolve("in"), "b.csv", HEADER, "C-2,M-2,Afi Mensah,,,,60000,,,2026-01");
            programme.drop(a, "contracts.csv");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            // and another file of the same name
            programme.drop(b, "contracts.csv");

            // when
            Result result = programme.run("import-contracts");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            Path archive = programme.archive().resolve("contracts");
            String digest = OutputFiles.sha256(b).substring(0, 12);
            assertThat(archive.resolve("contracts.csv")).hasSameBinaryContentAs(a);
            List<Path> archived = InputFiles.list(archive);
            assertThat(archived).hasSize(2).contains(Path.of("contracts.csv"));
            Path second = archived.stream()
                    .filter(p -> !p.toString().equals("contracts.csv"))
                    .findFirst()
                    .orElseThrow();
            assertThat(second.toString()).startsWith("contracts").contains(digest);
            assertThat(archive.resolve(second)).hasSameBinaryContentAs(b);
            assertThat(programme.inbox().resolve("contracts.csv")).doesNotExist();
            assertThat(contracts(programme)).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("a first_period not after the last deducted period")
    class FirstPeriodTooEarly {

        Programme deducted(Path dir, TestDatabase database) {
            Programme programme = programme(dir, database);
            Path contracts =
                    write(dir.resolve("in"), "contracts.csv", HEADER, "C-1,M-1,Ama Kpodar,,,,120000,,,2026-01");
            assertThat(programme
                            .run("import-contracts", "--file", contracts.toString())
                            .exitCode())
                    .isZero();
            Path register = write(
                    dir.resolve("in"),
                    "payroll-2026-01.csv",
                    "period,matricule,net_pay_xof,employment_status",
                    "2026-01,M-1,90000,ACTIVE");
            Result deduct = programme.run("deduct", "--period", "2026-01", "--file", register.toString());
            assertThat(deduct.exitCode()).as(deduct.toString()).isZero();
            return programme;
        }

        Path late(Path dir) {
            return write(
                    dir.resolve("in"),
                    "contracts-late.csv",
                    HEADER,
                    "C-2,M-2,Afi Mensah,,,,60000,,,2026-01",
                    "C-3,M-3,Kofi Mensah,,,,60000,,,2025-11",
                    "C-4,M-4,Yao Amegah,,,,60000,,,2026-02");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void isAnInvalidLine(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted
            Programme programme = deducted(dir, database);

            // when contracts starting in 2026-01 and 2025-11 come in
            Result result =
                    programme.run("import-contracts", "--file", late(dir).toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("contracts-late.csv", "line 2", "first_period", "2026-01");
            assertThat(errorCells(programme, "contracts-late.csv"))
                    .containsExactly(List.of("2", "first_period", "2026-01"), List.of("3", "first_period", "2025-11"));
            assertThat(contracts(programme)).isEqualTo(1);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withinMaxRejectsTheContractsStartingLaterAreImported(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = deducted(dir, database);

            // when
            Result result =
                    programme.run("import-contracts", "--file", late(dir).toString(), "--max-rejects", "2");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(programme.query("SELECT contract_id FROM contract ORDER BY contract_id"))
                    .containsExactly(List.of("C-1"), List.of("C-4"));
        }
    }

    @Nested
    @DisplayName("a missing required column")
    class MissingColumn {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void failsTheWholeFileOnLineOne(TestDatabase database, @TempDir Path dir) {
            // given a header without price_xof
            Programme programme = programme(dir, database);
            Path file = write(
                    dir.resolve("in"),
                    "contracts.csv",
                    "contract_id,matricule,full_name,first_period",
                    "C-1,M-1,Ama Kpodar,2026-01");

            // when
            Result result = programme.run("import-contracts", "--file", file.toString());

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("contracts.csv", "line 1", "price_xof");
            List<List<String>> errors = errorRows(programme, "contracts.csv");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get(0)).isEqualTo("1");
            assertThat(errors.get(0).get(3)).contains("price_xof");
            assertThat(contracts(programme)).isZero();
            assertThat(Files.exists(file)).isTrue();
        }
    }
}
