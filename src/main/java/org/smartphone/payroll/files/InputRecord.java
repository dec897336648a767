package org.smartphone.payroll.files;

import java.util.Locale;
import java.util.Map;

/**
 * One data record of a {@link CsvInputFile}: the cells of the columns asked for, already trimmed
 * of Unicode white space. Turn them into values with {@link Cells}, which also reports a record
 * that is malformed as a whole (text after a closing quote, more cells than the header).
 */
public final class InputRecord {

    private final long line;
    private final String[] cells;
    private final Map<String, Integer> slotByColumn;
    private final String problem;
    private final boolean shifted;

    InputRecord(long line, String[] cells, Map<String, Integer> slotByColumn, String problem, boolean shifted) {
        this.line = line;
        this.cells = cells;
        this.slotByColumn = slotByColumn;
        this.problem = problem;
        this.shifted = shifted;
    }

    /** The 1-based physical line where the record starts; the header is line 1. */
    public long line() {
        return line;
    }

    /**
     * The trimmed cell of that column; "" when it is empty, when the record is too short, or when
     * an optional column is absent from the header.
     *
     * @throws IllegalArgumentException when the column was not asked for when opening the file
     */
    public String get(String column) {
        Integer slot = slotByColumn.get(column);
        if (slot == null) {
            slot = slotByColumn.get(column.trim().toLowerCase(Locale.ROOT));
            if (slot == null) {
                throw new IllegalArgumentException("column " + column + " was not asked for when opening the file");
            }
        }
        if (slot < 0) {
            return "";
        }
        String value = cells[slot];
        return value == null ? "" : value;
    }

    /** Why the record as a whole is malformed, or null. */
    String problem() {
        return problem;
    }

    /** Whether the record has more cells than the header: its cells may be shifted, none can be trusted. */
    boolean shifted() {
        return shifted;
    }

    @Override
    public String toString() {
        return "record on line " + line;
    }
}
