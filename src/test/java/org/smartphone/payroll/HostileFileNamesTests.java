package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * File names and file kinds that must never break a run (SPEC 5 "Files", SPEC 6): a name too long
 * for the files the engine derives from it, a name that would forge a line of {@code status}, the
 * engine's own errors and reason files dropped back in the inbox, a symbolic link in the inbox. Each
 * is refused with exit 2 before any run is recorded, or not taken at all; nothing changes.
 */
@EnabledOnOs(OS.LINUX)
class HostileFileNamesTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    /** "contracts-", 236 letters and ".csv": 250 bytes, a legal name, too long for its errors file's suffix. */
    private static final String LONG_NAME = "contracts-" + "a".repeat(236) + ".csv";
    /** A name whose second half reads as a completed run in {@code status}. */
    private static final String FORGING_NAME = "contracts-a.csv\n7     contracts import  -       COMPLETED  forged.csv";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNameOf250BytesInTheInboxIsRefusedBeforeAnyRun(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        assertThat(LONG_NAME.getBytes(UTF_8)).hasSize(250);
        Path dropped = programme.drop(SAMPLES.resolve("contracts.csv"), LONG_NAME);

        Programme.Result result = programme.run("import-contracts");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .contains(LONG_NAME + ": the file name is 250 bytes long, more than the 225")
                .contains("rename the file");
        assertNoRun(programme);
        assertThat(dropped).exists();
        assertThat(programme.archive().resolve("contracts")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNameOf250BytesNamedWithFileIsRefusedBeforeAnyRun(TestDatabase database) throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path file = Files.copy(SAMPLES.resolve("contracts.csv"), dir.resolve(LONG_NAME));

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("250 bytes long");
        assertNoRun(programme);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNameWithALineBreakIsRefusedShownEscapedAndForgesNoLineOfStatus(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path dropped = programme.drop(SAMPLES.resolve("contracts.csv"), FORGING_NAME);

        Programme.Result result = programme.run("import-contracts");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("contracts-a.csv\\u000a7     contracts import")
                .contains("control or invisible formatting character")
                .doesNotContain("\n7 ");
        assertNoRun(programme);
        assertThat(programme.run("status").stdout()).doesNotContain("forged").doesNotContain("COMPLETED");
        assertThat(dropped).exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNameThatReversesTheTextIsRefusedWhenNamedWithFile(TestDatabase database) throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path file = Files.copy(SAMPLES.resolve("contracts.csv"), dir.resolve("contracts-\u202Evsc.exe.csv"));

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("contracts-\\u202evsc.exe.csv: the file name holds a control");
        assertNoRun(programme);
    }

    /**
     * An errors file or reason file copied back into the inbox ends in {@code .csv} or starts with
     * {@code contracts}: it is still not a contracts file, and is left alone.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theEnginesOwnErrorsAndReasonFilesInTheInboxAreNotImported(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path errors = programme.drop(SAMPLES.resolve("contracts.csv"), "contracts-x.csv.errors.csv");
        Path reason = programme.drop(SAMPLES.resolve("contracts.csv"), "contracts-x.csv.reason.txt");

        Programme.Result result = programme.run("import-contracts");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("nothing to import");
        assertNoRun(programme);
        assertThat(errors).exists();
        assertThat(reason).exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aContractsNameWithOtherSymbolsIsRefusedWithTheRule(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts;2026.csv");

        Programme.Result result = programme.run("import-contracts");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("contracts;2026.csv in the inbox is not named as the engine takes it:"
                        + " contracts*.csv (where * holds only letters, digits, spaces");
        assertNoRun(programme);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSymbolicLinkInTheInboxIsRefusedNeverFollowedNorArchived(TestDatabase database) throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Files.createDirectories(programme.inbox());
        Path target = Files.copy(SAMPLES.resolve("contracts.csv"), dir.resolve("contracts-elsewhere.csv"));
        Path link = Files.createSymbolicLink(programme.inbox().resolve("contracts.csv"), target);

        Programme.Result result = programme.run("import-contracts");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("contracts.csv in the inbox is a symbolic link; copy the file itself into the inbox.");
        assertNoRun(programme);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(programme.archive().resolve("contracts")).doesNotExist();
        assertThat(target).exists();
    }

    /** Named with --file outside the inbox, a symbolic link is followed: the file stays where it is. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSymbolicLinkNamedWithFileOutsideTheInboxIsFollowed(TestDatabase database) throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path target = Files.copy(SAMPLES.resolve("contracts.csv"), dir.resolve("contracts-elsewhere.csv"));
        Path link = Files.createSymbolicLink(dir.resolve("contracts-link.csv"), target);

        Programme.Result result = programme.run("import-contracts", "--file", link.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).exists();
    }

    private static void assertNoRun(Programme programme) {
        Programme.Result status = programme.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).as(status.toString()).startsWith("No run yet");
    }
}
