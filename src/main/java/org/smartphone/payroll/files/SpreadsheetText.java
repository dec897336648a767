package org.smartphone.payroll.files;

import java.text.Normalizer;

/**
 * Text copied from an input file into an output a spreadsheet may open (SPEC 5): a value that a
 * spreadsheet would evaluate gets a leading {@code '}. Computed values never come here.
 *
 * <p>A value counts as a formula when its first visible character is {@code = + - @} or a character
 * that spreadsheets and Unicode normalisation take for one: a compatibility form whose NFKC is one
 * of them (full-width {@code ＝ ＋ － ＠}, small {@code ﹦ ﹢ ﹣ ﹫}, super- and subscript signs) and
 * U+2212 MINUS SIGN, which some spreadsheets read as a minus. Visible means after any invisible
 * character a viewer or an import may drop: format characters (Unicode category Cf: zero-width
 * space, U+FEFF, U+061C, the bidirectional controls), the other default-ignorable characters,
 * white space and control characters. A value starting with a tab or a carriage return is
 * prefixed as SPEC 5 says, whatever follows.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /** The text as written to an output: with a leading {@code '} when it could be evaluated. Null is written empty. */
    public static String copied(String text) {
        if (text == null) {
            return "";
        }
        return isFormula(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet could evaluate the text (see the class comment). */
    static boolean isFormula(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '\t' || c == '\r') {
                return true;
            }
            if (!isInvisible(c)) {
                return startsFormula(c);
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean startsFormula(int c) {
        if (c < 0x80) {
            return c == '=' || c == '+' || c == '-' || c == '@';
        }
        if (c == '\u2212') {
            return true;
        }
        if (Character.isLetterOrDigit(c)) {
            return false; // the common case: no letter or digit normalises to a sign
        }
        String normalised = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
        return !normalised.isEmpty() && "=+-@\u2212".indexOf(normalised.charAt(0)) >= 0;
    }

    /** Characters that show nothing at the start of a cell, or that an import may drop or turn into a space. */
    static boolean isInvisible(int c) {
        if (c < 0x80) {
            return c <= ' ' || c == 0x7F;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || isOtherDefaultIgnorable(c);
    }

    /**
     * The default-ignorable code points (Unicode's DerivedCoreProperties) outside category Cf: the
     * combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian free variation
     * selectors and the variation selectors.
     */
    private static boolean isOtherDefaultIgnorable(int c) {
        return c == 0x034F
                || c == 0x115F
                || c == 0x1160
                || c == 0x17B4
                || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F)
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFFA0
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }
}
