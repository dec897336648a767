package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * logs/payroll.log as an operator reads it (issue 13, point 6): each command's first line says what
 * was typed, by which account on which machine; its last line says how it ended (exit code, time,
 * the sentence the terminal showed). An invalid file or a refusal is that one WARN line, with no
 * ERROR and no stack trace anywhere; only an unexpected failure (exit 1) is an ERROR with one. The
 * log is read once the command has returned: its appender writes each line through, synchronously.
 */
class OperatorLogTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final Pattern DURATION = Pattern.compile("\\d+\\.\\d s");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCompletedCommandLogsWhatWasRunByWhomItsOutcomeAndDuration(TestDatabase database) throws IOException {
        Programme programme = programme(database);

        Programme.Result imported = programme.run("import-contracts");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        List<String> lines = commandLines(programme);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(" INFO: command started: payroll import-contracts (" + who() + ")");
        assertThat(lines.get(1))
                .startsWith(" INFO: command ended: payroll import-contracts (" + who() + "): exit 0 (done) in ");
        // the two lines the terminal showed, on one line
        String shown = String.join(
                " ", imported.stdout().strip().lines().map(String::strip).toList());
        assertThat(shown).startsWith("The contracts import completed (run 1): 50 contracts imported. contracts.csv:");
        assertThat(withoutDuration(lines.get(1))).endsWith("in N.N s: " + shown);
        assertThat(log(programme)).doesNotContain(" ERROR ").doesNotContain(" WARN ");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvalidFileIsOneWarningLineWithoutStackTrace(TestDatabase database) throws IOException {
        Programme programme = programme(database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Path register = InputFiles.write(
                dir.resolve("in"),
                "payroll-bad.csv",
                "period,matricule,net_pay_xof,employment_status",
                "2026-01,M-1,abc,ACTIVE");

        Programme.Result invalid = programme.run("deduct", "--period", "2026-01", "--file", register.toString());

        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(2);
        String log = log(programme);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ").doesNotContain("Exception");
        assertThat(lines(log, "payroll-bad.csv: 1 invalid line(s)")).hasSize(1);
        assertThat(withoutDuration(commandLines(programme).get(3)))
                .isEqualTo(" WARN: command ended: payroll deduct"
                        + " --period 2026-01 --file " + register + " (" + who() + "): exit 2 (invalid input) in N.N s: "
                        + invalid.errors().strip());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusedCommandIsLoggedOnceAsAWarning(TestDatabase database) throws IOException {
        Programme programme = programme(database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        assertThat(programme.run("deduct", "--period", "2026-01").exitCode()).isZero();

        Programme.Result refused = programme.run("deduct", "--period", "2026-01");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        String log = log(programme);
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
        assertThat(lines(log, refused.errors().strip()))
                .singleElement()
                .asString()
                .contains(" WARN ")
                .contains("command ended: payroll deduct --period 2026-01 (" + who() + "): exit 3 (refused) in ");
    }

    /**
     * On H2 the second command cannot even open the database, so it is refused before the engine
     * starts; on PostgreSQL the run lock refuses it. Either way the refusal is in the log, and only
     * the refusal is on the terminal. Both commands run in processes of their own, as they would.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommandRefusedBecauseAnotherRunsIsLogged(TestDatabase database) throws Exception {
        Programme programme = programme(database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Path pause = dir.resolve("paused");
        EngineProcess first = EngineProcess.start(
                programme,
                Map.of("PAYROLL_PAUSE_AT", "step:deduct", "PAYROLL_PAUSE_FILE", pause.toString()),
                "deduct",
                "--period",
                "2026-01");
        EngineProcess.awaitFile(pause, first);

        EngineProcess second = EngineProcess.start(programme, Map.of(), "deduct", "--period", "2026-01");
        int refused = second.waitFor();

        Files.delete(pause);
        assertThat(first.waitFor()).as(first.output()).isZero();
        assertThat(refused).as(second.output()).isEqualTo(3);
        // without the first line, where the command works (home and database)
        String shown = second.output()
                .strip()
                .lines()
                .filter(line -> !line.startsWith("Home "))
                .collect(Collectors.joining("\n"));
        assertThat(shown)
                .startsWith("Another run is in progress: 'deduct --period 2026-01' (process " + first.pid())
                .doesNotContain("\n");
        String log = log(programme);
        assertThat(lines(log, shown))
                .singleElement()
                .asString()
                .contains(" WARN ")
                .contains("command ended: payroll deduct --period 2026-01 (" + who() + "): exit 3 (refused) in ");
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    /**
     * A credential that is not the database's is refused before the engine starts. Another home's
     * command runs in between, as another process would have: the refusal goes to this home's log all
     * the same, not to the log of whichever command ran last.
     */
    @Test
    void aCommandRefusedBeforeTheEngineStartsIsLoggedInItsOwnHome() throws IOException {
        Programme programme = programme(TestDatabase.H2);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Files.writeString(programme.home().resolve("db").resolve("credential"), "0".repeat(64) + "\n");
        Programme other = new Programme(dir.resolve("other"), TestDatabase.H2);
        assertThat(other.run("import-contracts").exitCode()).isZero();

        Programme.Result refused = programme.run("status");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(lines(log(programme), refused.errors().strip()))
                .singleElement()
                .asString()
                .contains(" WARN ")
                .contains("command ended: payroll status (" + who() + "): exit 3 (refused) in ");
        assertThat(log(other)).doesNotContain(refused.errors().strip());
    }

    @Test
    void anInvalidSettingIsOneWarningLineNotSpringBootsFailureReport() throws IOException {
        Programme programme = programme(TestDatabase.H2).with("PAYROLL_CAP_RATIO", "a third");

        Programme.Result invalid = programme.run("import-contracts");

        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(2);
        assertThat(invalid.errors().strip())
                .isEqualTo("Invalid setting: cap ratio is written p/q, for example 1/3:" + " a third");
        String log = log(programme);
        assertThat(log)
                .doesNotContain("APPLICATION FAILED TO START")
                .doesNotContain("refresh attempt")
                .doesNotContain(" ERROR ")
                .doesNotContain("\tat ");
        assertThat(lines(log, " WARN "))
                .singleElement()
                .asString()
                .endsWith("command ended: payroll import-contracts (" + who() + "): exit 2 (invalid input) in "
                        + durationIn(log) + ": " + invalid.errors().strip());
    }

    /** An outbox that cannot be written is no mistake of the operator's: exit 1, and the trace for whoever mends it. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnexpectedFailureIsAnErrorWithItsStackTrace(TestDatabase database) throws IOException {
        Programme programme = programme(database);
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Path blocker = programme.outbox("2026-01");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the engine needs a folder");

        Programme.Result failed = programme.run("deduct", "--period", "2026-01");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        String log = log(programme);
        assertThat(log).contains("\tat ");
        assertThat(lines(log, " ERROR "))
                .anySatisfy(line -> assertThat(line)
                        .contains("command ended: payroll deduct --period 2026-01 (" + who() + "): exit 1 (failed) in ")
                        .endsWith(failed.errors().strip()));
    }

    /** That the embedded H2 is newer than Flyway knows is nothing an operator can act on, at every start. */
    @Test
    void flywaysWarningAboutTheEmbeddedH2VersionIsNotLogged() throws IOException {
        Programme programme = programme(TestDatabase.H2);

        assertThat(programme.run("import-contracts").exitCode()).isZero();
        assertThat(programme.run("status").exitCode()).isZero();

        assertThat(log(programme))
                .doesNotContain("Flyway")
                .doesNotContain("H2 2.")
                .doesNotContain(" WARN ");
    }

    private Programme programme(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        return programme;
    }

    /** "by ACCOUNT on HOST": the account that owns this process, the machine's name. */
    private static String who() throws IOException {
        return "by " + ProcessHandle.current().info().user().orElseThrow() + " on "
                + InetAddress.getLocalHost().getHostName();
    }

    private static String log(Programme programme) throws IOException {
        return Files.readString(programme.home().resolve("logs").resolve("payroll.log"), UTF_8);
    }

    private static List<String> lines(String log, String part) {
        return log.lines().filter(line -> line.contains(part)).toList();
    }

    /** The command lines of the log, each as " LEVEL: message" (no time, process or logger). */
    private static List<String> commandLines(Programme programme) throws IOException {
        return lines(log(programme), "cli.CommandLog").stream()
                .map(line -> " " + line.replaceAll("^\\S+\\s+(\\w+) .*? : ", "$1: "))
                .toList();
    }

    private static String withoutDuration(String line) {
        return DURATION.matcher(line).replaceFirst("N.N s");
    }

    private static String durationIn(String log) {
        var matcher = Pattern.compile("\\) in (\\d+\\.\\d s): ").matcher(log);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
