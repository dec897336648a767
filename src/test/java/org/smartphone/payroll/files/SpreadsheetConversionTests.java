package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet converted before saving, recognised to advise formatting the column as Text. */
class SpreadsheetConversionTests {

    private static final String DATE =
            " A spreadsheet turned this cell into a date: format the column as Text before" + " saving.";
    private static final String SCIENTIFIC = " A spreadsheet wrote this number in scientific notation, which can lose"
            + " digits: enter the values again and format the column as Text before saving.";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01/01/2026",
                "1/1/2026",
                "1/1/26",
                "31.01.2026",
                "01-01-2026",
                "2026-01-01",
                "2026-01-01 00:00:00",
                "2026/1/1",
                "01/2026",
                "janv.-26",
                "Jan-26",
                "janv-26",
                "janvier 2026",
                "févr.-26",
                "1-janv.-2026",
                "26-Jan",
                "déc.-25"
            })
    void aPeriodWrittenAsADateIsToldToBeFormattedAsText(String value) {
        assertThat(SpreadsheetConversion.dateHint(value)).isEqualTo(DATE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-1",
                "2026/01",
                "202601",
                "26-01",
                "janvier",
                "2026-13",
                "abc",
                "2026-01-x",
                "12345",
                "99999",
                "Janv 2026 paie"
            })
    void aPeriodWrittenOtherwiseWrongGetsNoAdvice(String value) {
        assertThat(SpreadsheetConversion.dateHint(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"46023:2026-01-01", "46054:2026-02-01", "36526:2000-01-01", "73050:2099-12-31"})
    void aDateSerialNumberIsReadBackAsTheDateItStoresInTheAdvice(String serialAndDate) {
        String serial = serialAndDate.substring(0, 5);
        String date = serialAndDate.substring(6);

        assertThat(SpreadsheetConversion.dateHint(serial))
                .isEqualTo(" " + serial + " is how a spreadsheet stores the" + " date " + date
                        + ": format the column as Text before saving.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,58675E+14", "3.58675E+14", "3.58675e+14", "1E+5", "4,5E+04", "-1.2E+3", "358675E14"})
    void aNumberInScientificNotationIsToldToBeFormattedAsText(String value) {
        assertThat(SpreadsheetConversion.numberHint(value)).isEqualTo(SCIENTIFIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAT-104233", "SP-2026-0001", "45 000,00", "1 234,56", "E+14", "3,5E", "MATE+1", "abc", ""})
    void anyOtherInvalidValueGetsNoAdvice(String value) {
        assertThat(SpreadsheetConversion.numberHint(value)).isEmpty();
    }
}
