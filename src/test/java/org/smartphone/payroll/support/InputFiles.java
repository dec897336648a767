package org.smartphone.payroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.smartphone.payroll.reference.ScenarioFiles;

/** Small hand-written inputs for functional tests, and readers for what the engine leaves behind. */
public final class InputFiles {

    public static final List<String> ERRORS_HEADER = List.of("line", "column", "value", "reason");

    private InputFiles() {}

    /** Writes {@code dir/name} as UTF-8, the given lines each ended by LF (the first one is the header). */
    public static Path write(Path dir, String name, String... lines) {
        try {
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of {@code rejected/<input>.errors.csv} after its header, which is checked. */
    public static List<List<String>> errorRows(Programme programme, String inputName) {
        Path file = programme.rejected().resolve(inputName + ".errors.csv");
        assertThat(file).as("errors file of %s", inputName).exists();
        List<List<String>> rows = ScenarioFiles.readCsv(file);
        assertThat(rows.get(0)).isEqualTo(ERRORS_HEADER);
        return rows.subList(1, rows.size());
    }

    /** The first three cells (line, column, value) of each row of the errors file. */
    public static List<List<String>> errorCells(Programme programme, String inputName) {
        List<List<String>> rows = errorRows(programme, inputName);
        for (List<String> row : rows) {
            assertThat(row).hasSize(4);
            assertThat(row.get(3)).as("reason of %s", row).isNotBlank().endsWith(".");
        }
        return rows.stream().map(r -> r.subList(0, 3)).toList();
    }

    public static Path errorsFile(Programme programme, String inputName) {
        return programme.rejected().resolve(inputName + ".errors.csv");
    }

    /** The data rows of an output CSV. */
    public static List<List<String>> body(Path file) {
        return ScenarioFiles.readCsvBody(file);
    }

    public static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var stream = Files.list(folder)) {
            return stream.map(p -> p.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
