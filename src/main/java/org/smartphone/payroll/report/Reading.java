package org.smartphone.payroll.report;

/**
 * What reading one source of a control check gave: its figures, or why there are none. A source
 * that is MISSING (the run has not written it yet, or it was removed) makes a check "not
 * available"; one that is UNREADABLE (not the file the engine wrote) makes it fail.
 *
 * @param source the file name (or ledger table) read
 * @param value the figures, null unless the problem is NONE
 * @param line where an unreadable file went wrong (1-based, the header is line 1), 0 when unknown
 * @param column the column that could not be read, "" when none
 */
public record Reading<T>(String source, T value, Problem problem, long line, String column) {

    /** Why a source gave no figures. */
    public enum Problem {
        NONE,
        MISSING,
        UNREADABLE
    }

    public static <T> Reading<T> of(String source, T value) {
        return new Reading<>(source, value, Problem.NONE, 0, "");
    }

    public static <T> Reading<T> missing(String source) {
        return new Reading<>(source, null, Problem.MISSING, 0, "");
    }

    public static <T> Reading<T> unreadable(String source, long line, String column) {
        return new Reading<>(source, null, Problem.UNREADABLE, line, column == null ? "" : column);
    }

    public boolean available() {
        return problem == Problem.NONE;
    }
}
