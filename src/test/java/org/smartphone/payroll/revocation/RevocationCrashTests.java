package org.smartphone.payroll.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.Scenario;
import org.smartphone.payroll.reference.Scenario.MonthOutcome;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.reference.ScenarioGenerator;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A revocation interrupted anywhere (the process halts itself at a named point, as {@code kill -9}
 * would), then the same revoke command again: exit 0, and a ledger, outbox, archive and inbox
 * identical to those of a revocation never interrupted, also once the revoked run's input has been
 * run again. Until it is finished, no other run may start: the revoked run's files, still in the
 * period's folder after the commit, are never written over by a new run of the period.
 */
class RevocationCrashTests {

    private static final List<String[]> BEFORE = List.of(
            new String[] {"import-contracts"},
            new String[] {"deduct", "--period", "2026-01"},
            new String[] {"reconcile", "--period", "2026-01"},
            new String[] {"deduct", "--period", "2026-02"});
    private static final String[] REVOKE_DEDUCTION = {
        "revoke", "deduct", "--period", "2026-02", "--reason", "March's register was sent as February's"
    };
    private static final String[] REVOKE_RECONCILIATION = {
        "revoke", "reconcile", "--period", "2026-01", "--reason", "the return of another ministry"
    };

    @TempDir
    static Path shared;

    static Path inputs;
    static Snapshot deductionRevoked;
    static Snapshot reconciliationRevoked;

    @BeforeAll
    static void uninterruptedRevocations() throws IOException {
        inputs = Files.createDirectories(shared.resolve("inputs"));
        Scenario scenario = ScenarioGenerator.generate(4242, 300, 2, "2026-01");
        ScenarioFiles.writeContracts(inputs, scenario);
        for (MonthOutcome month : scenario.playOn(new ReferenceProgramme())) {
            ScenarioFiles.writePayroll(inputs, scenario, month.period());
            ScenarioFiles.writeWithheld(inputs, month.period(), month.withholdingReturn());
        }
        Programme clean = programme(shared.resolve("clean"), TestDatabase.H2);
        runBefore(clean);
        assertThat(clean.run(REVOKE_DEDUCTION).exitCode()).isZero();
        deductionRevoked = afterRerun(clean, "payroll-2026-02.csv", new String[] {"deduct", "--period", "2026-02"});
        Programme other = programme(shared.resolve("clean-reconciliation"), TestDatabase.H2);
        runBefore(other.with("PAYROLL_BATCH_SIZE", "50"));
        assertThat(other.run(REVOKE_DEDUCTION).exitCode()).isZero();
        assertThat(other.run(REVOKE_RECONCILIATION).exitCode()).isZero();
        reconciliationRevoked =
                afterRerun(other, "withheld-2026-01.csv", new String[] {"reconcile", "--period", "2026-01"});
    }

    static Stream<Arguments> deductionCrashPoints() {
        return Stream.of(
                Arguments.of("start:revokeJob", false),
                Arguments.of("step:revoke", false),
                Arguments.of("done:revoke", true),
                Arguments.of("step:moveRevokedFiles", true),
                Arguments.of("moved:deductions-2026-02.csv", true),
                Arguments.of("moved:deduction-exceptions-2026-02.csv.sha256", true),
                Arguments.of("done:moveRevokedFiles", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deductionCrashPoints")
    void aRevocationOfADeductionRunInterruptedAnywhereIsFinishedByTheSameCommand(
            String point, boolean committed, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        runBefore(programme);
        crashAt(programme, point, REVOKE_DEDUCTION);
        if (committed) {
            assertOtherRunsWait(programme, "revoke deduct --period 2026-02 --reason ...");
        }
        Programme.Result resumed = programme.run(REVOKE_DEDUCTION);
        assertThat(resumed.exitCode()).as("%s", resumed).isZero();
        Snapshot rerun = afterRerun(programme, "payroll-2026-02.csv", new String[] {"deduct", "--period", "2026-02"});
        assertThat(rerun.differencesFrom(deductionRevoked)).isEmpty();
    }

    static Stream<Arguments> reconciliationCrashPoints() {
        return Stream.of(
                Arguments.of(TestDatabase.H2, "done:revoke"),
                Arguments.of(TestDatabase.H2, "moved:arrears-2026-01.csv"),
                Arguments.of(TestDatabase.POSTGRES, "step:revoke"),
                Arguments.of(TestDatabase.POSTGRES, "moved:reconciliation-2026-01.csv"));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("reconciliationCrashPoints")
    void aRevocationOfAReconciliationInterruptedIsFinishedByTheSameCommand(
            TestDatabase database, String point, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), database);
        runBefore(programme.with("PAYROLL_BATCH_SIZE", "50"));
        assertThat(programme.run(REVOKE_DEDUCTION).exitCode()).isZero();
        crashAt(programme, point, REVOKE_RECONCILIATION);
        Programme.Result resumed = programme.run(REVOKE_RECONCILIATION);
        assertThat(resumed.exitCode()).as("%s", resumed).isZero();
        Snapshot rerun =
                afterRerun(programme, "withheld-2026-01.csv", new String[] {"reconcile", "--period", "2026-01"});
        assertThat(rerun.differencesFrom(reconciliationRevoked)).isEmpty();
    }

    /**
     * After the commit, before the files are moved: every other run is refused (exit 3) naming the
     * revoke command, and changes nothing; the revoked run's files stay as they were.
     */
    private static void assertOtherRunsWait(Programme programme, String revokeCommand) {
        copyBack(programme, "payroll-2026-02.csv");
        Snapshot before = Snapshot.of(programme);
        for (String[] command : List.of(
                new String[] {"deduct", "--period", "2026-02"},
                new String[] {"import-contracts"},
                new String[] {"reconcile", "--period", "2026-01"},
                new String[] {"revoke", "reconcile", "--period", "2026-01", "--reason", "other"})) {
            Programme.Result result = programme.run(command);
            assertThat(result.exitCode())
                    .as("%s: %s", String.join(" ", command), result)
                    .isEqualTo(3);
            assertThat(result.stderr())
                    .as(String.join(" ", command))
                    .contains(") is unfinished: run the same" + " command again (" + revokeCommand
                            + ") to finish it first.");
        }
        assertThat(Snapshot.of(programme).differencesFrom(before)).isEmpty();
        try {
            Files.delete(programme.inbox().resolve("payroll-2026-02.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the revoked run's input back in the inbox from the archive, runs it again, and snapshots. */
    private static Snapshot afterRerun(Programme programme, String input, String[] command) {
        copyBack(programme, input);
        Programme.Result result = programme.run(command);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return Snapshot.of(programme);
    }

    private static void copyBack(Programme programme, String input) {
        String period = input.replaceAll("^[a-z]+-|\\.csv$", "");
        try {
            Files.copy(
                    programme.archive().resolve(period).resolve(input),
                    programme.inbox().resolve(input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runBefore(Programme programme) {
        for (String[] command : BEFORE) {
            assertThat(programme.run(command).exitCode())
                    .as(String.join(" ", command))
                    .isZero();
        }
    }

    private static void crashAt(Programme programme, String point, String[] command) {
        EngineProcess engine = EngineProcess.start(programme, Map.of("PAYROLL_CRASH_AT", point), command);
        assertThat(engine.waitFor())
                .as("halted at %s:\n%s", point, engine.output())
                .isEqualTo(137);
    }

    private static Programme programme(Path home, TestDatabase database) {
        Programme programme = new Programme(home, database);
        try {
            Files.createDirectories(programme.inbox());
            try (Stream<Path> files = Files.list(inputs)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().contains("2026-02")
                                || f.getFileName().toString().startsWith("payroll"))
                        .toList()) {
                    Files.copy(file, programme.inbox().resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programme;
    }
}
