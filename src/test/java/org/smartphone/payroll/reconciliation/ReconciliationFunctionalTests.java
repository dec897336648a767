package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.body;
import static org.smartphone.payroll.support.InputFiles.bytes;
import static org.smartphone.payroll.support.InputFiles.errorCells;
import static org.smartphone.payroll.support.InputFiles.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The reconciliation run (SPEC 4, 5, 6) through the real command line, on H2 and PostgreSQL: state
 * refusals, every status with its posting and refund, the return's invalid lines, the arrears and
 * the manifest, against rows computed by hand.
 */
@DisplayName("reconcile")
class ReconciliationFunctionalTests {

    static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status,full_name,ministry_code";
    static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";

    static String[] withHeader(String header, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = header;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return lines;
    }

    static Programme imported(Path dir, TestDatabase database, String... contracts) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path file = write(dir.resolve("in"), "contracts.csv", withHeader(CONTRACTS_HEADER, contracts));
        Result result = programme.run("import-contracts", "--file", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return programme;
    }

    static void deduct(Programme programme, Path dir, String period, String... registerRows) {
        Path file = write(dir.resolve("in"), "payroll-" + period + ".csv", withHeader(REGISTER_HEADER, registerRows));
        Result result = programme.run("deduct", "--period", period, "--file", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    static Path withheld(Path dir, String name, String... rows) {
        return write(dir.resolve("in"), name, withHeader(RETURN_HEADER, rows));
    }

    static Result reconcile(Programme programme, String period, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--period", period, "--file", file.toString()));
        args.addAll(List.of(more));
        return programme.run(args.toArray(String[]::new));
    }

    static Path reconciliation(Programme programme, String period) {
        return programme.outbox(period).resolve("reconciliation-" + period + ".csv");
    }

    static Path arrears(Programme programme, String period) {
        return programme.outbox(period).resolve("arrears-" + period + ".csv");
    }

    static List<String> row(String... cells) {
        return List.of(cells);
    }

    /**
     * Contracts of the status cases, all from 2026-01. 120 000 / 12 → 10 000 a month; R-6: 45 000 −
     * 36 000 = 9 000 in one installment. R-2's contract says CTR-2 but its register row says REG-2.
     */
    static final String[] CONTRACTS = {
        "R-1,M-1,Name One,,,,120000,,12,2026-01",
        "R-2,M-2,Name Two,CTR-2,,,120000,,12,2026-01",
        "R-3,M-3,Name Three,CTR-3,,,120000,,12,2026-01",
        "R-4,M-4,Name Four,,,,120000,,12,2026-01",
        "R-5,M-5,Name Five,,,,120000,,12,2026-01",
        "R-6,M-6,Name Six,,,,45000,36000,1,2026-01",
        "R-7,M-7,Name Seven,,,,120000,,12,2026-01",
        "R-8,M-8,Name Eight,,,,120000,,12,2026-01"
    };

    /**
     * Imports {@link #CONTRACTS} and deducts 2026-01: every holder ACTIVE with net pay 300 000
     * (capacity 100 000) except M-8, SUSPENDED. Order: R-1… 10 000 each, R-6 9 000 (total
     * 69 000); exception R-8 (EMPLOYEE_SUSPENDED, 10 000).
     */
    static Programme ordered(Path dir, TestDatabase database) {
        Programme programme = imported(dir, database, CONTRACTS);
        deduct(
                programme,
                dir,
                "2026-01",
                "2026-01,M-1,300000,ACTIVE,,",
                "2026-01,M-2,300000,ACTIVE,,REG-2",
                "2026-01,M-3,300000,ACTIVE,,",
                "2026-01,M-4,300000,ACTIVE,,",
                "2026-01,M-5,300000,ACTIVE,,",
                "2026-01,M-6,300000,ACTIVE,,",
                "2026-01,M-7,300000,ACTIVE,,",
                "2026-01,M-8,300000,SUSPENDED,,REG-8");
        return programme;
    }

    /** One return line per case; R-2 is absent. */
    static Path statusReturn(Path dir) {
        return withheld(
                dir,
                "withheld-2026-01.csv",
                "2026-01,R-1,M-1,10000", // MATCHED
                "2026-01,R-3,M-3,0", // NOT_WITHHELD (0)
                "2026-01,R-4,M-4,4000", // SHORT
                "2026-01,R-5,M-5,15000", // OVER within the balance (prepayment)
                "2026-01,R-6,M-6,10000", // OVER beyond the balance (refund due)
                "2026-01,R-7,M-77,10000", // wrong matricule → UNEXPECTED, and R-7's order line NOT_WITHHELD
                "2026-01,Q-1,M-9,5000", // unknown contract → UNEXPECTED
                "2026-01,Q-2,M-9,0", // unknown contract with 0 → ignored
                "2026-01,R-8,M-8,3000"); // a contract with no order line → UNEXPECTED
    }

    @Nested
    @DisplayName("is refused by state (exit 3)")
    class StateRefusals {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void beforeTheDeductionRunOfThePeriod(TestDatabase database, @TempDir Path dir) {
            // given contracts imported, 2026-01 not deducted
            Programme programme = imported(dir, database, CONTRACTS);
            Path ret = withheld(dir, "withheld-2026-01.csv", "2026-01,R-1,M-1,10000");

            // when
            Result result = reconcile(programme, "2026-01", ret);
            Result missing = reconcile(programme, "2026-01", dir.resolve("in/no-such-file.csv"));

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("2026-01");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(programme.outbox("2026-01")).doesNotExist();
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void forAPeriodOtherThanTheOneDeducted(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted
            Programme programme = ordered(dir, database);

            // when 2026-02 is reconciled
            Result result =
                    reconcile(programme, "2026-02", withheld(dir, "withheld-2026-02.csv", "2026-02,R-1,M-1,10000"));

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(programme.outbox("2026-02")).doesNotExist();
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aSecondTime(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 reconciled
            Programme programme = ordered(dir, database);
            assertThat(reconcile(programme, "2026-01", statusReturn(dir)).exitCode())
                    .isZero();
            byte[] file = bytes(reconciliation(programme, "2026-01"));
            List<List<String>> ledger = programme.query(
                    "SELECT contract_id, collected_xof FROM contract_balance" + " ORDER BY contract_id");

            // when a corrected return comes, and when the file is missing
            Result again =
                    reconcile(programme, "2026-01", withheld(dir, "withheld-2026-01-bis.csv", "2026-01,R-2,M-2,10000"));
            Result missing = reconcile(programme, "2026-01", dir.resolve("in/no-such-file.csv"));

            // then
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
            assertThat(again.stderr()).contains("2026-01").containsIgnoringCase("already completed");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
            assertThat(bytes(reconciliation(programme, "2026-01"))).isEqualTo(file);
            assertThat(programme.query("SELECT contract_id, collected_xof FROM contract_balance ORDER BY contract_id"))
                    .isEqualTo(ledger);
        }
    }

    @Nested
    @DisplayName("statuses, postings and refunds")
    class Statuses {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void everyStatusIsReconciledAndPostedAsComputedByHand(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted
            Programme programme = ordered(dir, database);

            // when
            Result result = reconcile(programme, "2026-01", statusReturn(dir));

            // then, per row: expected e, withheld w, difference w − e, posted = min(w, outstanding), refund = w −
            // posted
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    reconciliation(programme, "2026-01"),
                    "reconciliation",
                    List.of(
                            // Q-1 unknown: expected 0, nothing posted, all 5 000 refund due
                            row("2026-01", "M-9", "Q-1", "0", "5000", "5000", "0", "5000", "UNEXPECTED"),
                            row("2026-01", "M-1", "R-1", "10000", "10000", "0", "10000", "0", "MATCHED"),
                            // R-2 absent from the return: w = 0
                            row("2026-01", "M-2", "R-2", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-3", "R-3", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-4", "R-4", "10000", "4000", "-6000", "4000", "0", "SHORT"),
                            // outstanding 120 000 ≥ 15 000: all posted (prepayment)
                            row("2026-01", "M-5", "R-5", "10000", "15000", "5000", "15000", "0", "OVER"),
                            // outstanding 9 000: posted min(10 000, 9 000) = 9 000, refund 1 000
                            row("2026-01", "M-6", "R-6", "9000", "10000", "1000", "9000", "1000", "OVER"),
                            // the return names M-77 for R-7: R-7/M-7 gets w = 0, R-7/M-77 is UNEXPECTED
                            row("2026-01", "M-7", "R-7", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-77", "R-7", "0", "10000", "10000", "0", "10000", "UNEXPECTED"),
                            // R-8 was not instructed (suspended)
                            row("2026-01", "M-8", "R-8", "0", "3000", "3000", "0", "3000", "UNEXPECTED")));
            // Q-2 (0 for an uninstructed contract) has no row: see above
            assertThat(programme.query("SELECT contract_id, amount_xof FROM posting WHERE period = '2026-01'"
                            + " ORDER BY contract_id"))
                    .containsExactly(row("R-1", "10000"), row("R-4", "4000"), row("R-5", "15000"), row("R-6", "9000"));
            // R-6 paid off (9 000 of 9 000 financed) is SETTLED in 2026-01; every other contract stays OPEN
            assertThat(programme.query("SELECT c.contract_id, b.collected_xof, c.state,"
                            + " COALESCE(c.settled_period, '-')"
                            + " FROM contract c JOIN contract_balance b ON b.contract_id = c.contract_id"
                            + " ORDER BY c.contract_id"))
                    .containsExactly(
                            row("R-1", "10000", "OPEN", "-"),
                            row("R-2", "0", "OPEN", "-"),
                            row("R-3", "0", "OPEN", "-"),
                            row("R-4", "4000", "OPEN", "-"),
                            row("R-5", "15000", "OPEN", "-"),
                            row("R-6", "9000", "SETTLED", "2026-01"),
                            row("R-7", "0", "OPEN", "-"),
                            row("R-8", "0", "OPEN", "-"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theArrearsAfterThePeriodFollowFromThePostings(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted
            Programme programme = ordered(dir, database);

            // when
            assertThat(reconcile(programme, "2026-01", statusReturn(dir)).exitCode())
                    .isZero();

            // then overdue = scheduled(2026-01) − collected = 10 000 − collected, for the open contracts:
            // R-1 (10 000 collected) and R-5 (15 000) owe nothing; R-6 is settled.
            // ministry: the register's (REG-2, REG-8) before the contract's (CTR-3), else blank
            OutputFiles.assertContent(
                    arrears(programme, "2026-01"),
                    "arrears",
                    List.of(
                            row(
                                    "2026-01",
                                    "M-2",
                                    "R-2",
                                    "Name Two",
                                    "REG-2",
                                    "10000",
                                    "120000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"),
                            row(
                                    "2026-01",
                                    "M-3",
                                    "R-3",
                                    "Name Three",
                                    "CTR-3",
                                    "10000",
                                    "120000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"),
                            // 10 000 − 4 000 = 6 000 overdue; outstanding 120 000 − 4 000 = 116 000
                            row(
                                    "2026-01",
                                    "M-4",
                                    "R-4",
                                    "Name Four",
                                    "",
                                    "6000",
                                    "116000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "SHORT"),
                            // the UNEXPECTED row of R-7 does not count: its order line is NOT_WITHHELD
                            row(
                                    "2026-01",
                                    "M-7",
                                    "R-7",
                                    "Name Seven",
                                    "",
                                    "10000",
                                    "120000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"),
                            // no order line: the deduction exception reason
                            row(
                                    "2026-01",
                                    "M-8",
                                    "R-8",
                                    "Name Eight",
                                    "REG-8",
                                    "10000",
                                    "120000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "EMPLOYEE_SUSPENDED")));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void anOverpaymentWithinTheBalanceLowersTheNextDueAndOneBeyondItSettlesTheContract(
                TestDatabase database, @TempDir Path dir) {
            // given P-1 (120 000 / 12 = 10 000 a month) and S-6 (9 000 in one installment), both instructed in 2026-01
            Programme programme = imported(
                    dir,
                    database,
                    "P-1,M-1,Ama Kpodar,,,,120000,,12,2026-01",
                    "S-6,M-6,Kofi Mensah,,,,45000,36000,1,2026-01");
            deduct(programme, dir, "2026-01", "2026-01,M-1,300000,ACTIVE,,", "2026-01,M-6,300000,ACTIVE,,");

            // when 15 000 and 10 000 are withheld, then 2026-02 is deducted
            Result result = reconcile(
                    programme,
                    "2026-01",
                    withheld(dir, "withheld-2026-01.csv", "2026-01,P-1,M-1,15000", "2026-01,S-6,M-6,10000"));
            deduct(programme, dir, "2026-02", "2026-02,M-1,300000,ACTIVE,,", "2026-02,M-6,300000,ACTIVE,,");

            // then
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    reconciliation(programme, "2026-01"),
                    "reconciliation",
                    List.of(
                            row("2026-01", "M-1", "P-1", "10000", "15000", "5000", "15000", "0", "OVER"),
                            row("2026-01", "M-6", "S-6", "9000", "10000", "1000", "9000", "1000", "OVER")));
            assertThat(programme.query("SELECT c.contract_id, b.collected_xof, COALESCE(c.settled_period, '-')"
                            + " FROM contract c JOIN contract_balance b ON b.contract_id = c.contract_id"
                            + " ORDER BY c.contract_id"))
                    .containsExactly(row("P-1", "15000", "-"), row("S-6", "9000", "2026-01"));
            // 2026-02: P-1 due = scheduled 20 000 − collected 15 000 = 5 000; S-6 settled → no line
            OutputFiles.assertContent(
                    programme.outbox("2026-02").resolve("deductions-2026-02.csv"),
                    "deductions",
                    List.of(row("2026-02", "M-1", "P-1", "Ama Kpodar", "SMARTPHONE", "5000")));
            OutputFiles.assertContent(
                    programme.outbox("2026-02").resolve("deduction-exceptions-2026-02.csv"),
                    "deduction-exceptions",
                    List.of());
            OutputFiles.assertContent(arrears(programme, "2026-01"), "arrears", List.of());
        }
    }

    @Nested
    @DisplayName("the withholding return")
    class WithholdingReturn {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aContractTwiceMakesBothLinesInvalid(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = ordered(dir, database);
            Path ret = withheld(
                    dir,
                    "withheld-2026-01.csv",
                    "2026-01,R-1,M-1,10000",
                    "2026-01,R-4,M-4,10000",
                    "2026-01,r-1,M-1,10000");

            // when
            Result result = reconcile(programme, "2026-01", ret);

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("withheld-2026-01.csv", "line 2", "contract_id", "R-1");
            List<List<String>> errors = errorCells(programme, "withheld-2026-01.csv");
            assertThat(errors)
                    .extracting(e -> e.get(0) + "," + e.get(1))
                    .containsExactly("2,contract_id", "4,contract_id");
            assertThat(errors).extracting(e -> e.get(2).toUpperCase()).containsOnly("R-1");
            assertThat(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv"))
                    .doesNotExist();
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
            assertThat(programme.number("SELECT SUM(collected_xof) FROM contract_balance"))
                    .isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aContractTwiceWithinMaxRejectsCountsAsNotWithheld(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = ordered(dir, database);
            Path ret = withheld(
                    dir,
                    "withheld-2026-01.csv",
                    "2026-01,R-1,M-1,10000",
                    "2026-01,R-4,M-4,10000",
                    "2026-01,R-1,M-1,10000");

            // when
            Result result = reconcile(programme, "2026-01", ret, "--max-rejects", "2");

            // then R-1 is as if absent; R-4 MATCHED; the others absent
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(body(reconciliation(programme, "2026-01")))
                    .extracting(r -> r.get(2) + ":" + r.get(8))
                    .containsExactly(
                            "R-1:NOT_WITHHELD",
                            "R-2:NOT_WITHHELD",
                            "R-3:NOT_WITHHELD",
                            "R-4:MATCHED",
                            "R-5:NOT_WITHHELD",
                            "R-6:NOT_WITHHELD",
                            "R-7:NOT_WITHHELD");
            assertThat(programme.query("SELECT contract_id, amount_xof FROM posting"))
                    .containsExactly(row("R-4", "10000"));
        }

        /**
         * The return is matched with the order in memory, and only the lines that match no order line
         * are staged: a repeat must be found whichever way its lines went, and an invalid line counts.
         */
        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void everyLineCarryingARepeatedContractIsInvalidWhereverItsLinesWent(TestDatabase database, @TempDir Path dir) {
            // given: R-1 first with another matricule, then its own; X-9 unknown, twice; R-4 once invalid,
            // once valid; R-5 alone; R-2 alone with another matricule; R-8 (order line of 0) alone
            Programme programme = ordered(dir, database);
            Path ret = withheld(
                    dir,
                    "withheld-2026-01.csv",
                    "2026-01,R-1,M-9,10000",
                    "2026-01,R-1,M-1,10000",
                    "2026-01,X-9,M-1,500",
                    "2026-01,X-9,M-1,500",
                    "2026-01,R-4,M-4,abc",
                    "2026-01,R-4,M-4,10000",
                    "2026-01,R-5,M-5,10000",
                    "2026-01,R-2,M-7,300",
                    "2026-01,R-8,M-8,700");

            // when: lines 2 to 7 are invalid, six of them
            Result result = reconcile(programme, "2026-01", ret, "--max-rejects", "6");

            // then are as if absent; R-5 MATCHED; UNEXPECTED beside their order line
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(errorCells(programme, "withheld-2026-01.csv"))
                    .extracting(e -> e.get(0) + "," + e.get(1))
                    .containsExactly(
                            "2,contract_id",
                            "3,contract_id",
                            "4,contract_id",
                            "5,contract_id",
                            "6,amount_withheld_xof",
                            "6,contract_id",
                            "7,contract_id");
            assertThat(body(reconciliation(programme, "2026-01")))
                    .extracting(r -> r.get(2) + ":" + r.get(1) + ":" + r.get(4) + ":" + r.get(8))
                    .containsExactly(
                            "R-1:M-1:0:NOT_WITHHELD",
                            "R-2:M-2:0:NOT_WITHHELD",
                            "R-2:M-7:300:UNEXPECTED",
                            "R-3:M-3:0:NOT_WITHHELD",
                            "R-4:M-4:0:NOT_WITHHELD",
                            "R-5:M-5:10000:MATCHED",
                            "R-6:M-6:0:NOT_WITHHELD",
                            "R-7:M-7:0:NOT_WITHHELD",
                            "R-8:M-8:700:UNEXPECTED");
            assertThat(programme.query("SELECT contract_id, amount_xof FROM posting"))
                    .containsExactly(row("R-5", "10000"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aHeaderOnlyReturnIsAcceptedAndNothingIsWithheld(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = ordered(dir, database);

            // when
            Result result = reconcile(programme, "2026-01", withheld(dir, "withheld-2026-01.csv"));

            // then every order line is NOT_WITHHELD, nothing is posted, and every instructed contract is in arrears
            assertThat(result.exitCode()).as(result.toString()).isZero();
            OutputFiles.assertContent(
                    reconciliation(programme, "2026-01"),
                    "reconciliation",
                    List.of(
                            row("2026-01", "M-1", "R-1", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-2", "R-2", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-3", "R-3", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-4", "R-4", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-5", "R-5", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-6", "R-6", "9000", "0", "-9000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M-7", "R-7", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD")));
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
            assertThat(body(arrears(programme, "2026-01")))
                    .extracting(r -> r.get(2) + ":" + r.get(10))
                    .containsExactly(
                            "R-1:NOT_WITHHELD",
                            "R-2:NOT_WITHHELD",
                            "R-3:NOT_WITHHELD",
                            "R-4:NOT_WITHHELD",
                            "R-5:NOT_WITHHELD",
                            "R-6:NOT_WITHHELD",
                            "R-7:NOT_WITHHELD",
                            "R-8:EMPLOYEE_SUSPENDED");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void twoMonthsWithNothingWithheldCanBothBeReconciledWithTheSameHeaderOnlyFile(
                TestDatabase database, @TempDir Path dir) {
            // given a header-only return for 2026-01, then the same bytes again for 2026-02
            Programme programme = ordered(dir, database);
            Path empty = withheld(dir, "withheld-empty.csv");
            assertThat(reconcile(programme, "2026-01", empty).exitCode()).isZero();
            deduct(programme, dir, "2026-02", "2026-02,M-1,300000,ACTIVE,,");

            // when
            Result result = reconcile(programme, "2026-02", empty);

            // then it is not refused as "already processed": there was nothing in it to count twice
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aNegativeAmountIsAnInvalidLine(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = ordered(dir, database);
            Path ret = withheld(dir, "withheld-2026-01.csv", "2026-01,R-1,M-1,10000", "2026-01,R-4,M-4,-500");

            // when
            Result result = reconcile(programme, "2026-01", ret);

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).contains("withheld-2026-01.csv", "line 3", "amount_withheld_xof", "-500");
            List<List<String>> errors = errorCells(programme, "withheld-2026-01.csv");
            assertThat(errors).extracting(e -> e.get(0) + "," + e.get(1)).containsExactly("3,amount_withheld_xof");
            // the value as read (an errors file may neutralise it for spreadsheets, as outputs do)
            assertThat(errors.get(0).get(2)).isIn("-500", "'-500");
            assertThat(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv"))
                    .doesNotExist();
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
        }
    }

    @Nested
    @DisplayName("arrears over several periods")
    class ArrearsOverPeriods {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void ageFromTheOldestUnpaidInstallmentAndTakeTheLatestMinistryOfTheRegister(
                TestDatabase database, @TempDir Path dir) {
            // given S-1 (120 000 / 12 = 10 000 a month) and S-2 (60 000 / 6 = 10 000 a month), from 2026-01
            Programme programme = imported(
                    dir,
                    database,
                    "S-1,M-1,Kwami Adjavon,CTR-1,,,120000,,12,2026-01",
                    "S-2,M-2,@Akosua,+CTR-2,,,60000,,6,2026-01");

            // when M-1 is suspended in 2026-01 (ministry MIN-A) and 2026-02 (MIN-B), then active with a blank
            // ministry in 2026-03, when only 5 000 of its 30 000 is withheld; M-2 pays until it leaves the
            // payroll in 2026-03
            deduct(programme, dir, "2026-01", "2026-01,M-1,90000,SUSPENDED,,MIN-A", "2026-01,M-2,90000,ACTIVE,,");
            assertThat(reconcile(programme, "2026-01", withheld(dir, "withheld-2026-01.csv", "2026-01,S-2,M-2,10000"))
                            .exitCode())
                    .isZero();
            deduct(programme, dir, "2026-02", "2026-02,M-1,90000,SUSPENDED,,MIN-B", "2026-02,M-2,90000,ACTIVE,,");
            assertThat(reconcile(programme, "2026-02", withheld(dir, "withheld-2026-02.csv", "2026-02,S-2,M-2,10000"))
                            .exitCode())
                    .isZero();
            deduct(programme, dir, "2026-03", "2026-03,M-1,90000,ACTIVE,,");
            assertThat(reconcile(programme, "2026-03", withheld(dir, "withheld-2026-03.csv", "2026-03,S-1,M-1,5000"))
                            .exitCode())
                    .isZero();

            // then
            OutputFiles.assertContent(
                    arrears(programme, "2026-01"),
                    "arrears",
                    List.of(row(
                            "2026-01",
                            "M-1",
                            "S-1",
                            "Kwami Adjavon",
                            "MIN-A",
                            "10000",
                            "120000",
                            "2026-01",
                            "1",
                            "MONTHS_1",
                            "EMPLOYEE_SUSPENDED")));
            // 2026-02: scheduled 20 000, nothing collected; 2026-01 and 2026-02 unpaid → 2 months
            OutputFiles.assertContent(
                    arrears(programme, "2026-02"),
                    "arrears",
                    List.of(row(
                            "2026-02",
                            "M-1",
                            "S-1",
                            "Kwami Adjavon",
                            "MIN-B",
                            "20000",
                            "120000",
                            "2026-01",
                            "2",
                            "MONTHS_2",
                            "EMPLOYEE_SUSPENDED")));
            // 2026-03: S-1 due 30 000 (capacity 30 000) instructed in full, 5 000 withheld → SHORT;
            //   overdue 30 000 − 5 000 = 25 000, outstanding 115 000; 5 000 < 10 000 leaves installment 1
            //   unpaid → 2026-01, 3 months → MONTHS_3_PLUS; ministry MIN-B (2026-03 is blank)
            // S-2: M-2 absent → NOT_IN_PAYROLL; scheduled 30 000 − collected 20 000 = 10 000, outstanding
            //   40 000; 20 000 covers installments 1 and 2 → oldest 2026-03, 1 month; no register ministry
            //   → the contract's, neutralised like the name
            OutputFiles.assertContent(
                    arrears(programme, "2026-03"),
                    "arrears",
                    List.of(
                            row(
                                    "2026-03",
                                    "M-1",
                                    "S-1",
                                    "Kwami Adjavon",
                                    "MIN-B",
                                    "25000",
                                    "115000",
                                    "2026-01",
                                    "3",
                                    "MONTHS_3_PLUS",
                                    "SHORT"),
                            row(
                                    "2026-03",
                                    "M-2",
                                    "S-2",
                                    "'@Akosua",
                                    "'+CTR-2",
                                    "10000",
                                    "40000",
                                    "2026-03",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_IN_PAYROLL")));
            OutputFiles.assertContent(
                    reconciliation(programme, "2026-03"),
                    "reconciliation",
                    List.of(row("2026-03", "M-1", "S-1", "30000", "5000", "-25000", "5000", "0", "SHORT")));
        }
    }

    @Nested
    @DisplayName("the sample data")
    class SampleData {

        record Month(
                String period,
                int orderLines,
                long ordered,
                int exceptions,
                String statuses,
                long withheld,
                long posted,
                long refund,
                int arrearsRows,
                long overdue,
                String settled) {}

        /** The per-month figures of sample-data/EXPECTED.md. */
        static final List<Month> MONTHS = List.of(
                new Month(
                        "2026-01",
                        41,
                        415155,
                        3,
                        "MATCHED=37 NOT_WITHHELD=1 OVER=2 SHORT=1",
                        411571,
                        410571,
                        1000,
                        5,
                        30498,
                        "SP-2026-0012"),
                new Month(
                        "2026-02",
                        41,
                        444072,
                        5,
                        "MATCHED=40 NOT_WITHHELD=1 UNEXPECTED=2",
                        449488,
                        431572,
                        17916,
                        6,
                        60995,
                        ""),
                new Month(
                        "2026-03",
                        45,
                        476987,
                        7,
                        "MATCHED=42 NOT_WITHHELD=1 OVER=1 SHORT=1 UNEXPECTED=1",
                        581155,
                        569072,
                        12083,
                        9,
                        104408,
                        "SP-2026-0015"));

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void threeMonthsFromTheInboxGiveTheFiguresOfExpectedMd(TestDatabase database, @TempDir Path dir) {
            // given the sample contracts imported from the inbox
            Programme programme = new Programme(dir.resolve("home"), database);
            Path samples = Path.of("sample-data").toAbsolutePath();
            programme.drop(samples.resolve("contracts.csv"), "contracts.csv");
            assertThat(programme.run("import-contracts").exitCode()).isZero();

            for (Month month : MONTHS) {
                String p = month.period();
                // when the month's register and return are dropped and run by their default names
                programme.drop(samples.resolve("payroll-" + p + ".csv"), "payroll-" + p + ".csv");
                Result deduct = programme.run("deduct", "--period", p);
                programme.drop(samples.resolve("withheld-" + p + ".csv"), "withheld-" + p + ".csv");
                Result reconcile = programme.run("reconcile", "--period", p);

                // then
                assertThat(deduct.exitCode()).as("deduct %s: %s", p, deduct).isZero();
                assertThat(reconcile.exitCode())
                        .as("reconcile %s: %s", p, reconcile)
                        .isZero();
                List<List<String>> order = body(programme.outbox(p).resolve("deductions-" + p + ".csv"));
                assertThat(order).as("order lines %s", p).hasSize(month.orderLines());
                assertThat(order.stream()
                                .mapToLong(r -> Long.parseLong(r.get(5)))
                                .sum())
                        .isEqualTo(month.ordered());
                assertThat(body(programme.outbox(p).resolve("deduction-exceptions-" + p + ".csv")))
                        .as("exceptions %s", p)
                        .hasSize(month.exceptions());
                List<List<String>> rows = body(reconciliation(programme, p));
                assertThat(rows.stream()
                                .collect(java.util.stream.Collectors.groupingBy(
                                        r -> r.get(8), java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                                .toString()
                                .replaceAll("[{},]", "")
                                .trim())
                        .as("statuses %s", p)
                        .isEqualTo(month.statuses());
                assertThat(rows.stream()
                                .mapToLong(r -> Long.parseLong(r.get(4)))
                                .sum())
                        .isEqualTo(month.withheld());
                assertThat(rows.stream()
                                .mapToLong(r -> Long.parseLong(r.get(6)))
                                .sum())
                        .isEqualTo(month.posted());
                assertThat(rows.stream()
                                .mapToLong(r -> Long.parseLong(r.get(7)))
                                .sum())
                        .isEqualTo(month.refund());
                List<List<String>> overdue = body(arrears(programme, p));
                assertThat(overdue).as("arrears %s", p).hasSize(month.arrearsRows());
                assertThat(overdue.stream()
                                .mapToLong(r -> Long.parseLong(r.get(5)))
                                .sum())
                        .isEqualTo(month.overdue());
                assertThat(programme.query("SELECT contract_id FROM contract WHERE settled_period = '" + p + "'"))
                        .as("settled in %s", p)
                        .isEqualTo(month.settled().isEmpty() ? List.of() : List.of(row(month.settled())));
                assertThat(InputFiles.list(programme.inbox())).isEmpty();
                assertThat(programme.archive().resolve(p).resolve("payroll-" + p + ".csv"))
                        .exists();
                assertThat(programme.archive().resolve(p).resolve("withheld-" + p + ".csv"))
                        .exists();
            }
            // and the rows EXPECTED.md checks by hand
            List<List<String>> march = body(arrears(programme, "2026-03"));
            assertThat(march)
                    .filteredOn(r -> r.get(2).equals("SP-2026-0020"))
                    .extracting(r -> r.subList(5, 11))
                    .containsExactly(row("23748", "95000", "2026-01", "3", "MONTHS_3_PLUS", "EMPLOYEE_SUSPENDED"));
            assertThat(march)
                    .filteredOn(r -> r.get(2).equals("SP-2026-0028"))
                    .extracting(r -> r.get(4) + " " + r.get(5))
                    .containsExactly("MEF 10749");
            assertThat(body(reconciliation(programme, "2026-03")))
                    .filteredOn(r -> r.get(2).equals("SP-2026-0033"))
                    .containsExactly(
                            row(
                                    "2026-03",
                                    "MAT-126658",
                                    "SP-2026-0033",
                                    "0",
                                    "12083",
                                    "12083",
                                    "0",
                                    "12083",
                                    "UNEXPECTED"),
                            row(
                                    "2026-03",
                                    "MAT-126685",
                                    "SP-2026-0033",
                                    "12083",
                                    "0",
                                    "-12083",
                                    "0",
                                    "0",
                                    "NOT_WITHHELD"));
        }
    }

    @Nested
    @DisplayName("the manifest")
    class TheManifest {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void namesTheInputAndItsTotalsAgreeWithTheFiles(TestDatabase database, @TempDir Path dir) {
            // given
            Programme programme = ordered(dir, database);
            Path ret = statusReturn(dir);

            // when
            assertThat(reconcile(programme, "2026-01", ret).exitCode()).isZero();

            // then
            JsonNode manifest =
                    InputFiles.json(programme.outbox("2026-01").resolve("reconciliation-2026-01.manifest.json"));
            assertThat(manifest.path("input").path("name").asText()).isEqualTo("withheld-2026-01.csv");
            assertThat(manifest.path("input").path("sha256").asText()).isEqualTo(OutputFiles.sha256(ret));
            List<List<String>> rows = body(reconciliation(programme, "2026-01"));
            JsonNode file = output(manifest, "reconciliation-2026-01.csv");
            assertThat(file.path("records").asLong()).isEqualTo(rows.size()).isEqualTo(10);
            assertThat(file.path("sha256").asText())
                    .isEqualTo(OutputFiles.sha256(reconciliation(programme, "2026-01")));
            JsonNode totals = file.path("totals");
            // by hand: expected 6 × 10 000 + 9 000 = 69 000; withheld 5 000 + 10 000 + 4 000 + 15 000 + 10 000
            // + 10 000 + 3 000 = 57 000; posted 10 000 + 4 000 + 15 000 + 9 000 = 38 000; refund 5 000 + 1 000
            // + 10 000 + 3 000 = 19 000
            assertThat(totals.path("expected_xof").asLong())
                    .isEqualTo(sum(rows, 3))
                    .isEqualTo(69000);
            assertThat(totals.path("withheld_xof").asLong())
                    .isEqualTo(sum(rows, 4))
                    .isEqualTo(57000);
            assertThat(totals.path("posted_xof").asLong())
                    .isEqualTo(sum(rows, 6))
                    .isEqualTo(38000);
            assertThat(totals.path("refund_due_xof").asLong())
                    .isEqualTo(sum(rows, 7))
                    .isEqualTo(19000);
            assertThat(programme.number("SELECT SUM(amount_xof) FROM posting")).isEqualTo(38000);
            List<List<String>> arrearsRows = body(arrears(programme, "2026-01"));
            JsonNode arrearsFile = output(manifest, "arrears-2026-01.csv");
            assertThat(arrearsFile.path("records").asLong())
                    .isEqualTo(arrearsRows.size())
                    .isEqualTo(5);
            assertThat(arrearsFile.path("totals").path("overdue_xof").asLong())
                    .isEqualTo(sum(arrearsRows, 5))
                    .isEqualTo(46000);
        }

        long sum(List<List<String>> rows, int column) {
            return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
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
}
