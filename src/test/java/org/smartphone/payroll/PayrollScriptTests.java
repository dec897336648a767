package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scripts/payroll} starts the engine from a class data sharing archive it makes itself (once
 * per jar and JDK): the operator gets the same exit codes, messages and files with the archive, without
 * it, and with an archive that is damaged or belongs to another jar; the first case also checks the
 * archive is really used. Runs the script as an operator does, on a copy of the packaged jar
 * (target/payroll.jar, from {@code mvn package}; without it, nothing to run and the class is skipped).
 */
class PayrollScriptTests {

    private static final Path JAR = Path.of("target", "payroll.jar");
    /**
     * The JVM options of every engine these tests start (the script passes PAYROLL_JAVA_OPTS to java):
     * the quick compiler and the serial collector, as {@code support/EngineProcess} gives its engines. A
     * command of a few hundred lines then starts in about half the CPU time; the script, its archive
     * and what the operator sees are the same. The training run that makes the archive keeps the JVM's
     * defaults: the script gives it no options.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private static final Path SAMPLES = Path.of("sample-data");

    @TempDir
    static Path dir;

    private static Path project;
    /** The sample import and deduction run with the archive off: what every other way must give. */
    private static Map<String, String> withoutArchive;

    @BeforeAll
    static void copyTheScriptAndTheJar() throws IOException {
        // CI builds the jar before the tests (.ci/run): there, a missing jar is a failure, not a skip
        if ("true".equals(System.getenv("CI"))) {
            assertThat(JAR)
                    .as("target/payroll.jar, built by .ci/run before the tests")
                    .isRegularFile();
        }
        assumeTrue(Files.isRegularFile(JAR), "target/payroll.jar is built by mvn package");
        project = dir.resolve("project");
        Files.createDirectories(project.resolve("scripts"));
        Files.createDirectories(project.resolve("target"));
        Path script = project.resolve("scripts/payroll");
        Files.copy(Path.of("scripts", "payroll"), script);
        script.toFile().setExecutable(true);
        Files.copy(JAR, jar());
        withoutArchive = sampleRun("off", Map.of("PAYROLL_CDS", "off"));
        assertThat(cdsFolders()).isEmpty();
    }

    @Test
    void theFirstCommandMakesTheArchiveAndTheNextOnesStartFromIt() throws IOException {
        removeArchives();
        assertThat(sampleRun("first", Map.of())).isEqualTo(withoutArchive);
        Path archive = onlyArchive();
        assertThat(archive.resolveSibling("ready")).exists();

        Path classes = dir.resolve("classes-loaded.txt");
        Result status = run(
                dir.resolve("home-first"), Map.of("PAYROLL_JAVA_OPTS", "-Xlog:class+load:file=" + classes), "status");
        assertThat(status.exitCode()).isZero();
        assertThat(Files.readAllLines(classes))
                .as("the engine's own classes come from the archive")
                .anyMatch(line -> line.contains(" org.smartphone.payroll.cli.Engine source: shared objects file (top)"))
                .anyMatch(line ->
                        line.contains(" org.springframework.batch.core.job.AbstractJob source: shared objects"));
    }

    /** scripts/payroll help [command]: the usage, exit 0, nothing opened or made. */
    @ParameterizedTest
    @ValueSource(strings = {"help", "help deduct", "help status"})
    void helpAndHelpOfACommand(String arguments) {
        String[] words = arguments.split(" ");
        Path home = dir.resolve("home-help");

        Result help = run(home, Map.of("PAYROLL_CDS", "off"), words);

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).startsWith("Usage: payroll " + (words.length == 1 ? "" : words[1] + " ") + "[-hV]");
        assertThat(home).doesNotExist();
    }

    @Test
    void aBadPeriodIsOneSentenceAndWhereTheHelpIs() {
        Path home = dir.resolve("home-bad-period");

        Result deduct = run(home, Map.of("PAYROLL_CDS", "off"), "deduct", "--period", "2026-1");

        assertThat(deduct.exitCode()).isEqualTo(2);
        assertThat(deduct.output())
                .isEqualTo("Invalid period '2026-1': a period is written YYYY-MM, e.g. 2026-01.\n"
                        + "See 'scripts/payroll help deduct'.\n");
        assertThat(home).doesNotExist();
    }

    enum Damage {
        /** cut short, as by a full disk: the JVM would crash on it */
        TRUNCATED,
        /** bytes changed, size kept: the JVM checks its CRC and leaves it aside */
        BYTES_CHANGED,
        /** deleted after it was made */
        MISSING
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedArchiveIsLeftAsideAndTheCommandsGiveTheSameResults(Damage damage) throws IOException {
        ensureArchive();
        Path archive = onlyArchive();
        archive.toFile().setWritable(true);
        switch (damage) {
            case TRUNCATED -> {
                byte[] bytes = Files.readAllBytes(archive);
                Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 3));
            }
            case BYTES_CHANGED -> {
                byte[] bytes = Files.readAllBytes(archive);
                Random random = new Random(7);
                for (int i = 0; i < 200; i++) {
                    int at = 4096 + random.nextInt(bytes.length - 4096);
                    bytes[at] ^= (byte) 0xFF;
                }
                Files.write(archive, bytes);
            }
            case MISSING -> Files.delete(archive);
        }
        assertThat(sampleRun(damage.name(), Map.of())).isEqualTo(withoutArchive);
    }

    @Test
    void anArchiveOfAnotherJarIsNeverUsedAndANewOneIsMade() throws IOException {
        ensureArchive();
        Path old = onlyArchive().getParent();
        // a new build: same path, another modification time
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(sampleRun("rebuilt", Map.of())).isEqualTo(withoutArchive);
        assertThat(onlyArchive().getParent()).isNotEqualTo(old);
        assertThat(old).doesNotExist();
    }

    private static Path jar() {
        return project.resolve("target/payroll.jar");
    }

    /** Makes the archive of the current jar once, then puts back that whole archive before each test. */
    private static void ensureArchive() throws IOException {
        if (cdsFolders().stream().noneMatch(folder -> Files.exists(folder.resolve("ready")))) {
            assertThat(run(dir.resolve("home-prepare-" + System.nanoTime()), Map.of(), "--version")
                            .exitCode())
                    .isZero();
        }
        Path archive = onlyArchive();
        Path whole = dir.resolve("whole-" + archive.getParent().getFileName() + ".jsa");
        if (Files.exists(whole)) {
            archive.toFile().setWritable(true);
            Files.copy(whole, archive, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.copy(archive, whole);
        }
    }

    private static Path onlyArchive() {
        List<Path> folders = cdsFolders();
        assertThat(folders).hasSize(1);
        return folders.get(0).resolve("payroll.jsa");
    }

    private static List<Path> cdsFolders() {
        Path cds = project.resolve("target/cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(cds)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeArchives() throws IOException {
        try (Stream<Path> copies = Files.list(dir)) {
            for (Path copy : copies.filter(f -> f.getFileName().toString().startsWith("whole-"))
                    .toList()) {
                Files.delete(copy);
            }
        }
        Path cds = project.resolve("target/cds");
        if (Files.exists(cds)) {
            try (Stream<Path> all = Files.walk(cds)) {
                for (Path path : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Imports the sample contracts and runs the deduction of 2026-01 on a fresh home; returns what the
     * operator sees: each command's exit code and output (durations aside), and the outbox files.
     */
    private static Map<String, String> sampleRun(String name, Map<String, String> environment) {
        try {
            Path home = dir.resolve("home-" + name);
            Files.createDirectories(home.resolve("inbox"));
            Files.copy(SAMPLES.resolve("contracts.csv"), home.resolve("inbox/contracts.csv"));
            Files.copy(SAMPLES.resolve("payroll-2026-01.csv"), home.resolve("inbox/payroll-2026-01.csv"));
            Map<String, String> seen = new LinkedHashMap<>();
            Result imported = run(home, environment, "import-contracts");
            seen.put("import-contracts", imported.exitCode() + "\n" + imported.output());
            Result deducted = run(home, environment, "deduct", "--period", "2026-01");
            seen.put("deduct", deducted.exitCode() + "\n" + deducted.output());
            Path outbox = home.resolve("outbox/2026-01");
            try (Stream<Path> files = Files.list(outbox)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".csv"))
                        .sorted()
                        .toList()) {
                    seen.put(file.getFileName().toString(), Files.readString(file));
                }
            }
            return seen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {}

    /** Runs scripts/payroll --home HOME ARGS with only the given PAYROLL_ variables set. */
    private static Result run(Path home, Map<String, String> environment, String... args) {
        List<String> command =
                new ArrayList<>(List.of(project.resolve("scripts/payroll").toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PAYROLL_"));
        builder.environment().put("PAYROLL_JAR", jar().toString());
        builder.environment().putAll(environment);
        builder.environment().merge("PAYROLL_JAVA_OPTS", QUICK_START, (given, quick) -> quick + " " + given);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Result(
                    process.exitValue(),
                    output
                            // the message of the one command that makes the archive, and durations, differ
                            .replaceAll("Preparing the engine's class data archive[^\n]*\n", "")
                            .replaceAll("took [0-9.]+ s, [0-9]+ lines/s", "took T")
                            // the first line names the home, which is another folder for each way
                            .replace(home.toAbsolutePath().normalize().toString(), "HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
