package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.ServeProcess.await;
import static org.smartphone.payroll.support.ServeProcess.occurrences;
import static org.smartphone.payroll.support.ServeProcess.port;
import static org.smartphone.payroll.support.ServeProcess.startServe;
import static org.smartphone.payroll.support.ServeProcess.stop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code serve} in a process of its own on a real home: files dropped into its inbox are run once, in
 * the order of the monthly cycle, with the same ledger, outbox and archive as the plain commands give
 * for the same files, also when serve is killed mid-run and started again. Short poll and settle times
 * (settings) keep it quick; the sample programme is the input.
 */
class ServeTests {

    private static final Path SAMPLES = Path.of("sample-data");

    private static final String[][] CYCLE = {
        {"import-contracts"},
        {"deduct", "--period", "2026-01"},
        {"reconcile", "--period", "2026-01"},
        {"deduct", "--period", "2026-02"},
        {"reconcile", "--period", "2026-02"}
    };

    @TempDir
    static Path shared;
    /** The plain commands import-contracts and deduct --period 2026-01 on the sample files, on H2. */
    static Snapshot deducted;

    @BeforeAll
    static void plainDeduction() {
        Programme plain = new Programme(shared.resolve("plain"), TestDatabase.H2);
        plain.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        plain.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        assertThat(plain.run(CYCLE[0]).exitCode()).isZero();
        assertThat(plain.run(CYCLE[1]).exitCode()).isZero();
        deducted = Snapshot.of(plain);
    }

    @Test
    void filesDroppedOneByOneRunOnceInCycleOrderAsThePlainCommandsWould(@TempDir Path dir) throws Exception {
        Programme served = new Programme(dir.resolve("served"), TestDatabase.H2);
        served.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        served.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        EngineProcess serve = startServe(served, Map.of());

        awaitArchived(serve, served, "2026-01/payroll-2026-01.csv");
        assertThat(served.archive().resolve("contracts/contracts.csv"))
                .as("contracts first, whatever the names")
                .exists();

        dropAsPart(served, "payroll-2026-02.csv");
        await(
                serve,
                "payroll-2026-02.csv to wait for the reconciliation of 2026-01",
                () -> serve.output().contains("payroll-2026-02.csv waits in the inbox"));
        writeSlowly(served, "withheld-2026-01.csv");
        awaitArchived(serve, served, "2026-02/payroll-2026-02.csv");
        dropAsPart(served, "withheld-2026-02.csv");
        awaitArchived(serve, served, "2026-02/withheld-2026-02.csv");

        Path bad = served.inbox().resolve("contracts-bad.csv.tmp");
        Files.writeString(
                bad,
                "contract_id,matricule,full_name,price_xof,first_period\n"
                        + "SP-9,MAT-9,Someone,\"12 345,67\",2026-05\n");
        Files.move(bad, served.inbox().resolve("contracts-bad.csv"), StandardCopyOption.ATOMIC_MOVE);
        await(
                serve,
                "the invalid contracts file in rejected/",
                () -> Files.exists(served.rejected().resolve("contracts-bad.csv")));
        dropAsPart(served, "contracts.csv", "contracts-again.csv");
        await(
                serve,
                "the copy of contracts.csv in rejected/",
                () -> Files.exists(served.rejected().resolve("contracts-again.csv")));

        stop(serve);
        String log = serve.output();
        assertThat(occurrences(log, "payroll-2026-02.csv waits in the inbox"))
                .as("the wait is said once")
                .isEqualTo(1);
        assertThat(occurrences(log, "The deduction run completed")).isEqualTo(2);
        assertThat(occurrences(log, "The reconciliation run completed")).isEqualTo(2);
        assertThat(served.rejected().resolve("contracts-bad.csv.errors.csv"))
                .content()
                .contains("line,column,value,reason")
                .contains("price_xof");
        assertThat(served.rejected().resolve("contracts-again.csv.reason.txt"))
                .content()
                .contains("already processed");
        assertThat(served.inbox()).isEmptyDirectory();

        Programme plain = new Programme(dir.resolve("plain"), TestDatabase.H2);
        for (String file : List.of(
                "contracts.csv",
                "payroll-2026-01.csv",
                "withheld-2026-01.csv",
                "payroll-2026-02.csv",
                "withheld-2026-02.csv")) {
            plain.drop(SAMPLES.resolve(file), file);
        }
        for (String[] command : CYCLE) {
            assertThat(plain.run(command).exitCode()).isZero();
            if (command[0].equals("reconcile")) {
                // serve writes the period report when a reconciliation completes
                assertThat(plain.run("report", "--period", command[2]).exitCode())
                        .isZero();
            }
        }
        Snapshot expected = Snapshot.of(plain);
        Snapshot actual = Snapshot.of(served);
        assertThat(actual.ledgerAndOutbox().differencesFrom(expected.ledgerAndOutbox()))
                .isEmpty();
        assertThat(actual.tables().get("processed_file"))
                .isEqualTo(expected.tables().get("processed_file"));
        assertThat(archived(actual)).isEqualTo(archived(expected));
    }

    /**
     * A payments file dropped with the month's files waits for them (SPEC 7.7: payments after the
     * contracts, registers and returns), then is recorded in the open period, while its order is issued
     * here, with its stops: the same ledger and outbox as the plain commands give.
     */
    @Test
    void aPaymentsFileRunsAfterTheMonthsFilesAsRecordPaymentsWould(@TempDir Path dir) throws Exception {
        Path payments = dir.resolve("payments-counter.csv");
        Files.writeString(
                payments,
                "payment_ref,channel,contract_id,amount_xof,received_on\n"
                        + "T-1,COUNTER,SP-2026-0001,95000,2026-01-15\n"
                        + "T-2,TMONEY,SP-2026-0002,5000,2026-01-16\n");
        Programme served = new Programme(dir.resolve("served"), TestDatabase.H2);
        Files.createDirectories(served.inbox());
        Files.copy(payments, served.inbox().resolve("payments-counter.csv"));
        served.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        served.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        EngineProcess serve = startServe(served, Map.of());

        awaitArchived(serve, served, "2026-01/payments-counter.csv");
        stop(serve);

        Programme plain = new Programme(dir.resolve("plain"), TestDatabase.H2);
        plain.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        plain.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        plain.drop(payments, "payments-counter.csv");
        assertThat(plain.run(CYCLE[0]).exitCode()).isZero();
        assertThat(plain.run(CYCLE[1]).exitCode()).isZero();
        assertThat(plain.run("record-payments").exitCode()).isZero();
        Snapshot expected = Snapshot.of(plain);
        Snapshot actual = Snapshot.of(served);
        assertThat(actual.ledgerAndOutbox().differencesFrom(expected.ledgerAndOutbox()))
                .isEmpty();
        assertThat(served.outbox("2026-01").resolve("payments-2026-01-01.csv")).exists();
        assertThat(served.outbox("2026-01").resolve("deduction-stops-2026-01-01.csv"))
                .exists();
        assertThat(archived(actual)).isEqualTo(archived(expected));
    }

    /**
     * serve halted on the spot (as kill -9) at a commit point, then started again: the run is finished
     * exactly once. done:archiveRegister is after the register left the inbox but before the run was
     * marked completed: nothing in the inbox calls for it any more, serve finds the run and resumes it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"done:deduct", "done:archiveRegister"})
    void killedMidRunAndStartedAgainItFinishesTheRunExactlyOnce(String point, @TempDir Path dir) throws Exception {
        Programme served = new Programme(dir.resolve("served"), TestDatabase.H2);
        served.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        served.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        EngineProcess crashed = startServe(served, Map.of("PAYROLL_CRASH_AT", point));
        assertThat(crashed.waitFor()).as(crashed.output()).isEqualTo(137);

        EngineProcess restarted = startServe(served, Map.of());
        await(
                restarted,
                "the deduction run to complete",
                () -> restarted.output().contains("The deduction run completed"));
        stop(restarted);

        assertThat(Snapshot.of(served).differencesFrom(deducted)).isEmpty();
    }

    /**
     * On H2 the database file admits one process: a second serve (or any command that changes the
     * ledger) is refused while serve runs, naming it; status reads it through serve. The deadline alert (a cron firing every second here) reaches the metrics
     * endpoint, which answers on 127.0.0.1 only, with the health check. A run that fails (its outbox
     * folder is blocked by a file) is tried again after a delay that doubles, and completes once the
     * cause is gone.
     */
    @Test
    void onH2ASecondServeIsRefusedAndTheEndpointAnswersWithTheLateFileAlert(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        Path blocker = programme.outbox("2026-01");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the engine needs a folder");
        EngineProcess serve = startServe(programme, Map.of("PAYROLL_SERVE_DEDUCT_CRON", "* * * * * *"));
        await(serve, "the late-file alert", () -> serve.output().contains("LATE: payroll-"));
        int port = port(serve);
        await(serve, "a second retry of the failed run", () -> serve.output().contains("tries again in 2 s"));
        assertThat(serve.output()).contains("could not be written").contains("tries again in 1 s");
        Files.delete(blocker);
        awaitArchived(serve, programme, "2026-01/payroll-2026-01.csv");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        String month = YearMonth.now().toString();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("payroll_files_late_total\\{kind=\"deduction\",period=\"" + month + "\"} [1-9]");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(serve.output()).contains("LATE: payroll-" + month + ".csv has not arrived");

        Programme.Result second = programme.run("serve");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
        assertThat(second.stderr())
                .contains("Another run is in progress")
                .contains("serve")
                .contains("stop it (SIGTERM) first");
        Programme.Result status = programme.run("status");
        assertThat(status.exitCode())
                .as("status reads the database through serve")
                .isZero();
        assertThat(status.stdout()).contains("2 runs: 0 unfinished, 2 completed");
        Programme.Result deduct = programme.run("deduct", "--period", "2026-02");
        assertThat(deduct.exitCode()).as(deduct.toString()).isEqualTo(3);
        assertThat(deduct.stderr()).contains("Another run is in progress").contains("stop it (SIGTERM) first");

        stop(serve);
        assertThat(occurrences(serve.output(), "The deduction run completed")).isEqualTo(1);
        assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(deducted.ledgerAndOutbox()))
                .isEmpty();
    }

    /**
     * On PostgreSQL serve holds an advisory lock of its own: a second serve is refused naming the first.
     * SIGTERM during a run lets it stop at its next step; serve exits cleanly, and the same command
     * finishes the run as if nothing had happened.
     */
    @Test
    void onPostgresqlASecondServeIsRefusedAndSigtermStopsTheRunResumably(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.POSTGRES);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        Path pause = dir.resolve("paused");
        EngineProcess serve = startServe(
                programme, Map.of("PAYROLL_PAUSE_AT", "step:deduct", "PAYROLL_PAUSE_FILE", pause.toString()));
        EngineProcess.awaitFile(pause, serve);

        EngineProcess second = startServe(programme, Map.of());
        assertThat(second.waitFor()).as(second.output()).isEqualTo(3);
        assertThat(second.output())
                .contains("Another serve is already running on this database")
                .contains("payroll serve " + serve.pid());

        serve.terminate();
        Thread.sleep(500);
        Files.delete(pause);
        assertThat(serve.waitFor()).as(serve.output()).isIn(0, 143);
        assertThat(serve.output())
                .contains("was stopped on request")
                .contains("serve stopped")
                .doesNotContain("\tat ");
        assertThat(programme.inbox().resolve("payroll-2026-01.csv"))
                .as("the register waits for the resumption")
                .exists();

        Programme.Result resumed = programme.run("deduct", "--period", "2026-01");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        Programme plain = new Programme(dir.resolve("plain"), TestDatabase.POSTGRES);
        plain.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        plain.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        assertThat(plain.run(CYCLE[0]).exitCode()).isZero();
        assertThat(plain.run(CYCLE[1]).exitCode()).isZero();
        assertThat(Snapshot.of(programme)
                        .ledgerAndOutbox()
                        .differencesFrom(Snapshot.of(plain).ledgerAndOutbox()))
                .isEmpty();
    }

    /**
     * Inbox entries under names serve runs that are not regular files: a named pipe (reading it would
     * wait for a writer for ever), a folder, and a symbolic link to a valid contracts file outside the
     * inbox. None is ever run, each is logged once however many polls see it, and a regular file
     * dropped beside them runs as usual.
     */
    @Test
    void entriesThatAreNotRegularFilesAreLoggedOnceAndNeverRun(@TempDir Path dir) throws Exception {
        Programme served = new Programme(dir.resolve("served"), TestDatabase.H2);
        Files.createDirectories(served.inbox());
        Path fifo = served.inbox().resolve("payroll-2026-01.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Path folder = Files.createDirectory(served.inbox().resolve("withheld-2026-01.csv"));
        Path outside = Files.copy(SAMPLES.resolve("contracts.csv"), dir.resolve("contracts-outside.csv"));
        Path link = Files.createSymbolicLink(served.inbox().resolve("contracts-link.csv"), outside);
        EngineProcess serve = startServe(served, Map.of());

        await(serve, "the three entries logged", () -> occurrences(serve.output(), "not a regular file") == 3);
        dropAsPart(served, "contracts.csv");
        awaitArchived(serve, served, "contracts/contracts.csv");
        Thread.sleep(2_000); // ten more polls of the inbox
        stop(serve);

        String log = serve.output();
        for (String name : List.of("payroll-2026-01.csv", "withheld-2026-01.csv", "contracts-link.csv")) {
            assertThat(occurrences(log, "not a regular file: " + name + " ("))
                    .as(name + " logged once")
                    .isEqualTo(1);
            assertThat(log).as(name + " never run").doesNotContain(name + ": ");
        }
        assertThat(log).contains("not a regular file: contracts-link.csv (a symbolic link) is left in the inbox");
        assertThat(fifo).exists();
        assertThat(folder).isDirectory();
        assertThat(link).isSymbolicLink();
        assertThat(served.rejected()).isEmptyDirectory();
        assertThat(served.number("SELECT COUNT(*) FROM contract"))
                .as("contracts.csv imported once, the link never")
                .isEqualTo(Files.readAllLines(SAMPLES.resolve("contracts.csv")).size() - 1);
    }

    /**
     * Files named nearly as serve takes them (issue 13, "help in their words"): each other name in the
     * inbox is logged once however many polls see it, with the name to give it (or the names serve takes),
     * and never run; renamed, the register runs as if it had been dropped so.
     */
    @Test
    void aFileNamedNearlyRightIsLoggedOnceWithItsNameAndRunsOnceRenamed(@TempDir Path dir) throws Exception {
        Programme served = new Programme(dir.resolve("served"), TestDatabase.H2);
        served.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        Path near = served.drop(SAMPLES.resolve("payroll-2026-01.csv"), "Payroll_2026-01.csv");
        Path notes = Files.writeString(served.inbox().resolve("notes.txt"), "to do\n");
        String nearLine = "Payroll_2026-01.csv in the inbox is not recognised, so serve does not run it: rename it"
                + " payroll-2026-01.csv.";
        String notesLine = "notes.txt in the inbox is not recognised, so serve does not run it: serve takes"
                + " contracts*.csv (where * holds only letters, digits, spaces, '-', '_', '.', '(' and ')', and never"
                + " '.csv.'), payroll-YYYY-MM.csv, withheld-YYYY-MM.csv, payments*.csv or refunds-paid*.csv (* as for contracts).";
        EngineProcess serve = startServe(served, Map.of());

        awaitArchived(serve, served, "contracts/contracts.csv");
        await(
                serve,
                "both names logged",
                () -> serve.output().contains(nearLine) && serve.output().contains(notesLine));
        Thread.sleep(2_000); // ten more polls of the inbox
        assertThat(serve.output()).doesNotContain("starting the deduction run");
        assertThat(served.outbox("2026-01")).doesNotExist();
        Files.move(near, served.inbox().resolve("payroll-2026-01.csv"));
        awaitArchived(serve, served, "2026-01/payroll-2026-01.csv");
        stop(serve);

        String log = serve.output();
        assertThat(occurrences(log, nearLine)).as("logged once").isEqualTo(1);
        assertThat(occurrences(log, notesLine)).as("logged once").isEqualTo(1);
        assertThat(notes).exists();
        assertThat(Snapshot.of(served).ledgerAndOutbox().differencesFrom(deducted.ledgerAndOutbox()))
                .isEmpty();
    }

    private static void awaitArchived(EngineProcess serve, Programme programme, String file)
            throws InterruptedException {
        await(serve, file + " archived", () -> Files.exists(programme.archive().resolve(file)));
    }

    /** The way the README asks: written under a .part name, then renamed. */
    private static void dropAsPart(Programme programme, String sample) throws IOException {
        dropAsPart(programme, sample, sample);
    }

    private static void dropAsPart(Programme programme, String sample, String name) throws IOException {
        Path part = programme.inbox().resolve(name + ".part");
        Files.copy(SAMPLES.resolve(sample), part);
        Files.move(part, programme.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Written in place, a few lines every 300 ms (less than the settle time) over several seconds: read
     * early, the return would be cut short and the reconciliation would differ from the plain one.
     */
    private static void writeSlowly(Programme programme, String sample) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLES.resolve(sample), StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(programme.inbox().resolve(sample))) {
            for (int i = 0; i < lines.size(); i++) {
                out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                if (i % 4 == 3) {
                    out.flush();
                    Thread.sleep(300);
                }
            }
        }
    }

    private static Map<String, String> archived(Snapshot snapshot) {
        Map<String, String> archive = new HashMap<>(snapshot.files());
        archive.keySet().removeIf(path -> !path.startsWith("archive"));
        return archive;
    }
}
