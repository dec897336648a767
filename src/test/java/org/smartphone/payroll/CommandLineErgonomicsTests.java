package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The command line as people type it (issue 13, points 3 and 5): every command says first where it
 * works; status and report never make a home; --home before or after the command; help; mistakes
 * in the arguments said in a line or two; Ctrl-C acknowledged at once; amounts grouped as treasury
 * writes them; counts in the singular for one; status columns as wide as their content.
 */
class CommandLineErgonomicsTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();

    @TempDir
    Path dir;

    /** A programme with the sample contracts imported, on the given database. */
    private Programme imported(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        Programme.Result result = programme.run("import-contracts");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return programme;
    }

    /** The line every command opens with, written here from the home and the environment. */
    private static String whereabouts(Programme programme) {
        String home = programme.home().toAbsolutePath().normalize().toString();
        Map<String, String> environment = programme.environment();
        if (!environment.containsKey("PAYROLL_DB_URL")) {
            return "Home " + home + ", database " + home + "/db/payroll.mv.db (embedded H2)";
        }
        String url = environment.get("PAYROLL_DB_URL");
        // the test server's URL is jdbc:postgresql://localhost:PORT/NAME?user=postgres
        return "Home " + home + ", database " + url.substring(0, url.indexOf('?')) + " (user postgres)";
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    @Nested
    class SayWhereYouAre {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void everyCommandsFirstLineNamesTheHomeAndTheDatabaseOnStderr(TestDatabase database) {
            Programme programme = imported(database);
            programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");

            List<Programme.Result> results = List.of(
                    programme.run("import-contracts"),
                    programme.run("deduct", "--period", "2026-01"),
                    programme.run("status"),
                    programme.run("report", "--period", "2026-01"),
                    programme.run("abandon", "deduct", "--period", "2026-01"));

            // all done but the abandon, refused (nothing to abandon): the line comes first whatever the outcome
            assertThat(results.stream().map(Programme.Result::exitCode))
                    .as(results.toString())
                    .containsExactly(0, 0, 0, 0, 3);
            for (Programme.Result result : results) {
                assertThat(firstLine(result.stderr())).as(result.toString()).isEqualTo(whereabouts(programme));
            }
            // stdout is what it was: a script or an auditor piping status or report gets only the data
            assertThat(firstLine(results.get(2).stdout())).startsWith("run ");
            assertThat(firstLine(results.get(3).stdout())).isEqualTo("Period report 2026-01");
        }

        @Test
        void aPasswordOrParametersInTheDatabaseUrlAreNeverShown() {
            Programme programme = imported(TestDatabase.POSTGRES);
            String url = programme.environment().get("PAYROLL_DB_URL");
            programme.with("PAYROLL_DB_URL", url + "&password=postgres&ssl=false");

            Programme.Result status = programme.run("status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(firstLine(status.stderr()))
                    .isEqualTo(whereabouts(programme))
                    .doesNotContain("password")
                    .doesNotContain("?");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void statusAndReportInAFolderThatIsNoHomeAreRefusedAndCreateNothing(TestDatabase database) {
            Programme programme = new Programme(dir.resolve("typo"), database);
            String home = programme.home().toAbsolutePath().normalize().toString();

            for (String[] command : List.of(new String[] {"status"}, new String[] {"report", "--period", "2026-01"})) {
                Programme.Result result = programme.run(command);

                assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
                assertThat(result.stderr())
                        .isEqualTo(whereabouts(programme) + "\nNo home at " + home + ": "
                                + command[0]
                                + " has nothing to read and creates nothing. Pass --home DIR or set PAYROLL_HOME"
                                + " to the home of your runs.\n");
                assertThat(result.stdout()).isEmpty();
                assertThat(programme.home()).doesNotExist();
            }
        }

        @Test
        void statusInAFolderWithoutLedgerIsRefusedAndCreatesNoDatabase() throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            Files.createDirectories(programme.inbox());
            String home = programme.home().toAbsolutePath().normalize().toString();

            Programme.Result status = programme.run("status");

            assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
            assertThat(status.stderr())
                    .endsWith("\nNo ledger in " + home + " (no " + home
                            + "/db/payroll.mv.db): status has nothing to read and creates nothing. Pass --home DIR or set"
                            + " PAYROLL_HOME to the home of your runs.\n");
            assertThat(programme.home().resolve("db")).doesNotExist();
        }

        /** An operator in the wrong folder, without --home or PAYROLL_HOME: ./jobs there. */
        @Test
        void withoutAHomeNamedStatusCreatesNothingAndAWritingCommandSaysItCreatesOne() throws IOException {
            Path folder = Files.createDirectories(dir.resolve("elsewhere"));
            Path jobs = folder.toRealPath().resolve("jobs");

            EngineProcess status = EngineProcess.startIn(folder, "status");
            assertThat(status.waitFor()).as(status.output()).isEqualTo(3);
            assertThat(status.output())
                    .contains("No home at " + jobs + ": status has nothing to read and creates" + " nothing.");
            assertThat(jobs).doesNotExist();

            EngineProcess importing = EngineProcess.startIn(folder, "import-contracts");
            assertThat(importing.waitFor()).as(importing.output()).isZero();
            assertThat(importing.output())
                    .startsWith("Home " + jobs + ", database " + jobs
                            + "/db/payroll.mv.db (embedded H2)\nNo home at " + jobs
                            + ": creating a new one; pass --home DIR"
                            + " or set PAYROLL_HOME to use an existing home.\n");
            assertThat(jobs.resolve("db/payroll.mv.db")).exists();
        }

        /** The project's own folder has a jobs/ with a README and no ledger: the notice says so. */
        @Test
        void aDefaultHomeFolderWithoutLedgerIsSaidToBeNew() throws IOException {
            Path folder = Files.createDirectories(dir.resolve("project"));
            Path jobs = Files.createDirectories(folder.toRealPath().resolve("jobs"));
            Files.writeString(jobs.resolve("README.md"), "The default home.\n");

            EngineProcess importing = EngineProcess.startIn(folder, "import-contracts");

            assertThat(importing.waitFor()).as(importing.output()).isZero();
            assertThat(importing.output())
                    .contains("\nNo ledger in " + jobs + ": creating a new one; pass --home DIR"
                            + " or set PAYROLL_HOME to use an existing home.\n");
        }

        @Test
        void aHomeNamedIsCreatedWithoutTheNotice() {
            Programme programme = new Programme(dir.resolve("new"), TestDatabase.H2);

            Programme.Result result = programme.run("import-contracts");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo(whereabouts(programme) + "\n");
        }
    }

    @Nested
    class HomeOption {

        @ParameterizedTest
        @ValueSource(strings = {"before", "after"})
        void homeIsTakenBeforeOrAfterTheCommand(String where) {
            Programme programme = imported(TestDatabase.H2);
            // PAYROLL_HOME names another folder: only --home can lead to the runs
            String home = programme.home().toString();
            programme.with("PAYROLL_HOME", dir.resolve("other").toString());

            Programme.Result status = where.equals("before")
                    ? programme.run("--home", home, "status")
                    : programme.run("status", "--home", home);

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("contracts.csv | 50 contracts imported");
        }

        @Test
        void twoDifferentHomesAreAUsageErrorAndNothingIsMade() {
            Path first = dir.resolve("a");
            Path second = dir.resolve("b");
            Programme programme = new Programme(first, TestDatabase.H2);

            Programme.Result result =
                    programme.run("--home", first.toString(), "import-contracts", "--home", second.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("--home is given twice with two folders (" + first + " and " + second
                            + "): give it once\nSee 'scripts/payroll help'.\n");
            assertThat(first).doesNotExist();
            assertThat(second).doesNotExist();
        }

        @Test
        void anEmptyHomeIsAUsageErrorNotTheCurrentFolder() {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);

            Programme.Result result = programme.run("import-contracts", "--home", "");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("--home is empty: give the home folder\nSee 'scripts/payroll help'.\n");
        }

        @Test
        void theSameHomeTwiceIsOne() {
            Programme programme = imported(TestDatabase.H2);
            String home = programme.home().toString();

            Programme.Result status = programme.run("--home", home, "status", "--home", home + "/");

            assertThat(status.exitCode()).as(status.toString()).isZero();
        }
    }

    @Nested
    class UsageErrors {

        @ParameterizedTest
        @CsvSource({"deduct,2026-1", "deduct,2026-13", "reconcile,janvier", "report,2026-00", "deduct,26-01"})
        void aBadPeriodIsOneSentenceNamingTheValue(String command, String period) {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);

            Programme.Result result = programme.run(command, "--period", period);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("Invalid period '" + period + "': a period is written YYYY-MM,"
                            + " e.g. 2026-01.\nSee 'scripts/payroll help " + command + "'.\n");
            assertThat(result.stdout()).isEmpty();
            assertThat(programme.home()).as("a usage error opens nothing").doesNotExist();
        }

        @Test
        void aMistypedOptionIsNamedWithPicocliSuggestionNotTheMissingOne() {
            Programme.Result result =
                    new Programme(dir.resolve("home"), TestDatabase.H2).run("deduct", "--perod", "2026-01");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("Unknown options: '--perod', '2026-01'\n"
                            + "Possible solutions: --period\n"
                            + "See 'scripts/payroll help deduct'.\n");
        }

        @Test
        void aPeriodTypedWithoutItsOptionIsToldHowToGiveIt() {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);

            Programme.Result result = programme.run("deduct", "2026-01");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("Unexpected '2026-01': give the period as --period 2026-01\n"
                            + "See 'scripts/payroll help deduct'.\n");
            assertThat(programme.home()).as("a usage error opens nothing").doesNotExist();
        }

        @Test
        void aMissingPeriodIsOneLineAndWhereTheHelpIs() {
            Programme.Result result = new Programme(dir.resolve("home"), TestDatabase.H2).run("reconcile");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("Missing required option: '--period=YYYY-MM'\n"
                            + "See 'scripts/payroll help reconcile'.\n");
        }

        @Test
        void anUnknownCommandIsNamedWithTheCommandsItIsCloseTo() {
            Programme.Result result = new Programme(dir.resolve("home"), TestDatabase.H2).run("statsu");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .isEqualTo("Unknown command: 'statsu'\n"
                            + "Did you mean: payroll status or payroll record-payments or payroll"
                            + " import-contracts?\nSee 'scripts/payroll help'.\n");
        }

        @Test
        void noCommandListsTheCommandsInOneLine() {
            Programme.Result result = new Programme(dir.resolve("home"), TestDatabase.H2).run();

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr())
                    .startsWith("Missing command: one of import-contracts, deduct, reconcile," + " report, status, ")
                    .endsWith("\nSee 'scripts/payroll help'.\n");
            assertThat(result.stderr().lines()).hasSize(2);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "help|Usage: payroll [-hV] [--home=DIR] <command>",
                    "help deduct|Usage: payroll deduct [-hV] [--file=F] [--home=DIR] [--max-rejects=N]"
                })
        void helpAndHelpOfACommand(String arguments, String usage) {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);

            Programme.Result result = programme.run(arguments.split(" "));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(firstLine(result.stdout())).isEqualTo(usage);
            assertThat(result.stderr()).isEmpty();
            assertThat(programme.home()).doesNotExist();
        }
    }

    @Nested
    class ReportOfAPeriodNeverRun {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void isRefusedNamingWhatIsMissingAndWritesNothing(TestDatabase database) throws IOException {
            Programme programme = imported(database);
            programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
            assertThat(programme.run("deduct", "--period", "2026-01").exitCode())
                    .isZero();
            List<Path> before = files(programme.home());

            Programme.Result report = programme.run("report", "--period", "2026-02");

            assertThat(report.exitCode()).as(report.toString()).isEqualTo(3);
            assertThat(report.stderr())
                    .isEqualTo(whereabouts(programme) + "\nNo report for 2026-02: no deduction run"
                            + " of 2026-02 (see status). Nothing was written.\n");
            assertThat(programme.outbox("2026-02")).doesNotExist();
            assertThat(files(programme.home())).isEqualTo(before);
        }

        /** The home's files but the engine's own (database, log), which any command touches. */
        private List<Path> files(Path home) throws IOException {
            try (var walk = Files.walk(home)) {
                return walk.map(home::relativize)
                        .filter(p -> !p.startsWith("db") && !p.startsWith("logs"))
                        .sorted()
                        .toList();
            }
        }
    }

    @Nested
    class AmountsAndCounts {

        /** Figures of sample-data/EXPECTED.md, 2026-01; the shortfall is 7 916 + 3 583 + 3 999 there. */
        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void runSummariesAndStatusGroupAmountsByThreesAndCsvFilesKeepDigits(TestDatabase database) throws IOException {
            Programme programme = imported(database);
            programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
            programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld-2026-01.csv");

            Programme.Result deduct = programme.run("deduct", "--period", "2026-01");
            Programme.Result reconcile = programme.run("reconcile", "--period", "2026-01");
            Programme.Result status = programme.run("status");

            String deducted = "ordered 41 lines, 415 155 F; 3 exceptions, shortfall 15 498 F";
            String reconciled = "41 rows; withheld 411 571 F, posted 410 571 F, refund due 1 000 F;"
                    + " 5 contracts in arrears, overdue 30 498 F";
            assertThat(firstLine(deduct.stdout())).endsWith("): " + deducted + ".");
            assertThat(deduct.stdout()).contains("  payroll-2026-01.csv: 78 lines read, 0 rejected; the run took ");
            assertThat(firstLine(reconcile.stdout())).endsWith("): " + reconciled + ".");
            assertThat(status.stdout())
                    .contains("payroll-2026-01.csv | " + deducted)
                    .contains("withheld-2026-01.csv | " + reconciled)
                    .contains("\n3 runs: 0 unfinished, 3 completed, 0 rejected, 0 abandoned, 0 revoked (");
            long ordered = Files.readAllLines(programme.outbox("2026-01").resolve("deductions-2026-01.csv")).stream()
                    .skip(1)
                    .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1)))
                    .sum();
            assertThat(ordered).as("the order file has plain digits").isEqualTo(415_155);
        }

        @Test
        void oneIsSingular() throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            Path contracts = dir.resolve("contracts-one.csv");
            Files.writeString(
                    contracts,
                    "contract_id,matricule,full_name,price_xof,first_period\n" + "C-1,M-1,Awa Diop,1200000,2026-01\n");
            Path register = dir.resolve("register.csv");
            Files.writeString(register, "period,matricule,net_pay_xof,employment_status\n2026-01,M-1,3000000,ACTIVE\n");

            Programme.Result imported = programme.run("import-contracts", "--file", contracts.toString());
            Programme.Result status = programme.run("status");
            Programme.Result deduct = programme.run("deduct", "--period", "2026-01", "--file", register.toString());
            Programme.Result report = programme.run("report", "--period", "2026-01");

            assertThat(firstLine(imported.stdout())).endsWith("): 1 contract imported.");
            assertThat(imported.stdout()).contains("contracts-one.csv: 1 line read, 0 rejected;");
            assertThat(status.stdout())
                    .contains("\n1 run: 0 unfinished, 1 completed, 0 rejected, 0 abandoned, 0 revoked (");
            // 1 200 000 F over the default 12 months: 100 000 F in January
            assertThat(firstLine(deduct.stdout()))
                    .endsWith("): ordered 1 line, 100 000 F; 0 exceptions, shortfall 0 F.");
            assertThat(report.stdout())
                    .contains("  contracts with a due                  1 row   due 100 000 F\n")
                    .contains("  deduction order                       1 row   amount 100 000 F\n");
        }
    }

    @Nested
    class StatusColumns {

        @Test
        void columnsAreAsWideAsTheirContentAndALongInputNameComesLast() throws IOException {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
            Path contracts = dir.resolve("contracts-" + "of-every-ministry-".repeat(6) + "2026.csv");
            Files.copy(SAMPLES.resolve("contracts.csv"), contracts);
            assertThat(programme
                            .run("import-contracts", "--file", contracts.toString())
                            .exitCode())
                    .isZero();
            programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
            assertThat(programme.run("deduct", "--period", "2026-01").exitCode())
                    .isZero();

            List<String> lines = programme.run("status").stdout().lines().toList();

            assertThat(lines.get(0))
                    .matches("run kind {13}period {2}state {5}started {13}ended {15}read rejected"
                            + "  input / summary");
            Pattern row = Pattern.compile("(.{3}) (.{16}) (.{7}) (.{9}) (.{19}) (.{19}) (.{4}) (.{8})  (.*)");
            for (String line : lines.subList(1, 3)) {
                Matcher cells = row.matcher(line);
                assertThat(cells.matches()).as(line).isTrue();
                assertThat(cells.group(1)).matches(" +\\d+");
                assertThat(cells.group(2)).matches("(contracts import|deduction {7})");
                assertThat(cells.group(4)).isEqualTo("COMPLETED");
                assertThat(cells.group(5)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                assertThat(cells.group(6)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                assertThat(cells.group(7)).matches(" *\\d+");
                assertThat(cells.group(8)).isEqualTo("       0");
            }
            assertThat(lines.get(1)).endsWith("  " + contracts.getFileName() + " | 50 contracts imported");
        }
    }

    @Nested
    class CtrlC {

        /**
         * Ctrl-C while the deduction is in its allocation step (held there): said at once, the step
         * finishes, the run ends STOPPED with the exit code of an interrupted process (130, README), and
         * the same command finishes it with the outputs of a run never interrupted.
         */
        @Test
        void isAcknowledgedAtOnceExits130AndTheSameCommandFinishesTheRun() throws Exception {
            Programme clean = imported(TestDatabase.H2);
            clean.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
            assertThat(clean.run("deduct", "--period", "2026-01").exitCode()).isZero();
            Snapshot uninterrupted = Snapshot.of(clean).ledgerAndOutbox();

            Programme programme = new Programme(dir.resolve("interrupted"), TestDatabase.H2);
            programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
            Path pause = dir.resolve("paused");
            EngineProcess engine = EngineProcess.start(
                    programme,
                    Map.of("PAYROLL_PAUSE_AT", "step:deduct", "PAYROLL_PAUSE_FILE", pause.toString()),
                    "deduct",
                    "--period",
                    "2026-01");
            EngineProcess.awaitFile(pause, engine);

            engine.interrupt();
            String acknowledgement = "Stop requested: stopping at the end of the current step... (run the same"
                    + " command again to resume)";
            long deadline = System.currentTimeMillis() + 60_000;
            while (!engine.output().contains(acknowledgement) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.output()).as("said while the step is still held").contains(acknowledgement);
            assertThat(engine.isAlive()).isTrue();
            Files.delete(pause);

            assertThat(engine.waitFor()).as(engine.output()).isEqualTo(130);
            assertThat(engine.output())
                    .contains("The deduction run (run 2) was stopped on request. Nothing is lost:"
                            + " run the same command again to resume it.")
                    .doesNotContain("\tat ");
            Programme.Result resumed = programme.run("deduct", "--period", "2026-01");
            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(Snapshot.of(programme).ledgerAndOutbox().differencesFrom(uninterrupted))
                    .isEmpty();
        }
    }
}
