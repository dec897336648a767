package org.smartphone.payroll.reconciliation;

import java.util.Arrays;

/**
 * The deduction order of a period (its lines with an amount above 0), held in memory while the
 * withholding return is read, so that each return line finds its order line without a table of
 * the return: the contract_ids in ascending order and their matricules, packed one after the other
 * in byte arrays (identifiers are at most 32 ASCII characters, SPEC 5); a contract_id is found by
 * bisection. About 34 bytes per order line with identifiers of 15 and 11 characters (those of
 * scripts/generate), 100 MB for the 3 million contracts of the whole population, where a map of
 * strings would take several times more; the expected amounts are not kept, the pass after the
 * reading has them.
 */
final class OrderLines {

    private final Packed contractIds;
    private final Packed matricules;
    private final int size;
    private final long deductionLines;

    private OrderLines(Packed contractIds, Packed matricules, int size, long deductionLines) {
        this.contractIds = contractIds;
        this.matricules = matricules;
        this.size = size;
        this.deductionLines = deductionLines;
    }

    int size() {
        return size;
    }

    /** The period's deduction lines, those of amount 0 (not in the order) included. */
    long deductionLines() {
        return deductionLines;
    }

    /** The position of the contract's order line, or -1 when the order has none (any text is accepted). */
    int indexOf(String contractId) {
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = contractIds.compare(middle, contractId);
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

    /** Whether the i-th order line was instructed for this matricule. */
    boolean heldBy(int i, String matricule) {
        return matricules.compare(i, matricule) == 0;
    }

    /** Collects the order lines (amount above 0) in ascending order of contract_id, one per contract. */
    static final class Builder {

        private final Packed.Builder contractIds = new Packed.Builder();
        private final Packed.Builder matricules = new Packed.Builder();
        private int size;
        private long uninstructed;
        private String last;

        Builder add(String contractId, String matricule) {
            if (last != null && last.compareTo(contractId) >= 0) {
                throw new IllegalArgumentException("order lines must come in ascending order of contract_id: "
                        + last + " before " + contractId);
            }
            contractIds.add(contractId);
            matricules.add(matricule);
            size++;
            last = contractId;
            return this;
        }

        /** Counts a deduction line of amount 0: it has no order line. */
        Builder addUninstructed() {
            uninstructed++;
            return this;
        }

        OrderLines build() {
            return new OrderLines(contractIds.build(), matricules.build(), size, size + uninstructed);
        }
    }

    /** ASCII identifiers packed in one byte array; the i-th runs from starts[i] to starts[i + 1]. */
    private record Packed(byte[] bytes, int[] starts) {

        /** Compares the i-th identifier with {@code key}, character by character (code point order). */
        int compare(int i, String key) {
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

        private static final class Builder {

            private byte[] bytes = new byte[1 << 16];
            private int[] starts = new int[1 << 12];
            private int size;
            private int end;

            void add(String identifier) {
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
            }

            Packed build() {
                return new Packed(Arrays.copyOf(bytes, end), Arrays.copyOf(starts, size + 1));
            }
        }
    }
}
