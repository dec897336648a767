package org.smartphone.payroll.deduction;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The matricules that hold an open contract, the one structure of a deduction run that grows with
 * the number of contracts: packed one after the other in a byte array (a matricule is at most 32
 * ASCII characters, SPEC 5), in ascending order, and searched by bisection. At 3 million holders
 * that is about 15 bytes each, where a {@code HashSet<String>} takes over 100.
 */
final class HolderSet {

    private final byte[] bytes;
    private final int[] starts;
    private final int size;

    private HolderSet(byte[] bytes, int[] starts, int size) {
        this.bytes = bytes;
        this.starts = starts;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Any text: one that is not a valid matricule (lower case, accents) is simply absent. */
    boolean contains(String matricule) {
        return indexOf(matricule) >= 0;
    }

    /**
     * The position of a matricule in ascending order, from 0 to {@code size() - 1}, or -1 when it
     * holds no open contract: arrays of this size can hold one value per holder.
     */
    int indexOf(String matricule) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, matricule);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** The matricule at a position. */
    String matricule(int index) {
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.US_ASCII);
    }

    /** Compares the i-th matricule with {@code key}, character by character (code point order). */
    private int compare(int i, String key) {
        int from = starts[i];
        int length = starts[i + 1] - from;
        int common = Math.min(length, key.length());
        for (int k = 0; k < common; k++) {
            int difference = (bytes[from + k] & 0xff) - key.charAt(k);
            if (difference != 0) {
                return difference;
            }
        }
        return length - key.length();
    }

    /** Collects matricules given in ascending order; repeats (one holder, several contracts) are kept once. */
    static final class Builder {

        private byte[] bytes = new byte[1 << 16];
        private int[] starts = new int[1 << 12];
        private int size;
        private int end;
        private String last;

        Builder add(String matricule) {
            if (last != null) {
                int order = last.compareTo(matricule);
                if (order == 0) {
                    return this;
                }
                if (order > 0) {
                    throw new IllegalArgumentException("matricules must come in ascending order: " + last
                            + " before " + matricule);
                }
            }
            if (end + matricule.length() > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + matricule.length()));
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[size] = end;
            for (int k = 0; k < matricule.length(); k++) {
                char c = matricule.charAt(k);
                if (c > 0x7f) {
                    throw new IllegalArgumentException("a matricule is ASCII: " + matricule);
                }
                bytes[end++] = (byte) c;
            }
            size++;
            starts[size] = end;
            last = matricule;
            return this;
        }

        /** How many distinct matricules so far: the last one added is at position {@code size() - 1}. */
        int size() {
            return size;
        }

        HolderSet build() {
            return new HolderSet(Arrays.copyOf(bytes, end), Arrays.copyOf(starts, size + 1), size);
        }
    }
}
