package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_Q1;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R6;
import static org.smartphone.payroll.refund.RefundsScenario.ok;
import static org.smartphone.payroll.refund.RefundsScenario.paidInInbox;
import static org.smartphone.payroll.refund.RefundsScenario.reconciled;
import static org.smartphone.payroll.refund.RefundsScenario.refundsOutbox;
import static org.smartphone.payroll.support.ServeProcess.await;
import static org.smartphone.payroll.support.ServeProcess.startServe;
import static org.smartphone.payroll.support.ServeProcess.stop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code serve} runs a {@code refunds-paid*.csv} dropped in the inbox as {@code refunds confirm} would
 * (SPEC 7.7), archiving it under {@code archive/refunds/}, and moves an invalid one to rejected/.
 */
class RefundsServeTests {

    @Test
    void serveConfirmsTheRefundsPaidDroppedInTheInbox(@TempDir Path dir) throws Exception {
        Programme programme = reconciled(dir, TestDatabase.H2);
        ok(programme, "refunds", "issue");
        EngineProcess serve = startServe(programme, Map.of());
        try {
            paidInInbox(programme, "refunds-paid-a.csv", ITEM_Q1 + ",2026-02-10,5000,BANK-001");
            paidInInbox(programme, "refunds-paid-b.csv", ITEM_R6 + ",2026-02-10,999,BANK-002"); // wrong amount

            await(
                    serve,
                    "refunds-paid-a.csv archived",
                    () -> Files.exists(programme.archive().resolve("refunds/refunds-paid-a.csv")));
            await(
                    serve,
                    "refunds-paid-b.csv rejected",
                    () -> Files.exists(programme.rejected().resolve("refunds-paid-b.csv")));
        } finally {
            stop(serve);
        }
        assertThat(refundsOutbox(programme).resolve("refunds-paid-0001.csv")).exists();
        assertThat(refundsOutbox(programme).resolve("refunds-paid-0002.csv")).doesNotExist();
        assertThat(programme.rejected().resolve("refunds-paid-b.csv.errors.csv"))
                .exists();
        assertThat(programme.query("SELECT refund_id FROM refund_item WHERE status = 'PAID'"))
                .containsExactly(List.of(ITEM_Q1));
    }
}
