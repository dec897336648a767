package org.smartphone.payroll.period;

import java.util.regex.Pattern;

/**
 * A payroll month, written {@code YYYY-MM}. Comparable, and convertible to a month index so
 * that month arithmetic (installment i is due in {@code first + (i - 1)}) stays integer.
 */
public record Period(int year, int month) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public Period {
        if (year < 1 || year > 9999 || month < 1 || month > 12) {
            throw new IllegalArgumentException("not a valid period: " + year + "-" + month);
        }
    }

    /** Parses {@code YYYY-MM}; throws {@link IllegalArgumentException} on anything else. */
    public static Period parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("a period is written YYYY-MM, for example 2026-01");
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5, 7));
        if (year < 1 || month < 1 || month > 12) {
            throw new IllegalArgumentException("a period is written YYYY-MM with a month from 01 to 12");
        }
        return new Period(year, month);
    }

    public static Period ofIndex(int index) {
        return new Period(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Months since year 0; consecutive periods have consecutive indexes. */
    public int index() {
        return year * 12 + (month - 1);
    }

    public Period plusMonths(int months) {
        return ofIndex(index() + months);
    }

    /** Months from this period to {@code other}: 0 when equal, negative when other is earlier. */
    public int monthsUntil(Period other) {
        return other.index() - index();
    }

    public boolean isAfter(Period other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Period other) {
        return Integer.compare(index(), other.index());
    }

    /** Built by hand: String.format showed up in profiles, called once per row written. */
    @Override
    public String toString() {
        char[] text = {
            (char) ('0' + year / 1000),
            (char) ('0' + year / 100 % 10),
            (char) ('0' + year / 10 % 10),
            (char) ('0' + year % 10),
            '-',
            (char) ('0' + month / 10),
            (char) ('0' + month % 10)
        };
        return new String(text);
    }
}
