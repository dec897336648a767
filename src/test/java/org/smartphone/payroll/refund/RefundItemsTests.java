package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineContext;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@link RefundItems}, the component every run that makes refunds due calls (SPEC 7.0): identifiers
 * named after the row that made the item, items made DUE, reduced while DUE (to 0: CANCELLED), removed
 * with the run that made them, and the conservation of amounts through all of it.
 */
class RefundItemsTests {

    @Test
    void anItemIsNamedAfterItsOutputFileAndRowPaddedToSixDigits() {
        assertThat(RefundItems.refundId("reconciliation-2026-03.csv", 17)).isEqualTo("reconciliation-2026-03-000017");
        assertThat(RefundItems.refundId("payments-2026-04-02.csv", 3)).isEqualTo("payments-2026-04-02-000003");
        assertThat(RefundItems.refundId("payments-2026-04-02", 1_234_567)).isEqualTo("payments-2026-04-02-1234567");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void itemsAreMadeReducedAndRemovedAndTheirAmountsAreConserved(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path none = InputFiles.write(dir, "contracts.csv", "contract_id,matricule,full_name,price_xof,first_period");
        assertThat(programme.run("import-contracts", "--file", none.toString()).exitCode())
                .isZero(); // the ledger, migrated
        try (EngineContext engine = EngineContext.open(programme)) {
            RefundItems items = engine.bean(RefundItems.class);
            items.create(41, "2026-04", "payments-2026-04-01-000002", "C-1", "M-1", false, 7000);
            items.create(41, "2026-04", "payments-2026-04-01-000002", "C-1", "M-1", false, 7000); // again: nothing
            try (RefundItems.Creation creation = items.creating(42, "2026-04")) {
                creation.add("supplement-2026-04-01-000001", "C-2", "M-2", true, 500);
                creation.add("supplement-2026-04-01-000003", "C-3", "M-3", false, 2500);
                assertThat(creation.count()).isEqualTo(2);
                assertThat(creation.amountXof()).isEqualTo(3000);
            }
            assertThatThrownBy(() -> items.create(41, "2026-04", "x-000001", "C-1", "M-1", false, 0))
                    .isInstanceOf(IllegalArgumentException.class);

            // 7 000 reduced by 3 000 then by 4 000: CANCELLED; 2 500 by 2 600: more than it holds, refused
            assertThat(items.reduce("payments-2026-04-01-000002", 50, "2026-04", 3000))
                    .isTrue();
            assertThat(items.reduce("payments-2026-04-01-000002", 51, "2026-05", 4000))
                    .isTrue();
            assertThat(items.reduce("supplement-2026-04-01-000003", 50, "2026-04", 2600))
                    .isFalse();
            assertThat(items.reduce("payments-2026-04-01-000002", 52, "2026-05", 1))
                    .as("a CANCELLED item is not reduced")
                    .isFalse();
            assertThat(programme.query(
                            "SELECT refund_id, status, original_xof, amount_xof FROM refund_item ORDER BY refund_id"))
                    .containsExactly(
                            List.of("payments-2026-04-01-000002", "CANCELLED", "7000", "0"),
                            List.of("supplement-2026-04-01-000001", "DUE", "500", "500"),
                            List.of("supplement-2026-04-01-000003", "DUE", "2500", "2500"));
            // 10 000 made = 3 000 standing (500 + 2 500) + 7 000 reduced
            assertThat(items.conservation()).isEqualTo(new RefundItems.Conservation(10_000, 3000, 7000));
            assertThat(items.conservation().holds()).isTrue();

            // an item issued keeps its run from being undone; one never issued goes with its run
            programme.update("UPDATE refund_item SET status = 'INSTRUCTED', batch = 4"
                    + " WHERE refund_id = 'supplement-2026-04-01-000003'");
            assertThat(items.issuedAmongMadeBy(42))
                    .contains(new RefundItems.IssuedItem("supplement-2026-04-01-000003", "refunds-0004.csv"));
            assertThatThrownBy(() -> items.removeMadeBy(42)).isInstanceOf(IllegalStateException.class);
            // so does an item confirmed paid while DUE, in no batch (made from a refund due of an older version)
            programme.update("UPDATE refund_item SET status = 'DUE', batch = NULL"
                    + " WHERE refund_id = 'supplement-2026-04-01-000003'");
            assertThat(items.issuedAmongMadeBy(42)).isEmpty();
            programme.update("UPDATE refund_item SET status = 'PAID', confirmation = 2, paid_on = '2026-05-02',"
                    + " payment_ref = 'VIR-1' WHERE refund_id = 'supplement-2026-04-01-000003'");
            assertThat(items.issuedAmongMadeBy(42))
                    .contains(new RefundItems.IssuedItem("supplement-2026-04-01-000003", "refunds-paid-0002.csv"));
            assertThatThrownBy(() -> items.removeMadeBy(42)).isInstanceOf(IllegalStateException.class);
            assertThat(items.removeMadeBy(41)).isEqualTo(1);
            assertThat(programme.number("SELECT COUNT(*) FROM refund_reduction"))
                    .isZero();
            assertThat(items.conservation()).isEqualTo(new RefundItems.Conservation(3000, 3000, 0));
        }
    }
}
