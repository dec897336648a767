package org.smartphone.payroll.contract;

import java.util.Arrays;
import java.util.function.ObjLongConsumer;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.PackedIdentifiers;

/**
 * The contract_id of every valid line of one contracts file, with its line, kept for the rule "a
 * contract_id twice in one file makes all its lines invalid" (SPEC 2): the one structure of an import
 * that grows with the file. Ids are packed ({@link PackedIdentifiers}), their lines in an int array: about 25 bytes per line with the sort below, where
 * a map of strings would take over 100 (3 million lines: 75 MB). Sorting an index of the entries by
 * id brings repeats side by side.
 */
final class ContractIdLines implements DuplicateKeys.KeptLines {

    private final PackedIdentifiers.Builder added = new PackedIdentifiers.Builder();
    private int[] lines = new int[1 << 12];
    private int size;
    /** The ids as added, and the entries in id order (then line order): built on the first question. */
    private PackedIdentifiers ids;

    private int[] sorted;

    /** Adds a valid line; lines come in ascending order. */
    void add(String contractId, long line) {
        if (line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a contracts file of more than " + Integer.MAX_VALUE + " lines");
        }
        if (size + 1 > lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        added.add(contractId);
        lines[size] = (int) line;
        size++;
        ids = null;
        sorted = null;
    }

    int size() {
        return size;
    }

    /**
     * Gives every line of an id carried by more than one valid line to {@code repeats} (id, line):
     * with the invalid lines that carry an id, they are the carriers in which repeats are found.
     */
    void repeatedLines(ObjLongConsumer<String> repeats) {
        sort();
        for (int i = 0; i < size; ) {
            int j = i + 1;
            while (j < size && ids.compare(sorted[i], sorted[j]) == 0) {
                j++;
            }
            if (j - i > 1) {
                String id = ids.get(sorted[i]);
                for (int k = i; k < j; k++) {
                    repeats.accept(id, lines[sorted[k]]);
                }
            }
            i = j;
        }
    }

    /**
     * The line of the one valid line with this id (any text: one that is no contract_id has none), or
     * 0 when there is none or more than one (those went to {@link #repeatedLines}).
     */
    @Override
    public long keptLine(String contractId) {
        sort();
        int low = 0;
        int high = size - 1;
        int first = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = ids.compare(sorted[middle], contractId);
            if (order < 0) {
                low = middle + 1;
            } else {
                if (order == 0) {
                    first = middle;
                }
                high = middle - 1;
            }
        }
        boolean alone = first >= 0 && (first + 1 == size || ids.compare(sorted[first + 1], contractId) != 0);
        return alone ? lines[sorted[first]] : 0;
    }

    /** Nothing to forget: the apply step skips every invalid line, whatever made it so. */
    @Override
    public void rejected(String contractId, long line) {}

    /** Sorts the entries by id, keeping line order among equal ids (a stable merge sort of indexes). */
    private void sort() {
        if (sorted != null) {
            return;
        }
        ids = added.build();
        int[] from = new int[size];
        for (int i = 0; i < size; i++) {
            from[i] = i;
        }
        int[] to = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int left = 0; left < size; left += 2 * width) {
                int middle = Math.min(left + width, size);
                int right = Math.min(left + 2 * width, size);
                int a = left;
                int b = middle;
                for (int k = left; k < right; k++) {
                    if (a < middle && (b >= right || ids.compare(from[a], from[b]) <= 0)) {
                        to[k] = from[a++];
                    } else {
                        to[k] = from[b++];
                    }
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        sorted = from;
    }
}
