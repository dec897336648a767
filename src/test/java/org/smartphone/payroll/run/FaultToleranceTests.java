package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * What treasury meets when something goes wrong: a SIGTERM, two launches at once, another file for
 * an interrupted run, an outbox that cannot be written, the database restarted mid-run. Each ends
 * with the same ledger and outbox as a run that met none of it. Inputs are the sample programme's.
 */
class FaultToleranceTests {

    private static final Path SAMPLES = Path.of("sample-data");
    private static final String[] IMPORT = {"import-contracts"};
    private static final String[] DEDUCT = {"deduct", "--period", "2026-01"};
    private static final String[] RECONCILE = {"reconcile", "--period", "2026-01"};

    @TempDir
    static Path shared;

    static Snapshot deducted;
    static Snapshot reconciled;

    @BeforeAll
    static void uninterruptedRuns() {
        Programme clean = programme(shared.resolve("clean"), TestDatabase.H2);
        assertThat(clean.run(IMPORT).exitCode()).isZero();
        assertThat(clean.run(DEDUCT).exitCode()).isZero();
        deducted = Snapshot.of(clean).ledgerAndOutbox();
        assertThat(clean.run(RECONCILE).exitCode()).isZero();
        reconciled = Snapshot.of(clean).ledgerAndOutbox();
    }

    @Nested
    class Sigterm {

        @Test
        void stopsTheRunAtTheNextStepAndTheSameCommandResumesIt(@TempDir Path dir) throws Exception {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();

            deductStoppedBySigtermAt("step:deduct", programme, dir);

            // the step under way when the signal came (read, allocate, commit) finished; nothing after it ran
            assertThat(programme.query("SELECT state FROM payroll_run WHERE kind = 'DEDUCTION'"))
                    .containsExactly(List.of("COMMITTED"));
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isEqualTo(2);
            assertThat(programme.outbox("2026-01").resolve("deductions-2026-01.csv"))
                    .doesNotExist();

            assertThat(programme.run(DEDUCT).exitCode()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }

        @Test
        void arrivingJustBeforeTheJobStartsStopsItBeforeItsFirstStep(@TempDir Path dir) throws Exception {
            // given a deduction whose process is held just before it starts its job
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();

            // when SIGTERM arrives there, and the job starts only after it
            deductStoppedBySigtermAt("start:deductionJob", programme, dir);

            // then the job is not missed by the stop request: it ends STOPPED with no step done
            assertThat(programme.number("SELECT COUNT(*) FROM batch_step_execution WHERE status = 'COMPLETED'"
                            + " AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)"))
                    .isZero();
            assertThat(programme.number("SELECT COUNT(*) FROM deduction_line")).isZero();

            // and the same command runs it whole
            assertThat(programme.run(DEDUCT).exitCode()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }

        /**
         * Runs a deduction held at {@code point}, sends it SIGTERM there, lets it go on, and checks
         * that it stopped on request: exit 1 or 143, no stack trace, its job execution STOPPED.
         */
        private void deductStoppedBySigtermAt(String point, Programme programme, Path dir) throws Exception {
            Path pause = dir.resolve("paused");
            EngineProcess engine = EngineProcess.start(
                    programme, Map.of("PAYROLL_PAUSE_AT", point, "PAYROLL_PAUSE_FILE", pause.toString()), DEDUCT);
            EngineProcess.awaitFile(pause, engine);

            engine.terminate();
            Thread.sleep(500);
            Files.delete(pause);
            int exit = engine.waitFor();

            assertThat(exit).as(engine.output()).isIn(1, 143);
            assertThat(engine.output()).contains("was stopped on request").doesNotContain("\tat ");
            assertThat(programme.query("SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC"))
                    .first()
                    .isEqualTo(List.of("STOPPED"));
        }
    }

    @Nested
    class ConcurrentLaunches {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void exactlyOneProceedsAndTheOtherIsRefusedNamingTheRunInProgress(TestDatabase database, @TempDir Path dir)
                throws Exception {
            Programme programme = programme(dir.resolve("home"), database);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            Path pause = dir.resolve("paused");
            EngineProcess first = EngineProcess.start(
                    programme,
                    Map.of("PAYROLL_PAUSE_AT", "step:deduct", "PAYROLL_PAUSE_FILE", pause.toString()),
                    DEDUCT);
            EngineProcess.awaitFile(pause, first);

            Programme.Result second = programme.run(DEDUCT);

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
            assertThat(second.stderr()).contains("Another run is in progress").contains("deduct --period 2026-01");
            Files.delete(pause);
            assertThat(first.waitFor()).as(first.output()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }
    }

    @Nested
    class KilledWhileStarting {

        /**
         * Spring Batch creates a job instance, then its first execution; a process killed in between
         * leaves an instance with no execution. The next command starts that run afresh.
         */
        @Test
        void aJobInstanceLeftWithoutExecutionIsStartedAfresh(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            Path register = programme.inbox().resolve("payroll-2026-01.csv");
            try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(
                            org.smartphone.payroll.PayrollApplication.class)
                    .properties(Map.of(
                            "payroll.home", programme.home().toString(),
                            "spring.datasource.url", programme.jdbcUrl(),
                            "spring.datasource.username", programme.jdbcUser(),
                            "spring.datasource.password", programme.jdbcPassword()))
                    .run()) {
                context.getBean(org.springframework.batch.core.repository.JobRepository.class)
                        .createJobInstance(
                                RunKind.DEDUCTION.jobName(),
                                RunContext.parameters(
                                        org.smartphone.payroll.period.Period.parse("2026-01"),
                                        register,
                                        org.smartphone.payroll.files.Sha256.of(register),
                                        0,
                                        true,
                                        0,
                                        context.getBean(org.smartphone.payroll.config.PayrollSettings.class)));
            }

            Programme.Result result = programme.run(DEDUCT);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }
    }

    @Nested
    class AnotherFileForAnInterruptedRun {

        @Test
        void isRefusedUntilTheRunIsAbandonedWhichLeavesNoTrace(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            Path corrected = dir.resolve("payroll-2026-01-corrected.csv");
            Files.copy(programme.inbox().resolve("payroll-2026-01.csv"), corrected);
            Files.writeString(
                    corrected,
                    "2026-01,MAT-999999,100000,ACTIVE,Nobody,MEF\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            CrashResumeTests.assertCrashesAt(programme, "step:deduct", DEDUCT);

            Programme.Result refused = programme.run("deduct", "--period", "2026-01", "--file", corrected.toString());
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.stderr()).contains("payroll-2026-01.csv").contains("abandon deduct --period 2026-01");

            Programme.Result abandoned = programme.run("abandon", "deduct", "--period", "2026-01");
            assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();
            assertThat(programme.query("SELECT COUNT(*) FROM deduction_line")).containsExactly(List.of("0"));
            assertThat(programme.query("SELECT state FROM payroll_run WHERE kind = 'DEDUCTION'"))
                    .containsExactly(List.of("ABANDONED"));

            assertThat(programme
                            .run("deduct", "--period", "2026-01", "--file", corrected.toString())
                            .exitCode())
                    .isZero();
            Programme direct = programme(dir.resolve("direct"), TestDatabase.H2);
            assertThat(direct.run(IMPORT).exitCode()).isZero();
            assertThat(direct.run("deduct", "--period", "2026-01", "--file", corrected.toString())
                            .exitCode())
                    .isZero();
            assertThat(Snapshot.of(programme)
                            .ledgerAndOutbox()
                            .differencesFrom(Snapshot.of(direct).ledgerAndOutbox()))
                    .isEmpty();
        }

        @Test
        void aRunAlreadyInTheLedgerCannotBeAbandonedButIsFinished(@TempDir Path dir) {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            CrashResumeTests.assertCrashesAt(programme, "step:publishDeduction", DEDUCT);

            Programme.Result refused = programme.run("abandon", "deduct", "--period", "2026-01");

            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.stderr()).contains("already reached the ledger");
            assertThat(programme.run(DEDUCT).exitCode()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }
    }

    @Nested
    class OutboxUnwritable {

        @Test
        void noPartialFileAppearsTheRunFailsWithExitOneAndResumes(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            Path blocker = programme.outbox("2026-01");
            Files.createDirectories(blocker.getParent());
            Files.writeString(blocker, "a file where the engine needs a folder");

            Programme.Result failed = programme.run(DEDUCT);

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr())
                    .contains("could not be written")
                    .contains("run the same command again")
                    .doesNotContain("\tat ");
            try (Stream<Path> files = Files.walk(programme.home().resolve("outbox"))) {
                assertThat(files.filter(Files::isRegularFile)
                                .map(Path::getFileName)
                                .map(Path::toString))
                        .noneMatch(name -> name.startsWith("deduction"));
            }
            Files.delete(blocker);
            assertThat(programme.run(DEDUCT).exitCode()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }

        /**
         * A file that cannot be published part-way through the run, after the order was: here a folder
         * holds the exceptions file's name (a full disk fails the same way, with another message). The
         * engine no longer writes through a link planted at its working name, so /dev/full behind such
         * a link can no longer stand in for a full disk (ConfidentialHomeTests$PlantedLinks).
         */
        @Test
        void aFileThatCannotBePublishedLeavesNoManifestAndTheRunResumes(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
            assertThat(programme.run(IMPORT).exitCode()).isZero();
            Path folder = Files.createDirectories(programme.outbox("2026-01"));
            Path blocker = folder.resolve("deduction-exceptions-2026-01.csv");
            Files.createDirectories(blocker.resolve("a folder"));

            Programme.Result failed = programme.run(DEDUCT);

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr()).contains("could not be written").contains("run the same command again");
            assertThat(folder.resolve("deduction-exceptions-2026-01.csv.sha256"))
                    .doesNotExist();
            assertThat(folder.resolve("deduction-2026-01.manifest.json")).doesNotExist();
            Files.delete(blocker.resolve("a folder"));
            Files.delete(blocker);
            assertThat(programme.run(DEDUCT).exitCode()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted))
                    .isEmpty();
        }
    }

    @Nested
    class DatabaseRestartedMidRun {

        @Test
        void theRunFailsWithExitOneAndTheSameCommandCompletesIt(@TempDir Path dir) throws Exception {
            int port = freePort();
            Path data = dir.resolve("pgdata");
            EmbeddedPostgres postgres = startPostgres(data, port);
            try {
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE payroll");
                }
                Programme programme = programme(dir.resolve("home"), TestDatabase.H2)
                        .with("PAYROLL_DB_URL", postgres.getJdbcUrl("postgres", "payroll"))
                        .with("PAYROLL_DB_USER", "postgres")
                        .with("PAYROLL_DB_PASSWORD", "postgres");
                assertThat(programme.run(IMPORT).exitCode()).isZero();
                assertThat(programme.run(DEDUCT).exitCode()).isZero();
                Path pause = dir.resolve("paused");
                EngineProcess engine = EngineProcess.start(
                        programme,
                        Map.of("PAYROLL_PAUSE_AT", "step:commitReconciliation", "PAYROLL_PAUSE_FILE", pause.toString()),
                        RECONCILE);
                EngineProcess.awaitFile(pause, engine);

                postgres.close();
                postgres = startPostgres(data, port);
                Files.delete(pause);

                assertThat(engine.waitFor()).as(engine.output()).isEqualTo(1);
                assertThat(engine.output())
                        .contains("connection to the database was lost")
                        .contains("run the same command again")
                        .doesNotContain("\tat ");
                Programme.Result resumed = programme.run(RECONCILE);
                assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
                assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(reconciled))
                        .isEmpty();
            } finally {
                postgres.close();
            }
        }

        private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(true)
                    .start();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /** A programme with the sample contracts, register and return of 2026-01 in its inbox. */
    static Programme programme(Path home, TestDatabase database) {
        Programme programme = new Programme(home, database);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv", "withheld-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        return programme;
    }
}
