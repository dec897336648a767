package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.refund.RefundsScenario.BATCH_HEADER;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_Q1;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R2;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R6;
import static org.smartphone.payroll.refund.RefundsScenario.PAID_HEADER;
import static org.smartphone.payroll.refund.RefundsScenario.assertConserved;
import static org.smartphone.payroll.refund.RefundsScenario.assertCsv;
import static org.smartphone.payroll.refund.RefundsScenario.items;
import static org.smartphone.payroll.refund.RefundsScenario.ok;
import static org.smartphone.payroll.refund.RefundsScenario.paidInInbox;
import static org.smartphone.payroll.refund.RefundsScenario.reconciled;
import static org.smartphone.payroll.refund.RefundsScenario.refundsOutbox;
import static org.smartphone.payroll.support.InputFiles.errorCells;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code refunds issue}, {@code refunds confirm} and {@code refunds release} (SPEC 7.2) through the real
 * command line, on H2 and PostgreSQL, over {@link RefundsScenario}: the items a reconciliation makes,
 * the batches and confirmations with their rows worked out by hand, hostile confirmation files, the
 * conservation of amounts, and the revocation of a reconciliation whose items were issued.
 */
@DisplayName("refunds")
class RefundsFunctionalTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReconciliationMakesAnItemOfEachRefundDueNamedAfterItsRow(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);

        assertThat(programme.query("SELECT refund_id, period, contract_id, matricule, CASE WHEN unexpected THEN 'U'"
                        + " ELSE '-' END, original_xof, amount_xof, status FROM refund_item ORDER BY refund_id"))
                .containsExactly(
                        List.of(ITEM_Q1, "2026-01", "Q-1", "M-9", "U", "5000", "5000", "DUE"),
                        List.of(ITEM_R2, "2026-01", "R-2", "M-22", "U", "3000", "3000", "DUE"),
                        List.of(ITEM_R6, "2026-01", "R-6", "M-6", "-", "1000", "1000", "DUE"));
        assertConserved(programme, 9000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void issueListsEveryDueItemWithItsPayeeAndMarksThemInstructed(TestDatabase database, @TempDir Path dir)
            throws Exception {
        Programme programme = reconciled(dir, database);
        // R-6's holder changed matricule since: the payee of its refund is the current one
        programme.update("UPDATE contract SET matricule = 'M-66' WHERE contract_id = 'R-6'");

        Result issued = ok(programme, "refunds", "issue");

        assertThat(issued.stdout()).contains("refunds-0001.csv").contains("3 refund items");
        Path batch = refundsOutbox(programme).resolve("refunds-0001.csv");
        assertCsv(
                batch,
                BATCH_HEADER,
                List.of(
                        List.of(ITEM_Q1, "M-9", "Q-1", "", "5000"),
                        List.of(ITEM_R2, "M-22", "R-2", "Name Two", "3000"),
                        List.of(ITEM_R6, "M-66", "R-6", "Name Six", "1000")));
        assertThat(items(programme))
                .containsExactly(
                        List.of(ITEM_Q1, "INSTRUCTED", "5000", "1", "-"),
                        List.of(ITEM_R2, "INSTRUCTED", "3000", "1", "-"),
                        List.of(ITEM_R6, "INSTRUCTED", "1000", "1", "-"));
        JsonNode manifest = InputFiles.json(refundsOutbox(programme).resolve("refunds-0001.manifest.json"));
        assertThat(manifest.get("outputs").get(0).get("file").asText()).isEqualTo("refunds-0001.csv");
        assertThat(manifest.get("outputs").get(0).get("records").asLong()).isEqualTo(3);
        assertThat(manifest.get("outputs")
                        .get(0)
                        .get("totals")
                        .get("amount_xof")
                        .asLong())
                .isEqualTo(9000);
        assertThat(programme.query("SELECT kind, batch, period, items, amount_xof FROM refund_batch"))
                .containsExactly(List.of("ISSUE", "1", "2026-02", "3", "9000"));
        assertConserved(programme, 9000);

        // nothing due any more: said, nothing written
        Result again = ok(programme, "refunds", "issue");
        assertThat(again.stdout()).contains("No refund item is due");
        assertThat(refundsOutbox(programme).resolve("refunds-0002.csv")).doesNotExist();
        assertThat(Files.list(refundsOutbox(programme)).count()).isEqualTo(3); // csv, sha256, manifest
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void confirmMarksThePaidItemsAndReleaseMakesTheRestDueAgain(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        paidInInbox(
                programme,
                "refunds-paid-feb.csv",
                ITEM_R6 + ",2026-02-10,1 000,bank-002",
                ITEM_Q1.toUpperCase() + ",2026-02-10,5000,BANK-001");

        Result confirmed = ok(programme, "refunds", "confirm");

        assertThat(confirmed.stdout()).contains("refunds-paid-0001.csv").contains("2 refunds confirmed paid");
        assertCsv(
                refundsOutbox(programme).resolve("refunds-paid-0001.csv"),
                PAID_HEADER,
                List.of(
                        List.of(ITEM_Q1, "M-9", "Q-1", "5000", "2026-02-10", "BANK-001"),
                        List.of(ITEM_R6, "M-6", "R-6", "1000", "2026-02-10", "BANK-002")));
        assertThat(programme.inbox().resolve("refunds-paid-feb.csv")).doesNotExist();
        assertThat(programme.archive().resolve("refunds/refunds-paid-feb.csv")).exists();
        JsonNode manifest = InputFiles.json(refundsOutbox(programme).resolve("refunds-paid-0001.manifest.json"));
        assertThat(manifest.get("input").get("name").asText()).isEqualTo("refunds-paid-feb.csv");
        assertThat(manifest.get("skipped").asLong()).isZero();
        assertThat(manifest.get("outputs")
                        .get(0)
                        .get("totals")
                        .get("amount_xof")
                        .asLong())
                .isEqualTo(6000);

        // the bank rejected the rest of batch 1: R-2's refund is due again, the paid ones stay paid
        Result released = ok(programme, "refunds", "release", "--batch", "0001");
        assertThat(released.stdout()).contains("1 refund item").contains("refunds-0001.csv");
        assertThat(items(programme))
                .containsExactly(
                        List.of(ITEM_Q1, "PAID", "5000", "1", "1"),
                        List.of(ITEM_R2, "DUE", "3000", "1", "-"),
                        List.of(ITEM_R6, "PAID", "1000", "1", "1"));
        Result nothingLeft = ok(programme, "refunds", "release", "--batch", "1");
        assertThat(nothingLeft.stdout()).contains("nothing to release");

        ok(programme, "refunds", "issue");
        assertCsv(
                refundsOutbox(programme).resolve("refunds-0002.csv"),
                BATCH_HEADER,
                List.of(List.of(ITEM_R2, "M-22", "R-2", "Name Two", "3000")));
        assertConserved(programme, 9000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void releaseOfABatchThatDoesNotExistIsInvalid(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");

        Result missing = programme.run("refunds", "release", "--batch", "2");
        Result notANumber = programme.run("refunds", "release", "--batch", "two");

        assertThat(missing.exitCode()).as("%s", missing).isEqualTo(2);
        assertThat(missing.stderr()).contains("refunds-0002.csv");
        assertThat(notANumber.exitCode()).as("%s", notANumber).isEqualTo(2);
        assertThat(items(programme)).allSatisfy(item -> assertThat(item.get(1)).isEqualTo("INSTRUCTED"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hostileConfirmationLinesAreInvalidAndNothingChanges(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        paidInInbox(programme, "refunds-paid-1.csv", ITEM_Q1 + ",2026-02-10,5000,BANK-001");
        ok(programme, "refunds", "confirm");
        ok(programme, "refunds", "release", "--batch", "1"); // due again, not instructed
        List<List<String>> before = items(programme);

        Path hostile = paidInInbox(
                programme,
                "refunds-paid-2.csv",
                ITEM_R2 + ",2026-02-11,3000,BANK-003", // line 2: not instructed (released)
                ITEM_Q1 + ",2026-02-12,5000,BANK-009", // line 3: already confirmed with other values
                "reconciliation-2026-01-000099,2026-02-10,100,BANK-004", // line 4: no such item
                ITEM_R6 + ",2026-02-30,1000,BANK-005", // line 5: no such day
                ITEM_R6 + ",2026-02-11,1000,BANK 006", // line 6: ITEM_R6 twice, and a space in payment_ref
                "reconciliation-2026-01-000002,2026-02-11,0,BANK-007"); // line 7: amount 0

        Result result = programme.run("refunds", "confirm");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        List<List<String>> errors = errorCells(programme, "refunds-paid-2.csv");
        assertThat(errors.stream().map(row -> row.get(0)).distinct()).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(errors).contains(List.of("2", "refund_id", ITEM_R2), List.of("7", "amount_xof", "0"));
        assertThat(items(programme)).isEqualTo(before);
        assertThat(refundsOutbox(programme).resolve("refunds-paid-0002.csv")).doesNotExist();
        assertThat(hostile).exists(); // left in the inbox, to be fixed
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWrongAmountOrARefundTwiceInAFileIsInvalid(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        List<List<String>> before = items(programme);
        Path file = RefundsScenario.paidInInbox(
                programme,
                "refunds-paid-x.csv",
                ITEM_R2 + ",2026-02-11,2500,BANK-003", // instructed for 3 000
                ITEM_Q1 + ",2026-02-11,5000,BANK-001",
                ITEM_Q1 + ",2026-02-11,5000,BANK-001", // the same line twice: both invalid
                ITEM_R6 + ",2026-02-11,1000,BANK-002");

        Result result = programme.run("refunds", "confirm", "--file", file.toString(), "--max-rejects", "3");

        // within max-rejects: the valid line goes on alone
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(errorCells(programme, "refunds-paid-x.csv"))
                .containsExactly(
                        List.of("2", "amount_xof", "2500"),
                        List.of("3", "refund_id", ITEM_Q1),
                        List.of("4", "refund_id", ITEM_Q1));
        assertCsv(
                refundsOutbox(programme).resolve("refunds-paid-0001.csv"),
                PAID_HEADER,
                List.of(List.of(ITEM_R6, "M-6", "R-6", "1000", "2026-02-11", "BANK-002")));
        assertThat(items(programme)).isNotEqualTo(before);
        assertConserved(programme, 9000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLineIdenticalToAConfirmationAlreadyRecordedIsSkippedAndCounted(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        paidInInbox(programme, "refunds-paid-1.csv", ITEM_Q1 + ",2026-02-10,5000,BANK-001");
        ok(programme, "refunds", "confirm");
        paidInInbox(
                programme,
                "refunds-paid-2.csv",
                ITEM_Q1 + ",2026-02-10,5000,bank-001", // the same confirmation again
                ITEM_R2 + ",2026-02-11,3000,BANK-003");

        Result result = ok(programme, "refunds", "confirm");

        assertThat(result.stdout()).contains("1 line skipped");
        assertCsv(
                refundsOutbox(programme).resolve("refunds-paid-0002.csv"),
                PAID_HEADER,
                List.of(List.of(ITEM_R2, "M-22", "R-2", "3000", "2026-02-11", "BANK-003")));
        JsonNode manifest = InputFiles.json(refundsOutbox(programme).resolve("refunds-paid-0002.manifest.json"));
        assertThat(manifest.get("skipped").asLong()).isEqualTo(1);
        assertThat(items(programme))
                .containsExactly(
                        List.of(ITEM_Q1, "PAID", "5000", "1", "1"),
                        List.of(ITEM_R2, "PAID", "3000", "1", "2"),
                        List.of(ITEM_R6, "INSTRUCTED", "1000", "1", "-"));

        // the very same file again is refused as already processed
        paidInInbox(
                programme,
                "refunds-paid-3.csv",
                ITEM_Q1 + ",2026-02-10,5000,bank-001",
                ITEM_R2 + ",2026-02-11,3000,BANK-003");
        Result repeat = programme.run("refunds", "confirm");
        assertThat(repeat.exitCode()).as("%s", repeat).isEqualTo(3);
        assertConserved(programme, 9000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokingAReconciliationRemovesItsItemsUntilOneIsIssued(TestDatabase database, @TempDir Path dir) {
        Programme issued = reconciled(dir.resolve("issued"), database);
        ok(issued, "refunds", "issue");

        Result refused = issued.run("revoke", "reconcile", "--period", "2026-01", "--reason", "wrong file");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(3);
        assertThat(refused.stderr()).contains(ITEM_Q1).contains("refunds-0001.csv");
        assertThat(items(issued)).hasSize(3);

        Programme notIssued = reconciled(dir.resolve("not-issued"), database);
        ok(notIssued, "revoke", "reconcile", "--period", "2026-01", "--reason", "wrong file");
        assertThat(items(notIssued)).isEmpty();
        assertThat(notIssued.number("SELECT COUNT(*) FROM refund_reduction")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnfinishedRefundsRunRefusesTheOtherCommands(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        // a refunds issue interrupted after its commit
        org.smartphone.payroll.support.EngineProcess engine = org.smartphone.payroll.support.EngineProcess.start(
                programme, java.util.Map.of("PAYROLL_CRASH_AT", "step:publishRefunds"), "refunds", "issue");
        assertThat(engine.waitFor()).as(engine.output()).isEqualTo(137);

        Result confirm = programme.run("refunds", "confirm");
        Result deduct = programme.run("deduct", "--period", "2026-02");

        assertThat(confirm.exitCode()).as("%s", confirm).isEqualTo(3);
        assertThat(confirm.stderr()).contains("refunds issue");
        assertThat(deduct.exitCode()).as("%s", deduct).isEqualTo(3);
        assertThat(deduct.stderr()).contains("refunds issue");
        ok(programme, "refunds", "issue");
        assertThat(refundsOutbox(programme).resolve("refunds-0001.csv")).exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInterruptedConfirmationNotYetInTheLedgerCanBeAbandoned(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        Path first = paidInInbox(programme, "refunds-paid-1.csv", ITEM_Q1 + ",2026-02-10,5000,BANK-001");
        org.smartphone.payroll.support.EngineProcess engine = org.smartphone.payroll.support.EngineProcess.start(
                programme, java.util.Map.of("PAYROLL_CRASH_AT", "done:stageConfirmations"), "refunds", "confirm");
        assertThat(engine.waitFor()).as(engine.output()).isEqualTo(137);
        Path other = RefundsScenario.paidInInbox(programme, "refunds-paid-2.csv", ITEM_R6 + ",2026-02-10,1000,B-2");

        Result refused = programme.run("refunds", "confirm", "--file", other.toString());
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(3);
        assertThat(refused.stderr()).contains("abandon refunds confirm");

        Result abandoned = ok(programme, "abandon", "refunds", "confirm");
        assertThat(abandoned.stdout()).contains("abandoned");
        assertThat(programme.number("SELECT COUNT(*) FROM refund_confirmation_entry"))
                .isZero();
        assertThat(first).exists(); // still in the inbox, for a later confirm
        ok(programme, "refunds", "confirm", "--file", other.toString());
        assertThat(items(programme))
                .containsExactly(
                        List.of(ITEM_Q1, "INSTRUCTED", "5000", "1", "-"),
                        List.of(ITEM_R2, "INSTRUCTED", "3000", "1", "-"),
                        List.of(ITEM_R6, "PAID", "1000", "1", "1"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void confirmFinishesAnInterruptedFileBeforeTheOthersOfTheInbox(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        paidInInbox(programme, "refunds-paid-b.csv", ITEM_R6 + ",2026-02-10,1000,BANK-002");
        org.smartphone.payroll.support.EngineProcess engine = org.smartphone.payroll.support.EngineProcess.start(
                programme, java.util.Map.of("PAYROLL_CRASH_AT", "done:stageConfirmations"), "refunds", "confirm");
        assertThat(engine.waitFor()).as(engine.output()).isEqualTo(137);
        paidInInbox(programme, "refunds-paid-a.csv", ITEM_Q1 + ",2026-02-11,5000,BANK-001");

        ok(programme, "refunds", "confirm");

        // b, interrupted, first: confirmation 1; then a: confirmation 2
        assertThat(items(programme))
                .containsExactly(
                        List.of(ITEM_Q1, "PAID", "5000", "1", "2"),
                        List.of(ITEM_R2, "INSTRUCTED", "3000", "1", "-"),
                        List.of(ITEM_R6, "PAID", "1000", "1", "1"));
        assertThat(programme.archive().resolve("refunds/refunds-paid-a.csv")).exists();
        assertThat(programme.archive().resolve("refunds/refunds-paid-b.csv")).exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInterruptedReleaseIsFinishedByRefundsReleaseAlone(TestDatabase database, @TempDir Path dir) {
        Programme programme = reconciled(dir, database);
        ok(programme, "refunds", "issue");
        org.smartphone.payroll.support.EngineProcess engine = org.smartphone.payroll.support.EngineProcess.start(
                programme,
                java.util.Map.of("PAYROLL_CRASH_AT", "done:releaseBatch"),
                "refunds",
                "release",
                "--batch",
                "1");
        assertThat(engine.waitFor()).as(engine.output()).isEqualTo(137);

        Result other = programme.run("refunds", "release", "--batch", "2");
        Result resumed = ok(programme, "refunds", "release");

        assertThat(other.exitCode()).as("%s", other).isEqualTo(3);
        assertThat(other.stderr()).contains("refunds-0001.csv").contains("refunds release");
        assertThat(resumed.stdout()).contains("3 refund items of refunds-0001.csv due again, 9 000 F");
        assertThat(items(programme)).allSatisfy(item -> assertThat(item.get(1)).isEqualTo("DUE"));
        Result none = programme.run("refunds", "release");
        assertThat(none.exitCode()).as("%s", none).isEqualTo(2);
    }
}
