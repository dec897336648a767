package org.smartphone.payroll.contract;

import java.util.Arrays;

/** Line numbers in a growing array of longs: 8 bytes a line where a {@code List<Long>} takes about 24. */
final class LineList {

    private long[] lines = new long[1 << 10];
    private int size;

    void add(long line) {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
        }
        lines[size++] = line;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return lines[index];
    }

    /** The lines in ascending order, each once. */
    long[] sortedDistinct() {
        long[] copy = Arrays.copyOf(lines, size);
        Arrays.sort(copy);
        return Arrays.stream(copy).distinct().toArray();
    }
}
