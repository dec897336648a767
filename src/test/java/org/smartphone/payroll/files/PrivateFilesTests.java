package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What the engine does to files it takes over: the home's file mode, never a wait on a pipe. */
@EnabledOnOs(OS.LINUX)
class PrivateFilesTests {

    @TempDir
    Path home;

    @Test
    void anInputMovedOutOfTheInboxGetsTheFileModeWhateverItWasDroppedWith() throws Exception {
        PrivateFiles files = PrivateFiles.forHome(home, "0640");
        Path archived = Files.writeString(home.resolve("payroll-2026-01.csv"), "period\n");
        Files.setPosixFilePermissions(archived, PosixFilePermissions.fromString("rw-rw-rw-"));

        files.take(archived);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archived)))
                .isEqualTo("rw-r-----");
    }

    /**
     * A pipe swapped in at an inbox name just before the archive move is moved too; giving it the mode
     * through a descriptor would wait for a writer forever, in the step after the ledger commit.
     */
    @Test
    void aPipeIsLeftAsItIsAndNeverWaitedOn() throws Exception {
        PrivateFiles files = PrivateFiles.forHome(home, "0640");
        Path pipe = home.resolve("payroll-2026-01.csv");
        assertThat(new ProcessBuilder("mkfifo", "-m", "666", pipe.toString())
                        .start()
                        .waitFor())
                .isZero();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> files.take(pipe));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pipe)))
                .isEqualTo("rw-rw-rw-");
    }
}
