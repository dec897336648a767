package org.smartphone.payroll.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the character stream into RFC 4180 records. Written by hand rather than with Commons
 * CSV because each record must carry the physical line it starts on, and because cells of
 * columns nobody asked for are never turned into strings (a payroll register has millions of
 * rows, most of them read only to be ignored).
 *
 * <p>Lenient where spreadsheets are: a quote inside an unquoted cell is data ({@code 6" screen}),
 * blanks before an opening quote are ignored ({@code a, "b, c"}). Text after a closing quote is
 * recorded as a problem of the line rather than guessed at, and so is a record with more cells
 * than the header (SPEC 5): an unquoted delimiter inside a value, such as {@code 10,000} in a
 * comma file, has shifted or cut its values, so none of them can be trusted. A record with fewer
 * cells has the missing ones null (empty).
 */
final class RecordParser {

    /**
     * A record as read: kept cells already trimmed, null for cells the record does not have.
     *
     * @param shifted whether it has more cells than the header, so that no cell can be trusted
     */
    record Raw(long line, String[] cells, boolean blank, String problem, boolean shifted) {}

    private static final int MAX_QUOTED_CHARS = Utf8LineReader.MAX_LINE_CHARS;

    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    private static final int QUOTE_IN_QUOTED = 2;
    private static final int AFTER_CLOSING_QUOTE = 3;

    private final Utf8LineReader in;
    private final char delimiter;
    private boolean skipLf;

    private final StringBuilder cell = new StringBuilder();
    private int[] slotOf;
    private String[] slots;
    private List<String> everyCell;
    private int cellIndex;
    /** Cells of the header: a record with more is invalid. */
    private int headerCells = Integer.MAX_VALUE;
    /** Cells up to the header's last named column; past it (a padded header) every cell must be blank. */
    private int namedCells = Integer.MAX_VALUE;
    /** Whether a cell past the header's last named column holds something (else delimiters end the line). */
    private boolean extraFilled;

    private int filledCells;
    private boolean keep;
    private boolean cellBlank;
    private boolean recordBlank;
    private String problem;

    RecordParser(Utf8LineReader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The header: every cell, in order; null at the end of the file. */
    Raw nextHeader() throws InputFileException {
        everyCell = new ArrayList<>();
        slotOf = null;
        Raw raw = next(0);
        everyCell = null;
        return raw;
    }

    /**
     * The next record, blank or not; null at the end of the file.
     *
     * @param slotOf for each cell position, where to keep it in {@code Raw.cells}, or -1 to drop it
     * @param namedCells the position after the header's last non-blank name: a value past it, under a
     *        column without a name, is a value shifted out of its column as much as one past the header
     */
    Raw next(int[] slotOf, int slotCount, int namedCells) throws InputFileException {
        this.slotOf = slotOf;
        this.headerCells = slotOf.length;
        this.namedCells = namedCells;
        return next(slotCount);
    }

    private Raw next(int slotCount) throws InputFileException {
        int c = in.read();
        if (skipLf && c == '\n') {
            c = in.read();
        }
        skipLf = false;
        if (c == -1) {
            return null;
        }
        long line = in.line();
        startRecord(slotCount);
        int state = UNQUOTED;
        long quoteLine = 0;
        int quotedLength = 0;
        for (; ; c = in.read()) {
            if (state == UNQUOTED) {
                if (c == delimiter) {
                    endCell();
                } else if (isEndOfLine(c)) {
                    return endRecord(line, c);
                } else if (c == '"' && cellBlank) {
                    state = QUOTED;
                    quoteLine = in.line();
                    quotedLength = 0;
                    cell.setLength(0);
                } else {
                    add(c);
                }
            } else if (state == QUOTED) {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED;
                } else if (c == -1 || ++quotedLength > MAX_QUOTED_CHARS) {
                    throw unclosedQuote(quoteLine);
                } else {
                    add(c);
                }
            } else if (state == QUOTE_IN_QUOTED && c == '"') {
                add(c);
                state = QUOTED;
            } else {
                if (c == delimiter) {
                    endCell();
                    state = UNQUOTED;
                } else if (isEndOfLine(c)) {
                    return endRecord(line, c);
                } else {
                    state = AFTER_CLOSING_QUOTE;
                    if (!Whitespace.isBlank((char) c) && problem == null) {
                        problem = "Cell " + (cellIndex + 1) + " has text after its closing quote; put the"
                                + " whole cell between quotes and write any quote inside it twice.";
                        recordBlank = false;
                    }
                }
            }
        }
    }

    private static boolean isEndOfLine(int c) {
        return c == '\n' || c == '\r' || c == -1;
    }

    private void startRecord(int slotCount) {
        slots = everyCell == null ? new String[slotCount] : null;
        cellIndex = 0;
        extraFilled = false;
        filledCells = 0;
        keep = keeps(0);
        cellBlank = true;
        recordBlank = true;
        problem = null;
        cell.setLength(0);
    }

    private void add(int c) {
        if (cellBlank && !Whitespace.isBlank((char) c)) {
            cellBlank = false;
            recordBlank = false;
        }
        if (keep) {
            cell.append((char) c);
        }
    }

    private void endCell() {
        if (keep) {
            String value = Whitespace.trim(cell);
            if (everyCell != null) {
                everyCell.add(value);
            } else {
                slots[slotOf[cellIndex]] = value;
            }
            cell.setLength(0);
        }
        if (!cellBlank && cellIndex >= namedCells) {
            extraFilled = true;
            filledCells = cellIndex + 1;
        }
        cellIndex++;
        keep = keeps(cellIndex);
        cellBlank = true;
    }

    private boolean keeps(int index) {
        return everyCell != null || (index < slotOf.length && slotOf[index] >= 0);
    }

    private Raw endRecord(long line, int c) {
        endCell();
        skipLf = c == '\r';
        boolean shifted = (cellIndex > headerCells || extraFilled) && !recordBlank;
        if (shifted && problem == null) {
            problem = tooManyCells();
        }
        String[] cells = everyCell != null ? everyCell.toArray(String[]::new) : slots;
        return new Raw(line, cells, recordBlank, problem, shifted);
    }

    /**
     * Says what the extra cells mean and what to do: usually a grouped amount or a name with the
     * delimiter in it; when they are all empty, more likely delimiters an export added at the end of
     * the line (a spreadsheet that pads its lines pads the header too, and then they match).
     */
    private String tooManyCells() {
        boolean comma = delimiter == ',';
        String name = comma ? "comma" : "semicolon";
        String fix = comma
                ? "write amounts without the comma (10000) and put text that holds a comma between quotes."
                : "put text that holds a semicolon between quotes.";
        String counts = cellIndex > headerCells
                ? "This line has " + cellIndex + " values but the header has " + headerCells + " columns"
                : "This line has " + filledCells + " values but the header names " + namedCells + " columns";
        if (extraFilled) {
            return counts + ": a " + name + " inside a value that is not between quotes"
                    + (comma ? ", as in 10,000," : "") + " splits it in two and shifts the values after it; " + fix;
        }
        int extra = cellIndex - headerCells;
        return counts
                + (extra == 1
                        ? ", and the last one is empty: remove the " + name
                        : ", and the last " + extra + " are empty: remove the " + name + "s")
                + " at the end of the line, or, if a value holds a " + name + ", " + fix;
    }

    private InputFileException unclosedQuote(long quoteLine) {
        return in.failure(
                quoteLine,
                "",
                "The quote opened on line " + quoteLine + " is never closed;"
                        + " every cell that starts with a quote must end with one.");
    }
}
