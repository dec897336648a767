package org.smartphone.payroll.text;

/** A count and its noun, singular for one: {@code 1 row}, {@code 0 rows}, {@code 2 contracts in arrears}. */
public final class Counted {

    private Counted() {}

    /** {@code noun} is singular; the plural adds an s ({@code row}, {@code contract}, {@code line}). */
    public static String of(long count, String noun) {
        return count + " " + noun(count, noun);
    }

    /** The noun alone, for a count printed apart (in a column): {@code row} or {@code rows}. */
    public static String noun(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
