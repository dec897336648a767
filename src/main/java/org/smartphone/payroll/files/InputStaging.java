package org.smartphone.payroll.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.smartphone.payroll.progress.Progress;

/**
 * Reads a run's input file whole (SPEC 5): each record goes to the job's stager, which stages it when
 * valid; every invalid cell goes to the run's {@link InvalidLines}, with the key (contract_id or
 * matricule) its line carries, so that duplicate keys can count invalid lines too. A whole-file
 * failure ends the run with exit 2.
 */
public final class InputStaging {

    private InputStaging() {}

    /** Stages one record when it is valid; returns false, its problems recorded in {@code cells}, when not. */
    @FunctionalInterface
    public interface Stager {
        boolean stage(InputRecord record, Cells cells);
    }

    /**
     * @param keyColumn the column whose value must be unique among the lines that matter
     * @param keyMatters whether an invalid line's (upper-cased) key takes part in duplicate detection
     * @return the number of records read
     */
    public static long read(
            InputRun run,
            InvalidLines invalid,
            List<String> required,
            List<String> optional,
            String keyColumn,
            Predicate<String> keyMatters,
            Stager stager) {
        long read = 0;
        try (CsvInputFile file = CsvInputFile.open(run.input(), !run.fromInbox(), required, optional);
                Progress progress =
                        Progress.start("reading " + run.inputName(), Files.size(run.input()), file::bytesRead)) {
            InputRecord record;
            while ((record = file.next()) != null) {
                read++;
                progress.row();
                Cells cells = new Cells(record);
                if (!stager.stage(record, cells)) {
                    cells.errors().forEach(invalid::add);
                    String key = record.get(keyColumn).toUpperCase(Locale.ROOT);
                    if (!key.isEmpty() && keyMatters.test(key)) {
                        invalid.carrier(key, record.line());
                    }
                }
            }
            run.checkReadAsStarted(file);
        } catch (InputFileException e) {
            throw InputErrors.wholeFile(run, invalid.rejectedDir(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }
}
