package org.smartphone.payroll.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_Q1;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R2;
import static org.smartphone.payroll.refund.RefundsScenario.ITEM_R6;
import static org.smartphone.payroll.refund.RefundsScenario.paidInInbox;
import static org.smartphone.payroll.refund.RefundsScenario.reconciled;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A refunds command interrupted at any step (SPEC 7.2: resumed exactly after exit 1), then the same
 * command again: exit 0, and a ledger, outbox, archive and inbox identical to those of a programme that
 * was never interrupted. The engine runs in a process of its own and halts itself at a named point
 * ({@code PAYROLL_CRASH_AT}, as {@code kill -9} would). The commands, after {@link RefundsScenario}'s
 * reconciliation: issue (batch 1: three items), confirm two of them, release batch 1, issue (batch 2:
 * the third), confirm it with a line repeating an earlier confirmation (skipped).
 */
class RefundsCrashResumeTests {

    private static final List<String[]> COMMANDS = List.of(
            new String[] {"refunds", "issue"},
            new String[] {"refunds", "confirm"},
            new String[] {"refunds", "release", "--batch", "1"},
            new String[] {"refunds", "issue"},
            new String[] {"refunds", "confirm"});

    @TempDir
    static Path shared;

    static Snapshot uninterrupted;

    @BeforeAll
    static void uninterruptedProgramme() {
        Programme clean = reconciled(shared.resolve("clean"), TestDatabase.H2);
        for (int i = 0; i < COMMANDS.size(); i++) {
            dropInputOf(clean, i);
            assertThat(clean.run(COMMANDS.get(i)).exitCode()).isZero();
        }
        uninterrupted = Snapshot.of(clean);
    }

    /** The refunds-paid file a command reads, dropped in the inbox just before it first runs. */
    static void dropInputOf(Programme programme, int command) {
        if (command == 1) {
            paidInInbox(
                    programme,
                    "refunds-paid-1.csv",
                    ITEM_Q1 + ",2026-02-10,5000,BANK-001",
                    ITEM_R6 + ",2026-02-10,1000,BANK-002");
        } else if (command == 4) {
            paidInInbox(
                    programme,
                    "refunds-paid-2.csv",
                    ITEM_Q1 + ",2026-02-10,5000,BANK-001",
                    ITEM_R2 + ",2026-02-20,3000,BANK-003");
        }
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(
                Arguments.of(0, "start:issueRefundsJob"),
                Arguments.of(0, "step:issueRefunds"),
                Arguments.of(0, "done:issueRefunds"),
                Arguments.of(0, "step:publishRefunds"),
                Arguments.of(0, "publish:refunds-0001.csv"),
                Arguments.of(0, "published:refunds-0001.csv"),
                Arguments.of(0, "done:publishRefunds"),
                Arguments.of(1, "step:stageConfirmations"),
                Arguments.of(1, "done:stageConfirmations"),
                Arguments.of(1, "step:commitConfirmations"),
                Arguments.of(1, "done:commitConfirmations"),
                Arguments.of(1, "publish:refunds-paid-0001.csv"),
                Arguments.of(1, "published:refunds-paid-0001.csv"),
                Arguments.of(1, "step:archiveConfirmations"),
                Arguments.of(1, "done:archiveConfirmations"),
                Arguments.of(2, "step:releaseBatch"),
                Arguments.of(2, "done:releaseBatch"),
                Arguments.of(3, "done:issueRefunds"),
                Arguments.of(4, "done:stageConfirmations"),
                Arguments.of(4, "done:commitConfirmations"));
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("crashPoints")
    void aCrashAtAnyStepIsResumedExactlyByTheSameCommand(int crashed, String point, @TempDir Path dir) {
        Programme programme = reconciled(dir, TestDatabase.H2);
        runAll(programme, crashed, point);
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("postgresCrashPoints")
    void aCrashIsResumedExactlyOnPostgresql(int crashed, String point, @TempDir Path dir) {
        Programme programme = reconciled(dir, TestDatabase.POSTGRES);
        runAll(programme, crashed, point);
        assertThat(Snapshot.of(programme).differencesFrom(uninterrupted)).isEmpty();
    }

    static Stream<Arguments> postgresCrashPoints() {
        return Stream.of(
                Arguments.of(0, "done:issueRefunds"),
                Arguments.of(1, "done:commitConfirmations"),
                Arguments.of(2, "step:releaseBatch"));
    }

    /** Runs the five commands; the one at {@code crashed} first halts at {@code point}. */
    static void runAll(Programme programme, int crashed, String point) {
        for (int i = 0; i < COMMANDS.size(); i++) {
            dropInputOf(programme, i);
            if (i == crashed) {
                EngineProcess engine =
                        EngineProcess.start(programme, Map.of("PAYROLL_CRASH_AT", point), COMMANDS.get(i));
                assertThat(engine.waitFor())
                        .as("halted at %s:\n%s", point, engine.output())
                        .isEqualTo(137);
            }
            Programme.Result result = programme.run(COMMANDS.get(i));
            assertThat(result.exitCode())
                    .as("%s after the crash: %s", String.join(" ", COMMANDS.get(i)), result)
                    .isZero();
        }
    }
}
