package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A run interrupted anywhere, then the same command again: exit 0, and a ledger, outbox, archive and
 * inbox identical to those of a programme that was never interrupted. The engine runs in a process of
 * its own; it halts itself at a named point ({@code PAYROLL_CRASH_AT}, as {@code kill -9} would: no
 * shutdown hook, no flush) or is killed with SIGKILL at random moments. Small JDBC batches (50 rows)
 * put many chunks in each run, so that "batch#n" points fall inside the staging and computing steps.
 */
class CrashResumeTests {

    private static final String BATCH_SIZE = "50";
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"import-contracts"},
            new String[] {"deduct", "--period", "2026-01"},
            new String[] {"reconcile", "--period", "2026-01"},
            new String[] {"deduct", "--period", "2026-02"},
            new String[] {"reconcile", "--period", "2026-02"});

    @TempDir
    static Path shared;

    static Path inputs;
    static Snapshot uninterrupted;

    @BeforeAll
    static void uninterruptedProgramme() throws IOException {
        inputs = Files.createDirectories(shared.resolve("inputs"));
        Scenario scenario = ScenarioGenerator.generate(77, 600, 2, "2026-01");
        ScenarioFiles.writeContracts(inputs, scenario);
        for (MonthOutcome month : scenario.playOn(new ReferenceProgramme())) {
            ScenarioFiles.writePayroll(inputs, scenario, month.period());
            ScenarioFiles.writeWithheld(inputs, month.period(), month.withholdingReturn());
        }
        Programme clean = programme(shared.resolve("clean"), TestDatabase.H2);
        for (String[] command : COMMANDS) {
            assertThat(clean.run(command).exitCode()).isZero();
        }
        uninterrupted = Snapshot.of(clean);
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(
                // the first command creates the schema: killed after the n-th statement of the migrations
                // (4th: in V1, Spring Batch's tables; 15th: in V2, the ledger; 28th: V4's DROP TABLE)
                Arguments.of(0, "migration-statement#4"),
                Arguments.of(0, "migration-statement#15"),
                Arguments.of(0, "migration-statement#28"),
                Arguments.of(0, "done:stageContracts"),
                Arguments.of(0, "batch#3"),
                Arguments.of(0, "step:applyContracts"),
                Arguments.of(0, "done:applyContracts"),
                Arguments.of(0, "step:archiveContracts"),
                Arguments.of(1, "step:deduct"),
                Arguments.of(1, "batch#4"),
                Arguments.of(1, "batch#15"),
                Arguments.of(1, "done:deduct"),
                Arguments.of(1, "step:publishDeduction"),
                Arguments.of(1, "publish:deductions-2026-01.csv"),
                Arguments.of(1, "published:deductions-2026-01.csv"),
                Arguments.of(1, "step:archiveRegister"),
                Arguments.of(1, "done:archiveRegister"),
                Arguments.of(2, "batch#2"),
                Arguments.of(2, "step:stageAndReconcile"),
                Arguments.of(2, "done:stageAndReconcile"),
                Arguments.of(2, "done:commitReconciliation"),
                Arguments.of(2, "step:publishReconciliation"),
                Arguments.of(2, "publish:arrears-2026-01.csv"),
                Arguments.of(2, "step:archiveReturn"),
                Arguments.of(4, "step:commitReconciliation"));
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("crashPoints")
    void aCrashAtAnyPointIsResumedExactlyByTheSameCommand(int crashed, String point, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        runAll(programme, crashed, point);
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("postgresCrashPoints")
    void aCrashIsResumedExactlyOnPostgresql(int crashed, String point, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.POSTGRES);
        runAll(programme, crashed, point);
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    static Stream<Arguments> postgresCrashPoints() {
        return Stream.of(
                Arguments.of(1, "batch#4"),
                Arguments.of(1, "done:deduct"),
                Arguments.of(2, "step:archiveReturn"),
                Arguments.of(4, "done:commitReconciliation"));
    }

    @Test
    void severalCrashesInARowOnTheSameRunStillEndWell(@TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run(COMMANDS.get(0)).exitCode()).isZero();
        for (String point : List.of(
                "batch#2", "step:deduct", "done:deduct", "publish:deductions-2026-01.csv", "step:archiveRegister")) {
            assertCrashesAt(programme, point, COMMANDS.get(1));
        }
        for (String[] command : COMMANDS.subList(1, COMMANDS.size())) {
            assertThat(programme.run(command).exitCode()).isZero();
        }
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    @Test
    void runNumbersGoOnWithoutAGapAfterAKill(@TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run(COMMANDS.get(0)).stdout()).contains("(run 1)");
        assertCrashesAt(programme, "step:deduct", COMMANDS.get(1));

        assertThat(programme.run(COMMANDS.get(1)).stdout()).contains("(run 2)");
        assertThat(programme.run(COMMANDS.get(2)).stdout()).contains("(run 3)");
    }

    @Test
    void killedWithSigkillAtRandomMomentsThenResumed(@TempDir Path dir) {
        Random random = new Random(20261128);
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        int kills = 0;
        for (String[] command : COMMANDS) {
            boolean finished = false;
            // a command runs 2 to 3 s in its own JVM on a quiet machine: moments from 0.8 s (the JVM
            // starting) to 3.3 s and five tries give at least five kills without depending on the load
            // (in a JVM with its default options: the quicker start of EngineProcess's would leave fewer)
            for (int attempt = 0; attempt < 5 && !finished; attempt++) {
                if (completed(programme, command)) {
                    break;
                }
                EngineProcess engine = EngineProcess.start(programme, List.of("-Xmx512m"), Map.of(), command);
                sleep(800 + random.nextInt(2500));
                if (engine.isAlive()) {
                    engine.kill();
                    kills++;
                } else {
                    assertThat(engine.waitFor())
                            .as("%s ran to its end:\n%s", String.join(" ", command), engine.output())
                            .isZero();
                    finished = true;
                }
            }
            if (!finished && !completed(programme, command)) {
                Programme.Result result = programme.run(command);
                assertThat(result.exitCode())
                        .as("%s after SIGKILLs: %s", String.join(" ", command), result)
                        .isZero();
            }
        }
        assertThat(kills).as("processes killed while running").isGreaterThanOrEqualTo(5);
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    @Test
    void anOutputAlteredAfterACrashIsRebuiltNotReused(@TempDir Path dir) throws IOException {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run(COMMANDS.get(0)).exitCode()).isZero();
        assertCrashesAt(programme, "step:archiveRegister", COMMANDS.get(1));
        Path order = programme.outbox("2026-01").resolve("deductions-2026-01.csv");
        Files.writeString(
                order,
                "2026-01,MAT-X,C-X,Someone,SMARTPHONE,999999\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        for (String[] command : COMMANDS.subList(1, COMMANDS.size())) {
            assertThat(programme.run(command).exitCode()).isZero();
        }
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    /**
     * Whether the command's run had already completed when its process was killed (while the JVM was
     * shutting down): then there is nothing to resume, and the same command would say so with exit 3.
     */
    static boolean completed(Programme programme, String[] command) {
        if (!Files.exists(programme.home().resolve("db/payroll.mv.db"))) {
            return false;
        }
        String kind = switch (command[0]) {
            case "import-contracts" -> "IMPORT";
            case "deduct" -> "DEDUCTION";
            default -> "RECONCILIATION";
        };
        String period = command.length > 2 ? "'" + command[2] + "'" : "period";
        try {
            return programme.number("SELECT COUNT(*) FROM payroll_run WHERE kind = '" + kind + "' AND state ="
                            + " 'COMPLETED' AND (period = " + period + " OR period IS NULL)")
                    > 0;
        } catch (IllegalStateException killedBeforeTheSchemaWasCreated) {
            return false;
        }
    }

    /** Runs the five commands; the one at {@code crashed} first halts at {@code point}. */
    static void runAll(Programme programme, int crashed, String point) {
        for (int i = 0; i < COMMANDS.size(); i++) {
            if (i == crashed) {
                assertCrashesAt(programme, point, COMMANDS.get(i));
                assertOutputsAgreeWithTheirSidecars(programme);
            }
            Programme.Result result = programme.run(COMMANDS.get(i));
            assertThat(result.exitCode())
                    .as("%s after the crash: %s", String.join(" ", COMMANDS.get(i)), result)
                    .isZero();
        }
    }

    static Programme programme(Path home, TestDatabase database) {
        Programme programme = new Programme(home, database).with("PAYROLL_BATCH_SIZE", BATCH_SIZE);
        try {
            Files.createDirectories(programme.inbox());
            try (Stream<Path> files = Files.list(inputs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, programme.inbox().resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programme;
    }

    static void assertCrashesAt(Programme programme, String point, String[] command) {
        EngineProcess engine = EngineProcess.start(programme, Map.of("PAYROLL_CRASH_AT", point), command);
        assertThat(engine.waitFor())
                .as("halted at %s:\n%s", point, engine.output())
                .isEqualTo(137);
    }

    /**
     * Whatever was published under a final name is whole: its sidecar, when there is one, agrees,
     * and so does every manifest about every file it lists.
     */
    static void assertOutputsAgreeWithTheirSidecars(Programme programme) {
        Path outbox = programme.home().resolve("outbox");
        if (!Files.exists(outbox)) {
            return;
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".sha256")) {
                    OutputFiles.assertSidecar(file.resolveSibling(name.replaceFirst("\\.sha256$", "")));
                } else if (name.endsWith(".manifest.json")) {
                    Matcher entry = MANIFEST_ENTRY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (entry.find()) {
                        assertThat(OutputFiles.sha256(file.resolveSibling(entry.group(1))))
                                .as("%s in %s", entry.group(1), name)
                                .isEqualTo(entry.group(2));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern MANIFEST_ENTRY =
            Pattern.compile("\\{\"file\": \"([^\"]+)\", \"sha256\": \"([0-9a-f]{64})\"");

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
