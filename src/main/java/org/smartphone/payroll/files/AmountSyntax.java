package org.smartphone.payroll.files;

/**
 * The written form of an amount in francs (SPEC 5): digits, optionally grouped by threes with
 * spaces (U+0020, U+00A0 or U+202F, as spreadsheets write them), optionally followed by the zero
 * fraction {@code ,00} or {@code .00}; at most 999 999 999 999. Each common mistake gets its own
 * reason, so that the administrator knows what to fix.
 */
final class AmountSyntax {

    static final long MAX = 999_999_999_999L;

    private AmountSyntax() {}

    /** Parses a trimmed, non-empty cell. */
    static long parse(String text, boolean negativeAllowed) throws InvalidCell {
        String shown = Cells.shown(text);
        int start = 0;
        if (text.charAt(0) == '+') {
            throw new InvalidCell("An amount is written without a + sign; " + shown + " is not accepted.");
        }
        if (text.charAt(0) == '-') {
            if (!negativeAllowed) {
                throw new InvalidCell("This amount cannot be negative; " + shown + " is not accepted.");
            }
            start = 1;
        }
        int end = fractionSeparator(text, start);
        long value = integerPart(text, start, end, shown);
        if (end < text.length()) {
            checkFraction(text, end, shown);
        }
        if (value > MAX) {
            throw new InvalidCell("An amount is at most 999 999 999 999 francs; " + shown + " is more.");
        }
        return start == 1 ? -value : value;
    }

    private static int fractionSeparator(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '.') {
                return i;
            }
        }
        return text.length();
    }

    /** The value of the digits, saturating above {@link #MAX} so that it never overflows. */
    private static long integerPart(String text, int start, int end, String shown) throws InvalidCell {
        long value = 0;
        int groupDigits = 0;
        int separators = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (value <= MAX) {
                    value = value * 10 + (c - '0');
                }
                groupDigits++;
            } else if (c == ' ' || c == '\u00A0' || c == '\u202F') {
                if (groupDigits == 0 || groupDigits > 3 || (separators > 0 && groupDigits != 3)) {
                    throw badGrouping(shown);
                }
                separators++;
                groupDigits = 0;
            } else if ((c == 'e' || c == 'E') && groupDigits > 0 && isExponent(text, i + 1)) {
                throw new InvalidCell(
                        "An amount is written in full, without an exponent; " + shown + " is not accepted.");
            } else {
                throw unreadable(shown);
            }
        }
        if (groupDigits == 0) {
            throw separators == 0 ? unreadable(shown) : badGrouping(shown);
        }
        if (separators > 0 && groupDigits != 3) {
            throw badGrouping(shown);
        }
        return value;
    }

    private static boolean isExponent(String text, int from) {
        int i = from;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkFraction(String text, int separator, String shown) throws InvalidCell {
        String fraction = text.substring(separator + 1);
        if (fraction.equals("00")) {
            return;
        }
        if (fraction.isEmpty() || !fraction.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw unreadable(shown);
        }
        if (fraction.length() == 3 && digitsBefore(text, separator) <= 3) {
            throw new InvalidCell("Thousands are grouped with spaces, not with '" + text.charAt(separator)
                    + "', and an amount has no fraction; " + shown + " is not accepted.");
        }
        if (fraction.chars().allMatch(c -> c == '0')) {
            throw new InvalidCell("A zero fraction is written ,00 or .00; " + shown + " is not accepted.");
        }
        throw new InvalidCell("The amount must be a whole number of francs; " + shown + " has a fraction.");
    }

    private static int digitsBefore(String text, int index) {
        int count = 0;
        while (index - count > 0 && Character.isDigit(text.charAt(index - count - 1))) {
            count++;
        }
        return count;
    }

    private static InvalidCell badGrouping(String shown) {
        return new InvalidCell("Digits are grouped by threes, as in 1 234 567; " + shown + " is not accepted.");
    }

    private static InvalidCell unreadable(String shown) {
        return new InvalidCell("An amount is written with digits only, optionally grouped by threes with spaces"
                + " and followed by ,00 or .00 (for example 45 000 or 45000,00); " + shown + " is not accepted.");
    }
}
