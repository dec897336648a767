package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.support.InputMutator;
import org.smartphone.payroll.support.InputMutator.Mutant;
import org.smartphone.payroll.support.LedgerSnapshot;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The mutations of {@code InputFuzzTests}, fewer of them, driven through the real command line
 * on H2 (SPEC 5 "Invalid lines and nothing lost", SPEC 6 exit codes). Each mutant runs on its own
 * copy of a programme where the sample contracts were imported (for {@code deduct 2026-01}), or
 * imported and 2026-01 deducted (for {@code reconcile 2026-01} and {@code import-contracts}).
 *
 * <p>A mutant is accepted (exit 0) or refused (exit 2, with one readable line and an errors file,
 * and then the ledger, the outbox and the archive are exactly as before); exit 3 only for a file
 * byte-identical to one already processed. Never exit 1, never a stack trace. A failure names the
 * seed (re-run it alone with {@code -Dcli.fuzz.seeds=S}) and keeps the mutant under
 * {@code target/fuzz-failures/}.
 */
class CommandLineFuzzTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final int MUTANTS = Integer.getInteger("cli.fuzz.mutants", 60);
    private static final long FIRST_SEED = 7_000;

    @TempDir
    static Path work;

    private static Path importedHome;
    private static Path deductedHome;
    private static LedgerSnapshot importedLedger;
    private static LedgerSnapshot deductedLedger;
    private static Set<String> processedWhenImported;
    private static Set<String> processedWhenDeducted;

    /** A command and the input it reads. */
    enum Target {
        IMPORT_CONTRACTS("contracts.csv"),
        DEDUCT("payroll-2026-01.csv"),
        RECONCILE("withheld-2026-01.csv");

        final String sample;

        Target(String sample) {
            this.sample = sample;
        }

        String[] arguments(Path file) {
            return switch (this) {
                case IMPORT_CONTRACTS -> new String[] {"import-contracts", "--file", file.toString()};
                case DEDUCT -> new String[] {"deduct", "--period", "2026-01", "--file", file.toString()};
                case RECONCILE -> new String[] {"reconcile", "--period", "2026-01", "--file", file.toString()};
            };
        }
    }

    @BeforeAll
    static void programmes() {
        Programme programme = new Programme(work.resolve("template-imported"), TestDatabase.H2);
        assertThat(programme
                        .run(
                                "import-contracts",
                                "--file",
                                SAMPLES.resolve("contracts.csv").toString())
                        .exitCode())
                .isZero();
        importedHome = programme.home();
        importedLedger = LedgerSnapshot.of(programme);
        processedWhenImported = Set.of(OutputFiles.sha256(SAMPLES.resolve("contracts.csv")));

        Path copy = copyHome(importedHome, work.resolve("template-deducted"));
        Programme deducted = new Programme(copy, TestDatabase.H2);
        assertThat(deducted.run(
                                "deduct",
                                "--period",
                                "2026-01",
                                "--file",
                                SAMPLES.resolve("payroll-2026-01.csv").toString())
                        .exitCode())
                .isZero();
        deductedHome = deducted.home();
        deductedLedger = LedgerSnapshot.of(deducted);
        processedWhenDeducted = Set.of(
                OutputFiles.sha256(SAMPLES.resolve("contracts.csv")),
                OutputFiles.sha256(SAMPLES.resolve("payroll-2026-01.csv")));
    }

    static Stream<Arguments> mutants() {
        String property = System.getProperty("cli.fuzz.seeds");
        Stream<Long> seeds = property != null
                ? Stream.of(property.split(",")).map(String::trim).map(Long::parseLong)
                : IntStream.range(0, MUTANTS).mapToObj(i -> FIRST_SEED + i);
        return seeds.map(seed -> Arguments.of(Target.values()[(int) Math.floorMod(seed, 3L)], seed));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("mutants")
    void aMutatedInputIsAcceptedOrRefusedWithNothingChangedButNeverCrashes(Target target, long seed)
            throws IOException {
        byte[] original = Files.readAllBytes(SAMPLES.resolve(target.sample));
        Mutant mutant = InputMutator.mutate(original, new Random(seed));
        boolean deductTarget = target == Target.DEDUCT;
        Path home = copyHome(deductTarget ? importedHome : deductedHome, work.resolve("run-" + seed));
        LedgerSnapshot before = deductTarget ? importedLedger : deductedLedger;
        Set<String> processed = deductTarget ? processedWhenImported : processedWhenDeducted;
        Path file = Files.createDirectories(work.resolve("in-" + seed)).resolve(target.sample);
        Files.write(file, mutant.bytes());
        boolean alreadyProcessed = processed.contains(OutputFiles.sha256(file));
        Programme programme = new Programme(home, TestDatabase.H2);

        Programme.Result result = programme.run(target.arguments(file));

        LedgerSnapshot after = LedgerSnapshot.of(programme);
        System.out.println(target + " seed " + seed + ": exit " + result.exitCode() + " after " + mutant);
        SoftAssertions softly = new SoftAssertions();
        String context = target + " seed " + seed + ", mutations: " + mutant + "\n" + HostileInputTests.shown(result);
        softly.assertThat(result.exitCode())
                .as("exit code, %s", context)
                .isIn(alreadyProcessed ? List.of(0, 2, 3) : List.of(0, 2));
        softly.assertThat(result.stdout() + result.stderr())
                .as("no stack trace, %s", context)
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread")
                .doesNotContainPattern("\\.java:\\d+\\)");
        String message = result.exitCode() == 0 ? HostileInputTests.outcomeLine(result.stdout()) : result.errors();
        softly.assertThat(message.stripTrailing())
                .as("one line, %s", context)
                .isNotBlank()
                .doesNotContain("\n")
                .doesNotContain("\r");
        softly.assertThat(message.length()).as("a readable length, %s", context).isLessThanOrEqualTo(2000);
        if (result.exitCode() == 2) {
            softly.assertThat(after)
                    .as("ledger, outbox and archive after exit 2, %s", context)
                    .isEqualTo(before);
            softly.assertThat(programme.rejected().resolve(target.sample + ".errors.csv"))
                    .as("errors file, %s", context)
                    .exists();
        }
        if (result.exitCode() == 0) {
            softly.assertThat(result.errors()).as("stderr, %s", context).isEmpty();
            softly.assertThat(programme.number("SELECT COALESCE(SUM(collected_xof), 0) FROM contract_balance"))
                    .as("collected = postings, %s", context)
                    .isEqualTo(programme.number("SELECT COALESCE(SUM(amount_xof), 0) FROM posting"));
            for (String entry : LedgerSnapshot.files(home.resolve("outbox"))) {
                String name = entry.substring(0, entry.lastIndexOf(' '));
                if (name.endsWith(".csv")) {
                    OutputFiles.assertSidecar(home.resolve("outbox").resolve(name));
                }
            }
        }
        if (!softly.errorsCollected().isEmpty()) {
            Path saved =
                    Path.of("target", "fuzz-failures", "cli-" + target.name().toLowerCase() + "-seed" + seed + ".csv");
            Files.createDirectories(saved.getParent());
            Files.write(saved, mutant.bytes());
        }
        softly.assertAll();
    }

    /** A copy of a programme's home, embedded database included (no command holds it between runs). */
    private static Path copyHome(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
