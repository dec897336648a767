package org.smartphone.payroll.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Identifiers (contract_id, matricule: at most 32 ASCII characters, SPEC 5) packed one after the
 * other in one byte array, the i-th running from {@code starts[i]} to {@code starts[i + 1]}: about
 * the identifier's length plus 4 bytes each, where a {@code String} takes over 50. What the runs
 * hold per contract or per holder at country scale is kept this way.
 */
public final class PackedIdentifiers {

    private final byte[] bytes;
    private final int[] starts;
    private final int size;

    private PackedIdentifiers(byte[] bytes, int[] starts, int size) {
        this.bytes = bytes;
        this.starts = starts;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The i-th identifier. */
    public String get(int i) {
        return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.US_ASCII);
    }

    /** Compares the i-th identifier with {@code key}, character by character (code point order). */
    public int compare(int i, String key) {
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

    /** Compares the i-th identifier with the j-th (code point order). */
    public int compare(int i, int j) {
        int fromI = starts[i];
        int lengthI = starts[i + 1] - fromI;
        int fromJ = starts[j];
        int lengthJ = starts[j + 1] - fromJ;
        int common = Math.min(lengthI, lengthJ);
        for (int k = 0; k < common; k++) {
            int difference = bytes[fromI + k] - bytes[fromJ + k];
            if (difference != 0) {
                return difference;
            }
        }
        return lengthI - lengthJ;
    }

    /**
     * The position of {@code key} among identifiers added in ascending order, by bisection, or -1
     * when absent (any text is accepted: one that is no identifier is simply absent).
     */
    public int indexOf(String key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, key);
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

    /** Packs identifiers in the order they are added. */
    public static final class Builder {

        private byte[] bytes = new byte[1 << 16];
        private int[] starts = new int[1 << 12];
        private int size;
        private int end;

        /** @throws IllegalArgumentException for a character outside ASCII */
        public Builder add(String identifier) {
            if (end + identifier.length() > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + identifier.length()));
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[size] = end;
            for (int k = 0; k < identifier.length(); k++) {
                char c = identifier.charAt(k);
                if (c > 0x7f) {
                    throw new IllegalArgumentException("an identifier is ASCII: " + identifier);
                }
                bytes[end++] = (byte) c;
            }
            size++;
            starts[size] = end;
            return this;
        }

        public int size() {
            return size;
        }

        public PackedIdentifiers build() {
            return new PackedIdentifiers(Arrays.copyOf(bytes, end), Arrays.copyOf(starts, size + 1), size);
        }
    }
}
