package org.smartphone.payroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A ledger holding what the runs of SPEC 7 leave behind, written by SQL into the tables they all
 * write (V13): a payments run that posted in 2026-01 with its payments, ledger entries, stops and refund
 * items, and a refund batch. The monthly runs before it are the engine's own. For the tests of what
 * reads those tables (status, the report, the meters), whatever builds the runs.
 *
 * <p>The programme: four contracts of 12 instalments from 2026-01, all ACTIVE with room to pay: C-1,
 * C-2 and C-4 financed 120 000 (10 000 a month), C-3 financed 60 000 (5 000 a month). The order of
 * 2026-01 is 10 000 + 10 000 + 5 000 + 10 000 = 35 000.
 */
public final class LifeEventLedger {

    public static final String PERIOD = "2026-01";
    /** A run id no job instance of these tests reaches (Spring Batch numbers them from 1). */
    public static final long PAYMENTS_RUN = 900_001;

    public static final long ISSUE_RUN = 900_002;

    private LifeEventLedger() {}

    /** The four contracts imported and 2026-01 deducted from the inbox: P = 2026-01, its order issued. */
    public static Programme deducted(Path dir, TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        InputFiles.write(
                programme.inbox(),
                "contracts.csv",
                "contract_id,matricule,full_name,price_xof,first_period",
                "C-1,M-1,Awa,120000,2026-01",
                "C-2,M-2,Kodjo,120000,2026-01",
                "C-3,M-3,Ama,60000,2026-01",
                "C-4,M-4,Yao,120000,2026-01");
        InputFiles.write(
                programme.inbox(),
                "payroll-2026-01.csv",
                "period,matricule,net_pay_xof,employment_status",
                "2026-01,M-1,300000,ACTIVE",
                "2026-01,M-2,300000,ACTIVE",
                "2026-01,M-3,300000,ACTIVE",
                "2026-01,M-4,300000,ACTIVE");
        succeeds(programme, "import-contracts");
        succeeds(programme, "deduct", "--period", PERIOD);
        return programme;
    }

    public static Programme.Result succeeds(Programme programme, String... command) {
        Programme.Result result = programme.run(command);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    /**
     * payments-2026-01-01.csv as committed: run 01 of 2026-01 (input payments-a.csv), then each statement
     * given (its payments, stops, refund items).
     */
    public static void paymentsRun(Programme programme, String[]... statements) {
        Path input = InputFiles.write(
                programme.archive().resolve(PERIOD),
                "payments-a.csv",
                "payment_ref,channel,contract_id,amount_xof,received_on",
                "P-0,COUNTER,C-1,1,2026-01-19");
        String inputSha256 = OutputFiles.sha256(input);
        publish(programme, inputSha256);
        programme.update("INSERT INTO payroll_run (run_id, kind, period, input_name, input_sha256, state, started_at,"
                + " ended_at, attempts, run_number) VALUES (" + PAYMENTS_RUN + ", 'PAYMENTS', '" + PERIOD
                + "', 'payments-a.csv', '" + inputSha256 + "', 'COMPLETED', TIMESTAMP '2026-01-20 10:00:00',"
                + " TIMESTAMP '2026-01-20 10:00:01', 1, 1)");
        for (String[] group : statements) {
            for (String statement : group) {
                programme.update(statement);
            }
        }
    }

    /**
     * The run's files as it publishes them, in outbox/2026-01: payments-2026-01-01.csv and
     * deduction-stops-2026-01-01.csv with their sidecars, and the manifest listing both with their
     * digests. Their rows are not what the report reads (it reads the ledger), only their seals.
     */
    private static void publish(Programme programme, String inputSha256) {
        Path outbox = programme.outbox(PERIOD);
        Path payments = InputFiles.write(
                outbox,
                "payments-2026-01-01.csv",
                "period,channel,payment_ref,contract_id,matricule,received_on,amount_xof,posted_xof,refund_due_xof,"
                        + "outstanding_xof,status");
        Path stops = InputFiles.write(
                outbox,
                "deduction-stops-2026-01-01.csv",
                "period,matricule,contract_id,full_name,ordered_xof,amount_xof,reason");
        StringBuilder outputs = new StringBuilder();
        for (Path file : List.of(payments, stops)) {
            String sha256 = OutputFiles.sha256(file);
            InputFiles.write(outbox, file.getFileName() + ".sha256", sha256 + "  " + file.getFileName());
            outputs.append(outputs.isEmpty() ? "" : ",")
                    .append("{\"file\":\"")
                    .append(file.getFileName())
                    .append("\",\"sha256\":\"")
                    .append(sha256)
                    .append("\",\"records\":0,\"totals\":{}}");
        }
        InputFiles.write(
                outbox,
                "payments-2026-01-01.manifest.json",
                "{\"run\":\"payments\",\"period\":\"" + PERIOD + "\",\"input\":{\"name\":\"payments-a.csv\","
                        + "\"sha256\":\"" + inputSha256 + "\"},\"outputs\":[" + outputs + "]}");
    }

    /**
     * One payment for an OPEN contract: its row in payments-2026-01-01.csv, its ledger entry, what it
     * added to collected, and its refund item when it could not post it all.
     */
    public static String[] payment(
            int row, String channel, String ref, String contract, String matricule, long amount, long posted) {
        long refund = amount - posted;
        String reference = "payments-2026-01-01-" + String.format(Locale.ROOT, "%06d", row);
        String payment = "INSERT INTO payment (channel, payment_ref, contract_id, amount_xof, received_on, run_id,"
                + " period, row_no, posted_xof, to_recovered, refund_id) VALUES ('" + channel + "', '" + ref + "', '"
                + contract + "', " + amount + ", '2026-01-19', " + PAYMENTS_RUN + ", '" + PERIOD + "', " + row + ", "
                + posted + ", FALSE, " + (refund > 0 ? "'" + reference + "'" : "NULL") + ")";
        String entry = "INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind, reference,"
                + " amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof) VALUES (" + PAYMENTS_RUN
                + ", " + row + ", '" + PERIOD + "', '" + contract + "', '" + matricule + "', 'PAYMENT', '"
                + reference + "', " + amount + ", " + posted + ", 0, 0, " + refund + ")";
        String balance = "UPDATE contract_balance SET collected_xof = collected_xof + " + posted
                + " WHERE contract_id = '" + contract + "'";
        if (refund == 0) {
            return new String[] {payment, entry, balance};
        }
        String item = "INSERT INTO refund_item (refund_id, run_id, period, contract_id, matricule, unexpected,"
                + " original_xof, amount_xof, status) VALUES ('" + reference + "', " + PAYMENTS_RUN + ", '" + PERIOD
                + "', '" + contract + "', '" + matricule + "', FALSE, " + refund + ", " + refund + ", 'DUE')";
        return new String[] {payment, entry, balance, item};
    }

    /** A row of deduction-stops-2026-01-01.csv, PAID_OUTSIDE_PAYROLL. */
    public static String[] stop(int row, String contract, String matricule, long ordered, long amount) {
        return new String[] {
            "INSERT INTO order_stop (period, contract_id, run_id, row_no, matricule, ordered_xof, amount_xof, reason)"
                    + " VALUES ('" + PERIOD + "', '" + contract + "', " + PAYMENTS_RUN + ", " + row + ", '" + matricule
                    + "', " + ordered + ", " + amount + ", 'PAID_OUTSIDE_PAYROLL')"
        };
    }

    /** A contract the payments settled, in 2026-01. */
    public static String[] settled(String contract) {
        return new String[] {
            "UPDATE contract SET state = 'SETTLED', settled_period = '" + PERIOD + "' WHERE contract_id = '" + contract
                    + "'"
        };
    }

    /** refunds-0001.csv issued while P was 2026-01: every DUE item, INSTRUCTED to its contract's holder. */
    public static void issued(Programme programme, long items, long amount) {
        programme.update("INSERT INTO payroll_run (run_id, kind, period, input_name, input_sha256, state, started_at,"
                + " ended_at, attempts) VALUES (" + ISSUE_RUN + ", 'REFUNDS_ISSUE', NULL, '-', '-', 'COMPLETED',"
                + " TIMESTAMP '2026-01-21 10:00:00', TIMESTAMP '2026-01-21 10:00:01', 1)");
        programme.update(
                "INSERT INTO refund_batch (kind, batch, run_id, period, items, amount_xof) VALUES ('ISSUE', 1, "
                        + ISSUE_RUN + ", '" + PERIOD + "', " + items + ", " + amount + ")");
        programme.update("UPDATE refund_item SET status = 'INSTRUCTED', batch = 1, issued_matricule = matricule"
                + " WHERE status = 'DUE'");
    }

    /**
     * The payments of 2026-01 while its order is issued: row 1 C-2 COUNTER 125 000 against 120 000
     * outstanding: posted 120 000, refund due 5 000, SETTLED, its line of 10 000 stopped to 0; row 2 C-3
     * BANK 57 000 against 60 000: posted 57 000, outstanding 3 000, its line of 5 000 stopped to 3 000;
     * row 3 C-4 TMONEY 2 000 against 120 000: posted 2 000, outstanding 118 000 (above its 10 000: no stop).
     * Then the refund of 5 000 issued in batch 0001.
     */
    public static Programme paidWhileTheOrderIsIssued(Path dir, TestDatabase database) {
        Programme programme = deducted(dir, database);
        paymentsRun(
                programme,
                payment(1, "COUNTER", "P-2", "C-2", "M-2", 125_000, 120_000),
                payment(2, "BANK", "P-1", "C-3", "M-3", 57_000, 57_000),
                payment(3, "TMONEY", "P-3", "C-4", "M-4", 2_000, 2_000),
                settled("C-2"),
                stop(1, "C-2", "M-2", 10_000, 0),
                stop(2, "C-3", "M-3", 5_000, 3_000));
        issued(programme, 1, 5_000);
        return programme;
    }
}
