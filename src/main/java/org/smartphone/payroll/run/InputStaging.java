package org.smartphone.payroll.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputRecord;
import org.smartphone.payroll.progress.Progress;

/**
 * Reads a run's input file whole (SPEC 5): each record goes to the job's stager, which stages it when
 * valid; every invalid cell is collected, with the key (contract_id or matricule) its line carries, so
 * that duplicate keys can count invalid lines too. A whole-file failure ends the run with exit 2.
 */
public final class InputStaging {

    private InputStaging() {
    }

    /** Stages one record when it is valid; returns false, its problems recorded in {@code cells}, when not. */
    @FunctionalInterface
    public interface Stager {
        boolean stage(InputRecord record, Cells cells);
    }

    /**
     * @param keyColumn the column whose value must be unique among the lines that matter
     * @param keyMatters whether an invalid line's (upper-cased) key takes part in duplicate detection
     */
    public static Read read(RunContext run, Path rejectedDir, List<String> required, List<String> optional,
            String keyColumn, Predicate<String> keyMatters, Stager stager) {
        List<InputError> errors = new ArrayList<>();
        Map<String, List<Long>> invalidLinesByKey = new HashMap<>();
        long read = 0;
        try (CsvInputFile file = CsvInputFile.open(run.input(), !run.fromInbox(), required, optional);
                Progress progress = Progress.start("reading " + run.inputName(), Files.size(run.input()),
                        file::bytesRead)) {
            InputRecord record;
            while ((record = file.next()) != null) {
                read++;
                progress.row();
                Cells cells = new Cells(record);
                if (!stager.stage(record, cells)) {
                    errors.addAll(cells.errors());
                    String key = record.get(keyColumn).toUpperCase(Locale.ROOT);
                    if (!key.isEmpty() && keyMatters.test(key)) {
                        invalidLinesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record.line());
                    }
                }
            }
            run.checkReadAsStarted(file);
        } catch (InputFileException e) {
            throw InputErrors.wholeFile(run, rejectedDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(read, errors, invalidLinesByKey);
    }

    /**
     * What reading found: the records read, the invalid cells so far (the job adds its own checks),
     * and the invalid lines by the key they carry.
     */
    public record Read(long records, List<InputError> errors, Map<String, List<Long>> invalidLinesByKey) {

        /** Records the counts, writes the errors file, and fails the run past max-rejects (exit 2). */
        public void settle(RunContext run, RunRegistry runs, Path rejectedDir) {
            runs.recordCounts(run.runId(), records, errors.stream().map(InputError::line).distinct().count());
            InputErrors.settle(run, rejectedDir, errors);
        }
    }
}
