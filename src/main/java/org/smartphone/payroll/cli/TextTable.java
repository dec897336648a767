package org.smartphone.payroll.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal whose columns are as wide as their widest cell (heading included), numbers
 * aligned right; the last column is free text (an input name, a summary) and is never padded, so that
 * a long value there leaves the columns before it in line.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;
    private final int[] widths;

    /** @param rightAligned one per column but the last: true for a number column */
    TextTable(boolean[] rightAligned, String... headings) {
        this.rightAligned = rightAligned.clone();
        this.widths = new int[headings.length];
        add(headings);
    }

    void add(String... cells) {
        for (int i = 0; i < cells.length - 1; i++) {
            widths[i] = Math.max(widths[i], cells[i].length());
        }
        rows.add(cells);
    }

    /** The table, one line per row, each ending in a line feed. */
    String text() {
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length - 1; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? pad + row[i] : row[i] + pad).append(i == row.length - 2 ? "  " : " ");
            }
            // an empty last cell leaves no spaces at the end of the line
            out.append(line.append(row[row.length - 1]).toString().stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }
}
