package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 6: a processed input moves to the archive; a name already there gets 12 hex digits of its SHA-256. */
class ArchiveTests {

    private static final String NAME = "payroll-2026-03.csv";

    @TempDir
    Path home;

    private Path inbox;
    private Path archive;

    @BeforeEach
    void folders() throws IOException {
        inbox = Files.createDirectories(home.resolve("inbox"));
        archive = home.resolve("archive").resolve("2026-03");
    }

    private Path drop(String name, String content) throws IOException {
        return Files.writeString(inbox.resolve(name), content, UTF_8);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class FreeName {

        @Test
        void theFileMovesUnderItsOwnName() throws Exception {
            // given
            Path input = drop(NAME, "period,matricule\n2026-03,M-1\n");
            String digest = sha256(input);

            // when
            Path archived = Archive.move(input, archive, digest);

            // then: the archive folder is created, the inbox is empty, the bytes are unchanged
            assertThat(archived).isEqualTo(archive.resolve(NAME));
            assertThat(input).doesNotExist();
            assertThat(archived).hasContent("period,matricule\n2026-03,M-1\n");
            assertThat(names(archive)).containsExactly(NAME);
        }
    }

    @Nested
    class TakenName {

        @Test
        void aDifferentFileGetsTheFirst12HexDigitsOfItsSha256() throws Exception {
            // given an earlier file of the same name in the archive
            Files.createDirectories(archive);
            Files.writeString(archive.resolve(NAME), "period,matricule\n2026-03,OLD\n", UTF_8);
            Path input = drop(NAME, "period,matricule\n2026-03,NEW\n");
            String digest = sha256(input);

            // when
            Path archived = Archive.move(input, archive, digest);

            // then: payroll-2026-03-<12 hex>.csv, the earlier file untouched
            String expectedName = "payroll-2026-03-" + digest.substring(0, 12) + ".csv";
            assertThat(archived).isEqualTo(archive.resolve(expectedName));
            assertThat(archived.getFileName().toString()).matches("payroll-2026-03-[0-9a-f]{12}\\.csv");
            assertThat(archived).hasContent("period,matricule\n2026-03,NEW\n");
            assertThat(archive.resolve(NAME)).hasContent("period,matricule\n2026-03,OLD\n");
            assertThat(input).doesNotExist();
            assertThat(names(archive)).containsExactlyInAnyOrder(NAME, expectedName);
        }

        @Test
        void aNameWithoutExtensionGetsTheDigitsAtTheEnd() throws Exception {
            Files.createDirectories(archive);
            Files.writeString(archive.resolve("withheld"), "old", UTF_8);
            Path input = drop("withheld", "new");
            String digest = sha256(input);

            Path archived = Archive.move(input, archive, digest);

            assertThat(archived.getFileName().toString()).isEqualTo("withheld-" + digest.substring(0, 12));
            assertThat(archived).hasContent("new");
        }

        @Test
        void placesForNamesWhereAMoveCanHavePutTheFile() throws Exception {
            Files.createDirectories(archive);
            Files.writeString(archive.resolve(NAME), "period,matricule\n2026-03,OLD\n", UTF_8);
            Path input = drop(NAME, "period,matricule\n2026-03,NEW\n");
            String digest = sha256(input);

            Path archived = Archive.move(input, archive, digest);

            assertThat(Archive.placesFor(archive, NAME, digest)).containsExactly(archive.resolve(NAME), archived);
        }

        @Test
        void theSameFileAlreadyArchivedIsNotDuplicated() throws Exception {
            // given the very same bytes already archived (a move interrupted after copying)
            Files.createDirectories(archive);
            Files.writeString(archive.resolve(NAME), "period,matricule\n2026-03,M-1\n", UTF_8);
            Path input = drop(NAME, "period,matricule\n2026-03,M-1\n");

            Path archived = Archive.move(input, archive, sha256(input));

            assertThat(archived).isEqualTo(archive.resolve(NAME));
            assertThat(input).doesNotExist();
            assertThat(names(archive)).containsExactly(NAME);
        }
    }

    @Nested
    class AlreadyMoved {

        @Test
        void movingAgainAfterACrashChangesNothing() throws Exception {
            Path input = drop(NAME, "period,matricule\n2026-03,M-1\n");
            String digest = sha256(input);
            Archive.move(input, archive, digest);

            Path again = Archive.move(input, archive, digest);

            assertThat(again).isEqualTo(archive.resolve(NAME));
            assertThat(names(archive)).containsExactly(NAME);
            assertThat(again).hasContent("period,matricule\n2026-03,M-1\n");
        }
    }
}
