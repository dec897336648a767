package org.smartphone.payroll.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts on the terminal as treasury writes them and the period report prints them. */
class FrancsTests {

    @ParameterizedTest
    @CsvSource({
        "0,0 F",
        "7,7 F",
        "999,999 F",
        "1000,1 000 F",
        "-1000,-1 000 F",
        "-999,-999 F",
        "100000,100 000 F",
        "538603521,538 603 521 F",
        "1234567,1 234 567 F",
        "-9223372036854775808,-9 223 372 036 854 775 808 F",
        "9223372036854775807,9 223 372 036 854 775 807 F"
    })
    void groupsDigitsByThreesWithSpaces(long amount, String shown) {
        assertThat(Francs.of(amount)).isEqualTo(shown);
        assertThat(Francs.grouped(amount)).isEqualTo(shown.substring(0, shown.length() - 2));
    }

    @ParameterizedTest
    @CsvSource({"0,rows", "1,row", "2,rows", "-1,rows"})
    void oneIsSingular(long count, String noun) {
        assertThat(Counted.noun(count, "row")).isEqualTo(noun);
        assertThat(Counted.of(count, "row")).isEqualTo(count + " " + noun);
    }
}
