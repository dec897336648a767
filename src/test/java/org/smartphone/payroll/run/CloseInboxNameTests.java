package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.period.Period;

/** Inbox names close to an input's, and what a missing input's message and serve say about them. */
class CloseInboxNameTests {

    @TempDir
    Path inbox;

    @ParameterizedTest(name = "{0} is close to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Payroll_2026-01.csv        | payroll-2026-01.csv
            payroll-2026-01.CSV        | payroll-2026-01.csv
            PAYROLL-2026-01.csv        | payroll-2026-01.csv
            payroll 2026-01.csv        | payroll-2026-01.csv
            payroll-2026-1.csv         | payroll-2026-01.csv
            payroll_202601.csv         | payroll-2026-01.csv
            payroll-01-2026.csv        | payroll-2026-01.csv
            payroll janvier.csv        | payroll-2026-01.csv
            Payroll Janvier 2026.csv   | payroll-2026-01.csv
            paie janv 26.csv           | payroll-2026-01.csv
            payroll register 2026-01.csv | payroll-2026-01.csv
            payroll-2026-01 (1).csv    | payroll-2026-01.csv
            payroll-2026-01.csv.csv    | payroll-2026-01.csv
            payroll-2026-01.txt        | payroll-2026-01.csv
            payroll-2026-01            | payroll-2026-01.csv
            payroll.csv                | payroll-2026-01.csv
            withheld_2026-01.csv       | withheld-2026-01.csv
            Withheld-2026-01.CSV       | withheld-2026-01.csv
            retenues janvier 2026.csv  | withheld-2026-01.csv
            Contracts.csv              | contracts.csv
            CONTRACTS-2026.CSV         | contracts.csv
            contrats.csv               | contracts.csv
            """)
    void aNameCloseToAnInputsIsNamedWithTheNameToGiveIt(String found, String expected) throws IOException {
        Files.createFile(inbox.resolve(found));

        String clause = CloseInboxName.beside(inbox.resolve(expected), "the inbox");

        assertThat(clause)
                .isEqualTo("; the inbox holds " + found + ", which is close: rename it "
                        + (expected.equals("contracts.csv") ? suggestedContracts(found) : expected));
    }

    @ParameterizedTest(name = "{0} is not close to payroll-2026-01.csv")
    @ValueSource(
            strings = {
                "payroll-2026-02.csv",
                "payroll_2026-02.csv",
                "payroll février.csv",
                "payroll-2025-01.csv",
                "withheld_2026-01.csv",
                "contracts.csv",
                "payroll-old.csv",
                "payroll-2026-01.pdf",
                "payroll-2026-01.csv.part",
                "payroll-2026-01.csv.errors.csv",
                ".payroll-2026-01.csv",
                "~$payroll-2026-01.xlsx",
                "registre.csv",
                "my payroll-2026-01.csv"
            })
    void aNameForAnotherMonthOrInputOrNotAnInputIsNotOffered(String found) throws IOException {
        Files.createFile(inbox.resolve(found));

        assertThat(CloseInboxName.beside(inbox.resolve("payroll-2026-01.csv"), "the inbox"))
                .isEmpty();
    }

    @Test
    void aSpreadsheetIsToBeSavedAsCsvAndSeveralCloseNamesAreListedInNameOrder() throws IOException {
        for (String name : new String[] {"payroll janvier.csv", "Payroll_2026-01.csv", "payroll-2026-01.xlsx"}) {
            Files.createFile(inbox.resolve(name));
        }

        String clause = CloseInboxName.beside(inbox.resolve("payroll-2026-01.csv"), "the inbox");

        assertThat(clause)
                .isEqualTo("; the inbox holds Payroll_2026-01.csv and payroll janvier.csv, which are close:"
                        + " rename the right one payroll-2026-01.csv; the inbox also holds payroll-2026-01.xlsx, a spreadsheet:"
                        + " save it as CSV named payroll-2026-01.csv");
    }

    @Test
    void aNameThatIsNoInputsIsOfferedOnlyInAnotherCase() throws IOException {
        Files.createFile(inbox.resolve("Registre-Janvier.CSV"));
        Files.createFile(inbox.resolve("registre-fevrier.csv"));

        assertThat(CloseInboxName.beside(inbox.resolve("registre-janvier.csv"), "its folder"))
                .isEqualTo("; its folder holds Registre-Janvier.CSV, which is close: rename it registre-janvier.csv");
    }

    @ParameterizedTest(name = "serve on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Payroll_2026-01.csv  | rename it payroll-2026-01.csv.
            payroll janvier.csv  | rename it payroll-YYYY-MM.csv, with the year and month it is for.
            withheld_2026-02.csv | rename it withheld-2026-02.csv.
            payroll-2026-01.xlsx | save it as CSV named payroll-2026-01.csv.
            Contracts.csv        | rename it contracts.csv.
            Contrats 2026.xlsx   | save it as CSV named contracts 2026.csv.
            """)
    void serveSaysWhatNameItWouldTake(String name, String advice) {
        assertThat(CloseInboxName.unrecognised(name))
                .isEqualTo(name + " in the inbox is not recognised, so serve does not run it: " + advice);
    }

    @Test
    void serveNamesItsRuleForAFileCloseToNoInput() {
        assertThat(CloseInboxName.unrecognised("notes\u202Etxt.csv"))
                .isEqualTo("notes\\u202etxt.csv in the inbox is"
                        + " not recognised, so serve does not run it: serve takes " + InboxName.RULE + ".");
    }

    @Test
    void theMonthOfANameIsReadWithOrWithoutItsYear() {
        assertThat(CloseInboxName.of("paie-fevrier-2026.csv"))
                .get()
                .satisfies(close -> assertThat(close.period()).isEqualTo(new Period(2026, 2)))
                .satisfies(close -> assertThat(close.kind()).isEqualTo(RunKind.DEDUCTION));
        assertThat(CloseInboxName.of("payroll août.csv"))
                .get()
                .satisfies(close -> assertThat(close.period()).isNull())
                .satisfies(close -> assertThat(close.month()).isEqualTo(8));
    }

    private static String suggestedContracts(String found) {
        return found.equals("CONTRACTS-2026.CSV") ? "contracts-2026.csv" : "contracts.csv";
    }
}
