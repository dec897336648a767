package org.smartphone.payroll.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 5: outputs appear whole or not at all, each with a sidecar that {@code sha256sum -c} accepts. */
class OutboxTests {

    private static final List<String> HEADER = List.of("period", "contract_id", "amount_xof");
    private static final String NAME = "deductions-2026-03.csv";

    @TempDir
    Path home;

    private Path folder() {
        return home.resolve("outbox").resolve("2026-03");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Outbox.PublishedFile publishTwoRows() throws IOException {
        return Outbox.publishCsv(folder(), NAME, HEADER, csv -> {
            csv.writeRecord("2026-03", "C-1", "15000");
            csv.writeRecord("2026-03", "C-2", "4000");
        });
    }

    @Nested
    class PublishedCsv {

        @Test
        void isWrittenWholeUnderItsNameWithNothingLeftAside() throws Exception {
            // when
            publishTwoRows();

            // then: the folder is created, holds the file and its sidecar only (no .part)
            assertThat(names(folder())).containsExactly(NAME, NAME + ".sha256");
            assertThat(Files.readString(folder().resolve(NAME), UTF_8))
                    .isEqualTo("period,contract_id,amount_xof\n2026-03,C-1,15000\n2026-03,C-2,4000\n");
        }

        @Test
        void reportsItsNameRecordCountAndDigest() throws Exception {
            Outbox.PublishedFile published = publishTwoRows();

            assertThat(published.name()).isEqualTo(NAME);
            assertThat(published.records()).isEqualTo(2);
            assertThat(published.sha256()).isEqualTo(sha256(Files.readAllBytes(folder().resolve(NAME))));
        }

        @Test
        void aHeaderOnlyFileHasZeroRecords() throws Exception {
            Outbox.PublishedFile published = Outbox.publishCsv(folder(), NAME, HEADER, csv -> {});

            assertThat(published.records()).isZero();
            assertThat(Files.readString(folder().resolve(NAME), UTF_8)).isEqualTo("period,contract_id,amount_xof\n");
        }

        @Test
        void publishingAgainReplacesFileAndSidecar() throws Exception {
            publishTwoRows();

            Outbox.PublishedFile again =
                    Outbox.publishCsv(folder(), NAME, HEADER, csv -> csv.writeRecord("2026-03", "C-9", "1"));

            byte[] bytes = Files.readAllBytes(folder().resolve(NAME));
            assertThat(new String(bytes, UTF_8)).isEqualTo("period,contract_id,amount_xof\n2026-03,C-9,1\n");
            assertThat(Files.readString(folder().resolve(NAME + ".sha256"), UTF_8))
                    .isEqualTo(sha256(bytes) + "  " + NAME + "\n");
            assertThat(again.records()).isEqualTo(1);
            assertThat(names(folder())).containsExactly(NAME, NAME + ".sha256");
        }
    }

    @Nested
    class Sidecar {

        @Test
        void holdsTheHexDigestTwoSpacesAndTheFileName() throws Exception {
            publishTwoRows();

            byte[] bytes = Files.readAllBytes(folder().resolve(NAME));
            String sidecar = Files.readString(folder().resolve(NAME + ".sha256"), UTF_8);
            assertThat(sidecar).matches("[0-9a-f]{64}  " + NAME.replace(".", "\\.") + "\n");
            assertThat(sidecar).isEqualTo(sha256(bytes) + "  " + NAME + "\n");
        }

        @Test
        void passesSha256sumCheckInItsFolder() throws Exception {
            assumeTrue(Files.isExecutable(Paths.get("/usr/bin/sha256sum")), "sha256sum is installed");
            publishTwoRows();

            Process check = new ProcessBuilder("/usr/bin/sha256sum", "-c", NAME + ".sha256")
                    .directory(folder().toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), UTF_8);

            assertThat(check.waitFor()).as(output).isZero();
            assertThat(output).isEqualTo(NAME + ": OK\n");
        }

        @Test
        void digestMatchesAKnownVector() throws Exception {
            // FIPS 180-2 example: SHA-256("abc")
            Outbox.publishText(folder(), "abc.txt", "abc");

            assertThat(Sha256.of(folder().resolve("abc.txt")))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }

    @Nested
    class WholeOrNotAtAll {

        @Test
        void aFailureWhileWritingPublishesNothing() {
            assertThatThrownBy(() -> Outbox.publishCsv(folder(), NAME, HEADER, csv -> {
                        csv.writeRecord("2026-03", "C-1", "15000");
                        throw new IOException("disk full");
                    }))
                    .isInstanceOf(IOException.class);

            assertThat(folder().resolve(NAME)).doesNotExist();
            assertThat(folder().resolve(NAME + ".sha256")).doesNotExist();
        }

        @Test
        void aFailureWhileRewritingKeepsThePreviousVersion() throws Exception {
            publishTwoRows();
            byte[] before = Files.readAllBytes(folder().resolve(NAME));
            String sidecarBefore = Files.readString(folder().resolve(NAME + ".sha256"), UTF_8);

            assertThatThrownBy(() -> Outbox.publishCsv(folder(), NAME, HEADER, csv -> {
                        csv.writeRecord("2026-03", "C-9", "1");
                        throw new IOException("disk full");
                    }))
                    .isInstanceOf(IOException.class);

            assertThat(Files.readAllBytes(folder().resolve(NAME))).isEqualTo(before);
            assertThat(Files.readString(folder().resolve(NAME + ".sha256"), UTF_8))
                    .isEqualTo(sidecarBefore);
        }
    }

    @Nested
    class Text {

        @Test
        void isPublishedExactlyAndReplaced() throws Exception {
            Outbox.publishText(folder(), "deduction-2026-03.manifest.json", "{\"v\": 1}\n");
            Outbox.publishText(folder(), "deduction-2026-03.manifest.json", "{\"v\": 2}\n");

            assertThat(Files.readString(folder().resolve("deduction-2026-03.manifest.json"), UTF_8))
                    .isEqualTo("{\"v\": 2}\n");
            assertThat(names(folder())).containsExactly("deduction-2026-03.manifest.json");
        }
    }
}
