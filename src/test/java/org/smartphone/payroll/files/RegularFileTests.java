package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an input: only a regular file is read, and nothing put in its place (a named pipe above
 * all, whose open waits for a writer) ever makes the engine wait. Every test that could hang without
 * the guard runs under a preemptive timeout.
 */
@EnabledOnOs(OS.LINUX)
class RegularFileTests {

    private static final Duration NEVER_HANGS = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("payroll-2026-01.csv"), "period,matricule\n");

        try (RegularFile opened = RegularFile.open(file, false);
                InputStream in = opened.stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("period,matricule\n");
            assertThat(opened.replaced()).isFalse();
        }
    }

    @Test
    void aNamedPipeIsRefusedAtOnce() throws Exception {
        Path pipe = mkfifo(dir.resolve("payroll-2026-01.csv"));

        assertTimeoutPreemptively(
                NEVER_HANGS,
                () -> assertThatThrownBy(() -> RegularFile.open(pipe, false))
                        .isInstanceOf(RegularFile.NotRegularException.class)
                        .hasMessage(
                                pipe + " is not a regular file (a named pipe, a socket or a device); it is not read."));
        assertThat(RegularFile.at(pipe, false)).isEqualTo(RegularFile.Kind.OTHER);
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("withheld-2026-01.csv"));

        assertThatThrownBy(() -> RegularFile.open(folder, true))
                .isInstanceOf(RegularFile.NotRegularException.class)
                .hasMessage(folder + " is a folder, not a file.");
    }

    @Test
    void aSymbolicLinkIsRefusedUnlessLinksAreFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("elsewhere.csv"), "a\n");
        Path link = Files.createSymbolicLink(dir.resolve("contracts.csv"), target);

        assertThatThrownBy(() -> RegularFile.open(link, false))
                .isInstanceOf(RegularFile.NotRegularException.class)
                .hasMessage("contracts.csv in the inbox is a symbolic link; copy the file itself into the inbox.");
        assertThat(RegularFile.sha256(link, true)).isEqualTo(RegularFile.sha256(target, false));
    }

    /**
     * The race the first look cannot close: the path was a regular file when looked at, and is a
     * pipe when opened. The open is released and refused, and leaves no thread blocked behind.
     */
    @Test
    void aPipeSwappedInAfterTheFileWasLookedAtIsReleasedAndRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("payroll-2026-01.csv"), "period\n");
        Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        Files.delete(file);
        mkfifo(file);

        assertTimeoutPreemptively(NEVER_HANGS, () -> {
            assertThatThrownBy(() -> RegularFile.openWatching(
                            file,
                            new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS},
                            new LinkOption[] {LinkOption.NOFOLLOW_LINKS},
                            key))
                    .isInstanceOf(RegularFile.NotRegularException.class)
                    .hasMessage(file + " was replaced by something other than a file while it was being opened;"
                            + " it is not read.");
            while (Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(thread -> thread.getName().equals("opening an input file"))) {
                Thread.sleep(20); // the released open returns; without the release this never ends
            }
        });
    }

    @Test
    void aFileReplacedAfterItWasOpenedIsNoticed() throws IOException {
        Path file = Files.writeString(dir.resolve("payroll-2026-01.csv"), "period\n");

        try (RegularFile opened = RegularFile.open(file, false)) {
            Path other = Files.writeString(dir.resolve("payroll-2026-01.csv.part"), "period\n");
            Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThat(opened.replaced()).isTrue();
        }
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo =
                new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return path;
    }
}
