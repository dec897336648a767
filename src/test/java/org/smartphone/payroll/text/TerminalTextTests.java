package org.smartphone.payroll.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the engine shows on a terminal or in its log: nothing from outside can act on the terminal
 * or reorder what it shows; everything else is shown as it is.
 */
class TerminalTextTests {

    @Nested
    class Escaped {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "escape sequence|a\u001b[31mred|a\\u001b[31mred",
                    "C1 control sequence introducer|a\u009b2Jb|a\\u009b2Jb",
                    "DEL and NUL|a\u007fb\u0000c|a\\u007fb\\u0000c",
                    "right-to-left override|\u202Evsc.exe|\\u202evsc.exe",
                    "isolates and marks|\u2066x\u2069\u200e\u200f\u061c|\\u2066x\\u2069\\u200e\\u200f\\u061c",
                    "zero-width and byte order mark|a\u200bb\ufeffc\u2060d|a\\u200bb\\ufeffc\\u2060d",
                    "line and paragraph separators|a\u2028b\u2029c\u0085d|a\\u2028b\\u2029c\\u0085d",
                    "a tag character, one code point of two chars|a\uDB40\uDC01b|a\\udb40\\udc01b",
                    "a lone surrogate|a\uD800b|a\\ud800b"
                })
        void controlAndFormatCharactersAreShownEscaped(String what, String text, String shown) {
            assertThat(TerminalText.line(text)).isEqualTo(shown);
            assertThat(TerminalText.lines(text)).isEqualTo(shown);
        }

        @Test
        void oneLineEscapesLineBreaksAndTabsToo() {
            assertThat(TerminalText.line("a\nb\r\nc\td")).isEqualTo("a\\u000ab\\u000d\\u000ac\\u0009d");
        }

        @Test
        void severalLinesKeepTheirLineFeedsAndTabsAndEscapeTheRestOnEachLine() {
            assertThat(TerminalText.lines("run 1 completed:\n\tpayroll-\u001b[2J.csv: 3 read\r\n\u202Eend"))
                    .isEqualTo("run 1 completed:\n\tpayroll-\\u001b[2J.csv: 3 read\\u000d\n\\u202eend");
        }
    }

    @Nested
    class Unchanged {

        @Test
        void printableTextOfAnyScriptIsShownAsItIs() {
            String text = "Awa Diop, Élise N'Guessan, علي, 田中, 😀, 12 345 F, \\u001b as typed, \u00a0\u202f";
            assertThat(TerminalText.line(text)).isEqualTo(text);
        }

        @Test
        void nullIsShownAsNull() {
            assertThat(TerminalText.line(null)).isEqualTo("null");
        }
    }

    /** Seeded random text: whatever comes in, what is shown holds no control, format or separator character. */
    @Test
    void nothingShownEverHoldsACharacterThatActsOnATerminal() {
        Random random = new Random(20261207);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(random.nextBoolean() ? (char) random.nextInt(0x100) : (char) random.nextInt(0x10000));
            }
            String shown = TerminalText.lines(text.toString());
            shown.codePoints().forEach(c -> {
                int type = Character.getType(c);
                assertThat(c == '\n'
                                || c == '\t'
                                || (type != Character.CONTROL
                                        && type != Character.FORMAT
                                        && type != Character.LINE_SEPARATOR
                                        && type != Character.PARAGRAPH_SEPARATOR
                                        && type != Character.SURROGATE))
                        .as("U+%04X in %s", c, shown)
                        .isTrue();
            });
        }
    }
}
