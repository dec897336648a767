package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.reference.LifeEvents;
import org.smartphone.payroll.reference.ProgrammeStep;
import org.smartphone.payroll.reference.RefRefundItem;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.Scenario;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.reference.ScenarioGenerator;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Whole programmes of 13 to 15 months with money outside the payroll (SPEC 7.1, 7.2): counter
 * payments before and while an order is issued, settlement by payment, payments to settled
 * contracts, stops honoured or ignored by payroll, refunds issued, confirmed and released. Each is
 * generated from a seed, played on the independent reference model (written from SPEC alone), run
 * through the command line on H2 and PostgreSQL, and every output file compared byte for byte with
 * the model's, after every command.
 */
class MoneyOutsideThePayrollEndToEndTests {

    static Stream<Arguments> programmes() {
        return Stream.of(
                Arguments.of(TestDatabase.H2, 21L, 13),
                Arguments.of(TestDatabase.H2, 22L, 15),
                Arguments.of(TestDatabase.POSTGRES, 23L, 14));
    }

    @ParameterizedTest(name = "{0}, seed {1}, {2} months")
    @MethodSource("programmes")
    void everyFileOfEveryCommandMatchesTheReferenceModel(
            TestDatabase database, long seed, int months, @TempDir Path dir) {
        // started in 2024 so that every payment is received before the day the engine runs
        Scenario scenario = ScenarioGenerator.generate(seed, 40, months, "2024-01");
        ReferenceProgramme reference = new ReferenceProgramme();
        List<ProgrammeStep> steps = LifeEvents.play(scenario, reference, LocalDate.now());
        Programme programme = new Programme(dir.resolve("home"), database);
        Path outbox = programme.home().resolve("outbox");

        TreeSet<String> expectedFiles = new TreeSet<>();
        int inputs = 0;
        for (ProgrammeStep step : steps) {
            List<String> args = new ArrayList<>(step.arguments());
            Path input = null;
            // every third input is dropped in the inbox and taken by its default name, the others named
            boolean fromInbox = false;
            if (step.inputName() != null) {
                input = ScenarioFiles.writeCsv(
                        dir.resolve("in").resolve(step.inputName()), step.inputHeader(), step.inputRows());
                fromInbox = ++inputs % 3 == 0;
                if (fromInbox) {
                    programme.drop(input, step.inputName());
                } else {
                    args.add("--file");
                    args.add(input.toString());
                }
            }
            TreeSet<String> before = publishedCsvFiles(outbox);
            Programme.Result result = programme.run(args.toArray(String[]::new));
            assertThat(result.exitCode())
                    .as("%s: %s", step.commandLine(), result)
                    .isZero();

            for (Map.Entry<String, List<List<String>>> output : step.outputs().entrySet()) {
                Path file = outbox.resolve(output.getKey());
                assertSameBytes(file, output.getValue(), step);
                OutputFiles.assertSidecar(file);
                expectedFiles.add(output.getKey());
            }
            assertThat(publishedCsvFiles(outbox))
                    .as("the files %s published", step.commandLine())
                    .isEqualTo(union(before, step.outputs().keySet()));
            assertManifest(outbox, step, input);
            if (fromInbox) {
                assertThat(programme.inbox().resolve(step.inputName())).doesNotExist();
                assertThat(programme.archive().resolve(step.archiveFolder()).resolve(step.inputName()))
                        .as("%s archives its input", step.commandLine())
                        .hasSameBinaryContentAs(input);
            }
        }
        assertThat(publishedCsvFiles(outbox)).isEqualTo(expectedFiles);

        // the ledger's refund items, per status, are the model's
        for (String status :
                List.of(RefRefundItem.DUE, RefRefundItem.INSTRUCTED, RefRefundItem.PAID, RefRefundItem.CANCELLED)) {
            assertThat(programme.number(
                            "SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE status = '" + status + "'"))
                    .as("refund items %s", status)
                    .isEqualTo(reference.refundsTotal(status));
        }
        assertThat(programme.number("SELECT COALESCE(SUM(original_xof), 0) FROM refund_item"))
                .isEqualTo(reference.refundsOriginalTotal());
        assertThat(programme.number("SELECT COALESCE(SUM(collected_xof), 0) FROM contract_balance"))
                .isEqualTo(reference.totalCollected());
    }

    /** The file holds exactly the bytes SPEC 5 gives for the model's header and rows. */
    private static void assertSameBytes(Path file, List<List<String>> rows, ProgrammeStep step) {
        assertThat(file)
                .as("%s publishes %s", step.commandLine(), file.getFileName())
                .exists();
        List<String> header = ReferenceProgramme.header(file.getFileName().toString());
        List<List<String>> expected = new ArrayList<>();
        expected.add(header);
        expected.addAll(rows);
        // cell by cell first (a readable difference), then byte for byte
        assertThat(ScenarioFiles.readCsv(file))
                .as("%s after %s", file.getFileName(), step.commandLine())
                .containsExactlyElementsOf(expected);
        try {
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("bytes of %s", file.getFileName())
                    .isEqualTo(ScenarioFiles.render(header, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runs of SPEC 7 write a manifest named after their main file, beside it: the input's name
     * and SHA-256, per output file its record count, SHA-256 and the total of each _xof column, and
     * the lines skipped as already recorded.
     */
    private static void assertManifest(Path outbox, ProgrammeStep step, Path input) {
        String main = null;
        for (String path : step.outputs().keySet()) {
            String name = path.replaceFirst(".*/", "");
            if (name.startsWith("payments-") || name.startsWith("refunds-")) {
                main = path;
            }
        }
        if (main == null) {
            return; // the monthly runs' manifests are checked by their own tests
        }
        Path manifestFile = outbox.resolve(main.replaceFirst("\\.csv$", ".manifest.json"));
        assertThat(manifestFile).as("manifest of %s", main).exists();
        JsonNode manifest = InputFiles.json(manifestFile);
        if (input != null) {
            assertThat(manifest.path("input").path("name").asText()).isEqualTo(step.inputName());
            assertThat(manifest.path("input").path("sha256").asText()).isEqualTo(OutputFiles.sha256(input));
        }
        for (Map.Entry<String, List<List<String>>> output : step.outputs().entrySet()) {
            String name = output.getKey().replaceFirst(".*/", "");
            JsonNode listed = null;
            for (JsonNode candidate : manifest.path("outputs")) {
                if (candidate.path("file").asText().equals(name)) {
                    listed = candidate;
                }
            }
            assertThat(listed)
                    .as("%s lists %s", manifestFile.getFileName(), name)
                    .isNotNull();
            assertThat(listed.path("records").asLong())
                    .as("records of %s", name)
                    .isEqualTo(output.getValue().size());
            assertThat(listed.path("sha256").asText()).isEqualTo(OutputFiles.sha256(outbox.resolve(output.getKey())));
            List<String> header = ReferenceProgramme.header(name);
            for (int column = 0; column < header.size(); column++) {
                if (header.get(column).endsWith("_xof")) {
                    long total = 0;
                    for (List<String> row : output.getValue()) {
                        total += Long.parseLong(row.get(column));
                    }
                    assertThat(listed.path("totals").path(header.get(column)).asLong())
                            .as("total %s of %s", header.get(column), name)
                            .isEqualTo(total);
                }
            }
        }
        if (step.skipped() > 0) {
            assertThat(fieldsNamedLike(manifest, "skip"))
                    .as(
                            "%s counts the %d lines skipped as already recorded",
                            manifestFile.getFileName(), step.skipped())
                    .contains((long) step.skipped());
        }
    }

    /** The numbers of every field whose name contains {@code part}, anywhere in the document. */
    private static List<Long> fieldsNamedLike(JsonNode node, String part) {
        List<Long> numbers = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().toLowerCase(java.util.Locale.ROOT).contains(part)
                        && field.getValue().isNumber()) {
                    numbers.add(field.getValue().asLong());
                }
                numbers.addAll(fieldsNamedLike(field.getValue(), part));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                numbers.addAll(fieldsNamedLike(element, part));
            }
        }
        return numbers;
    }

    /**
     * Every CSV file published under the outbox's month folders and refunds/, by path relative to
     * it (files moved aside by a revocation excluded; none happens here). The follow-up file of
     * SPEC 7.4 is not in the model yet and is left out.
     */
    private static TreeSet<String> publishedCsvFiles(Path outbox) {
        TreeSet<String> files = new TreeSet<>();
        if (!Files.isDirectory(outbox)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(outbox, 2)) {
            walk.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .map(f -> outbox.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> p.matches("(\\d{4}-\\d{2}|refunds)/[^/]+"))
                    .filter(p -> !p.replaceFirst(".*/", "").startsWith("follow-up-"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static TreeSet<String> union(TreeSet<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
