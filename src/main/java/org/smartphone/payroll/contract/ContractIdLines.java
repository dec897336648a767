package org.smartphone.payroll.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contract_id of every valid line of one contracts file, with its line, kept for the rule "a
 * contract_id twice in one file makes all its lines invalid" (SPEC 2): the one structure of an import
 * that grows with the file. Ids are packed one after the other in a byte array (at most 32 ASCII
 * characters, SPEC 5), their lines in an int array: about 25 bytes per line with the sort below, where
 * a map of strings would take over 100 (3 million lines: 75 MB). Sorting an index of the entries by
 * id brings repeats side by side.
 */
final class ContractIdLines {

    private byte[] bytes = new byte[1 << 16];
    private int[] starts = new int[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;
    private int end;
    /** The entries in id order (then line order), built on the first question. */
    private int[] sorted;

    /** Adds a valid line; lines come in ascending order. */
    void add(String contractId, long line) {
        if (line > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a contracts file of more than " + Integer.MAX_VALUE + " lines");
        }
        if (end + contractId.length() > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + contractId.length()));
        }
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            lines = Arrays.copyOf(lines, starts.length);
        }
        starts[size] = end;
        for (int k = 0; k < contractId.length(); k++) {
            char c = contractId.charAt(k);
            if (c > 0x7f) {
                throw new IllegalArgumentException("a contract_id is ASCII: " + contractId);
            }
            bytes[end++] = (byte) c;
        }
        lines[size] = (int) line;
        size++;
        starts[size] = end;
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
            while (j < size && compare(sorted[i], sorted[j]) == 0) {
                j++;
            }
            if (j - i > 1) {
                List<Long> carriers = new ArrayList<>(j - i);
                for (int k = i; k < j; k++) {
                    carriers.add((long) lines[sorted[k]]);
                }
                repeated.put(id(sorted[i]), carriers);
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
            int order = compare(sorted[middle], contractId);
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
        for (int k = first; first >= 0 && k < size && compare(sorted[k], contractId) == 0; k++) {
            found.add((long) lines[sorted[k]]);
        }
        return found;
    }

    private String id(int entry) {
        return new String(bytes, starts[entry], starts[entry + 1] - starts[entry],
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Sorts the entries by id, keeping line order among equal ids (a stable merge sort of indexes). */
    private void sort() {
        if (sorted != null) {
            return;
        }
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
                    if (a < middle && (b >= right || compare(from[a], from[b]) <= 0)) {
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

    /** Compares two entries' ids byte by byte (code point order for ASCII). */
    private int compare(int x, int y) {
        int fromX = starts[x];
        int lengthX = starts[x + 1] - fromX;
        int fromY = starts[y];
        int lengthY = starts[y + 1] - fromY;
        int common = Math.min(lengthX, lengthY);
        for (int k = 0; k < common; k++) {
            int difference = bytes[fromX + k] - bytes[fromY + k];
            if (difference != 0) {
                return difference;
            }
        }
        return lengthX - lengthY;
    }

    /** Compares an entry's id with any text, character by character. */
    private int compare(int entry, String key) {
        int from = starts[entry];
        int length = starts[entry + 1] - from;
        int common = Math.min(length, key.length());
        for (int k = 0; k < common; k++) {
            int difference = (bytes[from + k] & 0xff) - key.charAt(k);
            if (difference != 0) {
                return difference;
            }
        }
        return length - key.length();
    }
}
