package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.run.CrashResumeTests.COMMANDS;
import static org.smartphone.payroll.run.CrashResumeTests.assertCrashesAt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.run.CrashResumeTests.Uninterrupted;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A run killed more than once, killed with SIGKILL at random moments, or whose output was altered
 * after the kill: the same commands again still end as the programme that was never interrupted
 * ({@link CrashResumeTests}), with run numbers that go on without a gap.
 */
class KilledRunsTests {

    @TempDir
    static Path shared;

    static Uninterrupted uninterrupted;

    @BeforeAll
    static void uninterruptedProgramme() throws IOException {
        uninterrupted = Uninterrupted.runIn(shared);
    }

    @Test
    void severalCrashesInARowOnTheSameRunStillEndWell(@TempDir Path dir) {
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run(COMMANDS.get(0)).exitCode()).isZero();
        for (String point : List.of(
                "batch#2", "step:deduct", "done:deduct", "publish:deductions-2026-01.csv", "step:archiveRegister")) {
            assertCrashesAt(programme, point, COMMANDS.get(1));
        }
        for (String[] command : COMMANDS.subList(1, COMMANDS.size())) {
            assertThat(programme.run(command).exitCode()).isZero();
        }
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
    }

    @Test
    void runNumbersGoOnWithoutAGapAfterAKill(@TempDir Path dir) {
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run(COMMANDS.get(0)).stdout()).contains("(run 1)");
        assertCrashesAt(programme, "step:deduct", COMMANDS.get(1));

        assertThat(programme.run(COMMANDS.get(1)).stdout()).contains("(run 2)");
        assertThat(programme.run(COMMANDS.get(2)).stdout()).contains("(run 3)");
    }

    @Test
    void killedWithSigkillAtRandomMomentsThenResumed(@TempDir Path dir) {
        Random random = new Random(20261128);
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
        int kills = 0;
        for (String[] command : COMMANDS) {
            boolean finished = false;
            // a command runs 2 to 3 s in its own JVM on a quiet machine: moments from 0.8 s (the JVM
            // starting) to 3.3 s and five tries give at least five kills without depending on the load
            // (in a JVM with its default options and no class data archive: the quicker start of
            // EngineProcess's engines would leave fewer)
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
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
    }

    @Test
    void anOutputAlteredAfterACrashIsRebuiltNotReused(@TempDir Path dir) throws IOException {
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
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
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
