package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.body;
import static org.smartphone.payroll.support.InputFiles.errorRows;
import static org.smartphone.payroll.support.InputFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.LedgerSnapshot;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * SPEC 5 "No silent misreading", through the real command line on H2 and PostgreSQL: a record with
 * more cells than the header is an invalid line (an unquoted {@code 10,000} is never read as 10 F),
 * one with fewer has the missing cells empty; a file none of whose data lines is valid is refused
 * whatever {@code --max-rejects} says; a file with no data row is never refused as a repeat.
 */
@DisplayName("no silent misreading")
class NoSilentMisreadingTests {

    static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status,full_name,ministry_code";
    static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";

    /** 120 000 over 12 months: 10 000 F due each month from 2026-01. */
    static final String[] CONTRACTS = {
        "L-1,M-1,Name One,,,,120000,,12,2026-01",
        "L-2,M-2,Name Two,,,,120000,,12,2026-01",
        "L-3,M-3,Name Three,,,,120000,,12,2026-01"
    };

    /** Every holder ACTIVE with a net pay of 300 000 (capacity 100 000): each contract ordered 10 000. */
    static final String[] REGISTER_2026_01 = {
        "2026-01,M-1,300000,ACTIVE,,", "2026-01,M-2,300000,ACTIVE,,", "2026-01,M-3,300000,ACTIVE,,"
    };

    static final String GROUPED_AMOUNT = "This line has 5 values but the header has 4 columns: a comma inside a value"
            + " that is not between quotes, as in 10,000, splits it in two and shifts the values after it; write"
            + " amounts without the comma (10000) and put text that holds a comma between quotes.";

    @TempDir
    Path dir;

    private Programme imported(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path file = write(dir.resolve("in"), "contracts.csv", lines(CONTRACTS_HEADER, CONTRACTS));
        assertDone(programme.run("import-contracts", "--file", file.toString()));
        return programme;
    }

    private Programme deducted(TestDatabase database) {
        Programme programme = imported(database);
        Path file = write(dir.resolve("in"), "payroll-2026-01.csv", lines(REGISTER_HEADER, REGISTER_2026_01));
        assertDone(programme.run("deduct", "--period", "2026-01", "--file", file.toString()));
        return programme;
    }

    static String[] lines(String header, String... rows) {
        String[] lines = new String[rows.length + 1];
        lines[0] = header;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return lines;
    }

    static void assertDone(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** Exit 2 with exactly this message on stderr, and nothing changed. */
    static void assertRefused(Programme programme, LedgerSnapshot before, Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).as(result.toString()).contains(message);
        assertThat(LedgerSnapshot.of(programme)).isEqualTo(before);
    }

    private String errorsFile(Programme programme, String name) {
        return programme.rejected().resolve(name + ".errors.csv").toString();
    }

    @Nested
    @DisplayName("a record with more cells than the header")
    class MoreCellsThanTheHeader {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aGroupedAmountInACommaReturnIsAnInvalidLineNeverTenFrancs(TestDatabase database) {
            // given 2026-01 deducted, each contract ordered 10 000; a return whose first line says 10,000
            // unquoted (five cells under a header of four)
            Programme programme = deducted(database);
            Path file = write(
                    dir.resolve("in"),
                    "withheld-2026-01.csv",
                    lines(RETURN_HEADER, "2026-01,L-1,M-1,10,000", "2026-01,L-2,M-2,10000", "2026-01,L-3,M-3,10 000"));
            LedgerSnapshot before = LedgerSnapshot.of(programme);

            // when reconciled with the default max-rejects (0)
            Result refused = programme.run("reconcile", "--period", "2026-01", "--file", file.toString());

            // then the line is invalid, not 10 F withheld: one row for the line, column and value empty
            assertRefused(
                    programme,
                    before,
                    refused,
                    "withheld-2026-01.csv: 1 invalid line(s), more than the 0"
                            + " allowed (max-rejects); nothing was changed. First: line 2: "
                            + GROUPED_AMOUNT.substring(0, GROUPED_AMOUNT.length() - 1) + ". All are listed in "
                            + errorsFile(programme, "withheld-2026-01.csv") + ".");
            assertThat(errorRows(programme, "withheld-2026-01.csv"))
                    .containsExactly(List.of("2", "", "", GROUPED_AMOUNT));
            assertThat(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv"))
                    .doesNotExist();

            // when the invalid line is tolerated, then L-1 is NOT_WITHHELD (0), never SHORT by 9 990;
            // L-3's "10 000" grouped with a space is a valid 10 000
            assertDone(
                    programme.run("reconcile", "--period", "2026-01", "--file", file.toString(), "--max-rejects", "1"));
            assertThat(body(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv")))
                    .containsExactly(
                            List.of("2026-01", "M-1", "L-1", "10000", "0", "-10000", "0", "0", "NOT_WITHHELD"),
                            List.of("2026-01", "M-2", "L-2", "10000", "10000", "0", "10000", "0", "MATCHED"),
                            List.of("2026-01", "M-3", "L-3", "10000", "10000", "0", "10000", "0", "MATCHED"));
            assertThat(programme.number("SELECT collected_xof FROM contract_balance WHERE contract_id = 'L-1'"))
                    .isZero();
        }

        /**
         * A header that ends with a delimiter (a spreadsheet's padding) has a column without a name: 10,000
         * fits the header's five cells, but its 000 lands under no name, so the line is still invalid.
         */
        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aGroupedAmountUnderAHeaderEndingWithADelimiterIsAnInvalidLine(TestDatabase database) {
            Programme programme = deducted(database);
            Path file = write(
                    dir.resolve("in"),
                    "withheld-2026-01.csv",
                    lines(
                            RETURN_HEADER + ",",
                            "2026-01,L-1,M-1,10,000",
                            "2026-01,L-2,M-2,10000,",
                            "2026-01,L-3,M-3,10 000,"));
            LedgerSnapshot before = LedgerSnapshot.of(programme);

            Result refused = programme.run("reconcile", "--period", "2026-01", "--file", file.toString());

            String reason = "This line has 5 values but the header names 4 columns: a comma inside a value that is"
                    + " not between quotes, as in 10,000, splits it in two and shifts the values after it; write"
                    + " amounts without the comma (10000) and put text that holds a comma between quotes.";
            assertRefused(
                    programme,
                    before,
                    refused,
                    "withheld-2026-01.csv: 1 invalid line(s), more than the 0"
                            + " allowed (max-rejects); nothing was changed. First: line 2: "
                            + reason.substring(0, reason.length() - 1) + ". All are listed in "
                            + errorsFile(programme, "withheld-2026-01.csv") + ".");
            assertThat(errorRows(programme, "withheld-2026-01.csv")).containsExactly(List.of("2", "", "", reason));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aSemicolonInANameShiftsTheRegisterValuesAndMakesTheLineInvalid(TestDatabase database) {
            // given a semicolon register whose M-1 line has "Doe; John" unquoted: its ministry code would
            // read " John" and the real one would be dropped
            Programme programme = imported(database);
            Path file = write(
                    dir.resolve("in"),
                    "payroll-2026-01.csv",
                    REGISTER_HEADER.replace(',', ';'),
                    "2026-01;M-1;300000;ACTIVE;Doe; John;MIN-A",
                    "2026-01;M-2;300000;ACTIVE;Two;MIN-B",
                    "2026-01;M-3;300000;ACTIVE;Three;MIN-C");

            // when
            Result result =
                    programme.run("deduct", "--period", "2026-01", "--file", file.toString(), "--max-rejects", "1");

            // then M-1's line is skipped (absent from the payroll: NOT_IN_PAYROLL), never read shifted
            assertDone(result);
            assertThat(errorRows(programme, "payroll-2026-01.csv"))
                    .containsExactly(List.of(
                            "2",
                            "",
                            "",
                            "This line has 7 values but the header has 6 columns: a semicolon inside a value that is not"
                                    + " between quotes splits it in two and shifts the values after it; put text that holds"
                                    + " a semicolon between quotes."));
            assertThat(body(programme.outbox("2026-01").resolve("deduction-exceptions-2026-01.csv")))
                    .containsExactly(
                            List.of("2026-01", "M-1", "L-1", "Name One", "10000", "0", "10000", "NOT_IN_PAYROLL"));
            assertThat(programme.query("SELECT matricule, ministry_code FROM holder_ministry ORDER BY matricule"))
                    .containsExactly(List.of("M-2", "MIN-B"), List.of("M-3", "MIN-C"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aDelimiterAtTheEndOfEveryDataLineIsNamedAndTheWholeFileRefused(TestDatabase database) {
            // given a contracts file whose data lines, not its header, end with a comma (as some exports
            // write them), tolerated up to 5 invalid lines
            Programme programme = new Programme(dir.resolve("home"), database);
            assertDone(programme.run("import-contracts"));
            Path file = write(
                    dir.resolve("in"), "contracts-2026.csv", CONTRACTS_HEADER, CONTRACTS[0] + ",", CONTRACTS[1] + ",,");
            LedgerSnapshot before = LedgerSnapshot.of(programme);

            // when
            Result result = programme.run("import-contracts", "--file", file.toString(), "--max-rejects", "5");

            // then each line says what to remove, and no line being valid, nothing is imported
            String one = "This line has 11 values but the header has 10 columns, and the last one is empty: remove the"
                    + " comma at the end of the line, or, if a value holds a comma, write amounts without the comma"
                    + " (10000) and put text that holds a comma between quotes.";
            String two = "This line has 12 values but the header has 10 columns, and the last 2 are empty: remove the"
                    + " commas at the end of the line, or, if a value holds a comma, write amounts without the comma"
                    + " (10000) and put text that holds a comma between quotes.";
            assertRefused(
                    programme,
                    before,
                    result,
                    "contracts-2026.csv: none of its 2 data lines is valid, and a"
                            + " file with no valid line is refused whatever max-rejects allows; nothing was changed. First:"
                            + " line 2: " + one.substring(0, one.length() - 1) + ". All are listed in "
                            + errorsFile(programme, "contracts-2026.csv") + ".");
            assertThat(errorRows(programme, "contracts-2026.csv"))
                    .containsExactly(List.of("2", "", "", one), List.of("3", "", "", two));
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aRecordOfEmptyCellsBeyondTheHeaderIsIgnoredAndMissingCellsAreEmpty(TestDatabase database) {
            // given a register with a row of empty cells wider than the header (a spreadsheet's), a line
            // without its optional cells, a line that stops before the required employment_status, and
            // a line whose net pay 150,000 shifts "000" into employment_status
            Programme programme = imported(database);
            Path file = write(
                    dir.resolve("in"),
                    "payroll-2026-01.csv",
                    REGISTER_HEADER,
                    "2026-01,M-1,300000,ACTIVE",
                    ",,,,,,,,,,",
                    "2026-01,M-2,300000",
                    "2026-01,M-3,300000,ACTIVE,Three,MIN-C",
                    "2026-01,M-9,150,000,ACTIVE,Nine,MIN-9");

            // when
            Result result =
                    programme.run("deduct", "--period", "2026-01", "--file", file.toString(), "--max-rejects", "2");

            // then the empty row is no line at all, M-1 is read with no name nor ministry, M-2's line is
            // invalid as if its status cell were empty, and M-9's has one row for the line, none for
            // the shifted cells
            assertDone(result);
            assertThat(errorRows(programme, "payroll-2026-01.csv"))
                    .containsExactly(
                            List.of(
                                    "4",
                                    "employment_status",
                                    "",
                                    "The employment_status is required but the cell is empty."),
                            List.of(
                                    "6",
                                    "",
                                    "",
                                    "This line has 7 values but the header has 6 columns: a comma inside a"
                                            + " value that is not between quotes, as in 10,000, splits it in two and shifts the values"
                                            + " after it; write amounts without the comma (10000) and put text that holds a comma"
                                            + " between quotes."));
            assertThat(body(programme.outbox("2026-01").resolve("deductions-2026-01.csv")))
                    .containsExactly(
                            List.of("2026-01", "M-1", "L-1", "Name One", "SMARTPHONE", "10000"),
                            List.of("2026-01", "M-3", "L-3", "Name Three", "SMARTPHONE", "10000"));
            assertThat(programme.query(
                            "SELECT records_read, records_rejected FROM payroll_run WHERE kind = 'DEDUCTION'"))
                    .containsExactly(List.of("4", "2"));
        }
    }

    @Nested
    @DisplayName("a file none of whose data lines is valid")
    class NoValidLine {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aRegisterOfAnotherMonthIsRefusedWhateverMaxRejectsSays(TestDatabase database) {
            // given contracts imported and, in the inbox as payroll-2026-01.csv, the register of 2026-02
            Programme programme = imported(database);
            Path february = write(
                    dir.resolve("in"),
                    "february.csv",
                    REGISTER_HEADER,
                    "2026-02,M-1,300000,ACTIVE,,",
                    "2026-02,M-2,300000,ACTIVE,,",
                    "2026-02,M-3,300000,ACTIVE,,");
            programme.drop(february, "payroll-2026-01.csv");
            LedgerSnapshot before = LedgerSnapshot.of(programme);

            // when run with room for a thousand invalid lines
            Result result = programme.run("deduct", "--period", "2026-01", "--max-rejects", "1000");

            // then the month is not closed with every contract NOT_IN_PAYROLL: exit 2, nothing changed
            assertRefused(
                    programme,
                    before,
                    result,
                    "payroll-2026-01.csv: none of its 3 data lines is valid, and a"
                            + " file with no valid line is refused whatever max-rejects allows; nothing was changed. First:"
                            + " line 2, column period, value '2026-02': ");
            assertThat(errorRows(programme, "payroll-2026-01.csv"))
                    .extracting(row -> row.subList(0, 3))
                    .containsExactly(
                            List.of("2", "period", "2026-02"),
                            List.of("3", "period", "2026-02"),
                            List.of("4", "period", "2026-02"));
            assertThat(programme.inbox().resolve("payroll-2026-01.csv")).exists();
            assertThat(programme.outbox("2026-01")).doesNotExist();

            // and the right register is then accepted: nothing was held against the month
            programme.drop(
                    write(dir.resolve("in"), "january.csv", lines(REGISTER_HEADER, REGISTER_2026_01)),
                    "payroll-2026-01.csv");
            assertDone(programme.run("deduct", "--period", "2026-01"));
            assertThat(body(programme.outbox("2026-01").resolve("deductions-2026-01.csv")))
                    .hasSize(3);
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aReturnWhoseOnlyLineIsInvalidIsRefused(TestDatabase database) {
            // given
            Programme programme = deducted(database);
            Path file = write(dir.resolve("in"), "withheld-2026-01.csv", RETURN_HEADER, "2026-01,L-1,M-1,10,000");
            LedgerSnapshot before = LedgerSnapshot.of(programme);

            // when
            Result result =
                    programme.run("reconcile", "--period", "2026-01", "--file", file.toString(), "--max-rejects", "5");

            // then
            assertRefused(
                    programme,
                    before,
                    result,
                    "withheld-2026-01.csv: its only data line is invalid, and a"
                            + " file with no valid line is refused whatever max-rejects allows; nothing was changed. First:"
                            + " line 2: This line has 5 values but the header has 4 columns: ");
            assertThat(errorRows(programme, "withheld-2026-01.csv"))
                    .containsExactly(List.of("2", "", "", GROUPED_AMOUNT));
            assertThat(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv"))
                    .doesNotExist();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void linesThatAreValidButChangeNothingAreValidLines(TestDatabase database) {
            // given contracts imported and 2026-01 deducted
            Programme programme = deducted(database);

            // when a contracts file repeats an imported contract as it is, beside an invalid line
            Path contracts = write(
                    dir.resolve("in"),
                    "contracts-again.csv",
                    CONTRACTS_HEADER,
                    CONTRACTS[0],
                    "L-9,M-9,Name Nine,,,,abc,,12,2026-02");
            Result imported = programme.run("import-contracts", "--file", contracts.toString(), "--max-rejects", "1");

            // then the repeat is a valid line (ignored), so the file is not refused
            assertDone(imported);
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(3);

            // when a return's only other line has 0 withheld for a contract never instructed
            Path ret = write(
                    dir.resolve("in"),
                    "withheld-2026-01.csv",
                    RETURN_HEADER,
                    "2026-01,X-1,M-9,0",
                    "2026-01,L-1,M-1,ten");
            Result reconciled =
                    programme.run("reconcile", "--period", "2026-01", "--file", ret.toString(), "--max-rejects", "1");

            // then that line is valid (and ignored): the month is reconciled with nothing withheld
            assertDone(reconciled);
            assertThat(body(programme.outbox("2026-01").resolve("reconciliation-2026-01.csv")))
                    .extracting(row -> row.get(8))
                    .containsExactly("NOT_WITHHELD", "NOT_WITHHELD", "NOT_WITHHELD");

            // when a register's only other line is of a person with no contract
            Path register = write(
                    dir.resolve("in"),
                    "payroll-2026-02.csv",
                    REGISTER_HEADER,
                    "2026-02,NOBODY-1,300000,ACTIVE,,",
                    "2026-02,M-1,300000,HOLIDAY,,");
            Result deducted =
                    programme.run("deduct", "--period", "2026-02", "--file", register.toString(), "--max-rejects", "1");

            // then that line is valid: every contract is NOT_IN_PAYROLL, by the rule, not by a misread file
            assertDone(deducted);
            assertThat(body(programme.outbox("2026-02").resolve("deduction-exceptions-2026-02.csv")))
                    .extracting(row -> row.get(7))
                    .containsExactly("NOT_IN_PAYROLL", "NOT_IN_PAYROLL", "NOT_IN_PAYROLL");
        }
    }

    @Nested
    @DisplayName("a file with no data row")
    class NoDataRow {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSameHeaderOnlyReturnReconcilesThreeMonthsFromTheInboxAndByName(TestDatabase database) {
            // given 2026-01 deducted and a header-only return: the same bytes every month
            Programme programme = deducted(database);
            Path empty = write(dir.resolve("in"), "empty-return.csv", RETURN_HEADER);

            // when 2026-01 and 2026-02 take it from the inbox and 2026-03 by name
            programme.drop(empty, "withheld-2026-01.csv");
            Result january = programme.run("reconcile", "--period", "2026-01");
            deduct(programme, "2026-02");
            programme.drop(empty, "withheld-2026-02.csv");
            Result february = programme.run("reconcile", "--period", "2026-02");
            deduct(programme, "2026-03");
            Result march = programme.run("reconcile", "--period", "2026-03", "--file", empty.toString());

            // then none is refused as already processed, and the inbox files are archived
            assertDone(january);
            assertDone(february);
            assertDone(march);
            assertThat(programme.archive().resolve("2026-01/withheld-2026-01.csv"))
                    .exists();
            assertThat(programme.archive().resolve("2026-02/withheld-2026-02.csv"))
                    .exists();
            assertThat(programme.query(
                            "SELECT period, state FROM payroll_run WHERE kind = 'RECONCILIATION'" + " ORDER BY period"))
                    .containsExactly(
                            List.of("2026-01", "COMPLETED"),
                            List.of("2026-02", "COMPLETED"),
                            List.of("2026-03", "COMPLETED"));
            assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();

            // and the same month again is refused by state, as any completed reconciliation
            programme.drop(empty, "withheld-2026-03.csv");
            Result again = programme.run("reconcile", "--period", "2026-03");
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(3);
            assertThat(programme.inbox().resolve("withheld-2026-03.csv")).exists();
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void theSameHeaderOnlyContractsFileIsImportedAgainAndAgain(TestDatabase database) {
            // given a header-only contracts file
            Programme programme = new Programme(dir.resolve("home"), database);
            Path empty = write(dir.resolve("in"), "contracts-none.csv", CONTRACTS_HEADER);

            // when imported from the inbox, then by name, then from the inbox again
            programme.drop(empty, "contracts-none.csv");
            Result first = programme.run("import-contracts");
            Result second = programme.run("import-contracts", "--file", empty.toString());
            programme.drop(empty, "contracts-none.csv");
            Result third = programme.run("import-contracts");

            // then each is a completed import of nothing, never refused as a repeat
            assertDone(first);
            assertDone(second);
            assertDone(third);
            assertThat(programme.query("SELECT state, records_read FROM payroll_run ORDER BY run_id"))
                    .containsExactly(List.of("COMPLETED", "0"), List.of("COMPLETED", "0"), List.of("COMPLETED", "0"));
            assertThat(programme.inbox().resolve("contracts-none.csv")).doesNotExist();
            assertThat(programme.archive().resolve("contracts/contracts-none.csv"))
                    .exists();
            assertThat(programme.number("SELECT COUNT(*) FROM processed_file")).isZero();
        }

        private void deduct(Programme programme, String period) {
            Path file = write(
                    dir.resolve("in"),
                    "payroll-" + period + ".csv",
                    REGISTER_HEADER,
                    period + ",M-1,300000,ACTIVE,,",
                    period + ",M-2,300000,ACTIVE,,",
                    period + ",M-3,300000,ACTIVE,,");
            assertDone(programme.run("deduct", "--period", period, "--file", file.toString()));
        }
    }
}
