package org.smartphone.payroll.files;

/**
 * The white space trimmed from every cell (SPEC 5). Wider than {@link String#strip()}: it includes
 * the no-break spaces U+00A0 and U+202F that spreadsheets put in numbers, and a stray U+FEFF.
 */
final class Whitespace {

    private Whitespace() {}

    static boolean isBlank(char c) {
        if (c > ' ' && c < 0x7F) {
            return false; // printable ASCII: the common case, decided without table look-ups
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    static String trim(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }
}
