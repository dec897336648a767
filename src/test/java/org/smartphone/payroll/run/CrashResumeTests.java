package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A run interrupted anywhere, then the same command again: exit 0, and a ledger, outbox, archive and
 * inbox identical to those of a programme that was never interrupted. The engine runs in a process of
 * its own; it halts itself at a named point ({@code PAYROLL_CRASH_AT}, as {@code kill -9} would: no
 * shutdown hook, no flush). Small JDBC batches (50 rows) put many chunks in each run, so that
 * "batch#n" points fall inside the staging and computing steps.
 *
 * <p>This class holds the points of the contracts import and the first deduction; {@link
 * CrashResumeReconciliationTests} those of the reconciliations and the crashes on PostgreSQL, {@link
 * KilledRunsTests} several kills of one run and kills at random moments. They are three classes so
 * that the two test JVMs share them out (docs/development.md, Tests); they share the scenario and
 * what follows a crash ({@link Uninterrupted}, {@link #runAll}).
 */
class CrashResumeTests {

    static final String BATCH_SIZE = "50";
    static final List<String[]> COMMANDS = List.of(
            new String[] {"import-contracts"},
            new String[] {"deduct", "--period", "2026-01"},
            new String[] {"reconcile", "--period", "2026-01"},
            new String[] {"deduct", "--period", "2026-02"},
            new String[] {"reconcile", "--period", "2026-02"});

    @TempDir
    static Path shared;

    static Uninterrupted uninterrupted;

    @BeforeAll
    static void uninterruptedProgramme() throws IOException {
        uninterrupted = Uninterrupted.runIn(shared);
    }

    /**
     * The generated programme's input files (600 contracts, two months) and what the five commands
     * leave when nothing interrupts them, on H2: what every interrupted programme must end with.
     */
    record Uninterrupted(Path inputs, Snapshot snapshot) {

        static Uninterrupted runIn(Path shared) throws IOException {
            Path inputs = Files.createDirectories(shared.resolve("inputs"));
            Scenario scenario = ScenarioGenerator.generate(77, 600, 2, "2026-01");
            ScenarioFiles.writeContracts(inputs, scenario);
            for (MonthOutcome month : scenario.playOn(new ReferenceProgramme())) {
                ScenarioFiles.writePayroll(inputs, scenario, month.period());
                ScenarioFiles.writeWithheld(inputs, month.period(), month.withholdingReturn());
            }
            Programme clean = CrashResumeTests.programme(shared.resolve("clean"), TestDatabase.H2, inputs);
            for (String[] command : COMMANDS) {
                assertThat(clean.run(command).exitCode()).isZero();
            }
            return new Uninterrupted(inputs, Snapshot.of(clean));
        }

        /** A new programme with the scenario's files in its inbox and nothing run yet. */
        Programme programme(Path home, TestDatabase database) {
            return CrashResumeTests.programme(home, database, inputs);
        }

        /** What differs between the programme and the uninterrupted one: nothing, when resumed exactly. */
        List<String> differencesFrom(Programme programme) {
            return Snapshot.of(programme).differencesFrom(snapshot);
        }
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
                Arguments.of(1, "done:archiveRegister"));
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("crashPoints")
    void aCrashAtAnyPointIsResumedExactlyByTheSameCommand(int crashed, String point, @TempDir Path dir) {
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
        runAll(programme, crashed, point);
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
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

    static Programme programme(Path home, TestDatabase database, Path inputs) {
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
}
