package org.smartphone.payroll.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.Scenario;
import org.smartphone.payroll.reference.Scenario.MonthOutcome;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.reference.ScenarioGenerator;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.LedgerSnapshot;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code revoke deduct|reconcile} through the command line (SPEC 6), and the deduction run refused
 * before any contract has started (SPEC 3). A generated programme (several contracts per matricule,
 * contracts settled, ministry codes changing) is run for a few months; a run is revoked, and the
 * ledger must be exactly what it was before the run, the run's files in {@code revoked-01/}, and the
 * same input run again must give byte-identical files.
 */
class RevocationTests {

    @TempDir
    static Path shared;

    static Path inputs;

    @BeforeAll
    static void generatedProgramme() {
        inputs = shared.resolve("inputs");
        try {
            Files.createDirectories(inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scenario scenario = ScenarioGenerator.generate(1313, 160, 3, "2026-01");
        ScenarioFiles.writeContracts(inputs, scenario);
        for (MonthOutcome month : scenario.playOn(new ReferenceProgramme())) {
            ScenarioFiles.writePayroll(inputs, scenario, month.period());
            ScenarioFiles.writeWithheld(inputs, month.period(), month.withholdingReturn());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeductionRunBeforeAnyContractHasStartedIsRefusedBeforeItsFileIsRead(TestDatabase database, @TempDir Path dir)
            throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Files.createDirectories(programme.inbox());
        // no register in the inbox either: the state is checked first
        Programme.Result result = programme.run("deduct", "--period", "2026-01");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.errors().strip())
                .isEqualTo("The deduction run for 2026-01 must wait: no contract has its"
                        + " first installment in 2026-01 or before: import the contracts first (import-contracts), then run"
                        + " deduct again.");

        // contracts that all start later do not make January deductible either
        Path late = Files.writeString(
                dir.resolve("contracts-late.csv"),
                "contract_id,matricule,full_name,price_xof,first_period\nC-LATE,MAT-LATE,Ama Late,120000,2026-03\n");
        assertThat(programme.run("import-contracts", "--file", late.toString()).exitCode())
                .isZero();
        programme.drop(inputs.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        LedgerSnapshot before = LedgerSnapshot.of(programme);
        result = programme.run("deduct", "--period", "2026-01");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.stderr()).contains("no contract has its first installment in 2026-01 or before");
        assertThat(LedgerSnapshot.of(programme)).isEqualTo(before);
        assertThat(programme.inbox().resolve("payroll-2026-01.csv")).exists();
        assertThat(programme.number("SELECT COUNT(*) FROM payroll_run WHERE kind = 'DEDUCTION'"))
                .isZero();

        // once January's contracts are imported, January can be deducted: no dead end
        programme.drop(inputs.resolve("contracts.csv"), "contracts.csv");
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        assertThat(programme.run("deduct", "--period", "2026-01").exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokingADeductionRunGivesBackTheLedgerExactlyAndTheSameRegisterGivesTheSameFiles(
            TestDatabase database, @TempDir Path dir) throws IOException {
        Programme programme = programme(dir.resolve("home"), database);
        for (String[] command : List.of(new String[] {"import-contracts"}, deduct("2026-01"), reconcile("2026-01"))) {
            assertThat(programme.run(command).exitCode())
                    .as(String.join(" ", command))
                    .isZero();
        }
        Snapshot before = Snapshot.of(programme);
        assertThat(programme.run(deduct("2026-02")).exitCode()).isZero();
        long deductionRun =
                programme.number("SELECT run_id FROM payroll_run WHERE kind = 'DEDUCTION'" + " AND period = '2026-02'");
        // what this programme exercises: holders of several contracts, ministry codes replaced by this run
        // and recorded for the first time, contracts already settled
        assertThat(programme.number("SELECT COUNT(*) FROM (SELECT matricule FROM deduction_line WHERE period ="
                        + " '2026-02' GROUP BY matricule HAVING COUNT(*) > 1) t"))
                .isPositive();
        assertThat(programme.number("SELECT COUNT(*) FROM holder_ministry_replaced WHERE period = '2026-02'"))
                .isPositive();
        assertThat(programme.number("SELECT COUNT(*) FROM holder_ministry WHERE period = '2026-02'"))
                .isGreaterThan(
                        programme.number("SELECT COUNT(*) FROM holder_ministry_replaced WHERE period = '2026-02'"));
        assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE settled_period IS NOT NULL"))
                .isPositive();
        Map<String, String> published = files(programme.outbox("2026-02"));

        Programme.Result revoked = programme.run(
                "revoke",
                "deduct",
                "--period",
                "2026-02",
                "--reason",
                "the register of January was sent again as February's");

        assertThat(revoked.exitCode()).as("%s", revoked).isZero();
        assertThat(revoked.stdout().strip())
                .isEqualTo("The revocation completed (run " + (deductionRun + 1)
                        + "): revoked run " + deductionRun
                        + " (deduction run for 2026-02, payroll-2026-02.csv); its files"
                        + " are in outbox/2026-02/revoked-01/.");
        Snapshot after = Snapshot.of(programme);
        assertThat(ledger(after)).isEqualTo(ledger(before));
        assertThat(files(programme.outbox("2026-02").resolve("revoked-01"))).isEqualTo(published);
        assertThat(files(programme.outbox("2026-02"))).isEmpty();
        assertThat(programme.query("SELECT state FROM payroll_run WHERE run_id = " + deductionRun))
                .containsExactly(List.of("REVOKED"));
        String status = programme.run("status").stdout();
        assertThat(status)
                .containsPattern("(?m)^ *" + deductionRun + " .*2026-02 +REVOKED .*payroll-2026-02\\.csv"
                        + ".* revoked 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d by run " + (deductionRun + 1)
                        + ": the register of January was sent again as February's$");

        // the same register, copied back from the archive, runs again as a new run, with the same files
        Files.copy(
                programme.archive().resolve("2026-02/payroll-2026-02.csv"),
                programme.inbox().resolve("payroll-2026-02.csv"));
        Programme.Result again = programme.run(deduct("2026-02"));
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.stdout()).contains("(run " + (deductionRun + 2) + ")");
        assertThat(files(programme.outbox("2026-02"))).isEqualTo(published);
        assertThat(programme.run(reconcile("2026-02")).exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revokingAReconciliationReopensWhatItSettledAndTheReturnCanBeRunAgain(TestDatabase database, @TempDir Path dir)
            throws IOException {
        Programme programme = programme(dir.resolve("home"), database);
        for (String[] command : List.of(
                new String[] {"import-contracts"}, deduct("2026-01"), reconcile("2026-01"), deduct("2026-02"))) {
            assertThat(programme.run(command).exitCode())
                    .as(String.join(" ", command))
                    .isZero();
        }
        Snapshot before = Snapshot.of(programme);
        assertThat(programme.run(reconcile("2026-02")).exitCode()).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE settled_period = '2026-02'"))
                .isPositive();
        assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE settled_period = '2026-01'"))
                .isPositive();
        Map<String, String> published = files(programme.outbox("2026-02"));

        Programme.Result revoked =
                programme.run("revoke", "reconcile", "--period", "2026-02", "--reason", "return of the wrong ministry");

        assertThat(revoked.exitCode()).as("%s", revoked).isZero();
        assertThat(ledger(Snapshot.of(programme))).isEqualTo(ledger(before));
        Map<String, String> aside = files(programme.outbox("2026-02").resolve("revoked-01"));
        assertThat(aside.keySet())
                .containsExactlyInAnyOrder(
                        "reconciliation-2026-02.csv",
                        "reconciliation-2026-02.csv.sha256",
                        "arrears-2026-02.csv",
                        "arrears-2026-02.csv.sha256",
                        "reconciliation-2026-02.manifest.json");
        assertThat(files(programme.outbox("2026-02"))).isEqualTo(files(before, "outbox/2026-02/"));

        // the same return named where it was archived: a fresh run, the same files
        Path archived = programme.archive().resolve("2026-02/withheld-2026-02.csv");
        Programme.Result again = programme.run("reconcile", "--period", "2026-02", "--file", archived.toString());
        assertThat(again.exitCode()).as("%s", again).isZero();
        Map<String, String> rerun = files(programme.outbox("2026-02"));
        aside.forEach((name, sha256) -> assertThat(rerun).containsEntry(name, sha256));
        assertThat(rerun).hasSize(published.size());
        assertThat(programme.run(deduct("2026-03")).exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunIsRevokedOnlyWhileNothingDependsOnItAndARefusalSaysWhat(TestDatabase database, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Snapshot imported = Snapshot.of(programme);
        assertRefused(
                programme,
                "The deduction run for 2026-01 has not completed: there is nothing to revoke.",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "never ran");
        assertThat(programme.run(deduct("2026-01")).exitCode()).isZero();
        assertRefused(
                programme,
                "The reconciliation of 2026-01 has not completed: there is nothing to revoke.",
                "revoke",
                "reconcile",
                "--period",
                "2026-01",
                "--reason",
                "never ran");

        // a reconciliation refused for its input (exit 2) changed nothing: it does not hold the deduction run
        Path bad = dir.resolve("withheld-bad.csv");
        write(bad, "period,contract_id,matricule,amount_withheld_xof\n2026-01,C-1,MAT-1,ten\n");
        assertThat(programme
                        .run("reconcile", "--period", "2026-01", "--file", bad.toString())
                        .exitCode())
                .isEqualTo(2);
        // one interrupted (exit 1) does: it may have reached the ledger
        EngineProcess crashed = EngineProcess.start(
                programme, Map.of("PAYROLL_CRASH_AT", "step:stageAndReconcile"), reconcile("2026-01"));
        assertThat(crashed.waitFor()).as(crashed.output()).isEqualTo(137);
        long interrupted = programme.number("SELECT MAX(run_id) FROM payroll_run WHERE kind = 'RECONCILIATION'");
        assertRefused(
                programme,
                "The deduction run for 2026-01 cannot be revoked while the reconciliation of"
                        + " 2026-01 (run " + interrupted
                        + ") is unfinished: run reconcile --period 2026-01 to finish it first,"
                        + " or discard it with 'abandon reconcile --period 2026-01'.",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "too late");
        assertThat(programme.run(reconcile("2026-01")).exitCode()).isZero();
        assertRefused(
                programme,
                "The deduction run for 2026-01 cannot be revoked: the reconciliation of 2026-01"
                        + " has completed; revoke it first (revoke reconcile --period 2026-01 --reason ...).",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "too late");
        assertThat(programme.run(deduct("2026-02")).exitCode()).isZero();
        assertRefused(
                programme,
                "The reconciliation of 2026-01 cannot be revoked: the deduction run for 2026-02"
                        + " has completed; revoke it first (revoke deduct --period 2026-02 --reason ...).",
                "revoke",
                "reconcile",
                "--period",
                "2026-01",
                "--reason",
                "too late");
        assertRefused(
                programme,
                "The deduction run for 2026-01 cannot be revoked: the deduction run for 2026-02"
                        + " has completed; revoke it first (revoke deduct --period 2026-02 --reason ...).",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "too late");

        // undone one after the other, latest first, back to the ledger of the import alone
        for (String[] revoke :
                List.of(new String[] {"deduct", "2026-02"}, new String[] {"reconcile", "2026-01"}, new String[] {
                    "deduct", "2026-01"
                })) {
            Programme.Result result = programme.run("revoke", revoke[0], "--period", revoke[1], "--reason", "undo");
            assertThat(result.exitCode()).as("%s", result).isZero();
        }
        assertThat(ledger(Snapshot.of(programme))).isEqualTo(ledger(imported));
        // revoked already: said so, with when, by which run and why; and no report of a month undone
        Programme.Result twice = programme.run("revoke", "deduct", "--period", "2026-01", "--reason", "twice");
        assertThat(twice.exitCode()).as("%s", twice).isEqualTo(3);
        String revoked = "\\(run \\d+\\) was revoked \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d by run \\d+: undo";
        assertThat(twice.errors().strip())
                .matches("The deduction run for 2026-01 " + revoked + "; there is no completed run of it to revoke\\.");
        Programme.Result report = programme.run("report", "--period", "2026-01");
        assertThat(report.exitCode()).as("%s", report).isEqualTo(3);
        assertThat(report.errors().strip())
                .matches("No report for 2026-01: its deduction run " + revoked
                        + " \\(see status\\)\\. Nothing was written\\.");
        assertThat(programme.outbox("2026-01").resolve("report-2026-01.html")).doesNotExist();
        assertThat(programme.query("SELECT folder FROM revocation ORDER BY run_id"))
                .containsExactly(List.of("revoked-01"), List.of("revoked-01"), List.of("revoked-02"));
    }

    /**
     * A deduction run made by the version before revoke kept no ministry code it replaced: undoing it
     * could not give them back, so it is refused (an upgraded ledger is simulated by moving the first
     * run id that keeps them past this run).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeductionRunOfAnEarlierVersionThatRecordedMinistryCodesIsNotRevoked(
            TestDatabase database, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        assertThat(programme.run(deduct("2026-01")).exitCode()).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM holder_ministry WHERE period = '2026-01'"))
                .isPositive();
        long run = programme.number("SELECT run_id FROM payroll_run WHERE kind = 'DEDUCTION'");
        programme.update("UPDATE revocable_since SET first_run_id = " + (run + 1));

        assertRefused(
                programme,
                "The deduction run for 2026-01 (run " + run + ") was made by a version of the engine"
                        + " that did not keep the ministry codes it replaced, so it cannot be undone exactly; it is not"
                        + " revoked. Nothing was changed.",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "old");
    }

    @Test
    void aReasonIsRequiredPrintableAndShort(@TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        assertUsage(programme, "Missing required option: '--reason=TEXT'", "revoke", "deduct", "--period", "2026-01");
        assertUsage(
                programme,
                "--reason must say why the run is revoked; it is shown in status.",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                " \u00a0 ");
        assertUsage(
                programme,
                "--reason holds a control or invisible formatting character (a tab, a line break;"
                        + " shown here as \\u followed by its code): wrong\\u000afile",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "wrong\nfile");
        assertUsage(
                programme,
                "--reason is 501 characters long; say why in at most 500.",
                "revoke",
                "deduct",
                "--period",
                "2026-01",
                "--reason",
                "x".repeat(501));
        assertUsage(
                programme,
                "RUN must be deduct or reconcile, not 'import-contracts'",
                "revoke",
                "import-contracts",
                "--period",
                "2026-01",
                "--reason",
                "x");
        assertThat(programme.home().resolve("db")).doesNotExist();
    }

    private static void assertRefused(Programme programme, String message, String... command) {
        Snapshot before = Snapshot.of(programme);
        Programme.Result result = programme.run(command);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.errors().strip()).isEqualTo(message);
        assertThat(Snapshot.of(programme).differencesFrom(before)).isEmpty();
    }

    private static void assertUsage(Programme programme, String message, String... command) {
        Programme.Result result = programme.run(command);
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.stderr().lines().findFirst()).contains(message);
    }

    /** The ledger tables and the record of processed inputs: what a revocation must give back. */
    private static Map<String, List<List<String>>> ledger(Snapshot snapshot) {
        Map<String, List<List<String>>> tables = new TreeMap<>(snapshot.tables());
        tables.remove("runs");
        return tables;
    }

    /** The files of one snapshot under a prefix, by name. */
    private static Map<String, String> files(Snapshot snapshot, String prefix) {
        Map<String, String> files = new TreeMap<>();
        snapshot.files().forEach((path, sha256) -> {
            if (path.startsWith(prefix) && !path.substring(prefix.length()).contains("/")) {
                files.put(path.substring(prefix.length()), sha256);
            }
        });
        return files;
    }

    /** The regular files directly in a folder, by name, with their SHA-256. */
    static Map<String, String> files(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile)
                    .forEach(file -> files.put(file.getFileName().toString(), OutputFiles.sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String[] deduct(String period) {
        return new String[] {"deduct", "--period", period};
    }

    static String[] reconcile(String period) {
        return new String[] {"reconcile", "--period", period};
    }

    static Programme programme(Path home, TestDatabase database) {
        Programme programme = new Programme(home, database);
        try {
            Files.createDirectories(programme.inbox());
            try (Stream<Path> files = Files.list(inputs)) {
                for (Path file : files.toList()) {
                    Files.copy(
                            file, programme.inbox().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programme;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
