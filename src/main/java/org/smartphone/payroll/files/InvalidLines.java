package org.smartphone.payroll.files;

import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.LongConsumer;

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
    /** Errors that stand unless their line's key is repeated, sorted by key as the carriers are. */
    private final SortedSpill<Provisional> provisional;

    /**
     * Also removes the temporary files a killed run left in {@code rejectedDir}: one command runs at a
     * time (SPEC 6), so none of them is in use.
     */
    public InvalidLines(Path rejectedDir) {
        this(rejectedDir, ERRORS_BUDGET, CARRIERS_BUDGET);
        SortedSpill.removeLeftovers(rejectedDir);
        RejectedLinesFile.removeLeftovers(rejectedDir);
    }

    InvalidLines(Path rejectedDir, long errorsBudget, long carriersBudget) {
        this.rejectedDir = rejectedDir;
        this.errors = new SortedSpill<>(
                rejectedDir, Comparator.comparingLong(InputError::line), new ErrorCodec(), errorsBudget);
        this.carriers = new SortedSpill<>(
                rejectedDir,
                Comparator.comparing(Carrier::key).thenComparingLong(Carrier::line),
                new CarrierCodec(),
                carriersBudget);
        this.provisional = new SortedSpill<>(
                rejectedDir, Comparator.comparing(Provisional::key), new ProvisionalCodec(), errorsBudget);
    }

    Path rejectedDir() {
        return rejectedDir;
    }

    /** An invalid cell, or a problem of a whole line; in any order. */
    public void add(InputError error) {
        errors.add(error);
    }

    /**
     * An error of a line carrying {@code key} that stands unless the key turns out to be repeated: the
     * rule on repeated keys comes first (a contract in conflict with the ledger, say).
     */
    public void addUnlessRepeated(String key, InputError error) {
        provisional.add(new Provisional(key, error));
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
     * it all, the others point to the first (see {@link DuplicateKeys#LINES_NAMED}). Then adds the
     * errors given to {@link #addUnlessRepeated} whose key is not repeated. Called once, before
     * {@link #settle}.
     */
    public void rejectRepeats(DuplicateKeys duplicates, DuplicateKeys.KeptLines kept) {
        Iterator<Carrier> counting = carriers.sorted();
        Iterator<Carrier> reporting = carriers.sorted();
        Carrier next = counting.hasNext() ? counting.next() : null;
        Iterator<Provisional> conditional = provisional.sorted();
        Provisional pending = conditional.hasNext() ? conditional.next() : null;
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
            Group group = count > 1
                    ? new Group(
                            duplicates,
                            key,
                            Arrays.copyOf(first, named),
                            duplicates.reason(key, count, Arrays.copyOf(first, named)))
                    : null;
            // the provisional errors of the keys up to this one stand, unless it is this one and repeated
            for (;
                    pending != null && pending.key().compareTo(key) <= 0;
                    pending = conditional.hasNext() ? conditional.next() : null) {
                if (group == null || !pending.key().equals(key)) {
                    errors.add(pending.error());
                }
            }
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
        for (; pending != null; pending = conditional.hasNext() ? conditional.next() : null) {
            errors.add(pending.error());
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
    public void settle(InputRun run, InputCounts runs, long records) {
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
        try (SortedSpill<?> first = errors;
                SortedSpill<?> second = carriers;
                SortedSpill<?> third = provisional) {
            // closed in turn, each even when another fails
        }
    }

    /** A line carrying a key. */
    private record Carrier(String key, long line) {}

    /** An error that stands unless its key is repeated. */
    private record Provisional(String key, InputError error) {}

    private static final class ProvisionalCodec implements SortedSpill.Codec<Provisional> {

        private final ErrorCodec errors = new ErrorCodec();

        @Override
        public void write(DataOutput out, Provisional provisional) throws IOException {
            SortedSpill.writeString(out, provisional.key());
            errors.write(out, provisional.error());
        }

        @Override
        public Provisional read(DataInput in) throws IOException {
            return new Provisional(SortedSpill.readString(in), errors.read(in));
        }

        @Override
        public long memory(Provisional provisional) {
            return 40 + 2L * provisional.key().length() + errors.memory(provisional.error());
        }
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
            return new InputError(
                    in.readLong(), SortedSpill.readString(in), SortedSpill.readString(in), SortedSpill.readString(in));
        }

        @Override
        public long memory(InputError error) {
            return 140
                    + 2L
                            * (error.column().length()
                                    + error.value().length()
                                    + error.reason().length());
        }
    }
}
