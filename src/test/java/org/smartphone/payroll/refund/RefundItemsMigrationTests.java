package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_Q1;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R2;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R6;
import static org.smartphone.payroll.refund.RefundsScenario.PAID_HEADER;
import static org.smartphone.payroll.refund.RefundsScenario.assertConserved;
import static org.smartphone.payroll.refund.RefundsScenario.assertCsv;
import static org.smartphone.payroll.refund.RefundsScenario.ok;
import static org.smartphone.payroll.refund.RefundsScenario.paidInInbox;
import static org.smartphone.payroll.refund.RefundsScenario.reconciled;
import static org.smartphone.payroll.refund.RefundsScenario.refundsOutbox;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.OldLedger;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The refunds due a ledger recorded before refund items existed become items (V15, SPEC 7.0): one per
 * reconciliation row with a refund due, named after the row in its published file, status DUE, legacy;
 * none from a reconciliation that had not reached the ledger. A legacy item may be confirmed while DUE.
 */
class RefundItemsMigrationTests {

    private static final String ITEMS = "SELECT refund_id, run_id, period, contract_id, matricule, CASE WHEN"
            + " unexpected THEN 'U' ELSE '-' END, original_xof, amount_xof, status, CASE WHEN legacy THEN 'legacy'"
            + " ELSE '-' END FROM refund_item ORDER BY refund_id";

    /**
     * A ledger as the version before SPEC 7 left it (migrations up to V12), written with SQL: the
     * reconciliation of 2026-01 completed (run 3), that of 2026-02 committed but not finished (run 5: its
     * postings are in the ledger), that of 2026-03 failed before its commit (run 7: rows computed, not
     * committed). 2026-01's file, by contract_id then matricule, order line first: 1 C-1/M-1 (400 refund
     * due), 2 C-1/M-7 UNEXPECTED (2 500), 3 C-2/M-2 (none), 4 Q-9/M-9 UNEXPECTED (100).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refundDuesAlreadyInALedgerBecomeDueItemsNamedAfterTheirRow(TestDatabase database, @TempDir Path dir)
            throws SQLException, IOException {
        Programme programme = Programme.onEmptyDatabase(dir.resolve("home"), database);
        OldLedger old = OldLedger.migratedTo(programme, database, "12");
        try (Connection connection = old.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO payroll_run (run_id, kind, period, input_name, input_sha256, state,"
                    + " started_at, attempts) VALUES"
                    + " (3, 'RECONCILIATION', '2026-01', 'withheld-2026-01.csv', 'a1', 'COMPLETED',"
                    + " CURRENT_TIMESTAMP, 1),"
                    + " (5, 'RECONCILIATION', '2026-02', 'withheld-2026-02.csv', 'a2', 'COMMITTED',"
                    + " CURRENT_TIMESTAMP, 1),"
                    + " (7, 'RECONCILIATION', '2026-03', 'withheld-2026-03.csv', 'a3', 'FAILED',"
                    + " CURRENT_TIMESTAMP, 1)");
            statement.execute("INSERT INTO reconciliation_line (period, contract_id, matricule, unexpected,"
                    + " expected_xof, withheld_xof, posted_xof, refund_due_xof, status) VALUES"
                    + " ('2026-01', 'C-2', 'M-2', FALSE, 1000, 1000, 1000, 0, 'MATCHED'),"
                    + " ('2026-01', 'Q-9', 'M-9', TRUE, 0, 100, 0, 100, 'UNEXPECTED'),"
                    + " ('2026-01', 'C-1', 'M-7', TRUE, 0, 2500, 0, 2500, 'UNEXPECTED'),"
                    + " ('2026-01', 'C-1', 'M-1', FALSE, 1000, 1400, 1000, 400, 'OVER'),"
                    + " ('2026-02', 'C-1', 'M-1', FALSE, 1000, 1700, 1000, 700, 'OVER'),"
                    + " ('2026-03', 'C-1', 'M-1', FALSE, 1000, 1900, 1000, 900, 'OVER')");
        }

        Programme.Result status = programme.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(programme.query(ITEMS))
                .containsExactly(
                        List.of(
                                "reconciliation-2026-01-000001",
                                "3",
                                "2026-01",
                                "C-1",
                                "M-1",
                                "-",
                                "400",
                                "400",
                                "DUE",
                                "legacy"),
                        List.of(
                                "reconciliation-2026-01-000002",
                                "3",
                                "2026-01",
                                "C-1",
                                "M-7",
                                "U",
                                "2500",
                                "2500",
                                "DUE",
                                "legacy"),
                        List.of(
                                "reconciliation-2026-01-000004",
                                "3",
                                "2026-01",
                                "Q-9",
                                "M-9",
                                "U",
                                "100",
                                "100",
                                "DUE",
                                "legacy"),
                        List.of(
                                "reconciliation-2026-02-000001",
                                "5",
                                "2026-02",
                                "C-1",
                                "M-1",
                                "-",
                                "700",
                                "700",
                                "DUE",
                                "legacy"));
        assertConserved(programme, 3700);
    }

    /**
     * The migration names a ledger's refunds due exactly as the reconciliation now does: a ledger whose
     * items are taken away and made again by V15 holds the same items, legacy, and one of them can be
     * confirmed paid while DUE (paid by hand before the upgrade).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMigrationNamesItemsAsTheReconciliationDoesAndALegacyItemMayBeConfirmedWhileDue(
            TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        List<List<String>> made = programme.query(ITEMS);
        programme.update("DELETE FROM refund_item");
        programme.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '15'");

        ok(programme, "status");

        assertThat(programme.query(ITEMS))
                .containsExactlyElementsOf(made.stream()
                        .map(row -> {
                            List<String> legacy = new java.util.ArrayList<>(row);
                            legacy.set(9, "legacy");
                            return legacy;
                        })
                        .toList());
        assertThat(made.stream().map(row -> row.get(0))).containsExactly(ITEM_Q1, ITEM_R2, ITEM_R6);

        paidInInbox(programme, "refunds-paid-by-hand.csv", ITEM_R6 + ",2026-01-28,1000,CASH-17");
        ok(programme, "refunds", "confirm");
        assertCsv(
                refundsOutbox(programme).resolve("refunds-paid-0001.csv"),
                PAID_HEADER,
                List.of(List.of(ITEM_R6, "M-6", "R-6", "1000", "2026-01-28", "CASH-17")));
        assertThat(programme.query("SELECT status FROM refund_item WHERE refund_id = '" + ITEM_R6 + "'"))
                .containsExactly(List.of("PAID"));
        assertConserved(programme, 9000);
    }
}
