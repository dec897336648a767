package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spreadsheet rule of SPEC 5 for text copied from inputs: whatever a spreadsheet could take for
 * the start of a formula, however it is spelt and whatever invisible characters hide it, gets a
 * leading {@code '}; anything else is written as it came.
 */
class SpreadsheetTextTests {

    /** Every form of = + - @ the rule must catch: ASCII, full-width, small, super- and subscript, U+2212. */
    private static final List<String> SIGNS = List.of(
            "=", "+", "-", "@", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\uFE66", "\uFE62", "\uFE63", "\uFE6B",
            "\u207C", "\u207A", "\u207B", "\u208C", "\u208A", "\u208B", "\u2212");

    /** Invisible characters that may stand before them: zero-width, format, bidirectional, space, control. */
    private static final List<String> HIDERS = List.of(
            "",
            "\u200B",
            "\u061C",
            "\uFEFF",
            "\u202E",
            "\u202D",
            "\u200E",
            "\u200F",
            "\u2066",
            "\u2067",
            "\u2068",
            "\u2069",
            "\u2060",
            "\u00AD",
            "\u200D",
            "\u034F",
            "\u3164",
            "\uFE0F",
            "\uDB40\uDC01",
            "\u00A0",
            "\u202F",
            "\u3000",
            " ",
            "\n",
            "\u0085",
            "\u2028",
            "\u200B\u202E\uFEFF");

    @Nested
    class Prefixed {

        @Test
        void everyFormOfASignIsPrefixedBehindAnyInvisibleCharacters() {
            for (String sign : SIGNS) {
                for (String hider : HIDERS) {
                    String text = hider + sign + "HYPERLINK(\"http://x\")";
                    assertThat(SpreadsheetText.copied(text))
                            .as("%s", codePoints(text))
                            .isEqualTo("'" + text);
                }
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\uFF1D1+1",
                    "\uFE661+1",
                    "\u200B=HYPERLINK(\"http://x\",\"y\")",
                    "\u061C=1",
                    "\uFEFF@SUM(A1)",
                    "\u202E=1",
                    "\uFF0B221",
                    "\uFE62221",
                    "\uFF0D5",
                    "\uFE635",
                    "\uFF20cmd",
                    "\uFE6Bcmd",
                    "\u22125",
                    "=SUM(A1:A9)",
                    "+221 77",
                    "-MIN-ED",
                    "@cmd",
                    "\tAwa",
                    "\rAwa",
                    "\u200B\tAwa"
                })
        void theListedCasesGetALeadingQuote(String text) {
            assertThat(SpreadsheetText.copied(text)).as("%s", codePoints(text)).isEqualTo("'" + text);
        }
    }

    @Nested
    class Unchanged {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Awa Diop",
                    "A=B+C",
                    "'quoted",
                    "\u200BAwa",
                    "\u00C9lise",
                    "\u0639\u0644\u064A",
                    "\uFF21wa",
                    "1+1",
                    "\u2010hyphen",
                    "\u2013dash",
                    "\u00B1",
                    "\u2795",
                    "\u200B",
                    "\u202E",
                    "\u0301=x"
                })
        void textThatASpreadsheetWouldNotEvaluateIsWrittenAsItCame(String text) {
            assertThat(SpreadsheetText.copied(text)).as("%s", codePoints(text)).isEqualTo(text);
        }

        @Test
        void nullIsWrittenEmpty() {
            assertThat(SpreadsheetText.copied(null)).isEmpty();
            assertThat(SpreadsheetText.copied("")).isEmpty();
        }
    }

    /**
     * Random texts built from the characters that matter (signs in every form, invisible characters,
     * letters, and any code point at all), seeded: the rule's output never shows a sign first once its
     * invisible characters are skipped, and a text that shows none is never touched.
     */
    @Test
    void noOutputEverShowsASignFirstAndTextsWithoutOneAreUntouched() {
        Random random = new Random(20261207);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random);
            String out = SpreadsheetText.copied(text);
            String shown = firstShown(out);
            assertThat(shown == null || !startsWithSign(shown))
                    .as("output %s", codePoints(out))
                    .isTrue();
            boolean needsIt = text.startsWith("\t") || text.startsWith("\r") || firstShownStartsWithSign(text);
            assertThat(out).as("input %s", codePoints(text)).isEqualTo(needsIt ? "'" + text : text);
        }
    }

    /**
     * The oracle, written apart from the rule: invisible at the start are the characters of the
     * categories Cc, Cf, Zs, Zl, Zp, white space, and the default-ignorable ones outside Cf.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Z}\\p{IsWhite_Space}\u034F\u115F"
            + "\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\\x{E0000}-\\x{E0FFF}]");

    /** The first code point shown, as text, or null when there is none. */
    private static String firstShown(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            String character = Character.toString(c);
            if (!INVISIBLE.matcher(character).matches()) {
                return character;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean firstShownStartsWithSign(String text) {
        String shown = firstShown(text);
        return shown != null && startsWithSign(shown);
    }

    private static boolean startsWithSign(String character) {
        String nfkc = Normalizer.normalize(character, Normalizer.Form.NFKC);
        return !nfkc.isEmpty() && "=+-@\u2212".indexOf(nfkc.charAt(0)) >= 0;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int hidden = random.nextInt(4);
        for (int i = 0; i < hidden; i++) {
            text.append(HIDERS.get(random.nextInt(HIDERS.size())));
        }
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(SIGNS.get(random.nextInt(SIGNS.size())));
                case 1 -> text.appendCodePoint(0x20 + random.nextInt(0x5F));
                case 2 -> text.appendCodePoint(0xFE50 + random.nextInt(0x1B0)); // small and full-width forms
                case 3 -> text.appendCodePoint(0x2000 + random.nextInt(0xA0)); // punctuation, format, super/subscripts
                case 4 -> text.appendCodePoint(validCodePoint(random));
                default -> text.append(HIDERS.get(random.nextInt(HIDERS.size())));
            }
        }
        return text.toString();
    }

    private static int validCodePoint(Random random) {
        while (true) {
            int c = random.nextInt(0x30000);
            if (Character.getType(c) != Character.SURROGATE) {
                return c;
            }
        }
    }

    private static String codePoints(String text) {
        StringBuilder out = new StringBuilder("[");
        text.codePoints().forEach(c -> out.append(out.length() > 1 ? " " : "").append(String.format("U+%04X", c)));
        return out.append(']').toString();
    }
}
