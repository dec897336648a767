package org.smartphone.payroll.files;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Recognises a cell a spreadsheet converted before the file was saved as CSV, so that its reason can
 * say what to do (issue "Files saved from Excel"): a period taken for a date and written back as
 * {@code 01/01/2026}, {@code 2026-01-01}, {@code janv.-26} or as the date's serial number
 * {@code 46023}; a long identifier or amount taken for a number and written in scientific notation,
 * {@code 3,58675E+14}, its last digits lost. Only asked about a cell already found invalid: the rules
 * of the cell are not changed, and valid cells never come here.
 */
final class SpreadsheetConversion {

    private static final String TEXT = "format the column as Text before saving.";

    /** 1/1/2026, 01.01.2026, 1-1-26, 01/2026; a time may follow. */
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\d{1,2}([/.-])\\d{1,2}\\1(\\d{2}|\\d{4})([ T].*)?|\\d{1,2}/\\d{4}");
    /** 2026-01-01, 2026/1/1; a time may follow. */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("\\d{4}([/-])\\d{1,2}\\1\\d{1,2}([ T].*)?");
    /** janv.-26, Jan-26, janvier 2026, 26-Jan, 1-janv.-2026: a month name with a day or a year. */
    private static final Pattern MONTH_NAME =
            Pattern.compile("(\\d{1,2}[-/. ])?(\\p{L}{3,9})\\.?[-/. ](\\d{2}|\\d{4})|\\d{1,2}[-/. ](\\p{L}{3,9})\\.?");

    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d{1,3}");

    /** The first serial a spreadsheet gives a date of this century (2000-01-01) and the last (2099-12-31). */
    private static final int FIRST_SERIAL = 36_526;

    private static final int LAST_SERIAL = 73_050;
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final String[] MONTHS = {
        "jan", "fev", "feb", "mar", "avr", "apr", "mai", "may", "jui", "jun", "jul", "aou", "aug", "sep", "oct", "nov",
        "dec"
    };

    private SpreadsheetConversion() {}

    /**
     * The sentence to add to the reason of an invalid cell whose value is a number in scientific
     * notation, starting with a space; "" otherwise (most invalid cells: one pass over the value).
     */
    static String numberHint(String value) {
        if (value.indexOf('E') < 0 && value.indexOf('e') < 0
                || !SCIENTIFIC.matcher(value).matches()) {
            return "";
        }
        return " A spreadsheet wrote this number in scientific notation, which can lose digits: enter the"
                + " values again and " + TEXT;
    }

    /** The sentence to add to the reason of a period that could not be read, starting with a space; or "". */
    static String dateHint(String value) {
        if (isSerial(value)) {
            return " " + value + " is how a spreadsheet stores the date " + SERIAL_EPOCH.plusDays(Long.parseLong(value))
                    + ": " + TEXT;
        }
        if (DAY_MONTH_YEAR.matcher(value).matches()
                || YEAR_MONTH_DAY.matcher(value).matches()
                || isMonthName(value)) {
            return " A spreadsheet turned this cell into a date: " + TEXT;
        }
        return "";
    }

    private static boolean isSerial(String value) {
        if (value.length() != 5) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        int serial = Integer.parseInt(value);
        return serial >= FIRST_SERIAL && serial <= LAST_SERIAL;
    }

    private static boolean isMonthName(String value) {
        var matcher = MONTH_NAME.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String name = HeaderAdvice.key(matcher.group(2) != null ? matcher.group(2) : matcher.group(4));
        for (String month : MONTHS) {
            if (name.startsWith(month)) {
                return true;
            }
        }
        return false;
    }
}
