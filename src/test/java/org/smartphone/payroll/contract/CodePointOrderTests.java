package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 5: rows are ordered comparing by code point, never by a locale's collation. */
class CodePointOrderTests {

    private static final CodePointOrder ORDER = CodePointOrder.INSTANCE;

    @Nested
    class Ascii {

        @ParameterizedTest(name = "{0} < {1}")
        @CsvSource({
            // '-' (0x2D) < '1' (0x31), where a collation ignoring punctuation would say A1 < A-1
            "A-1, A1",
            // '.' (0x2E) < '/' (0x2F) < '0' (0x30)
            "A.1, A/1",
            "A/1, A01",
            // digits (0x30..0x39) before letters (0x41..)
            "9, A",
            // '_' (0x5F) after upper-case letters (0x41..0x5A)
            "AZ, A_",
            // a prefix comes first
            "C-1, C-10",
            "B, BA",
            // first difference decides, not the length
            "AB, B"
        })
        void comparesCharacterByCharacter(String lower, String higher) {
            assertThat(ORDER.compare(lower, higher)).isNegative();
            assertThat(ORDER.compare(higher, lower)).isPositive();
        }

        @Test
        void equalStringsCompareEqual() {
            assertThat(ORDER.compare("C-001", "C-001")).isZero();
            assertThat(ORDER.compare("", "")).isZero();
            assertThat(ORDER.compare("", "A")).isNegative();
        }

        @Test
        void sortsIdentifiersAsTheOutputFilesDo() {
            List<String> ids = new ArrayList<>(List.of("A1", "B", "A-1", "A.1", "A_1", "10", "A"));

            ids.sort(ORDER);

            // A (prefix), A-1 (2D), A.1 (2E), A1 (31), A_1 (5F); digits first
            assertThat(ids).containsExactly("10", "A", "A-1", "A.1", "A1", "A_1", "B");
        }
    }

    @Nested
    class SupplementaryCharacters {

        private static final String GRINNING_FACE = "\uD83D\uDE00"; // U+1F600
        private static final String REPLACEMENT = "\uFFFD"; // U+FFFD

        @Test
        void aSupplementaryCharacterSortsAfterEveryBmpCharacter() {
            // U+1F600 > U+FFFD by code point, although its first UTF-16 unit 0xD83D < 0xFFFD
            assertThat(GRINNING_FACE.compareTo(REPLACEMENT))
                    .as("UTF-16 order differs")
                    .isNegative();

            assertThat(ORDER.compare(GRINNING_FACE, REPLACEMENT)).isPositive();
            assertThat(ORDER.compare(REPLACEMENT, GRINNING_FACE)).isNegative();
            assertThat(ORDER.compare("A" + GRINNING_FACE, "A" + REPLACEMENT + "Z"))
                    .isPositive();
        }

        @Test
        void comparesWhatFollowsAnEqualSupplementaryCharacter() {
            assertThat(ORDER.compare(GRINNING_FACE + "A", GRINNING_FACE + "B")).isNegative();
            assertThat(ORDER.compare(GRINNING_FACE, GRINNING_FACE + "A")).isNegative();
            assertThat(ORDER.compare(GRINNING_FACE + "A", GRINNING_FACE + "A")).isZero();
        }

        @Test
        void twoSupplementaryCharactersCompareByCodePoint() {
            // U+1F600 < U+1F601
            assertThat(ORDER.compare("\uD83D\uDE00", "\uD83D\uDE01")).isNegative();
            // U+10000 (D800 DC00) < U+1F600
            assertThat(ORDER.compare("\uD800\uDC00", GRINNING_FACE)).isNegative();
        }
    }
}
