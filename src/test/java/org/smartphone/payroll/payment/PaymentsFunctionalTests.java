package org.smartphone.payroll.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.body;
import static org.smartphone.payroll.support.InputFiles.errorCells;
import static org.smartphone.payroll.support.InputFiles.json;
import static org.smartphone.payroll.support.InputFiles.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The payments run, {@code record-payments} (SPEC 7.1), with its stops (SPEC 7.0) and the reconciliation
 * that follows them (SPEC 4), through the real command line on H2 and PostgreSQL, against rows worked
 * out by hand.
 */
@DisplayName("record-payments")
class PaymentsFunctionalTests {

    static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status,full_name,ministry_code";
    static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";
    static final String PAYMENTS_HEADER = "payment_ref,channel,contract_id,amount_xof,received_on,matricule";

    static final List<String> PAYMENTS_COLUMNS = List.of(
            "period",
            "channel",
            "payment_ref",
            "contract_id",
            "matricule",
            "received_on",
            "amount_xof",
            "posted_xof",
            "refund_due_xof",
            "outstanding_xof",
            "status");
    static final List<String> STOPS_COLUMNS =
            List.of("period", "matricule", "contract_id", "full_name", "ordered_xof", "amount_xof", "reason");

    /**
     * All from 2026-01. 120 000 over 12 months: 10 000 a month. P-3: 45 000 − 36 000 = 9 000 in one
     * installment.
     */
    static final String[] CONTRACTS = {
        "P-1,M-1,Name One,,,,120000,,12,2026-01",
        "P-2,M-2,Name Two,,,,120000,,12,2026-01",
        "P-3,M-3,Name Three,,,,45000,36000,1,2026-01",
        "P-4,M-4,Name Four,,,,120000,,12,2026-01"
    };

    static String[] withHeader(String header, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = header;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return lines;
    }

    /** One row as the database or a CSV gives it (a cell may be null: an SQL NULL). */
    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    /** Contracts imported and 2026-01 deducted, every holder ACTIVE: order P-1, P-2, P-4 10 000, P-3 9 000. */
    static Programme ordered(Path dir, TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        ok(programme.run(
                "import-contracts",
                "--file",
                write(dir.resolve("in"), "contracts.csv", withHeader(CONTRACTS_HEADER, CONTRACTS))
                        .toString()));
        ok(programme.run(
                "deduct",
                "--period",
                "2026-01",
                "--file",
                write(
                                dir.resolve("in"),
                                "payroll-2026-01.csv",
                                withHeader(
                                        REGISTER_HEADER,
                                        "2026-01,M-1,300000,ACTIVE,,",
                                        "2026-01,M-2,300000,ACTIVE,,",
                                        "2026-01,M-3,300000,ACTIVE,,",
                                        "2026-01,M-4,300000,ACTIVE,,"))
                        .toString()));
        return programme;
    }

    /** {@link #ordered}, then 2026-01 reconciled with every line MATCHED: P-3 settled, the others owe 110 000. */
    static Programme reconciled(Path dir, TestDatabase database) {
        Programme programme = ordered(dir, database);
        ok(reconcile(
                programme,
                dir,
                "2026-01,P-1,M-1,10000",
                "2026-01,P-2,M-2,10000",
                "2026-01,P-3,M-3,9000",
                "2026-01,P-4,M-4,10000"));
        return programme;
    }

    static Result reconcile(Programme programme, Path dir, String... rows) {
        Path file = write(dir.resolve("in"), "withheld-2026-01.csv", withHeader(RETURN_HEADER, rows));
        return programme.run("reconcile", "--period", "2026-01", "--file", file.toString());
    }

    static Path payments(Path dir, String name, String... rows) {
        return write(dir.resolve("in"), name, withHeader(PAYMENTS_HEADER, rows));
    }

    static Result record(Programme programme, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("record-payments", "--file", file.toString()));
        args.addAll(List.of(more));
        return programme.run(args.toArray(String[]::new));
    }

    static void ok(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    static void assertCsv(Path file, List<String> header, List<List<String>> rows) {
        assertThat(file).exists();
        List<List<String>> expected = new ArrayList<>();
        expected.add(header);
        expected.addAll(rows);
        assertThat(ScenarioFiles.readCsv(file))
                .as("content of %s", file.getFileName())
                .isEqualTo(expected);
        assertThat(ScenarioFiles.outputFormatProblems(file)).isEmpty();
        OutputFiles.assertSidecar(file);
    }

    @Nested
    @DisplayName("when the period's order is not issued")
    class OrderNotIssued {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void creditsEachPaymentByTheCreditRuleAndSettlesOrRefunds(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 reconciled: P = 2026-02, its order not issued; P-1, P-2, P-4 owe 110 000, P-3 settled
            Programme programme = reconciled(dir, database);
            programme.drop(
                    payments(
                            dir,
                            "payments-a.csv",
                            "R-1,counter,P-1,110000,2026-02-03,M-1", // settles P-1
                            "R-2,BANK,P-2,30 000,2026-02-04,", // 110 000 − 30 000 = 80 000 left
                            "R-3,TMoney,p-3,5000,2026-02-05,m-3", // P-3 is settled: all refunded
                            "R-5,COUNTER,P-4,60000,2026-02-02,", // credited second (received later)
                            "R-4,FLOOZ,P-4,60000,2026-02-01,"), // 60 000 posted, 50 000 left
                    "payments-a.csv");

            // when
            Result result = programme.run("record-payments");

            // then: rows by contract_id, received_on; R-5 gets 50 000 of its 60 000, 10 000 refund due
            ok(result);
            assertCsv(
                    programme.outbox("2026-02").resolve("payments-2026-02-01.csv"),
                    PAYMENTS_COLUMNS,
                    List.of(
                            row(
                                    "2026-02",
                                    "COUNTER",
                                    "R-1",
                                    "P-1",
                                    "M-1",
                                    "2026-02-03",
                                    "110000",
                                    "110000",
                                    "0",
                                    "0",
                                    "SETTLED"),
                            row(
                                    "2026-02",
                                    "BANK",
                                    "R-2",
                                    "P-2",
                                    "M-2",
                                    "2026-02-04",
                                    "30000",
                                    "30000",
                                    "0",
                                    "80000",
                                    "POSTED"),
                            row(
                                    "2026-02",
                                    "TMONEY",
                                    "R-3",
                                    "P-3",
                                    "M-3",
                                    "2026-02-05",
                                    "5000",
                                    "0",
                                    "5000",
                                    "0",
                                    "REFUNDED"),
                            row(
                                    "2026-02",
                                    "FLOOZ",
                                    "R-4",
                                    "P-4",
                                    "M-4",
                                    "2026-02-01",
                                    "60000",
                                    "60000",
                                    "0",
                                    "50000",
                                    "POSTED"),
                            row(
                                    "2026-02",
                                    "COUNTER",
                                    "R-5",
                                    "P-4",
                                    "M-4",
                                    "2026-02-02",
                                    "60000",
                                    "50000",
                                    "10000",
                                    "0",
                                    "SETTLED")));
            assertThat(programme.outbox("2026-02").resolve("deduction-stops-2026-02-01.csv"))
                    .doesNotExist();
            JsonNode manifest = json(programme.outbox("2026-02").resolve("payments-2026-02-01.manifest.json"));
            assertThat(manifest.get("input").get("name").asText()).isEqualTo("payments-a.csv");
            assertThat(manifest.get("skipped").asLong()).isZero();
            JsonNode totals = manifest.get("outputs").get(0).get("totals");
            assertThat(totals.get("amount_xof").asLong()).isEqualTo(265_000);
            assertThat(totals.get("posted_xof").asLong()).isEqualTo(250_000);
            assertThat(totals.get("refund_due_xof").asLong()).isEqualTo(15_000);
            assertThat(totals.get("outstanding_xof").asLong()).isEqualTo(130_000);
            assertThat(
                            programme.query(
                                    "SELECT c.contract_id, c.state, c.settled_period, b.collected_xof FROM contract c"
                                            + " JOIN contract_balance b ON b.contract_id = c.contract_id ORDER BY c.contract_id"))
                    .containsExactly(
                            row("P-1", "SETTLED", "2026-02", "120000"),
                            row("P-2", "OPEN", null, "40000"),
                            row("P-3", "SETTLED", "2026-01", "9000"),
                            row("P-4", "SETTLED", "2026-02", "120000"));
            assertThat(programme.query("SELECT refund_id, contract_id, matricule, original_xof, amount_xof, status"
                            + " FROM refund_item ORDER BY refund_id"))
                    .containsExactly(
                            row("payments-2026-02-01-000003", "P-3", "M-3", "5000", "5000", "DUE"),
                            row("payments-2026-02-01-000005", "P-4", "M-4", "10000", "10000", "DUE"));
            assertThat(programme.archive().resolve("2026-02").resolve("payments-a.csv"))
                    .exists();
            assertThat(programme.inbox().resolve("payments-a.csv")).doesNotExist();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aPaymentLowersTheNextMonthsDue(TestDatabase database, @TempDir Path dir) {
            // given P-2 owes 110 000 after 2026-01 and pays 30 000 in 2026-02: collected 40 000, while
            // scheduled(2026-02) is 20 000
            Programme programme = reconciled(dir, database);
            ok(record(programme, payments(dir, "payments.csv", "R-2,BANK,P-2,30000,2026-02-04,")));

            // when 2026-02 is deducted
            ok(programme.run(
                    "deduct",
                    "--period",
                    "2026-02",
                    "--file",
                    write(
                                    dir.resolve("in"),
                                    "payroll-2026-02.csv",
                                    withHeader(
                                            REGISTER_HEADER,
                                            "2026-02,M-1,300000,ACTIVE,,",
                                            "2026-02,M-2,300000,ACTIVE,,",
                                            "2026-02,M-4,300000,ACTIVE,,"))
                            .toString()));

            // then due(P-2) = max(0, 20 000 − 40 000) = 0: no line; P-1 and P-4 owe 20 000 − 10 000 = 10 000
            assertThat(body(programme.outbox("2026-02").resolve("deductions-2026-02.csv")).stream()
                            .map(r -> r.get(2) + " " + r.get(5))
                            .toList())
                    .containsExactly("P-1 10000", "P-4 10000");
        }
    }

    @Nested
    @DisplayName("while the period's order is issued")
    class OrderIssued {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void stopsTheOrderLinesAndTheReconciliationExpectsTheAmountInForce(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 deducted, not reconciled: P = 2026-01, its order issued (10 000 each, P-3 9 000)
            Programme programme = ordered(dir, database);

            // when P-1 pays everything, P-2 all but 5 000, P-4 a little; then P-2 pays 3 000 more
            ok(record(
                    programme,
                    payments(
                            dir,
                            "payments-1.csv",
                            "S-1,COUNTER,P-1,120000,2026-01-10,",
                            "S-2,BANK,P-2,115000,2026-01-11,",
                            "S-3,COUNTER,P-4,1000,2026-01-12,")));
            ok(record(programme, payments(dir, "payments-2.csv", "S-4,COUNTER,P-2,3000,2026-01-13,")));

            // then P-1 is stopped to 0 (owes 0), P-2 to 5 000 then to 2 000; P-4 still owes 119 000 ≥ 10 000
            Path outbox = programme.outbox("2026-01");
            assertCsv(
                    outbox.resolve("payments-2026-01-01.csv"),
                    PAYMENTS_COLUMNS,
                    List.of(
                            row(
                                    "2026-01",
                                    "COUNTER",
                                    "S-1",
                                    "P-1",
                                    "M-1",
                                    "2026-01-10",
                                    "120000",
                                    "120000",
                                    "0",
                                    "0",
                                    "SETTLED"),
                            row(
                                    "2026-01",
                                    "BANK",
                                    "S-2",
                                    "P-2",
                                    "M-2",
                                    "2026-01-11",
                                    "115000",
                                    "115000",
                                    "0",
                                    "5000",
                                    "POSTED"),
                            row(
                                    "2026-01",
                                    "COUNTER",
                                    "S-3",
                                    "P-4",
                                    "M-4",
                                    "2026-01-12",
                                    "1000",
                                    "1000",
                                    "0",
                                    "119000",
                                    "POSTED")));
            assertCsv(
                    outbox.resolve("deduction-stops-2026-01-01.csv"),
                    STOPS_COLUMNS,
                    List.of(
                            row("2026-01", "M-1", "P-1", "Name One", "10000", "0", "PAID_OUTSIDE_PAYROLL"),
                            row("2026-01", "M-2", "P-2", "Name Two", "10000", "5000", "PAID_OUTSIDE_PAYROLL")));
            assertCsv(
                    outbox.resolve("deduction-stops-2026-01-02.csv"),
                    STOPS_COLUMNS,
                    List.of(row("2026-01", "M-2", "P-2", "Name Two", "10000", "2000", "PAID_OUTSIDE_PAYROLL")));
            JsonNode manifest = json(outbox.resolve("payments-2026-01-02.manifest.json"));
            assertThat(manifest.get("outputs").get(1).get("file").asText()).isEqualTo("deduction-stops-2026-01-02.csv");
            assertThat(manifest.get("outputs")
                            .get(1)
                            .get("totals")
                            .get("amount_xof")
                            .asLong())
                    .isEqualTo(2_000);

            // when payroll withholds the order anyway for P-1, and the stopped 2 000 for P-2
            ok(reconcile(
                    programme,
                    dir,
                    "2026-01,P-1,M-1,10000",
                    "2026-01,P-2,M-2,2000",
                    "2026-01,P-3,M-3,9000",
                    "2026-01,P-4,M-4,10000"));

            // then P-1 expects 0: OVER, settled by its payment, everything refunded; P-2 MATCHED and settled
            assertCsv(
                    outbox.resolve("reconciliation-2026-01.csv"),
                    List.of(
                            "period",
                            "matricule",
                            "contract_id",
                            "expected_xof",
                            "withheld_xof",
                            "difference_xof",
                            "posted_xof",
                            "refund_due_xof",
                            "status"),
                    List.of(
                            row("2026-01", "M-1", "P-1", "0", "10000", "10000", "0", "10000", "OVER"),
                            row("2026-01", "M-2", "P-2", "2000", "2000", "0", "2000", "0", "MATCHED"),
                            row("2026-01", "M-3", "P-3", "9000", "9000", "0", "9000", "0", "MATCHED"),
                            row("2026-01", "M-4", "P-4", "10000", "10000", "0", "10000", "0", "MATCHED")));
            assertThat(body(outbox.resolve("arrears-2026-01.csv"))).isEmpty();
            assertThat(
                            programme.query(
                                    "SELECT c.contract_id, c.state, c.settled_period, b.collected_xof FROM contract c"
                                            + " JOIN contract_balance b ON b.contract_id = c.contract_id ORDER BY c.contract_id"))
                    .containsExactly(
                            row("P-1", "SETTLED", "2026-01", "120000"),
                            row("P-2", "SETTLED", "2026-01", "120000"),
                            row("P-3", "SETTLED", "2026-01", "9000"),
                            row("P-4", "OPEN", null, "11000"));

            // when the reconciliation is revoked: P-1 was settled by its payment and stays so
            Result revoked = programme.run("revoke", "reconcile", "--period", "2026-01", "--reason", "wrong file");
            ok(revoked);
            assertThat(
                            programme.query(
                                    "SELECT c.contract_id, c.state, c.settled_period, b.collected_xof FROM contract c"
                                            + " JOIN contract_balance b ON b.contract_id = c.contract_id ORDER BY c.contract_id"))
                    .containsExactly(
                            row("P-1", "SETTLED", "2026-01", "120000"),
                            row("P-2", "OPEN", null, "118000"),
                            row("P-3", "OPEN", null, "0"),
                            row("P-4", "OPEN", null, "1000"));

            // and the deduction run of 2026-01 cannot be revoked: payments posted in 2026-01 rest on it
            Result deduction = programme.run("revoke", "deduct", "--period", "2026-01", "--reason", "wrong file");
            assertThat(deduction.exitCode()).as(deduction.toString()).isEqualTo(3);
            assertThat(deduction.stderr()).contains("payments run").contains("payments-1.csv");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theStopsFileIsWrittenHeaderOnlyWhenNothingIsStopped(TestDatabase database, @TempDir Path dir) {
            // given 2026-01's order issued; P-4 owes 120 000, ordered 10 000
            Programme programme = ordered(dir, database);

            // when P-4 pays 1 000: it owes 119 000, still more than the 10 000 ordered
            ok(record(programme, payments(dir, "payments.csv", "S-3,COUNTER,P-4,1000,2026-01-12,")));

            // then
            assertCsv(programme.outbox("2026-01").resolve("deduction-stops-2026-01-01.csv"), STOPS_COLUMNS, List.of());
            assertThat(programme.number("SELECT COUNT(*) FROM order_stop")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aReconciliationIsNotRevokedOnceAPaymentPostedInTheNextPeriod(TestDatabase database, @TempDir Path dir) {
            // given 2026-01 reconciled and a payment recorded in 2026-02
            Programme programme = reconciled(dir, database);
            ok(record(programme, payments(dir, "payments.csv", "R-2,BANK,P-2,30000,2026-02-04,")));

            // when
            Result result = programme.run("revoke", "reconcile", "--period", "2026-01", "--reason", "wrong file");

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("2026-02");
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(40_000);
        }
    }

    @Nested
    @DisplayName("a written-off contract")
    class WrittenOff {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void recoversWhatIsPaidAndWithheldUpToWhatWasWrittenOffAndIsNeverInArrears(
                TestDatabase database, @TempDir Path dir) {
            // given 2026-02 deducted (P-1, P-2, P-4: due 20 000 − 10 000 = 10 000 each), then P-4 written off
            // (as the actions run will do): collected 10 000, written off 110 000
            Programme programme = reconciled(dir, database);
            ok(programme.run(
                    "deduct",
                    "--period",
                    "2026-02",
                    "--file",
                    write(
                                    dir.resolve("in"),
                                    "payroll-2026-02.csv",
                                    withHeader(
                                            REGISTER_HEADER,
                                            "2026-02,M-1,300000,ACTIVE,,",
                                            "2026-02,M-2,300000,ACTIVE,,",
                                            "2026-02,M-4,300000,ACTIVE,,"))
                            .toString()));
            programme.update("UPDATE contract SET state = 'WRITTEN_OFF' WHERE contract_id = 'P-4'");
            programme.update("UPDATE contract_balance SET written_off_xof = 110000 WHERE contract_id = 'P-4'");
            // with the ledger entry the actions run will record for it (run 900 001, not a run of this ledger)
            programme.update("INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind,"
                    + " reference, amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES"
                    + " (900001, 1, '2026-02', 'P-4', 'M-4', 'WRITE_OFF', 'actions-2026-02-01-000001', 110000, 0,"
                    + " 110000, 0, 0)");

            // when 100 000 is paid for P-4 while 2026-02's order is issued
            ok(record(programme, payments(dir, "payments.csv", "X-1,COUNTER,P-4,100000,2026-02-10,")));

            // then it is recovered (110 000 written off, none recovered yet), and the order line stopped to 0
            Path outbox = programme.outbox("2026-02");
            assertCsv(
                    outbox.resolve("payments-2026-02-01.csv"),
                    PAYMENTS_COLUMNS,
                    List.of(row(
                            "2026-02",
                            "COUNTER",
                            "X-1",
                            "P-4",
                            "M-4",
                            "2026-02-10",
                            "100000",
                            "100000",
                            "0",
                            "0",
                            "RECOVERED")));
            assertCsv(
                    outbox.resolve("deduction-stops-2026-02-01.csv"),
                    STOPS_COLUMNS,
                    List.of(row("2026-02", "M-4", "P-4", "Name Four", "10000", "0", "WRITTEN_OFF")));

            // when payroll withholds P-4's 10 000 anyway
            Path ret = write(
                    dir.resolve("in"),
                    "withheld-2026-02.csv",
                    withHeader(
                            RETURN_HEADER, "2026-02,P-1,M-1,10000", "2026-02,P-2,M-2,10000", "2026-02,P-4,M-4,10000"));
            ok(programme.run("reconcile", "--period", "2026-02", "--file", ret.toString()));

            // then OVER (expected 0), and the 10 000 left to recover is recovered: nothing refunded
            assertThat(body(outbox.resolve("reconciliation-2026-02.csv")))
                    .contains(row("2026-02", "M-4", "P-4", "0", "10000", "10000", "10000", "0", "OVER"));
            assertThat(body(outbox.resolve("arrears-2026-02.csv"))).isEmpty();
            assertThat(programme.query("SELECT collected_xof, written_off_xof, recovered_xof FROM contract_balance"
                            + " WHERE contract_id = 'P-4'"))
                    .containsExactly(row("10000", "110000", "110000"));
            // and the report's ledger check counts that withholding as recovered (10 000 collected from the
            // postings of 2026-01; 100 000 + 10 000 recovered from the payment's entry and this posting)
            assertThat(programme.run("report", "--period", "2026-02").stdout()).containsPattern("\n  j  PASS ");

            // when the reconciliation is revoked, what it recovered is undone, not what the payment recovered
            ok(programme.run("revoke", "reconcile", "--period", "2026-02", "--reason", "wrong file"));
            assertThat(programme.query("SELECT c.state, b.collected_xof, b.written_off_xof, b.recovered_xof"
                            + " FROM contract c JOIN contract_balance b ON b.contract_id = c.contract_id"
                            + " WHERE c.contract_id = 'P-4'"))
                    .containsExactly(row("WRITTEN_OFF", "10000", "110000", "100000"));
        }
    }

    @Nested
    @DisplayName("is refused by state (exit 3)")
    class StateRefusals {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void beforeTheFirstDeductionRun(TestDatabase database, @TempDir Path dir) {
            Programme programme = new Programme(dir.resolve("home"), database);
            ok(programme.run(
                    "import-contracts",
                    "--file",
                    write(dir.resolve("in"), "contracts.csv", withHeader(CONTRACTS_HEADER, CONTRACTS))
                            .toString()));

            Result result = record(programme, payments(dir, "payments.csv", "R-2,BANK,P-2,30000,2026-01-04,"));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.stderr()).contains("deduction");
            assertThat(programme.number("SELECT COUNT(*) FROM payment")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSameFileASecondTime(TestDatabase database, @TempDir Path dir) {
            Programme programme = reconciled(dir, database);
            Path file = payments(dir, "payments.csv", "R-2,BANK,P-2,30000,2026-02-04,");
            ok(record(programme, file));

            Result again = record(programme, file);

            assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(40_000);
        }
    }

    @Nested
    @DisplayName("hostile input")
    class HostileInput {

        /** Lines 2 to 12, one case each (the header is line 1). */
        static final String[] HOSTILE = {
            "R-1,COUNTER,P-1,110000,2026-02-03,M-1", // 2: recorded before with the same values: skipped
            "R-2,BANK,P-2,31000,2026-02-04,", // 3: recorded before with 30 000: conflict
            "D-1,COUNTER,P-2,1000,2026-02-04,", // 4: key repeated on line 5
            "d-1,counter,P-2,2000,2026-02-04,", // 5
            "U-1,COUNTER,NOPE,1000,2026-02-04,", // 6: unknown contract
            "A-1,COUNTER,P-2,0,2026-02-04,", // 7: amount 0
            "A-2,COUNTER,P-2,12.50,2026-02-04,", // 8: a fraction
            "F-1,COUNTER,P-2,1000,2999-01-01,", // 9: received in the future
            "W-1,COUNTER,P-2,1000,2026-02-04,M-9", // 10: not P-2's matricule
            "C-1,CASH,P-2,1000,2026-02-04,", // 11: no such channel
            "OK-1,COUNTER,P-2,1000,2026-02-04,m-2" // 12: valid
        };

        static Programme withRecordedPayments(Path dir, TestDatabase database) {
            Programme programme = reconciled(dir, database);
            ok(record(
                    programme,
                    payments(
                            dir,
                            "payments-first.csv",
                            "R-1,COUNTER,P-1,110000,2026-02-03,M-1",
                            "R-2,BANK,P-2,30000,2026-02-04,")));
            return programme;
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void everyInvalidLineIsReportedAndNothingChanges(TestDatabase database, @TempDir Path dir) {
            // given recorded in 2026-02 (P-1 settled, P-2 collected 40 000)
            Programme programme = withRecordedPayments(dir, database);

            // when
            Result result = record(programme, payments(dir, "payments-hostile.csv", HOSTILE));

            // then
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(errorCells(programme, "payments-hostile.csv"))
                    .containsExactly(
                            row("3", "payment_ref", "R-2"),
                            row("4", "payment_ref", "D-1 (COUNTER)"),
                            row("5", "payment_ref", "D-1 (COUNTER)"),
                            row("6", "contract_id", "NOPE"),
                            row("7", "amount_xof", "0"),
                            row("8", "amount_xof", "12.50"),
                            row("9", "received_on", "2999-01-01"),
                            row("10", "matricule", "M-9"),
                            row("11", "channel", "CASH"));
            assertThat(programme.number("SELECT COUNT(*) FROM payment")).isEqualTo(2);
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(40_000);
            assertThat(programme.outbox("2026-02").resolve("payments-2026-02-02.csv"))
                    .doesNotExist();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSamePaymentRefOnAnotherChannelIsAnotherPayment(TestDatabase database, @TempDir Path dir) {
            // given R-2 recorded as a BANK payment of 30 000 for P-2 (collected 40 000)
            Programme programme = withRecordedPayments(dir, database);

            // when R-2 comes by TMONEY with other values, and a payment to P-2 in the month before P
            Result result = record(
                    programme,
                    payments(
                            dir,
                            "payments-mobile.csv",
                            "R-2,TMONEY,P-2,5000,2026-02-06,",
                            "E-1,COUNTER,P-2,1000,2025-12-31,"));

            // then both are recorded, in P (2026-02) whatever the date: 40 000 + 6 000
            ok(result);
            assertThat(body(programme.outbox("2026-02").resolve("payments-2026-02-02.csv")).stream()
                            .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(9))
                            .toList())
                    .containsExactly("2026-02 COUNTER E-1 79000", "2026-02 TMONEY R-2 74000");
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(46_000);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withinMaxRejectsOnlyTheValidNewPaymentIsRecordedAndTheRepeatIsCounted(
                TestDatabase database, @TempDir Path dir) {
            Programme programme = withRecordedPayments(dir, database);

            Result result = record(programme, payments(dir, "payments-hostile.csv", HOSTILE), "--max-rejects", "9");

            ok(result);
            Path outbox = programme.outbox("2026-02");
            assertCsv(
                    outbox.resolve("payments-2026-02-02.csv"),
                    PAYMENTS_COLUMNS,
                    List.of(row(
                            "2026-02",
                            "COUNTER",
                            "OK-1",
                            "P-2",
                            "M-2",
                            "2026-02-04",
                            "1000",
                            "1000",
                            "0",
                            "79000",
                            "POSTED")));
            assertThat(json(outbox.resolve("payments-2026-02-02.manifest.json"))
                            .get("skipped")
                            .asLong())
                    .isEqualTo(1);
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(41_000);
        }
    }

    @Nested
    @DisplayName("abandon record-payments")
    class Abandon {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void discardsARunInterruptedBeforeTheLedgerAndRefusesOneInIt(TestDatabase database, @TempDir Path dir) {
            // given a payments run killed once its file is staged, before its commit
            Programme programme = reconciled(dir, database);
            Path file = payments(dir, "payments.csv", "R-2,BANK,P-2,30000,2026-02-04,");
            EngineProcess killed = EngineProcess.start(
                    programme,
                    Map.of("PAYROLL_CRASH_AT", "done:stagePayments"),
                    "record-payments",
                    "--file",
                    file.toString());
            assertThat(killed.waitFor()).as(killed.output()).isEqualTo(137);
            Result other = record(programme, payments(dir, "payments-other.csv", "R-9,BANK,P-2,1000,2026-02-04,"));
            assertThat(other.exitCode()).as(other.toString()).isEqualTo(3);
            assertThat(other.stderr()).contains("abandon record-payments");

            // when
            Result abandoned = programme.run("abandon", "record-payments");

            // then nothing of it remains, and the same file is a new run
            ok(abandoned);
            assertThat(programme.number("SELECT COUNT(*) FROM payment_entry")).isZero();
            ok(record(programme, file));
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'P-2'"))
                    .isEqualTo(40_000);
            assertThat(programme.outbox("2026-02").resolve("payments-2026-02-01.csv"))
                    .exists();

            // and a run killed once committed (its commit step done, its files not yet published) is
            // finished, not abandoned
            EngineProcess committed = EngineProcess.start(
                    programme,
                    Map.of("PAYROLL_CRASH_AT", "step:publishPayments"),
                    "record-payments",
                    "--file",
                    payments(dir, "payments-3.csv", "R-3,BANK,P-2,1000,2026-02-05,")
                            .toString());
            assertThat(committed.waitFor()).as(committed.output()).isEqualTo(137);
            Result refused = programme.run("abandon", "record-payments");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            ok(programme.run("record-payments"));
            assertThat(programme.outbox("2026-02").resolve("payments-2026-02-02.csv"))
                    .exists();
        }
    }
}
