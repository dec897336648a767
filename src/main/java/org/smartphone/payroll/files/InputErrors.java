package org.smartphone.payroll.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.smartphone.payroll.failure.InvalidInputException;

/**
 * Applies SPEC 5 "Invalid lines and nothing lost": every invalid line goes to
 * {@code rejected/<file>.errors.csv}; beyond {@code max-rejects}, or when none of the data lines is
 * valid, the run fails with exit 2.
 */
public final class InputErrors {

    private InputErrors() {}

    /**
     * Reports the invalid lines, records the counts, and fails the run when there are more invalid
     * lines than allowed, or when no line is valid.
     *
     * @param sortedByLine every error, sorted by line; null when there is none
     */
    static void settle(
            InputRun run, InputCounts runs, Path rejectedDir, long records, Iterator<InputError> sortedByLine) {
        if (sortedByLine == null) {
            RejectedLinesFile.deleteStale(rejectedDir, run.inputName());
            runs.recordCounts(run.runId(), records, 0);
            return;
        }
        LineCount counted = new LineCount(sortedByLine);
        try {
            RejectedLinesFile.write(rejectedDir, run.inputName(), counted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the errors file in " + rejectedDir, e);
        }
        runs.recordCounts(run.runId(), records, counted.lines);
        if (counted.lines > run.maxRejects()) {
            throw new InvalidInputException(run.inputName() + ": " + counted.lines + " invalid line(s), more than the "
                    + run.maxRejects() + " allowed (max-rejects); nothing was changed. First: "
                    + describe(counted.first) + ". All are listed in "
                    + rejectedDir.resolve(run.inputName() + ".errors.csv") + ".");
        }
        if (counted.lines >= records) {
            // SPEC 5: a file none of whose data rows is valid is the wrong file (a register of another
            // month, say): skipping every line would close the month on nothing
            throw new InvalidInputException(run.inputName() + ": "
                    + (records == 1
                            ? "its only data line is" + " invalid"
                            : "none of its " + records + " data lines is valid")
                    + ", and a file with no valid"
                    + " line is refused whatever max-rejects allows; nothing was changed. First: "
                    + describe(counted.first) + ". All are listed in "
                    + rejectedDir.resolve(run.inputName() + ".errors.csv") + ".");
        }
    }

    /** A whole-file failure: one row in the errors file, exit 2. */
    public static InvalidInputException wholeFile(InputRun run, Path rejectedDir, InputFileException failure) {
        try {
            RejectedLinesFile.write(rejectedDir, run.inputName(), List.of(failure.error()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the errors file in " + rejectedDir, e);
        }
        return new InvalidInputException(run.inputName() + ": " + describe(failure.error()) + "; nothing was changed.");
    }

    /** One line for stderr: line breaks flattened, a long value cut (the errors file has it whole). */
    static String describe(InputError error) {
        StringBuilder text = new StringBuilder("line ").append(error.line());
        if (!error.column().isEmpty()) {
            text.append(", column ").append(error.column());
        }
        if (error.value() != null && !error.value().isEmpty()) {
            text.append(", value '").append(shortened(oneLine(error.value()))).append('\'');
        }
        String reason = oneLine(error.reason());
        return text.append(": ")
                .append(reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason)
                .toString();
    }

    /** Passes the errors on, counting the lines they are on and keeping the first. */
    private static final class LineCount implements Iterator<InputError> {

        private final Iterator<InputError> errors;
        private InputError first;
        private long lines;
        private long previous = -1;

        LineCount(Iterator<InputError> errors) {
            this.errors = errors;
        }

        @Override
        public boolean hasNext() {
            return errors.hasNext();
        }

        @Override
        public InputError next() {
            InputError error = errors.next();
            if (first == null) {
                first = error;
            }
            if (error.line() != previous) {
                lines++;
                previous = error.line();
            }
            return error;
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t\\u2028\\u2029\\u0085]+", " ");
    }

    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
