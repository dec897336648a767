package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.LifeEventLedger;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code report} and {@code status} over the money outside the payroll (SPEC 7.7), through the real
 * command line. The monthly runs are the engine's; what the runs of SPEC 7 leave in the ledger (a
 * payments run, its stops and refund item, a refund batch) is written by SQL into the tables every such
 * run writes ({@link LifeEventLedger}, which describes the programme): the figures asserted are worked
 * out by hand in the comments.
 */
@DisplayName("report and status: money outside the payroll")
class LifeEventsReportFunctionalTests {

    private static String report(Programme programme) {
        return LifeEventLedger.succeeds(programme, "report", "--period", LifeEventLedger.PERIOD)
                .stdout();
    }

    private static String page(Programme programme) throws IOException {
        return Files.readString(
                programme.outbox(LifeEventLedger.PERIOD).resolve("report-" + LifeEventLedger.PERIOD + ".html"),
                StandardCharsets.UTF_8);
    }

    private static String row(String page, String attribute, String value) {
        return RenderedReport.text(RenderedReport.unrendered(page).element("tr", attribute, value));
    }

    private static String outcome(String page, String letter) {
        return RenderedReport.attribute(
                RenderedReport.unrendered(page).element("tr", "data-check", letter), "data-outcome");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void paymentsWhileTheOrderIsIssuedShowTheirStopsRefundsAndBalancedMoney(TestDatabase database, @TempDir Path dir)
            throws IOException {
        // given 2026-01 deducted (P = 2026-01, its order issued), then a payments run that posted in it
        // (LifeEventLedger): C-2 125 000 (posted 120 000, refund due 5 000, settled, stopped from 10 000 to 0),
        // C-3 57 000 (posted 57 000, stopped from 5 000 to 3 000), C-4 2 000 (posted); the refund issued
        Programme programme = LifeEventLedger.paidWhileTheOrderIsIssued(dir, database);

        // when
        String text = report(programme);
        String page = page(programme);

        // then the text: received 125 000 + 57 000 + 2 000 = 184 000, posted 179 000, refund due 5 000;
        // stops ordered 15 000, in force 0 + 3 000; taken off the order (10 000 − 0) + (5 000 − 3 000)
        assertThat(text)
                .contains(String.join(
                        "\n",
                        "Money outside the payroll",
                        "  payments-2026-01-01.csv               3 rows  received 184 000 F  posted 179 000 F"
                                + "  refund due 5 000 F",
                        "  stops PAID_OUTSIDE_PAYROLL            2 rows  ordered 15 000 F  in force 3 000 F",
                        "  contracts stopped                     2       taken off the order 12 000 F",
                        "  refund items INSTRUCTED               1 item  original 5 000 F  amount 5 000 F",
                        "  refunds-0001.csv                      1 item  amount 5 000 F",
                        ""))
                .contains("  open contracts 3, settled 1, collected to date 179 000 F, outstanding 241 000 F\n"
                        + "  refund items: DUE 0 (0 F), INSTRUCTED 1 (5 000 F), PAID 0 (0 F), CANCELLED 0 (0 F)\n");
        // the page shows the same figures
        assertThat(row(page, "data-posting-run", "payments-2026-01-01.csv"))
                .contains("payments-2026-01-01.csv", "payments-a.csv", Html.count(3))
                .contains(Html.francs(184_000), Html.francs(179_000), Html.francs(5_000));
        assertThat(RenderedReport.cells(
                        RenderedReport.unrendered(page).element("tr", "data-stop", "PAID_OUTSIDE_PAYROLL")))
                .endsWith("2", Html.francs(15_000), Html.francs(3_000));
        assertThat(RenderedReport.text(RenderedReport.unrendered(page).element("dl", "class", "facts stops-in-force")))
                .contains(Html.francs(12_000));
        assertThat(RenderedReport.cells(RenderedReport.unrendered(page)
                        .elements("tr", "data-refund-status", "INSTRUCTED")
                        .get(0)))
                .endsWith("1", Html.francs(5_000), Html.francs(5_000));
        assertThat(row(page, "data-batch", "refunds-0001.csv")).contains("1", Html.francs(5_000));
        // check b waits for the reconciliation; j: C-2 collected 120 000 = its entry, settled with nothing
        // outstanding; k: payments 184 000 = posted 179 000 + refunds due created 5 000
        assertThat(outcome(page, "b")).isEqualTo("not-available");
        assertThat(outcome(page, "j")).isEqualTo("pass");
        assertThat(outcome(page, "k")).isEqualTo("pass");
        assertThat(RenderedReport.text(RenderedReport.unrendered(page).element("tr", "data-check", "k")))
                .contains(Html.francs(184_000));

        // and status: P, its order issued; C-1 120 000 + C-3 3 000 + C-4 118 000 outstanding
        String status = LifeEventLedger.succeeds(programme, "status").stdout();
        assertThat(status)
                .contains("Open period 2026-01: its order is issued")
                .contains(String.join(
                        "\n",
                        "contracts   count outstanding written off recovered",
                        "OPEN            3     241 000           0         0  still repaying, deducted each month",
                        "SETTLED         1           0           0         0  repaid in full",
                        "WRITTEN_OFF     0           0           0         0  written off; money received later is"
                                + " recovered",
                        "CANCELLED       0           0           0         0  sale undone",
                        "",
                        "refund items count amount",
                        "DUE              0      0  to pay back: the next refunds issue lists them",
                        "INSTRUCTED       1  5 000  sent to the bank in a batch, not yet confirmed paid",
                        "PAID             0      0  confirmed paid",
                        "CANCELLED        0      0  reduced to 0",
                        ""));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReconciledMonthBalancesItsReturnWithThePaymentsPostedInIt(TestDatabase database, @TempDir Path dir)
            throws IOException {
        // given 2026-01 deducted, a payment of 2 000 to C-4 (outstanding 118 000 after it: no stop), and
        // the return: C-1 10 000, C-2 10 000, C-3 5 000 (MATCHED), C-4 12 000 (OVER, within its balance)
        Programme programme = LifeEventLedger.deducted(dir, database);
        LifeEventLedger.paymentsRun(programme, LifeEventLedger.payment(1, "TMONEY", "P-3", "C-4", "M-4", 2_000, 2_000));
        InputFiles.write(
                programme.inbox(),
                "withheld-2026-01.csv",
                "period,contract_id,matricule,amount_withheld_xof",
                "2026-01,C-1,M-1,10000",
                "2026-01,C-2,M-2,10000",
                "2026-01,C-3,M-3,5000",
                "2026-01,C-4,M-4,12000");
        LifeEventLedger.succeeds(programme, "reconcile", "--period", LifeEventLedger.PERIOD);

        // when
        String page = page(programmeReported(programme));

        // then every check passes: b expects the order, 35 000, no line stopped; j: C-4 collected
        // 12 000 + 2 000 = its posting + its entry; k: withheld 37 000 + payments 2 000 = 39 000 =
        // posted 37 000 + 2 000, no refund
        for (String letter : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")) {
            assertThat(outcome(page, letter)).as("check %s", letter).isEqualTo("pass");
        }
        assertThat(RenderedReport.text(RenderedReport.unrendered(page).element("tr", "data-check", "b")))
                .contains(Html.francs(35_000));
        assertThat(RenderedReport.text(RenderedReport.unrendered(page).element("tr", "data-check", "k")))
                .contains(Html.francs(39_000));
        assertThat(RenderedReport.text(RenderedReport.unrendered(page).element("dl", "class", "facts money")))
                .contains(Html.francs(37_000), Html.francs(2_000), Html.francs(39_000));

        // the payments run's files are sealed like the month's: its input in archive/2026-01, its
        // outputs by their sidecars and its manifest
        for (String file : List.of("payments-a.csv", "payments-2026-01-01.csv", "deduction-stops-2026-01-01.csv")) {
            assertThat(RenderedReport.attribute(
                            RenderedReport.unrendered(page).element("tr", "data-file", file), "data-outcome"))
                    .as(file)
                    .isEqualTo("pass");
        }
        assertThat(RenderedReport.unrendered(page).element("tr", "data-file", "payments-2026-01-01.manifest.json"))
                .contains(OutputFiles.sha256(
                        programme.outbox(LifeEventLedger.PERIOD).resolve("payments-2026-01-01.manifest.json")));

        // when the payments file is edited after its run
        Files.writeString(
                programme.outbox(LifeEventLedger.PERIOD).resolve("payments-2026-01-01.csv"),
                "edited\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        String edited = page(programmeReported(programme));

        // then its seal fails, and so does check e
        assertThat(RenderedReport.attribute(
                        RenderedReport.unrendered(edited).element("tr", "data-file", "payments-2026-01-01.csv"),
                        "data-outcome"))
                .isEqualTo("fail");
        assertThat(outcome(edited, "e")).isEqualTo("fail");

        // and P moved on: 2026-02, its order not issued yet
        assertThat(LifeEventLedger.succeeds(programme, "status").stdout())
                .contains("Open period 2026-02: its order is not issued yet");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFrancNeitherPostedNorRefundedFailsTheMoneyCheckAndABalanceOffItsEntriesFailsTheLedgerCheck(
            TestDatabase database, @TempDir Path dir) throws IOException {
        // given a payment of 2 000 to C-4 whose balance says 1 500 were posted, and whose entry says 2 000
        Programme programme = LifeEventLedger.deducted(dir, database);
        LifeEventLedger.paymentsRun(programme, LifeEventLedger.payment(1, "TMONEY", "P-3", "C-4", "M-4", 2_000, 2_000));
        programme.update("UPDATE payment SET posted_xof = 1500");
        programme.update("UPDATE contract_balance SET collected_xof = 1500 WHERE contract_id = 'C-4'");

        // when
        Result result = programme.run("report", "--period", LifeEventLedger.PERIOD);
        String page = page(programme);

        // then j fails (collected 1 500, entries 2 000); k still balances (the entry posted 2 000)
        assertThat(result.exitCode()).isZero();
        assertThat(outcome(page, "j")).isEqualTo("fail");
        assertThat(outcome(page, "k")).isEqualTo("pass");

        // when the entry is put right but the refund it should have made is missing
        programme.update("UPDATE ledger_entry SET collected_xof = 1500");
        LifeEventLedger.succeeds(programme, "report", "--period", LifeEventLedger.PERIOD);

        // then j passes and k fails: 2 000 received, 1 500 posted, nothing refunded
        String after = page(programme);
        assertThat(outcome(after, "j")).isEqualTo("pass");
        assertThat(outcome(after, "k")).isEqualTo("fail");
        assertThat(RenderedReport.text(RenderedReport.unrendered(after).element("tr", "data-check", "k")))
                .contains(Html.francs(2_000), Html.francs(1_500));

        // when entries name contracts the ledger does not hold, one before every contract and one after
        for (String[] entry : List.of(new String[] {"7", "A-0"}, new String[] {"8", "ZZ-9"})) {
            programme.update("INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind,"
                    + " reference, amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES ("
                    + LifeEventLedger.PAYMENTS_RUN + ", " + entry[0] + ", '2026-01', '" + entry[1] + "', 'M-0',"
                    + " 'PAYMENT', 'x', 0, 700, 0, 0, 0)");
        }
        String unknown = report(programme);

        // then j counts both, and their 1 400 in the sum of every posting and entry (1 500 + 1 400)
        assertThat(unknown)
                .containsPattern("contracts whose balance is not the sum of their postings and entries +2\\n")
                .containsPattern("sum of every posting and ledger entry +2 900 F\\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWrittenOffContractAndItsRecoveryAgreeWithTheirEntriesAndShowInStatus(TestDatabase database, @TempDir Path dir)
            throws IOException {
        // given C-1 written off for its whole 120 000 (an entry: written_off +120 000) and stopped from
        // 10 000 to 0, then a payment of 1 000 recovered (an entry: recovered +1 000)
        Programme programme = LifeEventLedger.deducted(dir, database);
        LifeEventLedger.paymentsRun(programme, new String[] {
            "INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind, reference,"
                    + " amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES ("
                    + LifeEventLedger.PAYMENTS_RUN + ", 9, '2026-01', 'C-1', 'M-1', 'WRITE_OFF', 'w-1', 0, 0,"
                    + " 120000, 0, 0)",
            "INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind, reference,"
                    + " amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES ("
                    + LifeEventLedger.PAYMENTS_RUN + ", 1, '2026-01', 'C-1', 'M-1', 'PAYMENT',"
                    + " 'payments-2026-01-01-000001', 1000, 0, 0, 1000, 0)",
            "INSERT INTO payment (channel, payment_ref, contract_id, amount_xof, received_on, run_id, period,"
                    + " row_no, posted_xof, to_recovered) VALUES ('FLOOZ', 'F-1', 'C-1', 1000, '2026-01-19', "
                    + LifeEventLedger.PAYMENTS_RUN + ", '2026-01', 1, 1000, TRUE)",
            "UPDATE contract_balance SET written_off_xof = 120000, recovered_xof = 1000 WHERE contract_id = 'C-1'",
            "UPDATE contract SET state = 'WRITTEN_OFF' WHERE contract_id = 'C-1'",
            "INSERT INTO order_stop (period, contract_id, run_id, row_no, matricule, ordered_xof, amount_xof,"
                    + " reason) VALUES ('2026-01', 'C-1', " + LifeEventLedger.PAYMENTS_RUN
                    + ", 1, 'M-1', 10000, 0, 'WRITTEN_OFF')"
        });

        // when
        String text = report(programme);
        String page = page(programme);

        // then j passes: C-1 collected 0, written off 120 000 and recovered 1 000, each its entries' sum,
        // nothing outstanding for a written-off contract; k: payment 1 000 = recovered 1 000
        assertThat(outcome(page, "j")).isEqualTo("pass");
        assertThat(outcome(page, "k")).isEqualTo("pass");
        assertThat(text)
                .contains("  stops WRITTEN_OFF                     1 row   ordered 10 000 F  in force 0 F\n")
                .contains("  open contracts 3, settled 0, collected to date 0 F, outstanding 300 000 F\n"
                        + "  written off 1 (written off 120 000 F, recovered 1 000 F), cancelled 0\n");
        assertThat(RenderedReport.cells(RenderedReport.unrendered(page).element("tr", "data-state", "WRITTEN_OFF")))
                .endsWith("1", Html.francs(0), Html.francs(120_000), Html.francs(1_000));
        // status: C-2, C-3, C-4 owe 120 000 + 60 000 + 120 000
        assertThat(LifeEventLedger.succeeds(programme, "status").stdout())
                .contains("\nOPEN            3     300 000           0         0  still repaying")
                .contains("\nWRITTEN_OFF     1           0     120 000     1 000  written off");

        // when recovered is raised behind the ledger's back
        programme.update("UPDATE contract_balance SET recovered_xof = 2000 WHERE contract_id = 'C-1'");
        LifeEventLedger.succeeds(programme, "report", "--period", LifeEventLedger.PERIOD);

        // then j fails on that contract
        assertThat(outcome(page(programme), "j")).isEqualTo("fail");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theOpenPeriodBeforeItsDeductionRunHasAReportOfItsPayments(TestDatabase database, @TempDir Path dir)
            throws IOException {
        // given 2026-01 deducted and reconciled (all withheld): P = 2026-02, not deducted yet; then a
        // payments run posted in 2026-02: 4 000 to C-1 (outstanding 110 000 before it)
        Programme programme = LifeEventLedger.deducted(dir, database);
        InputFiles.write(
                programme.inbox(),
                "withheld-2026-01.csv",
                "period,contract_id,matricule,amount_withheld_xof",
                "2026-01,C-1,M-1,10000",
                "2026-01,C-2,M-2,10000",
                "2026-01,C-3,M-3,5000",
                "2026-01,C-4,M-4,10000");
        LifeEventLedger.succeeds(programme, "reconcile", "--period", "2026-01");
        programme.update("INSERT INTO payroll_run (run_id, kind, period, input_name, input_sha256, state, started_at,"
                + " ended_at, attempts, run_number) VALUES (900100, 'PAYMENTS', '2026-02', 'payments-b.csv', '"
                + "cd".repeat(32) + "', 'COMPLETED', TIMESTAMP '2026-02-03 10:00:00', TIMESTAMP '2026-02-03 10:00:01',"
                + " 1, 1)");
        programme.update("INSERT INTO payment (channel, payment_ref, contract_id, amount_xof, received_on, run_id,"
                + " period, row_no, posted_xof, to_recovered) VALUES ('BANK', 'B-1', 'C-1', 4000, '2026-02-02', 900100,"
                + " '2026-02', 1, 4000, FALSE)");
        programme.update("INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind, reference,"
                + " amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES (900100, 1,"
                + " '2026-02', 'C-1', 'M-1', 'PAYMENT', 'payments-2026-02-01-000001', 4000, 4000, 0, 0, 0)");
        programme.update("UPDATE contract_balance SET collected_xof = collected_xof + 4000 WHERE contract_id = 'C-1'");

        // when
        Result result = programme.run("report", "--period", "2026-02");

        // then the report is made: no deduction run yet, the payments run, and its money balanced
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("Deduction run: not run")
                .contains("  payments-2026-02-01.csv               1 row   received 4 000 F  posted 4 000 F"
                        + "  refund due 0 F\n");
        String page =
                Files.readString(programme.outbox("2026-02").resolve("report-2026-02.html"), StandardCharsets.UTF_8);
        assertThat(outcome(page, "j")).isEqualTo("pass");
        assertThat(outcome(page, "k")).isEqualTo("pass");
        assertThat(outcome(page, "b")).isEqualTo("not-available");
    }

    private static Programme programmeReported(Programme programme) {
        LifeEventLedger.succeeds(programme, "report", "--period", LifeEventLedger.PERIOD);
        return programme;
    }
}
