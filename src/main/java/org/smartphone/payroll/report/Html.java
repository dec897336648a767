package org.smartphone.payroll.report;

/**
 * Text into HTML: escaping of every value copied from the data, and amounts in francs CFA as
 * treasury writes them ({@code 1 234 567 F CFA}). Digits are grouped by threes with a narrow
 * no-break space (U+202F) and the unit follows a no-break space (U+00A0), so that an amount never
 * breaks across lines; a negative amount has a leading minus.
 */
final class Html {

    static final char GROUP_SEPARATOR = '\u202F';
    static final String UNIT = "\u00A0F\u00A0CFA";

    private Html() {}

    /** Escapes text for an element's content or a quoted attribute value; null gives "". */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** An amount: {@code 1 234 567 F CFA}, {@code -1 000 F CFA}, {@code 0 F CFA}. */
    static String francs(long amount) {
        return grouped(amount) + UNIT;
    }

    /** A count, grouped like amounts: {@code 12 345}. */
    static String count(long count) {
        return grouped(count);
    }

    private static String grouped(long value) {
        String digits = Long.toString(value);
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(GROUP_SEPARATOR).append(digits, i, i + 3);
        }
        return out.toString();
    }
}
