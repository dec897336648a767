package org.smartphone.payroll.deduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.body;
import static org.smartphone.payroll.support.InputFiles.bytes;
import static org.smartphone.payroll.support.InputFiles.errorCells;
import static org.smartphone.payroll.support.InputFiles.errorRows;
import static org.smartphone.payroll.support.InputFiles.errorsFile;
import static org.smartphone.payroll.support.InputFiles.write;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The deduction run (SPEC 3, 5, 6) through the real command line, on H2 and PostgreSQL: state
 * refusals, the payroll register's invalid lines, and the deduction order and exceptions of small
 * cases computed by hand.
 */
@DisplayName("deduct")
class DeductionFunctionalTests {

    static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status,full_name,ministry_code";
    static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";

    /** A programme with the given contracts imported. */
    static Programme withContracts(Path dir, String home, TestDatabase database, String... contractLines) {
        Programme programme = new Programme(dir.resolve(home), database);
        String[] lines = new String[contractLines.length + 1];
        lines[0] = CONTRACTS_HEADER;
        System.arraycopy(contractLines, 0, lines, 1, contractLines.length);
        Path contracts = write(dir.resolve("in"), "contracts.csv", lines);
        Result result = programme.run("import-contracts", "--file", contracts.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return programme;
    }

    static Programme withContracts(Path dir, TestDatabase database, String... contractLines) {
        return withContracts(dir, "home", database, contractLines);
    }

    static Path register(Path dir, String name, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = REGISTER_HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(dir.resolve("in"), name, lines);
    }

    static Result deduct(Programme programme, String period, Path file, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "deduct";
        args[1] = "--period";
        args[2] = period;
        args[3] = "--file=" + file;
        System.arraycopy(more, 0, args, 4, more.length);
        return programme.run(args);
    }

    static Path deductions(Programme programme, String period) {
        return programme.outbox(period).resolve("deductions-" + period + ".csv");
    }

    static Path exceptions(Programme programme, String period) {
        return programme.outbox(period).resolve("deduction-exceptions-" + period + ".csv");
    }

    static long deductionLines(Programme programme) {
        return programme.number("SELECT COUNT(*) FROM deduction_line");
    }

    static final String ONE_CONTRACT = "K-1,M-1,Ama Kpodar,MEF,,,120000,,12,2026-01";

    @Nested
    @DisplayName("is refused by state (exit 3, nothing changes, checked before the file is read)")
    class StateRefusals {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void whenTheSamePeriodWasAlreadyDeducted(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted
            Programme programme = withContracts(dir, database, ONE_CONTRACT);
            assertThat(deduct(programme, "2026-01", register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,"))
                            .exitCode())
                    .isZero();
            byte[] order = bytes(deductions(programme, "2026-01"));
            List<List<String>> lines = programme.query("SELECT contract_id, due_xof, amount_xof FROM deduction_line");
            Path other = register(dir, "payroll-2026-01-corrected.csv", "2026-01,M-1,30000,ACTIVE,,");

            // when it is run again, with another register, and with a register that does not exist
            Result again = deduct(programme, "2026-01", other);
            Result missing = deduct(programme, "2026-01", dir.resolve("in/no-such-file.csv"));

            // then
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
            assertThat(again.stderr()).contains("2026-01").containsIgnoringCase("already completed");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(bytes(deductions(programme, "2026-01"))).isEqualTo(order);
            assertThat(programme.query("SELECT contract_id, due_xof, amount_xof FROM deduction_line"))
                    .isEqualTo(lines);
            assertThat(errorsFile(programme, "payroll-2026-01-corrected.csv")).doesNotExist();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void whenThePeriodIsNotTheMonthAfterTheLastDeducted(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted and reconciled
            Programme programme = withContracts(dir, database, ONE_CONTRACT);
            assertThat(deduct(programme, "2026-01", register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,"))
                            .exitCode())
                    .isZero();
            Path ret = write(dir.resolve("in"), "withheld-2026-01.csv", RETURN_HEADER, "2026-01,K-1,M-1,10000");
            assertThat(programme
                            .run("reconcile", "--period", "2026-01", "--file", ret.toString())
                            .exitCode())
                    .isZero();
            // and the register of 2026-03 waiting in the inbox
            programme.drop(register(dir, "march.csv", "2026-03,M-1,90000,ACTIVE,,"), "payroll-2026-03.csv");

            // when 2026-03 is run before 2026-02, from the inbox and with a missing file
            Result skipped = programme.run("deduct", "--period", "2026-03");
            Result missing = deduct(programme, "2026-03", dir.resolve("in/no-such-file.csv"));
            Result earlier = programme.run(
                    "deduct",
                    "--period",
                    "2025-12",
                    "--file",
                    register(dir, "december.csv", "2025-12,M-1,90000,ACTIVE,,").toString());

            // then
            assertThat(skipped.exitCode()).as(skipped.toString()).isEqualTo(3);
            assertThat(skipped.stderr()).contains("2026-03", "2026-02");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(earlier.exitCode()).as(earlier.toString()).isEqualTo(3);
            assertThat(programme.outbox("2026-03")).doesNotExist();
            assertThat(programme.outbox("2025-12")).doesNotExist();
            assertThat(programme.inbox().resolve("payroll-2026-03.csv")).exists();
            assertThat(programme.rejected().resolve("payroll-2026-03.csv")).doesNotExist();
            assertThat(programme.query("SELECT DISTINCT period FROM deduction_line"))
                    .containsExactly(List.of("2026-01"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void whenTheLastDeductedPeriodIsNotReconciled(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted but not reconciled
            Programme programme = withContracts(dir, database, ONE_CONTRACT);
            assertThat(deduct(programme, "2026-01", register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,"))
                            .exitCode())
                    .isZero();
            long runs = programme.number("SELECT COUNT(*) FROM payroll_run");

            // when 2026-02 is run, with its register and with a missing file
            Result result =
                    deduct(programme, "2026-02", register(dir, "payroll-2026-02.csv", "2026-02,M-1,90000,ACTIVE,,"));
            Result missing = deduct(programme, "2026-02", dir.resolve("in/no-such-file.csv"));

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("2026-01").containsIgnoringCase("reconcile");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(programme.outbox("2026-02")).doesNotExist();
            assertThat(programme.number("SELECT COUNT(*) FROM payroll_run")).isEqualTo(runs);
            assertThat(programme.query("SELECT DISTINCT period FROM deduction_line"))
                    .containsExactly(List.of("2026-01"));
        }
    }

    @Nested
    @DisplayName("an invalid payroll register")
    class InvalidRegister {

        static final String[] CONTRACTS = {
            "K-1,M-1,Ama Kpodar,,,,120000,,12,2026-01", "K-2,M-2,Kofi Mensah,,,,60000,,12,2026-01"
        };

        void assertNothingChanged(Programme programme) {
            assertThat(programme.outbox("2026-01")).doesNotExist();
            assertThat(deductionLines(programme)).isZero();
            assertThat(programme.number(
                            "SELECT COUNT(*) FROM payroll_run WHERE kind = 'DEDUCTION'" + " AND state = 'COMPLETED'"))
                    .isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isEqualTo(1); // the contracts
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aRowOfAnotherPeriodIsAnInvalidLine(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file =
                    register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,", "2026-02,M-2,60000,ACTIVE,,");

            // when
            Result result = deduct(programme, "2026-01", file);

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("payroll-2026-01.csv", "line 3", "period", "2026-02");
            assertThat(errorCells(programme, "payroll-2026-01.csv")).containsExactly(List.of("3", "period", "2026-02"));
            assertNothingChanged(programme);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aSkippedLineWithinMaxRejectsLeavesThatPersonAbsentFromThePayroll(
                TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file =
                    register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,", "2026-02,M-2,60000,ACTIVE,,");

            // when
            Result result = deduct(programme, "2026-01", file, "--max-rejects", "1");

            // then K-2 (60 000 / 12 = 5 000) is NOT_IN_PAYROLL
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "payroll-2026-01.csv")).containsExactly(List.of("3", "period", "2026-02"));
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(List.of("2026-01", "M-1", "K-1", "Ama Kpodar", "SMARTPHONE", "10000")));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-2", "K-2", "Kofi Mensah", "5000", "0", "5000", "NOT_IN_PAYROLL")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSameRegisterCanBeRunAgainWithinMaxRejectsAfterExitTwo(TestDatabase database, @TempDir Path dir) {
            // given a register that failed with exit 2
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file =
                    register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,", "2026-01,M-2,60000,WORKING,,");
            assertThat(deduct(programme, "2026-01", file).exitCode()).isEqualTo(2);

            // when it is run again tolerating one invalid line
            Result result = deduct(programme, "2026-01", file, "--max-rejects", "1");

            // then (SPEC 5: after exit 2 the next command starts afresh)
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "payroll-2026-01.csv"))
                    .containsExactly(List.of("3", "employment_status", "WORKING"));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-2", "K-2", "Kofi Mensah", "5000", "0", "5000", "NOT_IN_PAYROLL")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void maxRejectsCountsInvalidLinesNotInvalidCells(TestDatabase database, @TempDir Path dir) {
            // given one invalid line (line 3) with two invalid cells
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file =
                    register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,", "2026-01,M-2,12.5,WORKING,,");

            // when one invalid line is tolerated
            Result result = deduct(programme, "2026-01", file, "--max-rejects", "1");

            // then (SPEC 5: invalid lines within max-rejects are skipped and listed, one row per invalid cell)
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "payroll-2026-01.csv"))
                    .containsExactlyInAnyOrder(
                            List.of("3", "net_pay_xof", "12.5"), List.of("3", "employment_status", "WORKING"));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-2", "K-2", "Kofi Mensah", "5000", "0", "5000", "NOT_IN_PAYROLL")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aContractHolderTwiceMakesBothLinesInvalid(TestDatabase database, @TempDir Path dir) {
            // given M-1 on lines 2 and 4 (the second time in lower case)
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file = register(
                    dir,
                    "payroll-2026-01.csv",
                    "2026-01,M-1,90000,ACTIVE,,",
                    "2026-01,M-2,60000,ACTIVE,,",
                    "2026-01,m-1,95000,ACTIVE,,");

            // when
            Result result = deduct(programme, "2026-01", file);

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("payroll-2026-01.csv", "line 2", "matricule", "M-1");
            List<List<String>> errors = errorCells(programme, "payroll-2026-01.csv");
            assertThat(errors).extracting(e -> e.get(0) + "," + e.get(1)).containsExactly("2,matricule", "4,matricule");
            assertThat(errors).extracting(e -> e.get(2).toUpperCase()).containsOnly("M-1");
            assertNothingChanged(programme);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aContractHolderTwiceWithinMaxRejectsIsAbsentFromThePayroll(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file = register(
                    dir,
                    "payroll-2026-01.csv",
                    "2026-01,M-1,90000,ACTIVE,,",
                    "2026-01,M-2,60000,ACTIVE,,",
                    "2026-01,M-1,95000,ACTIVE,,");

            // when
            Result result = deduct(programme, "2026-01", file, "--max-rejects", "2");

            // then K-1 (120 000 / 12 = 10 000) is NOT_IN_PAYROLL; K-2 gets its 5 000
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(List.of("2026-01", "M-2", "K-2", "Kofi Mensah", "SMARTPHONE", "5000")));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-1", "K-1", "Ama Kpodar", "10000", "0", "10000", "NOT_IN_PAYROLL")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aRegisterWithNoDataRowIsInvalid(TestDatabase database, @TempDir Path dir) {
            // given a header-only register in the inbox
            Programme programme = withContracts(dir, database, CONTRACTS);
            programme.drop(register(dir, "empty.csv"), "payroll-2026-01.csv");

            // when
            Result result = programme.run("deduct", "--period", "2026-01");

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("payroll-2026-01.csv");
            List<List<String>> errors = errorRows(programme, "payroll-2026-01.csv");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get(0)).isEqualTo("1");
            assertThat(errors.get(0).get(3)).isNotBlank();
            assertNothingChanged(programme);
            assertThat(programme.inbox().resolve("payroll-2026-01.csv")).exists();
        }
    }

    @Nested
    @DisplayName("a small case computed by hand")
    class HandComputed {

        /**
         * Schedules (base = floor(financed / term)):
         * Z-9 24 000 / 12 = 2 000 from 2025-12; A-1 150 000 / 10 = 15 000; A-2 36 000 / 6 = 6 000;
         * C-3 48 000 / 12 = 4 000; D-4 30 000 / 12 = 2 500; E-5 12 000 / 12 = 1 000;
         * F-6 95 000 / 12 = 7 916.67 → 7 916; G-7 starts in 2026-02 (nothing due in 2026-01).
         */
        static final String[] CONTRACTS = {
            "Z-9,M-100,Kofi Mensah,MEF,,,24000,,12,2025-12",
            "A-1,M-100,Kofi Mensah,MEF,,,150000,,10,2026-01",
            "A-2,M-100,Kofi Mensah,MEF,,,36000,,6,2026-01",
            "C-3,M-200,Afi Mensah,MSP,,,48000,,12,2026-01",
            "D-4,M-300,Yao Amegah,,,,30000,,12,2026-01",
            "E-5,M-400,Ama Kpodar,,,,12000,,12,2026-01",
            "F-6,M-500,Kossi Agbeko,,,,95000,,12,2026-01",
            "G-7,M-600,Essi Pali,,,,60000,,12,2026-02"
        };

        /** M-200 is absent; N-1 (no contract) appears twice; N-2 (no contract) has a negative pay. */
        static Path register(Path dir) {
            return DeductionFunctionalTests.register(
                    dir,
                    "payroll-2026-01.csv",
                    "2026-01,M-100,60000,ACTIVE,Kofi Mensah,MEF",
                    "2026-01,M-300,80000,Suspended,Yao Amegah,",
                    "2026-01,M-400,0,ACTIVE,Ama Kpodar,",
                    "2026-01,M-500,100000,ACTIVE,Kossi Agbeko,",
                    "2026-01,M-600,50000,ACTIVE,Essi Pali,",
                    "2026-01,N-1,40000,ACTIVE,Nobody One,",
                    "2026-01,N-1,41000,RETIRED,Nobody One,",
                    "2026-01,N-2,-5 000,LEFT,Nobody Two,");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void writesTheDeductionOrderAndTheExceptions(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, CONTRACTS);

            // when
            Result result = deduct(programme, "2026-01", register(dir));

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorsFile(programme, "payroll-2026-01.csv")).doesNotExist();
            // M-100, net 60 000 → capacity floor(60 000 / 3) = 20 000, served by (first_period, contract_id):
            //   Z-9 (2025-12): scheduled(2026-01) = 2 × 2 000 = 4 000 → due 4 000 (arrears part 2 000) → 4 000, left 16
            // 000
            //   A-1 (2026-01): due 15 000 → 15 000, left 1 000
            //   A-2 (2026-01): due 6 000 → 1 000, shortfall 5 000, CAPPED
            // M-200 absent → C-3 due 4 000, amount 0, NOT_IN_PAYROLL
            // M-300 SUSPENDED → D-4 due 2 500, amount 0, EMPLOYEE_SUSPENDED
            // M-400 ACTIVE, net 0 → capacity 0 → E-5 due 1 000, amount 0, CAPPED
            // M-500 net 100 000 → capacity 33 333 → F-6 due 7 916 → 7 916
            // M-600: G-7 starts in 2026-02 → no line anywhere
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(
                            List.of("2026-01", "M-100", "A-1", "Kofi Mensah", "SMARTPHONE", "15000"),
                            List.of("2026-01", "M-100", "A-2", "Kofi Mensah", "SMARTPHONE", "1000"),
                            List.of("2026-01", "M-500", "F-6", "Kossi Agbeko", "SMARTPHONE", "7916"),
                            List.of("2026-01", "M-100", "Z-9", "Kofi Mensah", "SMARTPHONE", "4000")));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(
                            List.of("2026-01", "M-100", "A-2", "Kofi Mensah", "6000", "1000", "5000", "CAPPED"),
                            List.of("2026-01", "M-200", "C-3", "Afi Mensah", "4000", "0", "4000", "NOT_IN_PAYROLL"),
                            List.of("2026-01", "M-300", "D-4", "Yao Amegah", "2500", "0", "2500", "EMPLOYEE_SUSPENDED"),
                            List.of("2026-01", "M-400", "E-5", "Ama Kpodar", "1000", "0", "1000", "CAPPED")));
            assertThat(programme.query("SELECT contract_id, due_xof, arrears_part_xof, amount_xof FROM deduction_line"
                            + " ORDER BY contract_id"))
                    .containsExactly(
                            List.of("A-1", "15000", "0", "15000"),
                            List.of("A-2", "6000", "0", "1000"),
                            List.of("C-3", "4000", "0", "0"),
                            List.of("D-4", "2500", "0", "0"),
                            List.of("E-5", "1000", "0", "0"),
                            List.of("F-6", "7916", "0", "7916"),
                            List.of("Z-9", "4000", "2000", "4000"));
            // nothing is posted by a deduction run
            assertThat(programme.number("SELECT SUM(collected_xof) FROM contract_balance"))
                    .isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theManifestNamesTheInputAndCountsAndTotalsEachFile(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, CONTRACTS);
            Path file = register(dir);

            // when
            assertThat(deduct(programme, "2026-01", file).exitCode()).isZero();

            // then (the totals of the rows above: 15 000 + 1 000 + 7 916 + 4 000 = 27 916 ordered;
            // exceptions: due 6 000 + 4 000 + 2 500 + 1 000 = 13 500, amount 1 000, shortfall 12 500)
            JsonNode manifest = InputFiles.json(programme.outbox("2026-01").resolve("deduction-2026-01.manifest.json"));
            assertThat(manifest.path("input").path("name").asText()).isEqualTo("payroll-2026-01.csv");
            assertThat(manifest.path("input").path("sha256").asText()).isEqualTo(OutputFiles.sha256(file));
            JsonNode order = output(manifest, "deductions-2026-01.csv");
            assertThat(order.path("records").asLong()).isEqualTo(4);
            assertThat(order.path("totals").path("amount_xof").asLong()).isEqualTo(27916);
            assertThat(order.path("sha256").asText()).isEqualTo(OutputFiles.sha256(deductions(programme, "2026-01")));
            JsonNode exceptions = output(manifest, "deduction-exceptions-2026-01.csv");
            assertThat(exceptions.path("records").asLong()).isEqualTo(4);
            assertThat(exceptions.path("totals").path("due_xof").asLong()).isEqualTo(13500);
            assertThat(exceptions.path("totals").path("amount_xof").asLong()).isEqualTo(1000);
            assertThat(exceptions.path("totals").path("shortfall_xof").asLong()).isEqualTo(12500);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void identicalInputsGiveByteIdenticalOutputsOnTwoFreshHomes(TestDatabase database, @TempDir Path dir) {
            // given two fresh homes with the same contracts
            Programme first = withContracts(dir, "home-1", database, CONTRACTS);
            Programme second = withContracts(dir, "home-2", database, CONTRACTS);

            // when each runs the same register
            assertThat(deduct(first, "2026-01", register(dir)).exitCode()).isZero();
            assertThat(deduct(second, "2026-01", register(dir)).exitCode()).isZero();

            // then
            for (String name : List.of(
                    "deductions-2026-01.csv",
                    "deduction-exceptions-2026-01.csv",
                    "deductions-2026-01.csv.sha256",
                    "deduction-exceptions-2026-01.csv.sha256",
                    "deduction-2026-01.manifest.json")) {
                assertThat(bytes(second.outbox("2026-01").resolve(name)))
                        .as(name)
                        .isEqualTo(bytes(first.outbox("2026-01").resolve(name)));
            }
        }

        JsonNode output(JsonNode manifest, String file) {
            for (JsonNode output : manifest.path("outputs")) {
                if (output.path("file").asText().equals(file)) {
                    return output;
                }
            }
            throw new AssertionError("the manifest does not list " + file + ": " + manifest);
        }
    }

    @Nested
    @DisplayName("settings and files")
    class SettingsAndFiles {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theDeductionCodeAndTheCapRatioSettingsAreHonoured(TestDatabase database, @TempDir Path dir) {
            // given K-1: 120 000 / 4 = 30 000 a month; net pay 50 000
            Programme programme = withContracts(dir, database, "K-1,M-1,Ama Kpodar,,,,120000,,4,2026-01")
                    .with("PAYROLL_DEDUCTION_CODE", "PHONE-01")
                    .with("PAYROLL_CAP_RATIO", "1/2");

            // when
            Result result =
                    deduct(programme, "2026-01", register(dir, "payroll-2026-01.csv", "2026-01,M-1,50000,ACTIVE,,"));

            // then capacity = floor(50 000 × 1 / 2) = 25 000 (it would be 16 666 with 1/3) → shortfall 5 000
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(List.of("2026-01", "M-1", "K-1", "Ama Kpodar", "PHONE-01", "25000")));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-1", "K-1", "Ama Kpodar", "30000", "25000", "5000", "CAPPED")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void rowsAreOrderedByContractIdComparingCodePoints(TestDatabase database, @TempDir Path dir) {
            // given ids that differ only by punctuation: '-' 2D < '.' 2E < '/' 2F < '1' 31 < 'B' 42 < '_' 5F
            Programme programme = withContracts(
                    dir,
                    database,
                    "A_1,M-1,Ama Kpodar,,,,12000,,12,2026-01",
                    "AB,M-1,Ama Kpodar,,,,12000,,12,2026-01",
                    "A1,M-1,Ama Kpodar,,,,12000,,12,2026-01",
                    "A/1,M-1,Ama Kpodar,,,,12000,,12,2026-01",
                    "A.1,M-1,Ama Kpodar,,,,12000,,12,2026-01",
                    "A-1,M-1,Ama Kpodar,,,,12000,,12,2026-01");

            // when (capacity 30 000 covers the six installments of 1 000)
            Result result =
                    deduct(programme, "2026-01", register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,"));

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(body(deductions(programme, "2026-01")))
                    .extracting(r -> r.get(2))
                    .containsExactly("A-1", "A.1", "A/1", "A1", "AB", "A_1");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theRegisterTakenFromTheInboxIsArchivedAfterSuccess(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = withContracts(dir, database, ONE_CONTRACT);
            Path file = register(dir, "payroll-2026-01.csv", "2026-01,M-1,90000,ACTIVE,,");
            programme.drop(file, "payroll-2026-01.csv");

            // when
            Result result = programme.run("deduct", "--period", "2026-01");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(programme.inbox().resolve("payroll-2026-01.csv")).doesNotExist();
            assertThat(programme.archive().resolve("2026-01").resolve("payroll-2026-01.csv"))
                    .hasSameBinaryContentAs(file);
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(List.of("2026-01", "M-1", "K-1", "Ama Kpodar", "SMARTPHONE", "10000")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void namesThatASpreadsheetWouldEvaluateAreWrittenWithALeadingApostrophe(
                TestDatabase database, @TempDir Path dir) {
            // given names starting with = + - @ (P-3's holder is absent: it is in the exceptions)
            Programme programme = withContracts(
                    dir,
                    database,
                    "P-1,M-1,=1+2,,,,12000,,12,2026-01",
                    "P-2,M-2,+Ama,,,,12000,,12,2026-01",
                    "P-3,M-3,-Kofi,,,,12000,,12,2026-01",
                    "P-4,M-4,@Yao,,,,12000,,12,2026-01",
                    "P-5,M-5,Essi = Pali,,,,12000,,12,2026-01");

            // when
            Result result = deduct(
                    programme,
                    "2026-01",
                    register(
                            dir,
                            "payroll-2026-01.csv",
                            "2026-01,M-1,90000,ACTIVE,,",
                            "2026-01,M-2,90000,ACTIVE,,",
                            "2026-01,M-4,90000,ACTIVE,,",
                            "2026-01,M-5,90000,ACTIVE,,"));

            // then (12 000 / 12 = 1 000 each)
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    deductions(programme, "2026-01"),
                    "deductions",
                    List.of(
                            List.of("2026-01", "M-1", "P-1", "'=1+2", "SMARTPHONE", "1000"),
                            List.of("2026-01", "M-2", "P-2", "'+Ama", "SMARTPHONE", "1000"),
                            List.of("2026-01", "M-4", "P-4", "'@Yao", "SMARTPHONE", "1000"),
                            List.of("2026-01", "M-5", "P-5", "Essi = Pali", "SMARTPHONE", "1000")));
            OutputFiles.assertContent(
                    exceptions(programme, "2026-01"),
                    "deduction-exceptions",
                    List.of(List.of("2026-01", "M-3", "P-3", "'-Kofi", "1000", "0", "1000", "NOT_IN_PAYROLL")));
            assertThat(body(deductions(programme, "2026-01"))).hasSize(4);
        }
    }
}
