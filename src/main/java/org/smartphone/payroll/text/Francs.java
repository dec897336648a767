package org.smartphone.payroll.text;

/**
 * Amounts in francs as treasury writes them on paper and the period report prints them: digits
 * grouped by threes with spaces, then {@code F} ({@code 538 603 521 F}, {@code -1 000 F}). For the
 * terminal and the report's text only: CSV files keep plain digits (SPEC 4), and the HTML page has its
 * own no-break spaces.
 */
public final class Francs {

    private Francs() {}

    /** {@code 538603521} as {@code 538 603 521 F}. */
    public static String of(long amount) {
        return grouped(amount) + " F";
    }

    /** {@code 538603521} as {@code 538 603 521}: the report's columns put the unit in their heading. */
    public static String grouped(long amount) {
        String digits = Long.toString(amount);
        int sign = amount < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + 6).append(digits, 0, sign);
        int lead = (digits.length() - sign) % 3 == 0 ? 3 : (digits.length() - sign) % 3;
        out.append(digits, sign, sign + lead);
        for (int i = sign + lead; i < digits.length(); i += 3) {
            out.append(' ').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
