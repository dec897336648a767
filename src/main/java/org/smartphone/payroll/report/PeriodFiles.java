package org.smartphone.payroll.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartphone.payroll.files.Archive;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputRecord;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Sha256;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReturnParser;
import org.smartphone.payroll.report.PeriodFigures.ArrearsTotals;
import org.smartphone.payroll.report.PeriodFigures.ExceptionTotals;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.run.RunKind;

/**
 * Reads the files of a period back for the control checks: the output CSVs summed again, the
 * manifests, the sidecars, and the archived withholding return read again with the rules of the
 * reconciliation run. Every file is read a record at a time (an order of 10 M contracts is hundreds
 * of MB), never loaded whole. An output is read strictly: its amounts must be plain integers, as the
 * engine writes them; anything else makes it UNREADABLE.
 */
final class PeriodFiles {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern SIDECAR = Pattern.compile("([0-9a-f]{64})  (.+)\n?");

    private PeriodFiles() {}

    /** {@code deductions-M.csv}: its records and the sum of amount_xof. */
    static Reading<OrderTotals> orderFile(Path file) {
        return map(sums(file, List.of("amount_xof")), s -> new OrderTotals(s[0], s[1]));
    }

    /** {@code deduction-exceptions-M.csv}: its records and the sums of due, amount and shortfall. */
    static Reading<ExceptionTotals> exceptionsFile(Path file) {
        return map(
                sums(file, List.of("due_xof", "amount_xof", "shortfall_xof")),
                s -> new ExceptionTotals(s[0], s[1], s[2], s[3]));
    }

    /** {@code arrears-M.csv}: its records and the sums of overdue and outstanding. */
    static Reading<ArrearsTotals> arrearsFile(Path file) {
        return map(sums(file, List.of("overdue_xof", "outstanding_xof")), s -> new ArrearsTotals(s[0], s[1], s[2]));
    }

    /** {@code reconciliation-M.csv}: its records and the sums of expected, withheld, posted, refund due. */
    static Reading<ReconciliationTotals> reconciliationFile(Path file) {
        return map(
                sums(file, List.of("expected_xof", "withheld_xof", "posted_xof", "refund_due_xof")),
                s -> new ReconciliationTotals(s[0], s[1], s[2], s[3], s[4]));
    }

    /** The outputs a manifest lists. */
    static Reading<List<Manifest.Output>> manifest(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return Reading.missing(name);
        }
        try {
            return Reading.of(name, Manifest.outputsOf(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Reading.unreadable(name, 0, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a manifest says of one output: its record count and the named total. */
    static Reading<OrderTotals> manifestEntry(Reading<List<Manifest.Output>> manifest, String fileName, String total) {
        if (!manifest.available()) {
            return new Reading<>(manifest.source(), null, manifest.problem(), 0, "");
        }
        Optional<Manifest.Output> output =
                manifest.value().stream().filter(o -> o.file().equals(fileName)).findFirst();
        if (output.isEmpty() || !output.get().totals().containsKey(total)) {
            return Reading.unreadable(manifest.source(), 0, output.isEmpty() ? fileName : total);
        }
        return Reading.of(
                manifest.source(),
                new OrderTotals(output.get().records(), output.get().totals().get(total)));
    }

    /**
     * The digest a manifest gives for one output: null when there is no manifest to ask, "" when
     * it is unreadable or does not list the file.
     */
    static String manifestDigest(Reading<List<Manifest.Output>> manifest, String fileName) {
        if (manifest.problem() == Reading.Problem.MISSING) {
            return null;
        }
        if (!manifest.available()) {
            return "";
        }
        return manifest.value().stream()
                .filter(o -> o.file().equals(fileName))
                .map(Manifest.Output::sha256)
                .findFirst()
                .orElse("");
    }

    /** An output of the outbox, its digest recomputed, with its sidecar and manifest digests. */
    static FileDigest output(
            Path folder, String folderLabel, RunKind run, String fileName, boolean sealed, String manifestDigest)
            throws IOException {
        Path file = folder.resolve(fileName);
        String recomputed = Files.isRegularFile(file) ? Sha256.of(file) : null;
        return new FileDigest(
                fileName,
                folderLabel,
                run,
                sealed ? FileDigest.Seal.SIDECAR : FileDigest.Seal.NONE,
                recomputed,
                sealed ? sidecar(file) : null,
                sealed ? manifestDigest : null);
    }

    /**
     * An input of the period where the run left it in the archive (under its own name, or with a
     * digest suffix), its digest recomputed against the one the ledger recorded. When no copy has
     * that digest, the copy under its own name, if any, is reported (and fails its check).
     */
    static FileDigest input(Path archiveFolder, String folderLabel, RunKind run, String inputName, String sha256)
            throws IOException {
        List<Path> places = sha256 != null && sha256.length() == 64
                ? Archive.placesFor(archiveFolder, inputName, sha256)
                : List.of(archiveFolder.resolve(inputName));
        FileDigest other = null;
        for (Path place : places) {
            if (Files.isRegularFile(place)) {
                String recomputed = Sha256.of(place);
                FileDigest found = new FileDigest(
                        place.getFileName().toString(),
                        folderLabel,
                        run,
                        FileDigest.Seal.LEDGER,
                        recomputed,
                        sha256,
                        null);
                if (recomputed.equals(sha256)) {
                    return found;
                }
                other = other == null ? found : other;
            }
        }
        return other != null
                ? other
                : new FileDigest(inputName, folderLabel, run, FileDigest.Seal.LEDGER, null, sha256, null);
    }

    /**
     * The withholding return's withheld total over its valid lines, read again as the
     * reconciliation run read it: lines the {@link ReturnParser} refuses are left out, and so is
     * every line of a contract_id that appears more than once (valid or not).
     */
    static Reading<ReturnTotal> archivedReturn(Path file, String location, Period period) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return Reading.missing(name);
        }
        ReturnParser parser = new ReturnParser(period);
        Map<String, Long> withheldByContract = new HashMap<>();
        Map<String, Integer> linesByContract = new HashMap<>();
        try (CsvInputFile csv = CsvInputFile.open(file, ReturnParser.REQUIRED, List.of())) {
            InputRecord record;
            while ((record = csv.next()) != null) {
                Optional<ReturnParser.ReturnLine> line = parser.parse(new Cells(record));
                String contractId = line.map(ReturnParser.ReturnLine::contractId)
                        .orElse(record.get("contract_id").toUpperCase(Locale.ROOT));
                if (!contractId.isEmpty()) {
                    linesByContract.merge(contractId, 1, Integer::sum);
                }
                line.ifPresent(l -> withheldByContract.put(l.contractId(), l.amountXof()));
            }
        } catch (InputFileException e) {
            return Reading.unreadable(name, e.error().line(), e.error().column());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long lines = 0;
        long withheld = 0;
        for (Map.Entry<String, Long> valid : withheldByContract.entrySet()) {
            if (linesByContract.get(valid.getKey()) == 1) {
                lines++;
                withheld = Math.addExact(withheld, valid.getValue());
            }
        }
        return Reading.of(
                name, new ReturnTotal(ReturnTotal.Source.ARCHIVED_FILE, location + "/" + name, lines, withheld));
    }

    /** The digest in {@code <file>.sha256}: null when there is none, "" when it does not name this file. */
    static String sidecar(Path file) throws IOException {
        Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        String text;
        try {
            text = Files.readString(sidecar, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return "";
        }
        Matcher matcher = SIDECAR.matcher(text);
        return matcher.matches() && matcher.group(2).equals(file.getFileName().toString()) ? matcher.group(1) : "";
    }

    /** Record count (index 0) and the sum of each integer column (1..n) of an output CSV. */
    private static Reading<long[]> sums(Path file, List<String> columns) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return Reading.missing(name);
        }
        long[] sums = new long[columns.size() + 1];
        try (CsvInputFile csv = CsvInputFile.open(file, columns, List.of())) {
            InputRecord record;
            while ((record = csv.next()) != null) {
                if (!new Cells(record).valid()) {
                    return Reading.unreadable(name, record.line(), "");
                }
                sums[0]++;
                for (int i = 0; i < columns.size(); i++) {
                    String cell = record.get(columns.get(i));
                    if (!INTEGER.matcher(cell).matches()) {
                        return Reading.unreadable(name, record.line(), columns.get(i));
                    }
                    sums[i + 1] = Math.addExact(sums[i + 1], Long.parseLong(cell));
                }
            }
        } catch (InputFileException e) {
            return Reading.unreadable(name, e.error().line(), e.error().column());
        } catch (ArithmeticException e) {
            return Reading.unreadable(name, 0, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reading.of(name, sums);
    }

    private static <T> Reading<T> map(Reading<long[]> sums, Function<long[], T> figures) {
        return sums.available()
                ? Reading.of(sums.source(), figures.apply(sums.value()))
                : new Reading<>(sums.source(), null, sums.problem(), sums.line(), sums.column());
    }
}
