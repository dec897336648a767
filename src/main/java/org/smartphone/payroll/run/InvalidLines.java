package org.smartphone.payroll.run;

import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.LongConsumer;
import org.smartphone.payroll.files.InputError;

/**
 * What is wrong with one input, gathered while it is read and checked (SPEC 5, "Invalid lines and
 * nothing lost"): the invalid cells and lines, and the lines that carry a key which must be unique
 * beyond the one the job keeps. Neither is held in memory beyond a fixed budget (the rest waits in
 * temporary files in {@code rejected/}, removed on close), so that a file of millions of invalid lines
 * is reported like one of a few, in memory that does not grow with them.
 */
public final class InvalidLines implements Closeable {

    private static final long ERRORS_BUDGET = 16L << 20;
    private static final long CARRIERS_BUDGET = 8L << 20;

    private final Path rejectedDir;
    /** Sorted by line only, stably: a line's cell errors stay in column order, before the job's own. */
    private final SortedSpill<InputError> errors;
    private final SortedSpill<Carrier> carriers;

    /**
     * Also removes the temporary files a killed run left in {@code rejectedDir}: one command runs at a
     * time (SPEC 6), so none of them is in use.
     */
    public InvalidLines(Path rejectedDir) {
        this(rejectedDir, ERRORS_BUDGET, CARRIERS_BUDGET);
        SortedSpill.removeLeftovers(rejectedDir);
    }

    InvalidLines(Path rejectedDir, long errorsBudget, long carriersBudget) {
        this.rejectedDir = rejectedDir;
        this.errors = new SortedSpill<>(rejectedDir, Comparator.comparingLong(InputError::line), new ErrorCodec(),
                errorsBudget);
        this.carriers = new SortedSpill<>(rejectedDir, Comparator.comparing(Carrier::key)
                .thenComparingLong(Carrier::line), new CarrierCodec(), carriersBudget);
    }

    Path rejectedDir() {
        return rejectedDir;
    }

    /** An invalid cell, or a problem of a whole line; in any order. */
    public void add(InputError error) {
        errors.add(error);
    }

    /**
     * A line that carries a key which must be unique, other than the one the job keeps itself (see
     * {@link DuplicateKeys.KeptLines}): an invalid line, or a valid line after the first.
     */
    public void carrier(String key, long line) {
        carriers.add(new Carrier(key, line));
    }

    /**
     * Finds every key carried by more than one line (the kept one and the carriers), reports each of
     * those lines with the reason {@code duplicates} gives, and tells {@code kept} which lines are
     * rejected. A key's carriers are read twice, once to count them and once to report them, so that a
     * key on a million lines takes no more memory than a key on two; the rows of its first lines say
     * it all, the others point to the first (see {@link DuplicateKeys#LINES_NAMED}).
     */
    public void rejectRepeats(DuplicateKeys duplicates, DuplicateKeys.KeptLines kept) {
        Iterator<Carrier> counting = carriers.sorted();
        Iterator<Carrier> reporting = carriers.sorted();
        Carrier next = counting.hasNext() ? counting.next() : null;
        while (next != null) {
            String key = next.key();
            long keptLine = kept.keptLine(key);
            long[] first = new long[DuplicateKeys.LINES_NAMED];
            int named = 0;
            long count = 0;
            if (keptLine > 0) {
                first[named++] = keptLine;
                count++;
            }
            long inGroup = 0;
            for (; next != null && next.key().equals(key); next = counting.hasNext() ? counting.next() : null) {
                named = insertSorted(first, named, next.line());
                count++;
                inGroup++;
            }
            Group group = count > 1 ? new Group(duplicates, key, Arrays.copyOf(first, named),
                    duplicates.reason(key, count, Arrays.copyOf(first, named))) : null;
            if (group != null && keptLine > 0) {
                reject(group, kept, keptLine);
            }
            for (long i = 0; i < inGroup; i++) {
                Carrier carrier = reporting.next();
                if (group != null) {
                    reject(group, kept, carrier.line());
                }
            }
        }
    }

    private void reject(Group group, DuplicateKeys.KeptLines kept, long line) {
        errors.add(new InputError(line, group.duplicates().keyColumn(), group.key(), group.reason(line)));
        kept.rejected(group.key(), line);
    }

    /** A repeated key: its first lines carry the whole reason, the others point to the first. */
    private record Group(DuplicateKeys duplicates, String key, long[] named, String reason) {

        String reason(long line) {
            return Arrays.binarySearch(named, line) >= 0 ? reason : duplicates.seeFirst(key, named[0]);
        }
    }

    /** Keeps the smallest lines seen, in ascending order, as many as {@code first} holds. */
    private static int insertSorted(long[] first, int named, long line) {
        int at = named;
        while (at > 0 && first[at - 1] > line) {
            at--;
        }
        if (at == first.length) {
            return named;
        }
        int kept = Math.min(named, first.length - 1);
        System.arraycopy(first, at, first, at + 1, kept - at);
        first[at] = line;
        return kept + 1;
    }

    /**
     * Writes the errors file, records the counts, and fails the run past max-rejects (exit 2);
     * with no error, removes the errors file of an earlier attempt. Ends the adding.
     */
    public void settle(RunContext run, RunRegistry runs, long records) {
        InputErrors.settle(run, runs, rejectedDir, records, errors.size() == 0 ? null : sorted());
    }

    /** Every error, sorted by line (stably); ends the adding. */
    Iterator<InputError> sorted() {
        return errors.sorted();
    }

    /** Each invalid line once, in ascending order; after {@link #settle}. */
    public void forEachLine(LongConsumer action) {
        long previous = -1;
        for (Iterator<InputError> sorted = sorted(); sorted.hasNext(); ) {
            long line = sorted.next().line();
            if (line != previous) {
                action.accept(line);
                previous = line;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            errors.close();
        } finally {
            carriers.close();
        }
    }

    /** A line carrying a key. */
    private record Carrier(String key, long line) {
    }

    private static final class CarrierCodec implements SortedSpill.Codec<Carrier> {

        @Override
        public void write(DataOutput out, Carrier carrier) throws IOException {
            SortedSpill.writeString(out, carrier.key());
            out.writeLong(carrier.line());
        }

        @Override
        public Carrier read(DataInput in) throws IOException {
            return new Carrier(SortedSpill.readString(in), in.readLong());
        }

        @Override
        public long memory(Carrier carrier) {
            return 80 + 2L * carrier.key().length();
        }
    }

    private static final class ErrorCodec implements SortedSpill.Codec<InputError> {

        @Override
        public void write(DataOutput out, InputError error) throws IOException {
            out.writeLong(error.line());
            SortedSpill.writeString(out, error.column());
            SortedSpill.writeString(out, error.value());
            SortedSpill.writeString(out, error.reason());
        }

        @Override
        public InputError read(DataInput in) throws IOException {
            return new InputError(in.readLong(), SortedSpill.readString(in), SortedSpill.readString(in),
                    SortedSpill.readString(in));
        }

        @Override
        public long memory(InputError error) {
            return 140 + 2L * (error.column().length() + error.value().length() + error.reason().length());
        }
    }
}
