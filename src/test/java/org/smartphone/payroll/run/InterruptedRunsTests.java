package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Interrupted runs meeting what treasury does next: another file dropped under the same name,
 * another period started, a contracts import left half done, a mistyped path. None of it may let a
 * run read, archive or delete a file that is not its own, or apply a stale computation.
 */
class InterruptedRunsTests {

    private static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,price_xof,first_period\n";
    private static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status\n";

    @Nested
    class AContractsImport {

        @Test
        void resumedAfterItsArchiveMoveLeavesANewFileOfTheSameNameAloneAndImportsIt(@TempDir Path dir)
                throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            CrashResumeTests.assertCrashesAt(programme, "done:archiveContracts", new String[] {"import-contracts"});
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C2,M2,Bob,2400,2026-01\n");

            Programme.Result result = programme.run("import-contracts");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(programme.query("SELECT contract_id FROM contract ORDER BY contract_id"))
                    .containsExactly(List.of("C1"), List.of("C2"));
            assertThat(programme.inbox().resolve("contracts.csv")).doesNotExist();
            try (var archived = Files.list(programme.archive().resolve("contracts"))) {
                assertThat(archived).hasSize(2);
            }
        }

        @Test
        void interruptedBeforeTheLedgerIsNotResumedWithAnotherFile(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            CrashResumeTests.assertCrashesAt(programme, "done:stageContracts", new String[] {"import-contracts"});
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C2,M2,Bob,2400,2026-01\n");

            Programme.Result refused = programme.run("import-contracts");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
            assertThat(refused.stderr()).contains("abandon import-contracts");
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();
            assertThat(programme.run("abandon", "import-contracts").exitCode()).isZero();
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            assertThat(programme.query("SELECT contract_id FROM contract")).containsExactly(List.of("C2"));
        }

        /**
         * On H2 a large import inserts without the index on contract.matricule and builds it after its
         * commit (PAYROLL_BULK_IMPORT_ROWS=2 makes these five contracts large): killed in between, the
         * index is missing, and the same command finishes the run and builds it.
         */
        @Test
        void inBulkKilledAfterItsCommitGetsTheMatriculeIndexBackWhenResumed(@TempDir Path dir) throws IOException {
            Programme programme =
                    new Programme(dir.resolve("home"), TestDatabase.H2).with("PAYROLL_BULK_IMPORT_ROWS", "2");
            drop(programme, "contracts.csv", FIVE_CONTRACTS);
            // the apply step has committed; the archive step, which builds the index, has not begun
            CrashResumeTests.assertCrashesAt(programme, "step:archiveContracts", new String[] {"import-contracts"});
            assertThat(matriculeIndex(programme))
                    .as("dropped for the bulk insert")
                    .isEmpty();
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(5);

            Programme.Result resumed = programme.run("import-contracts");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(matriculeIndex(programme)).containsExactly(List.of("MATRICULE"));
            assertThat(programme.query("SELECT contract_id FROM contract WHERE matricule = 'M1' ORDER BY contract_id"))
                    .containsExactly(List.of("C1"), List.of("C4"));
            assertThat(programme.inbox().resolve("contracts.csv")).doesNotExist();
        }

        /**
         * Killed in the middle of its bulk insert (the index already dropped, the insert not committed),
         * then abandoned: nothing of it is in the ledger and the index is back; the file imports again.
         */
        @Test
        void inBulkKilledMidInsertAndAbandonedLeavesTheLedgerAndItsIndexAsBefore(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2)
                    .with("PAYROLL_BULK_IMPORT_ROWS", "2")
                    .with("PAYROLL_BATCH_SIZE", "2");
            drop(programme, "contracts.csv", FIVE_CONTRACTS);
            // batch 1 records the lines to skip (the stage step), batches 2 to 4 insert the contracts
            CrashResumeTests.assertCrashesAt(programme, "batch#3", new String[] {"import-contracts"});
            assertThat(matriculeIndex(programme)).isEmpty();
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();

            assertThat(programme.run("abandon", "import-contracts").exitCode()).isZero();

            assertThat(matriculeIndex(programme)).containsExactly(List.of("MATRICULE"));
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(5);
            assertThat(matriculeIndex(programme)).containsExactly(List.of("MATRICULE"));
        }

        @Test
        void leftUnfinishedHoldsBackTheDeductionRun(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            drop(programme, "payroll-2026-01.csv", REGISTER_HEADER + "2026-01,M1,90000,ACTIVE\n");
            CrashResumeTests.assertCrashesAt(programme, "step:applyContracts", new String[] {"import-contracts"});

            Programme.Result refused = programme.run("deduct", "--period", "2026-01");

            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.stderr()).contains("contracts import").contains("unfinished");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            assertThat(programme.run("deduct", "--period", "2026-01").exitCode())
                    .isZero();
        }
    }

    @Nested
    class ADeductionRun {

        @Test
        void unfinishedForOnePeriodHoldsBackEveryOtherPeriod(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            drop(programme, "payroll-2026-02.csv", REGISTER_HEADER + "2026-02,M1,90000,ACTIVE\n");
            CrashResumeTests.assertCrashesAt(programme, "step:deduct", new String[] {"deduct", "--period", "2026-02"});
            drop(programme, "payroll-2026-01.csv", REGISTER_HEADER + "2026-01,M1,90000,ACTIVE\n");

            Programme.Result refused = programme.run("deduct", "--period", "2026-01");

            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.stderr()).contains("2026-02").contains("unfinished");
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isEqualTo(1);
        }

        @Test
        void abandonedDoesNotCountAsDeductedWhenEnrollingContracts(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            drop(programme, "payroll-2026-01.csv", REGISTER_HEADER + "2026-01,M1,90000,ACTIVE\n");
            CrashResumeTests.assertCrashesAt(programme, "step:deduct", new String[] {"deduct", "--period", "2026-01"});
            assertThat(programme.run("abandon", "deduct", "--period", "2026-01").exitCode())
                    .isZero();

            drop(programme, "contracts-2.csv", CONTRACTS_HEADER + "C2,M2,Bob,2400,2026-01\n");
            Programme.Result imported = programme.run("import-contracts");

            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE first_period = '2026-01'"))
                    .isEqualTo(2);
        }

        @Test
        void aMistypedFileIsAnErrorNotAResumeWithTheOldFile(@TempDir Path dir) throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            drop(programme, "contracts.csv", CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            drop(programme, "payroll-2026-01.csv", REGISTER_HEADER + "2026-01,M1,90000,ACTIVE\n");
            CrashResumeTests.assertCrashesAt(programme, "step:deduct", new String[] {"deduct", "--period", "2026-01"});

            Programme.Result result = programme.run(
                    "deduct",
                    "--period",
                    "2026-01",
                    "--file",
                    dir.resolve("typo.csv").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("typo.csv");
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isEqualTo(1);
        }
    }

    @Nested
    class UsageErrors {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "deduct",
                    "deduct --period 2026-13",
                    "deduct --period 2026-01 --bogus",
                    "reconcile --period 2026-01 --max-rejects x",
                    "deduct --period 2026-01 --max-rejects -1",
                    "serve --bogus",
                    "abandon foo"
                })
        void exitWithCodeTwoAndChangeNothing(String commandLine, @TempDir Path dir) {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);

            Programme.Result result = programme.run(commandLine.split(" "));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).doesNotContain("\tat ");
        }
    }

    private static final String FIVE_CONTRACTS = CONTRACTS_HEADER + "C1,M1,Alice,1200,2026-01\n"
            + "C2,M2,Bob,2400,2026-01\n" + "C3,M3,Carla,3600,2026-02\n" + "C4,M1,Alice,1200,2026-02\n"
            + "C5,M5,Eyram,6000,2026-01\n";

    /** The columns of the index on contract.matricule (H2's information schema): empty when it is missing. */
    private static List<List<String>> matriculeIndex(Programme programme) {
        return programme.query("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + " WHERE TABLE_NAME = 'CONTRACT' AND INDEX_NAME = 'CONTRACT_MATRICULE'");
    }

    private static void drop(Programme programme, String name, String content) throws IOException {
        Files.createDirectories(programme.inbox());
        Files.writeString(programme.inbox().resolve(name), content, StandardCharsets.UTF_8);
    }
}
