package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.ServeProcess.await;
import static org.smartphone.payroll.support.ServeProcess.occurrences;
import static org.smartphone.payroll.support.ServeProcess.startServe;
import static org.smartphone.payroll.support.ServeProcess.stop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The commands that only read the ledger ({@code status}, {@code report}) work from another process
 * while serve runs, also on the embedded H2 database that serve holds (through serve's own server);
 * the commands that change the ledger are still refused there, naming serve. serve writes the period
 * report itself when a month's reconciliation completes, the same page {@code report --period M}
 * writes. Every command runs in a JVM of its own, as from a terminal beside serve.
 */
class ServeBesideCommandsTests {

    private static final Path SAMPLES = Path.of("sample-data");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statusAndReportRunBesideServeWithTheFiguresTheyGiveAfterIt(TestDatabase database, @TempDir Path dir)
            throws Exception {
        Programme programme = new Programme(dir.resolve("home"), database);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv", "withheld-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        Path report = programme.outbox("2026-01").resolve("report-2026-01.html");
        EngineProcess serve = startServe(programme, Map.of());
        await(serve, "the report serve writes after the reconciliation", () -> Files.exists(report));
        byte[] writtenByServe = Files.readAllBytes(report);
        assertThat(serve.output()).contains("Report of 2026-01 written to " + report + ".");

        EngineProcess status = EngineProcess.start(programme, Map.of(), "status");
        assertThat(status.waitFor()).as(status.output()).isZero();
        EngineProcess reportBeside = EngineProcess.start(programme, Map.of(), "report", "--period", "2026-01");
        assertThat(reportBeside.waitFor()).as(reportBeside.output()).isZero();
        assertThat(reportBeside.output()).contains("Report of 2026-01 done in");
        assertThat(report)
                .as("the same page as serve's: nothing changed in between")
                .binaryContent()
                .isEqualTo(writtenByServe);
        assertThat(serve.isAlive()).isTrue();
        if (database == TestDatabase.H2) {
            assertThat(programme.home().resolve("db/served-by"))
                    .as("the server's key, the engine's account only")
                    .satisfies(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .isEqualTo("rw-------"));
        }

        stop(serve);
        assertThat(programme.home().resolve("db/served-by")).doesNotExist();
        Programme.Result after = programme.run("status");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(table(status.output()))
                .isEqualTo(table(after.stdout()))
                .contains("3 runs: 0 unfinished, 3 completed, 0 rejected, 0 abandoned");
        Programme.Result reportAfter = programme.run("report", "--period", "2026-01");
        assertThat(reportAfter.exitCode()).as(reportAfter.toString()).isZero();
        assertThat(report)
                .as("report --period 2026-01 after serve: byte for byte serve's")
                .binaryContent()
                .isEqualTo(writtenByServe);
        assertThat(hiddenFiles(programme.outbox("2026-01")))
                .as("nothing left aside")
                .isEmpty();
    }

    /**
     * On H2 a command that changes the ledger is refused while serve holds the database, naming serve
     * (SPEC 6: the run in progress is serve's for as long as it is alive), and nothing changes.
     */
    @Test
    void onH2ACommandThatChangesTheLedgerIsRefusedNamingServe(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        EngineProcess serve = startServe(programme, Map.of());
        await(
                serve,
                "the contracts imported",
                () -> Files.exists(programme.archive().resolve("contracts/contracts.csv")));
        Path register = Files.copy(SAMPLES.resolve("payroll-2026-01.csv"), dir.resolve("payroll-2026-01.csv"));

        EngineProcess deduct = EngineProcess.start(
                programme, Map.of(), "deduct", "--period", "2026-01", "--file", register.toString());
        assertThat(deduct.waitFor()).as(deduct.output()).isEqualTo(3);
        assertThat(deduct.output())
                .contains("Another run is in progress: 'serve' (process " + serve.pid() + ", since ")
                .contains(" holds the database in " + programme.home().resolve("db") + ". serve keeps the embedded"
                        + " database for as long as it runs (status and report read it through serve): stop it"
                        + " (SIGTERM) first, or use PostgreSQL (PAYROLL_DB_URL) to run commands beside it.");
        stop(serve);
        assertThat(register).as("left where it was").exists();
        assertThat(programme.number("SELECT COUNT(*) FROM payroll_run"))
                .as("the import only")
                .isEqualTo(1);
    }

    /**
     * serve killed (kill -9) while a report reads the ledger through it: the report fails (exit 1,
     * nothing written), and afterwards every command and a new serve work as before; the key file the
     * killed serve left is forgotten by the next command. A new serve writes the report of the latest reconciled
     * month when it is missing (here reconciled by the command, which writes none).
     */
    @Test
    void serveKilledWhileAReportReadsThroughItLeavesNothingBroken(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        EngineProcess serve = startServe(programme, Map.of());
        await(
                serve,
                "the deduction run",
                () -> Files.exists(programme.archive().resolve("2026-01/payroll-2026-01.csv")));
        Path pause = dir.resolve("paused");
        EngineProcess report = EngineProcess.start(
                programme,
                Map.of("PAYROLL_PAUSE_AT", "report:read", "PAYROLL_PAUSE_FILE", pause.toString()),
                "report",
                "--period",
                "2026-01");
        EngineProcess.awaitFile(pause, report);

        assertThat(serve.kill()).isEqualTo(137);
        Files.delete(pause);
        assertThat(report.waitFor()).as(report.output()).isEqualTo(1);
        assertThat(report.output()).contains("The command failed: ").contains("run the same command again");
        assertThat(programme.outbox("2026-01").resolve("report-2026-01.html")).doesNotExist();
        assertThat(hiddenFiles(programme.outbox("2026-01")))
                .as("nothing left aside")
                .isEmpty();

        Programme.Result status = programme.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("2 runs: 0 unfinished, 2 completed");
        assertThat(programme.home().resolve("db/served-by"))
                .as("the killed serve's key, forgotten")
                .doesNotExist();
        assertThat(programme.run("report", "--period", "2026-01").exitCode()).isZero();

        // a command holding the database is named to status, which waits for it as before
        programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld-2026-01.csv");
        EngineProcess reconcile = EngineProcess.start(
                programme,
                Map.of("PAYROLL_PAUSE_AT", "step:stageAndReconcile", "PAYROLL_PAUSE_FILE", pause.toString()),
                "reconcile",
                "--period",
                "2026-01");
        EngineProcess.awaitFile(pause, reconcile);
        Programme.Result refused = programme.run("status");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.stderr())
                .contains("Another run is in progress: 'reconcile --period 2026-01' (process " + reconcile.pid()
                        + ", since ")
                .contains(". Wait for it to finish.");
        Files.delete(pause);
        assertThat(reconcile.waitFor()).as(reconcile.output()).isZero();

        // the page of the deduction alone, written above: older than the reconciliation
        Path page = programme.outbox("2026-01").resolve("report-2026-01.html");
        byte[] beforeReconciliation = Files.readAllBytes(page);
        EngineProcess again = startServe(programme, Map.of());
        await(
                again,
                "the report of the latest reconciled month",
                () -> again.output().contains("Report of 2026-01" + " written to " + page + "."));
        assertThat(page).binaryContent().isNotEqualTo(beforeReconciliation);
        EngineProcess statusBeside = EngineProcess.start(programme, Map.of(), "status");
        assertThat(statusBeside.waitFor()).as(statusBeside.output()).isZero();
        assertThat(statusBeside.output()).contains("3 runs: 0 unfinished, 3 completed");
        stop(again);
        byte[] writtenByServe = Files.readAllBytes(page);
        assertThat(programme.run("report", "--period", "2026-01").exitCode()).isZero();
        assertThat(page).binaryContent().isEqualTo(writtenByServe);
    }

    /**
     * A report that cannot be written (a folder holds its name) is logged, does not undo the
     * reconciliation, and is written once the cause is gone, as report --period would write it.
     */
    @Test
    void aReportServeCannotWriteIsLoggedAndWrittenOnceItCan(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv", "withheld-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        Path report = programme.outbox("2026-01").resolve("report-2026-01.html");
        Files.createDirectories(report.resolve("in the way"));
        EngineProcess serve = startServe(programme, Map.of());
        await(serve, "the failure said", () -> serve.output().contains("The report of 2026-01 could not be written"));
        assertThat(programme.archive().resolve("2026-01/withheld-2026-01.csv"))
                .as("the reconciliation stands")
                .exists();
        Thread.sleep(1_000); // five more polls: the failure is said once
        assertThat(occurrences(serve.output(), "The report of 2026-01 could not be written"))
                .isEqualTo(1);
        assertThat(serve.output())
                .contains("The reconciliation stands; serve tries again at each poll (report --period"
                        + " 2026-01 writes it too).");

        Files.delete(report.resolve("in the way"));
        Files.delete(report);
        await(serve, "the report written", () -> Files.isRegularFile(report));
        stop(serve);
        byte[] writtenByServe = Files.readAllBytes(report);
        assertThat(programme.run("report", "--period", "2026-01").exitCode()).isZero();
        assertThat(report).binaryContent().isEqualTo(writtenByServe);
        assertThat(programme.query("SELECT state FROM payroll_run WHERE kind = 'RECONCILIATION'"))
                .containsExactly(List.of("COMPLETED"));
        assertThat(hiddenFiles(programme.outbox("2026-01")))
                .as("nothing left aside")
                .isEmpty();
    }

    /** The table status prints, without the time it took. */
    private static String table(String output) {
        List<String> lines = output.lines().toList();
        int header = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("run "))
                .findFirst()
                .orElseThrow());
        StringBuilder table = new StringBuilder();
        for (String line : lines.subList(header, lines.size())) {
            table.append(line.replaceAll(" \\([0-9.]+ s\\)\\.$", ".")).append('\n');
            if (line.matches("[0-9]+ runs?: .*")) {
                break;
            }
        }
        return table.toString();
    }

    private static List<String> hiddenFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("."))
                    .toList();
        }
    }
}
