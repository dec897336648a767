package org.smartphone.payroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.ScenarioFiles;

/** Assertions on the files of an outbox: content against an expectation, format, sidecar. */
public final class OutputFiles {

    private OutputFiles() {}

    /** The file holds exactly the SPEC header of its kind and the expected rows, in order. */
    public static void assertContent(Path file, String kind, List<List<String>> expectedRows) {
        assertThat(file).exists();
        assertThat(ScenarioFiles.outputFormatProblems(file))
                .as("format of %s", file.getFileName())
                .isEmpty();
        List<List<String>> expected = new ArrayList<>();
        expected.add(ReferenceProgramme.header(kind));
        expected.addAll(expectedRows);
        assertThat(ScenarioFiles.readCsv(file))
                .as("content of %s", file.getFileName())
                .containsExactlyElementsOf(expected);
        assertSidecar(file);
    }

    /** {@code <file>.sha256} holds {@code <hex>  <name>} for the file's bytes, as sha256sum -c wants. */
    public static void assertSidecar(Path file) {
        try {
            String sidecar =
                    Files.readString(file.resolveSibling(file.getFileName() + ".sha256"), StandardCharsets.UTF_8);
            assertThat(sidecar).isEqualTo(sha256(file) + "  " + file.getFileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
