package org.smartphone.payroll.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartphone.payroll.files.PackedIdentifiers;

/**
 * The contract_id of every valid line of one contracts file, with its line, kept for the rule "a
 * contract_id twice in one file makes all its lines invalid" (SPEC 2): the one structure of an import
 * that grows with the file. Ids are packed ({@link PackedIdentifiers}), their lines in an int array: about 25 bytes per line with the sort below, where
 * a map of strings would take over 100 (3 million lines: 75 MB). Sorting an index of the entries by
 * id brings repeats side by side.
 */
final class ContractIdLines {

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
     * Every id carried by more than one line, valid or not, with all its lines in ascending order.
     *
     * @param invalidLinesByKey the lines found invalid for another reason, by the (upper-cased) id they
     *     carry: they count as carriers too
     */
    Map<String, List<Long>> repeated(Map<String, List<Long>> invalidLinesByKey) {
        sort();
        Map<String, List<Long>> repeated = new TreeMap<>();
        for (int i = 0; i < size; ) {
            int j = i + 1;
            while (j < size && ids.compare(sorted[i], sorted[j]) == 0) {
                j++;
            }
            if (j - i > 1) {
                List<Long> carriers = new ArrayList<>(j - i);
                for (int k = i; k < j; k++) {
                    carriers.add((long) lines[sorted[k]]);
                }
                repeated.put(ids.get(sorted[i]), carriers);
            }
            i = j;
        }
        for (Map.Entry<String, List<Long>> invalid : invalidLinesByKey.entrySet()) {
            List<Long> valid = repeated.containsKey(invalid.getKey()) ? repeated.get(invalid.getKey())
                    : linesOf(invalid.getKey());
            if (valid.size() + invalid.getValue().size() > 1) {
                List<Long> all = new ArrayList<>(valid);
                all.addAll(invalid.getValue());
                repeated.put(invalid.getKey(), all.stream().distinct().sorted().toList());
            }
        }
        return repeated;
    }

    /** The lines of the valid entries with this id (any text: one that is no contract_id has none). */
    private List<Long> linesOf(String contractId) {
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
        List<Long> found = new ArrayList<>();
        for (int k = first; first >= 0 && k < size && ids.compare(sorted[k], contractId) == 0; k++) {
            found.add((long) lines[sorted[k]]);
        }
        return found;
    }

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
