package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A small programme whose reconciliation of 2026-01 leaves three refunds due, worked out by hand, for
 * the tests of the refunds commands (SPEC 7.2).
 *
 * <p>Contracts, all from 2026-01: R-1 (M-1) 120 000 over 12 months, 10 000 a month; R-2 (M-2) the same;
 * R-6 (M-6) 45 000 with 36 000 down, 9 000 financed in one installment. Every holder ACTIVE with net
 * pay 300 000: the order is R-1 10 000, R-2 10 000, R-6 9 000. The return: R-1 10 000 (MATCHED); R-6
 * 10 000 (OVER: 9 000 posted, 1 000 refund due); Q-1 under M-9 5 000 (an unknown contract: UNEXPECTED,
 * 5 000 refund due); R-2 under M-22 3 000 (not R-2's matricule: UNEXPECTED, 3 000 refund due, and R-2's
 * order line NOT_WITHHELD).
 *
 * <p>The reconciliation file, by contract_id then matricule (order line before UNEXPECTED): 1 Q-1/M-9,
 * 2 R-1/M-1, 3 R-2/M-2, 4 R-2/M-22, 5 R-6/M-6. So the items are reconciliation-2026-01-000001 (5 000,
 * payee M-9), -000004 (3 000, payee M-22) and -000005 (1 000, payee R-6's matricule when issued): 9 000
 * in all.
 */
final class RefundsScenario {

    static final String ITEM_Q1 = "reconciliation-2026-01-000001";
    static final String ITEM_R2 = "reconciliation-2026-01-000004";
    static final String ITEM_R6 = "reconciliation-2026-01-000005";

    /** SPEC 7.2's columns of refunds-NNNN.csv. */
    static final List<String> BATCH_HEADER =
            List.of("refund_id", "matricule", "contract_id", "full_name", "amount_xof");
    /** SPEC 7.2's columns of refunds-paid-NNNN.csv. */
    static final List<String> PAID_HEADER =
            List.of("refund_id", "matricule", "contract_id", "amount_xof", "paid_on", "payment_ref");

    static final String PAID_FILE_HEADER = "refund_id,paid_on,amount_xof,payment_ref";

    private RefundsScenario() {}

    /** The programme after the reconciliation of 2026-01 (three refund items DUE). */
    static Programme reconciled(Path dir, TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path in = dir.resolve("in");
        ok(
                programme,
                "import-contracts",
                "--file",
                write(
                                in,
                                "contracts.csv",
                                "contract_id,matricule,full_name,price_xof,down_payment_xof,term_months,first_period",
                                "R-1,M-1,Name One,120000,,12,2026-01",
                                "R-2,M-2,Name Two,120000,,12,2026-01",
                                "R-6,M-6,Name Six,45000,36000,1,2026-01")
                        .toString());
        ok(
                programme,
                "deduct",
                "--period",
                "2026-01",
                "--file",
                write(
                                in,
                                "payroll-2026-01.csv",
                                "period,matricule,net_pay_xof,employment_status",
                                "2026-01,M-1,300000,ACTIVE",
                                "2026-01,M-2,300000,ACTIVE",
                                "2026-01,M-6,300000,ACTIVE")
                        .toString());
        ok(
                programme,
                "reconcile",
                "--period",
                "2026-01",
                "--file",
                write(
                                in,
                                "withheld-2026-01.csv",
                                "period,contract_id,matricule,amount_withheld_xof",
                                "2026-01,R-1,M-1,10000",
                                "2026-01,R-6,M-6,10000",
                                "2026-01,Q-1,M-9,5000",
                                "2026-01,R-2,M-22,3000")
                        .toString());
        return programme;
    }

    static Result ok(Programme programme, String... args) {
        Result result = programme.run(args);
        assertThat(result.exitCode())
                .as("%s: %s", String.join(" ", args), result)
                .isZero();
        return result;
    }

    static Path refundsOutbox(Programme programme) {
        return programme.home().resolve("outbox/refunds");
    }

    /** Writes a refunds-paid file in the inbox. */
    static Path paidInInbox(Programme programme, String name, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = PAID_FILE_HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return write(programme.inbox(), name, lines);
    }

    /** The file holds exactly {@code header} and the rows, in order, in the outputs' format, with its sidecar. */
    static void assertCsv(Path file, List<String> header, List<List<String>> rows) {
        assertThat(file).exists();
        assertThat(ScenarioFiles.outputFormatProblems(file))
                .as("format of %s", file.getFileName())
                .isEmpty();
        List<List<String>> read = ScenarioFiles.readCsv(file);
        assertThat(read.get(0)).isEqualTo(header);
        assertThat(read.subList(1, read.size())).containsExactlyElementsOf(rows);
        OutputFiles.assertSidecar(file);
    }

    /** Each item: refund_id, status, amount, batch, confirmation; by refund id. */
    static List<List<String>> items(Programme programme) {
        return programme.query("SELECT refund_id, status, amount_xof, COALESCE(CAST(batch AS VARCHAR(10)), '-'),"
                + " COALESCE(CAST(confirmation AS VARCHAR(10)), '-') FROM refund_item ORDER BY refund_id");
    }

    /** Σ original = Σ amount of DUE, INSTRUCTED, PAID items + Σ reductions (SPEC 7.0), asserted with the total. */
    static void assertConserved(Programme programme, long original) {
        assertThat(programme.number("SELECT COALESCE(SUM(original_xof), 0) FROM refund_item"))
                .isEqualTo(original);
        assertThat(programme.number("SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item"
                                + " WHERE status IN ('DUE', 'INSTRUCTED', 'PAID')")
                        + programme.number("SELECT COALESCE(SUM(amount_xof), 0) FROM refund_reduction"))
                .isEqualTo(original);
    }
}
