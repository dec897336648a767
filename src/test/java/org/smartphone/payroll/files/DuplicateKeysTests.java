package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reasons on the rows of a repeated key (SPEC 5): the first rows name the key, how many lines
 * carry it and the first of them, at most five, so that a key on thousands of lines does not make
 * each of its rows thousands of line numbers long; the other rows point to the first line.
 */
class DuplicateKeysTests {

    private static final DuplicateKeys REGISTER =
            new DuplicateKeys("matricule", "this register", "none of these lines is used.");

    @Test
    void twoLinesAreNamedBoth() {
        assertThat(REGISTER.reason("MAT-1", 2, new long[] {3, 8}))
                .isEqualTo("The matricule MAT-1 appears twice in this register (lines 3 and 8); none of these lines"
                        + " is used.");
    }

    @Test
    void fiveLinesAreAllNamed() {
        assertThat(REGISTER.reason("MAT-1", 5, new long[] {2, 4, 9, 10, 12}))
                .isEqualTo("The matricule MAT-1 appears 5 times in this register (lines 2, 4, 9, 10 and 12); none of"
                        + " these lines is used.");
    }

    @Test
    void beyondFiveLinesTheFirstFiveAreNamedAndTheRestCounted() {
        assertThat(REGISTER.reason("MAT-1", 4000, new long[] {2, 3, 4, 5, 6}))
                .isEqualTo("The matricule MAT-1 appears 4000 times in this register (lines 2, 3, 4, 5, 6 and 3995"
                        + " more); none of these lines is used.");
        assertThat(REGISTER.reason("MAT-1", 6, new long[] {2, 3, 4, 5, 6}))
                .contains("(lines 2, 3, 4, 5, 6 and 1 more)");
    }

    @Test
    void theOtherRowsPointToTheFirstLine() {
        assertThat(REGISTER.seeFirst("MAT-1", 2)).isEqualTo("The matricule MAT-1 is repeated; see line 2.");
    }
}
