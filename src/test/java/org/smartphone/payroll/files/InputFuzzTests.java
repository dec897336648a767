package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.contract.Contract;
import org.smartphone.payroll.contract.ContractParser;
import org.smartphone.payroll.deduction.RegisterParser;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReturnParser;
import org.smartphone.payroll.support.InputMutator;
import org.smartphone.payroll.support.InputMutator.Mutant;

/**
 * Seeded fuzzing of the file layer (SPEC 5 "Inputs (all)"): the valid sample files, mutated at
 * random (bytes flipped or inserted, NUL, 0xFF, quotes, CR, delimiters, lines cut or duplicated,
 * columns swapped, header dropped, UTF-16 or Windows-1252, truncation ...), are read through
 * {@link CsvInputFile} with the real column lists and every record is parsed by the real parser.
 *
 * <p>The only exception allowed out is {@link InputFileException} (the whole file is unusable);
 * every reported problem names a line, a column, a value and a reason; what the parsers accept
 * respects SPEC's syntax. Anything else is a defect: the failure names the seed and iteration
 * (re-run one with {@code -Dfuzz.seeds=S -Dfuzz.iterations=N}), the mutations, and a reduced
 * reproduction written under {@code target/fuzz-failures/}.
 */
class InputFuzzTests {

    private static final Path SAMPLES = Path.of("sample-data");
    private static final Period PERIOD = Period.parse("2026-01");
    private static final long MAX_AMOUNT = 999_999_999_999L;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9][A-Z0-9/._-]{0,31}");
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 500);
    private static final int MAX_REPORTED = 5;

    /** A kind of input file: its sample, its columns, and how its records are parsed and checked. */
    enum Kind {
        CONTRACTS("contracts.csv", ContractParser.REQUIRED, ContractParser.OPTIONAL, InputFuzzTests::parseContract),
        PAYROLL_REGISTER(
                "payroll-2026-01.csv",
                RegisterParser.REQUIRED,
                RegisterParser.OPTIONAL,
                InputFuzzTests::parseRegisterRow),
        WITHHOLDING_RETURN("withheld-2026-01.csv", ReturnParser.REQUIRED, List.of(), InputFuzzTests::parseReturnLine);

        final String sample;
        final List<String> required;
        final List<String> optional;
        /** Parses one record; returns a problem with what was accepted, or null. */
        final Function<Cells, String> parse;

        Kind(String sample, List<String> required, List<String> optional, Function<Cells, String> parse) {
            this.sample = sample;
            this.required = required;
            this.optional = optional;
            this.parse = parse;
        }
    }

    static Stream<Arguments> seeds() {
        String property = System.getProperty("fuzz.seeds");
        List<Long> seeds = property == null
                ? List.of(20260101L, 42L)
                : Stream.of(property.split(","))
                        .map(String::trim)
                        .map(Long::parseLong)
                        .toList();
        return Stream.of(Kind.values()).flatMap(kind -> seeds.stream().map(seed -> Arguments.of(kind, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("seeds")
    void mutatedFilesFailWholeOrLineByLineButNeverCrash(Kind kind, long seed, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(SAMPLES.resolve(kind.sample));
        assertThat(check(kind, write(dir, kind, original)))
                .as("the unmutated sample is read cleanly")
                .isNull();

        Map<String, String> failures = new LinkedHashMap<>();
        int wholeFileFailures = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Mutant mutant = InputMutator.mutate(original, iterationRandom(seed, iteration));
            Path file = write(dir, kind, mutant.bytes());
            Outcome outcome = check(kind, file);
            if (outcome == Outcome.WHOLE_FILE) {
                wholeFileFailures++;
            } else if (outcome != null && outcome.problem != null) {
                String signature = outcome.signature;
                if (!failures.containsKey(signature) && failures.size() < MAX_REPORTED) {
                    failures.put(signature, report(kind, seed, iteration, mutant, outcome, dir));
                }
            }
        }
        System.out.printf(
                "%s seed %d: %d mutants, %d refused as a whole file, %d read record by record%n",
                kind, seed, ITERATIONS, wholeFileFailures, ITERATIONS - wholeFileFailures);
        assertThat(failures.values())
                .as("defects found by %s, seed %d (%d iterations)", kind, seed, ITERATIONS)
                .isEmpty();
        assertThat(wholeFileFailures)
                .as("mutants refused as a whole (the fuzzer also reaches record parsing)")
                .isLessThan(ITERATIONS);
    }

    /** Iteration i of a seed has its own generator, so one iteration can be replayed alone. */
    static Random iterationRandom(long seed, int iteration) {
        return new Random(seed * 1_000_003L + iteration);
    }

    // --- the oracle --------------------------------------------------------------------------

    /** How reading one file ended: null when every record was read and checked. */
    record Outcome(String problem, String signature) {
        static final Outcome WHOLE_FILE = new Outcome(null, "whole file");
    }

    static Outcome check(Kind kind, Path file) {
        long physicalLines;
        try {
            physicalLines = physicalLines(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long previousLine = 1;
        try (CsvInputFile input = CsvInputFile.open(file, kind.required, kind.optional)) {
            for (InputRecord record = input.next(); record != null; record = input.next()) {
                if (record.line() <= previousLine || record.line() > physicalLines) {
                    return new Outcome(
                            "record line " + record.line() + " after line " + previousLine + " in a file of "
                                    + physicalLines + " physical lines",
                            "record line out of order or range");
                }
                previousLine = record.line();
                Cells cells = new Cells(record);
                String problem = kind.parse.apply(cells);
                if (problem != null) {
                    return new Outcome(
                            "line " + record.line() + ": " + problem,
                            problem.replaceAll("'.*", "").replaceAll("[0-9]+", "N"));
                }
                for (InputError error : cells.errors()) {
                    String bad = errorProblem(error, physicalLines);
                    if (bad != null) {
                        return new Outcome(bad + ": " + error, "bad InputError: " + bad);
                    }
                    if (error.line() != record.line()) {
                        return new Outcome(
                                "error on line " + error.line() + " for the record of line " + record.line(),
                                "error line differs from record line");
                    }
                }
            }
            return null;
        } catch (InputFileException e) {
            String bad = errorProblem(e.error(), physicalLines);
            if (bad != null) {
                return new Outcome(bad + ": " + e.error(), "bad whole-file InputError: " + bad);
            }
            if (!file.getFileName().toString().equals(e.fileName())) {
                return new Outcome("whole-file error names " + e.fileName(), "whole-file error names another file");
            }
            return Outcome.WHOLE_FILE;
        } catch (RuntimeException | Error | IOException e) {
            return new Outcome(stackTrace(e), e.getClass().getName() + " at " + topFrame(e));
        }
    }

    /** SPEC 5: every problem names its line, its column ("" for the line), its value and a reason. */
    private static String errorProblem(InputError error, long physicalLines) {
        if (error.line() < 0) {
            return "negative line";
        }
        if (error.line() > physicalLines) {
            return "line beyond the end of the file (" + physicalLines + " lines)";
        }
        if (error.column() == null || error.value() == null || error.reason() == null) {
            return "null column, value or reason";
        }
        if (error.reason().isBlank()) {
            return "empty reason";
        }
        return null;
    }

    private static String parseContract(Cells cells) {
        Optional<Contract> parsed = new ContractParser(1, 12).parse(cells);
        String consistency = consistency(parsed.isPresent(), cells);
        if (consistency != null || parsed.isEmpty()) {
            return consistency;
        }
        Contract c = parsed.get();
        if (!IDENTIFIER.matcher(c.contractId()).matches()
                || !IDENTIFIER.matcher(c.matricule()).matches()) {
            return "accepted identifiers " + InputMutator.printable(c.contractId()) + " / "
                    + InputMutator.printable(c.matricule());
        }
        if (c.fullName().isBlank() || !c.fullName().equals(c.fullName().strip())) {
            return "accepted the full_name " + InputMutator.printable(c.fullName());
        }
        if (c.priceXof() < 1
                || c.priceXof() > MAX_AMOUNT
                || c.downPaymentXof() < 0
                || c.downPaymentXof() >= c.priceXof()) {
            return "accepted price " + c.priceXof() + " and down payment " + c.downPaymentXof();
        }
        if (c.termMonths() < 1 || c.termMonths() > 60 || c.financedXof() < c.termMonths()) {
            return "accepted term " + c.termMonths() + " for " + c.financedXof() + " financed";
        }
        long sum = 0;
        for (int i = 1; i <= c.termMonths(); i++) {
            sum += c.schedule().installment(i);
        }
        return sum == c.financedXof() ? null : "installments add up to " + sum + ", not " + c.financedXof();
    }

    private static String parseRegisterRow(Cells cells) {
        Optional<RegisterParser.RegisterRow> parsed = new RegisterParser(PERIOD).parse(cells);
        String consistency = consistency(parsed.isPresent(), cells);
        if (consistency != null || parsed.isEmpty()) {
            return consistency;
        }
        RegisterParser.RegisterRow row = parsed.get();
        if (!IDENTIFIER.matcher(row.entry().matricule()).matches()) {
            return "accepted the matricule "
                    + InputMutator.printable(row.entry().matricule());
        }
        if (Math.abs(row.entry().netPayXof()) > MAX_AMOUNT) {
            return "accepted the net pay " + row.entry().netPayXof();
        }
        if (row.entry().status() == null || row.line() != cells.line()) {
            return "accepted a row without status or with line " + row.line();
        }
        return null;
    }

    private static String parseReturnLine(Cells cells) {
        Optional<ReturnParser.ReturnLine> parsed = new ReturnParser(PERIOD).parse(cells);
        String consistency = consistency(parsed.isPresent(), cells);
        if (consistency != null || parsed.isEmpty()) {
            return consistency;
        }
        ReturnParser.ReturnLine line = parsed.get();
        if (!IDENTIFIER.matcher(line.contractId()).matches()
                || !IDENTIFIER.matcher(line.matricule()).matches()) {
            return "accepted identifiers " + InputMutator.printable(line.contractId()) + " / "
                    + InputMutator.printable(line.matricule());
        }
        if (line.amountXof() < 0 || line.amountXof() > MAX_AMOUNT || line.line() != cells.line()) {
            return "accepted the amount " + line.amountXof() + " on line " + line.line();
        }
        return null;
    }

    /** A record is either parsed with no error, or refused with at least one. */
    private static String consistency(boolean parsed, Cells cells) {
        if (parsed && !cells.valid()) {
            return "a record was parsed although " + cells.errors().size() + " error(s) were recorded";
        }
        if (!parsed && cells.valid()) {
            return "a record was refused without any error recorded";
        }
        return null;
    }

    /** Lines as SPEC counts them (LF, CR LF or a lone CR ends a line); an upper bound for any file. */
    static long physicalLines(byte[] bytes) {
        long lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    // --- reporting ---------------------------------------------------------------------------

    private static Path write(Path dir, Kind kind, byte[] bytes) throws IOException {
        Path file = dir.resolve(kind.sample);
        Files.write(file, bytes);
        return file;
    }

    private static String report(Kind kind, long seed, int iteration, Mutant mutant, Outcome outcome, Path dir)
            throws IOException {
        byte[] reduced = reduce(kind, mutant.bytes(), outcome.signature, dir);
        Path saved = Path.of(
                "target", "fuzz-failures", kind.name().toLowerCase() + "-seed" + seed + "-" + iteration + ".csv");
        Files.createDirectories(saved.getParent());
        Files.write(saved, reduced);
        Outcome again = check(kind, write(dir, kind, reduced));
        return "\n=== " + kind + " seed " + seed + " iteration " + iteration + ": " + outcome.signature
                + "\nmutations: " + mutant
                + "\nreduced reproduction (" + reduced.length + " bytes, saved as " + saved + "): \""
                + InputMutator.escaped(reduced) + "\""
                + "\n" + (again == null ? outcome.problem : again.problem);
    }

    /** Removes lines, then byte runs, as long as the same failure remains (a small delta debugging). */
    private static byte[] reduce(Kind kind, byte[] bytes, String signature, Path dir) throws IOException {
        byte[] current = bytes;
        int budget = 3000;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            List<byte[]> lines = InputMutator.lines(current);
            for (int i = lines.size() - 1; i >= 0 && budget > 0 && lines.size() > 1; i--) {
                List<byte[]> fewer = new ArrayList<>(lines);
                fewer.remove(i);
                byte[] candidate = InputMutator.join(fewer);
                budget--;
                if (sameFailure(kind, candidate, signature, dir)) {
                    current = candidate;
                    lines = fewer;
                    progress = true;
                }
            }
        }
        for (int chunk = Math.max(1, current.length / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            for (int at = 0; at + chunk <= current.length && budget > 0; ) {
                byte[] candidate = new byte[current.length - chunk];
                System.arraycopy(current, 0, candidate, 0, at);
                System.arraycopy(current, at + chunk, candidate, at, current.length - at - chunk);
                budget--;
                if (sameFailure(kind, candidate, signature, dir)) {
                    current = candidate;
                } else {
                    at += chunk;
                }
            }
        }
        return current;
    }

    private static boolean sameFailure(Kind kind, byte[] candidate, String signature, Path dir) throws IOException {
        Outcome outcome = check(kind, write(dir, kind, candidate));
        return outcome != null && signature.equals(outcome.signature);
    }

    private static String topFrame(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length == 0 ? "?" : frames[0].getClassName() + "." + frames[0].getMethodName();
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
    }
}
