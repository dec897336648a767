package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.run.CrashResumeTests.runAll;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.run.CrashResumeTests.Uninterrupted;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * As {@link CrashResumeTests}, for the points of the reconciliations, and for crashes on PostgreSQL:
 * the same command again resumes the run, and the programme ends as if nothing had interrupted it.
 */
class CrashResumeReconciliationTests {

    @TempDir
    static Path shared;

    static Uninterrupted uninterrupted;

    @BeforeAll
    static void uninterruptedProgramme() throws IOException {
        uninterrupted = Uninterrupted.runIn(shared);
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(
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
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.H2);
        runAll(programme, crashed, point);
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
    }

    static Stream<Arguments> postgresCrashPoints() {
        return Stream.of(
                Arguments.of(1, "batch#4"),
                Arguments.of(1, "done:deduct"),
                Arguments.of(2, "step:archiveReturn"),
                Arguments.of(4, "done:commitReconciliation"));
    }

    @ParameterizedTest(name = "{1} in command {0}")
    @MethodSource("postgresCrashPoints")
    void aCrashIsResumedExactlyOnPostgresql(int crashed, String point, @TempDir Path dir) {
        Programme programme = uninterrupted.programme(dir.resolve("home"), TestDatabase.POSTGRES);
        runAll(programme, crashed, point);
        assertThat(uninterrupted.differencesFrom(programme)).isEmpty();
    }
}
