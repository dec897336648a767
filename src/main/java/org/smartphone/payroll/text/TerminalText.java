package org.smartphone.payroll.text;

/**
 * Text the engine shows on a terminal or writes to its log, made harmless: file names, cell values
 * and database messages come from outside, and an escape sequence in them ({@code ESC [ 31 m}) would
 * act on the operator's terminal, a bidirectional control (U+202E) would show a name reversed, a
 * carriage return would hide what came before it. Every control character (C0, DEL, C1), format
 * character (Unicode category Cf: bidirectional controls, zero-width characters, U+FEFF, ...), line
 * and paragraph separator (U+2028, U+2029) and lone surrogate is shown escaped as Java writes it,
 * {@code \u001b}. Anything else is left as it is.
 */
public final class TerminalText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {}

    /** One line: line breaks and tabs in the text are escaped too. Null is shown as {@code null}. */
    public static String line(String text) {
        return escape(String.valueOf(text), false);
    }

    /**
     * Text of several lines that the engine or a library composed (a report, a stack trace, a
     * multi-line message): its line feeds and tabs stay, everything else is escaped as in {@link #line}.
     */
    public static String lines(String text) {
        return escape(String.valueOf(text), true);
    }

    private static String escape(String text, boolean keepLayout) {
        int first = 0;
        while (first < text.length() && !mustEscape(text.charAt(first), keepLayout)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (Character.getType(codePoint) == Character.FORMAT) {
                    appendEscaped(out, c);
                    appendEscaped(out, text.charAt(i + 1));
                } else {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (mustEscape(c, keepLayout)) {
                appendEscaped(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a char must be escaped; a high surrogate is looked at with its pair by the caller. */
    private static boolean mustEscape(char c, boolean keepLayout) {
        if (c >= ' ' && c < 0x7F) {
            return false;
        }
        if (keepLayout && (c == '\n' || c == '\t')) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    private static void appendEscaped(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[c >> 12 & 0xF])
                .append(HEX[c >> 8 & 0xF])
                .append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
