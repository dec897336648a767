package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.LedgerSnapshot;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The mistakes of a payroll office working with spreadsheets, answered in its own words through the
 * real command line (issue 13, "help in their words"; SPEC 5 and 6): a header in French or with other
 * separators, a tab-separated file, an empty file, cells a spreadsheet turned into dates or scientific
 * notation, an inbox file named nearly right. Each is refused with exit 2 and one sentence that says
 * what to do, pinned word for word, and changes nothing: the ledger, the outbox and the archive are
 * as before, the file stays where it was.
 *
 * <p>Programmes are shared per database ("ready to deduct": the sample contracts imported; "ready to
 * reconcile": 2026-01 deducted too), since a refusal changes nothing, which each test checks.
 */
class HelpInTheirWordsTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final String REGISTER_HEADER = "period,matricule,net_pay_xof,employment_status";
    private static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,price_xof,first_period,imei";
    private static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";

    @TempDir
    static Path shared;

    private static final Map<String, Programme> PROGRAMMES = new HashMap<>();

    @TempDir
    Path dir;

    @Nested
    class AHeaderLackingColumns {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void ofARegisterListsTheColumnsFoundAndTheFrenchNamesToRename(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "payroll-2026-01.csv",
                    "periode,Matricule,salaire_net,statut",
                    "2026-01,MAT-104233,350000,ACTIVE");

            Programme.Result result = refused(readyToDeduct(database), file, "deduct", "--period", "2026-01");

            String reason = "The header row lacks period, net_pay_xof, employment_status; found: periode, Matricule,"
                    + " salaire_net, statut; rename periode to period, salaire_net to net_pay_xof, statut to"
                    + " employment_status.";
            assertThat(result.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1, column period: " + reason.substring(0, reason.length() - 1)
                            + "; nothing was changed.");
            assertThat(errorRows(readyToDeduct(database), file)).containsExactly(List.of("1", "period", "", reason));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void ofAContractsFileNamesEveryRenameOptionalColumnsIncluded(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "contracts-new.csv",
                    "Contrat;matricule;Nom et prénom;Prix (FCFA);"
                            + "Apport;Durée;Première période;Ministère;Modèle;IMEI",
                    "SP-9;MAT-9;Ama;120 000;0;12;2026-02;MEF;A15;");

            Programme.Result result = refused(readyToDeduct(database), file, "import-contracts");

            String reason = "The header row lacks contract_id, full_name, price_xof, first_period; found: Contrat,"
                    + " matricule, Nom et prénom, Prix (FCFA), Apport, Durée, Première période, Ministère, Modèle,"
                    + " IMEI; rename Contrat to contract_id, Nom et prénom to full_name, Prix (FCFA) to price_xof, Apport to"
                    + " down_payment_xof, Durée to term_months, Première période to first_period, Ministère to"
                    + " ministry_code, Modèle to device_model.";
            assertThat(result.stderr().lines())
                    .contains("contracts-new.csv: line 1, column contract_id: "
                            + reason.substring(0, reason.length() - 1) + "; nothing was changed.");
            assertThat(errorRows(readyToDeduct(database), file))
                    .containsExactly(List.of("1", "contract_id", "", reason));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void ofAReturnSuggestsAccentsSeparatorsAndCurrencyAway(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "withheld-2026-01.csv",
                    "Période;N° contrat;matricule;Montant retenu (XOF)",
                    "2026-01;SP-2026-0001;MAT-104233;15 000");

            Programme.Result result = refused(readyToReconcile(database), file, "reconcile", "--period", "2026-01");

            String reason = "The header row lacks period, contract_id, amount_withheld_xof; found: Période, N° contrat,"
                    + " matricule, Montant retenu (XOF); rename Période to period, N° contrat to contract_id,"
                    + " Montant retenu (XOF) to amount_withheld_xof.";
            assertThat(result.stderr().lines())
                    .contains("withheld-2026-01.csv: line 1, column period: " + reason.substring(0, reason.length() - 1)
                            + "; nothing was changed.");
            assertThat(errorRows(readyToReconcile(database), file)).containsExactly(List.of("1", "period", "", reason));
        }

        /**
         * A contracts file with every required column and the term and down payment under French names:
         * read as SPEC 5 reads unknown columns, every contract would get 12 months and no down payment
         * without a word, and a contract is never edited once imported. Refused, naming the renames; a
         * column that means nothing to the engine is still ignored.
         */
        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void ofAContractsFileWithTheTermUnderAnotherNameIsRefusedNotReadWithTheDefault(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "contracts-terms.csv",
                    "contract_id,matricule,full_name,price_xof,first_period,Durée,apport,notes",
                    "SP-9,MAT-9,Ama,120000,2026-02,24,20000,paid at the counter");

            Programme.Result result = refused(readyToDeduct(database), file, "import-contracts");

            String reason = "The header row has Durée, apport, which the engine does not read: every line would take"
                    + " the default term_months and down_payment_xof without a word; rename Durée to term_months,"
                    + " apport to down_payment_xof, or remove the column if the defaults are meant.";
            assertThat(result.stderr().lines())
                    .contains("contracts-terms.csv: line 1, column term_months: "
                            + reason.substring(0, reason.length() - 1) + "; nothing was changed.");
            assertThat(errorRows(readyToDeduct(database), file))
                    .containsExactly(List.of("1", "term_months", "", reason));

            Path renamed = InputFiles.write(
                    dir,
                    "contracts-renamed.csv",
                    "contract_id,matricule,full_name,price_xof,first_period,term_months,down_payment_xof,notes",
                    "SP-9,MAT-9,Ama,120000,2026-02,24,20000,paid at the counter");
            Programme programme = new Programme(dir.resolve("renamed"), database);
            Programme.Result imported = programme.run("import-contracts", "--file", renamed.toString());
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            // 120 000 - 20 000 over 24 months: 4 166 a month, the last 4 182 (100 000 - 23 x 4 166)
            assertThat(programme.query("SELECT term_months, down_payment_xof, base_installment_xof FROM contract"
                            + " WHERE contract_id = 'SP-9'"))
                    .containsExactly(List.of("24", "20000", "4166"));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withNothingCloseNamesTheRequiredColumns(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "payroll-2026-01.csv",
                    "period,matricule,pay,employment_status",
                    "2026-01,MAT-104233,350000,ACTIVE");

            Programme.Result result = refused(readyToDeduct(database), file, "deduct", "--period", "2026-01");

            assertThat(result.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1, column net_pay_xof: The header"
                            + " row lacks net_pay_xof; found: period, matricule, pay, employment_status; the required columns"
                            + " are period, matricule, net_pay_xof, employment_status; nothing was changed.");
        }
    }

    @Nested
    class AFileWithoutAHeader {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void tabSeparatedIsNamedAsSuchForEveryInput(TestDatabase database) {
            Path register = InputFiles.write(
                    dir,
                    "payroll-2026-01.csv",
                    REGISTER_HEADER.replace(',', '\t'),
                    "2026-01\tMAT-104233\t350000\tACTIVE");
            Path contracts = InputFiles.write(dir, "contracts-tab.csv", CONTRACTS_HEADER.replace(',', '\t'));
            Path returned = InputFiles.write(dir, "withheld-2026-01.csv", RETURN_HEADER.replace(',', '\t'));

            Programme.Result deduct = refused(readyToDeduct(database), register, "deduct", "--period", "2026-01");
            Programme.Result imported = refused(readyToDeduct(database), contracts, "import-contracts");
            Programme.Result reconcile =
                    refused(readyToReconcile(database), returned, "reconcile", "--period", "2026-01");

            String reason = "The file is tab-separated; save it as CSV with , or ; between values";
            assertThat(deduct.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1: " + reason + "; nothing was changed.");
            assertThat(imported.stderr().lines())
                    .contains("contracts-tab.csv: line 1: " + reason + "; nothing was changed.");
            assertThat(reconcile.stderr().lines())
                    .contains("withheld-2026-01.csv: line 1: " + reason + "; nothing was changed.");
            assertThat(errorRows(readyToDeduct(database), register))
                    .containsExactly(List.of("1", "", "", reason + "."));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void separatedByABarIsNamedAsSuch(TestDatabase database) {
            Path register = InputFiles.write(
                    dir, "payroll-2026-01.csv", REGISTER_HEADER.replace(',', '|'), "2026-01|MAT-104233|350000|ACTIVE");

            Programme.Result deduct = refused(readyToDeduct(database), register, "deduct", "--period", "2026-01");

            assertThat(deduct.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1: The file has | between values;"
                            + " save it as CSV with , or ; between values; nothing was changed.");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void anEmptyFileSaysItIsEmptyForEveryInput(TestDatabase database) throws IOException {
            Path register = Files.write(dir.resolve("payroll-2026-01.csv"), new byte[0]);
            Path contracts = Files.write(dir.resolve("contracts-empty.csv"), new byte[0]);
            Path returned = Files.write(dir.resolve("withheld-2026-01.csv"), new byte[0]);

            Programme.Result deduct = refused(readyToDeduct(database), register, "deduct", "--period", "2026-01");
            Programme.Result imported = refused(readyToDeduct(database), contracts, "import-contracts");
            Programme.Result reconcile =
                    refused(readyToReconcile(database), returned, "reconcile", "--period", "2026-01");

            assertThat(deduct.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1: The file is empty (0 bytes):"
                            + " save or export it again, with a header row naming the columns, for example"
                            + " period,matricule,net_pay_xof,employment_status; nothing was changed.");
            assertThat(imported.stderr().lines())
                    .contains("contracts-empty.csv: line 1: The file is empty (0 bytes):"
                            + " save or export it again, with a header row naming the columns, for example"
                            + " contract_id,matricule,full_name,price_xof,first_period; nothing was changed.");
            assertThat(reconcile.stderr().lines())
                    .contains("withheld-2026-01.csv: line 1: The file is empty (0 bytes):"
                            + " save or export it again, with a header row naming the columns, for example"
                            + " period,contract_id,matricule,amount_withheld_xof; nothing was changed.");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void onlyAByteOrderMarkOrOnlyBlankLinesSayThereIsNoHeader(TestDatabase database) throws IOException {
            Path bom =
                    Files.write(dir.resolve("payroll-2026-01.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Path blank = Files.writeString(dir.resolve("contracts-blank.csv"), "\r\n  \r\n,,\r\n", UTF_8);
            Path late = Files.writeString(dir.resolve("withheld-2026-01.csv"), "\n" + RETURN_HEADER + "\n", UTF_8);

            Programme.Result deduct = refused(readyToDeduct(database), bom, "deduct", "--period", "2026-01");
            Programme.Result imported = refused(readyToDeduct(database), blank, "import-contracts");
            Programme.Result reconcile = refused(readyToReconcile(database), late, "reconcile", "--period", "2026-01");

            assertThat(deduct.stderr().lines())
                    .contains("payroll-2026-01.csv: line 1: The file holds only a byte order"
                            + " mark, no header row: its first line must name the columns, for example"
                            + " period,matricule,net_pay_xof,employment_status; nothing was changed.");
            assertThat(imported.stderr().lines())
                    .contains("contracts-blank.csv: line 1: The file holds only blank"
                            + " lines, no header row: its first line must name the columns, for example"
                            + " contract_id,matricule,full_name,price_xof,first_period; nothing was changed.");
            assertThat(reconcile.stderr().lines())
                    .contains("withheld-2026-01.csv: line 1: The first line of the"
                            + " file is blank, so it has no header row: its first line must name the columns, for example"
                            + " period,contract_id,matricule,amount_withheld_xof; nothing was changed.");
        }
    }

    @Nested
    class CellsASpreadsheetConverted {

        private static final String DATE =
                " A spreadsheet turned this cell into a date: format the column as Text" + " before saving.";
        private static final String SCIENTIFIC = " A spreadsheet wrote this number in scientific notation, which can"
                + " lose digits: enter the values again and format the column as Text before saving.";
        private static final String PERIOD =
                "A period is written YYYY-MM with a month from 01 to 12, for example" + " 2026-01; ";

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void periodsTurnedIntoDatesAndNumbersInScientificNotationInARegister(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "payroll-2026-01.csv",
                    REGISTER_HEADER,
                    "01/01/2026,MAT-104233,350000,ACTIVE",
                    "1/1/2026,MAT-104234,350000,ACTIVE",
                    "janv.-26,MAT-104235,350000,ACTIVE",
                    "2026-01-01,MAT-104236,350000,ACTIVE",
                    "46023,MAT-104237,350000,ACTIVE",
                    "2026-01,3.58675E+14,350000,ACTIVE",
                    "2026-01,MAT-104238,\"3,5E+5\",ACTIVE",
                    "2026-1,MAT-104239,350000,ACTIVE");

            Programme.Result result = refused(readyToDeduct(database), file, "deduct", "--period", "2026-01");

            assertThat(errorRows(readyToDeduct(database), file))
                    .containsExactly(
                            List.of("2", "period", "01/01/2026", PERIOD + "01/01/2026 is not accepted." + DATE),
                            List.of("3", "period", "1/1/2026", PERIOD + "1/1/2026 is not accepted." + DATE),
                            List.of("4", "period", "janv.-26", PERIOD + "janv.-26 is not accepted." + DATE),
                            List.of("5", "period", "2026-01-01", PERIOD + "2026-01-01 is not accepted." + DATE),
                            List.of(
                                    "6",
                                    "period",
                                    "46023",
                                    PERIOD + "46023 is not accepted. 46023 is how a spreadsheet stores"
                                            + " the date 2026-01-01: format the column as Text before saving."),
                            List.of(
                                    "7",
                                    "matricule",
                                    "3.58675E+14",
                                    "A matricule contains only letters A to Z, digits and the"
                                            + " characters - / . _; 3.58675E+14 contains '+'." + SCIENTIFIC),
                            List.of(
                                    "8",
                                    "net_pay_xof",
                                    "3,5E+5",
                                    "An amount is written with digits only, optionally grouped by"
                                            + " threes with spaces and followed by ,00 or .00 (for example 45 000 or 45000,00); 3,5E+5"
                                            + " is not accepted." + SCIENTIFIC),
                            List.of("9", "period", "2026-1", PERIOD + "2026-1 is not accepted."));
            assertThat(result.stderr())
                    .contains("First: line 2, column period, value '01/01/2026': " + PERIOD
                            + "01/01/2026 is not accepted. A spreadsheet turned this cell into a date: format the column as"
                            + " Text before saving. All are listed in ");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void anImeiMatriculeAndFirstPeriodOfAContractsFile(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "contracts-excel.csv",
                    CONTRACTS_HEADER,
                    "SP-9001,MAT-9001,Ama Kpodar,120000,2026-02,\"3,58675E+14\"",
                    "SP-9002,3.58675E+14,Kofi Mensah,120000,2026-02,",
                    "SP-9003,MAT-9003,Afi Dzidzo,120000,01/02/2026,");

            refused(readyToDeduct(database), file, "import-contracts");

            assertThat(errorRows(readyToDeduct(database), file))
                    .containsExactly(
                            List.of(
                                    "2",
                                    "imei",
                                    "3,58675E+14",
                                    "An IMEI must be 15 digits with a valid check digit (Luhn)." + SCIENTIFIC),
                            List.of(
                                    "3",
                                    "matricule",
                                    "3.58675E+14",
                                    "A matricule contains only letters A to Z, digits and the"
                                            + " characters - / . _; 3.58675E+14 contains '+'." + SCIENTIFIC),
                            List.of("4", "first_period", "01/02/2026", PERIOD + "01/02/2026 is not accepted." + DATE));
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void anAmountAndAContractIdOfAReturn(TestDatabase database) {
            Path file = InputFiles.write(
                    dir,
                    "withheld-2026-01.csv",
                    RETURN_HEADER,
                    "2026-01,SP-2026-0001,MAT-104233,1.5E+4",
                    "2026-01,3.5E+14,MAT-104233,15000");

            refused(readyToReconcile(database), file, "reconcile", "--period", "2026-01");

            assertThat(errorRows(readyToReconcile(database), file))
                    .containsExactly(
                            List.of(
                                    "2",
                                    "amount_withheld_xof",
                                    "1.5E+4",
                                    "An amount is written with digits only, optionally"
                                            + " grouped by threes with spaces and followed by ,00 or .00 (for example 45 000 or"
                                            + " 45000,00); 1.5E+4 is not accepted." + SCIENTIFIC),
                            List.of(
                                    "3",
                                    "contract_id",
                                    "3.5E+14",
                                    "A contract_id contains only letters A to Z, digits and the"
                                            + " characters - / . _; 3.5E+14 contains '+'." + SCIENTIFIC));
        }
    }

    @Nested
    class AnInboxFileNamedNearlyRight {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void isNamedWhenTheRegisterIsMissingAndStaysInTheInbox(TestDatabase database) {
            Programme programme = readyToDeduct(database);
            Path dropped = programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "Payroll_2026-01.csv");
            try {
                Programme.Result result = refused(programme, null, "deduct", "--period", "2026-01");

                assertThat(result.stderr().lines())
                        .contains(programme.inbox().resolve("payroll-2026-01.csv")
                                + ": no such file; the inbox holds Payroll_2026-01.csv, which is close: rename it"
                                + " payroll-2026-01.csv.");
                assertThat(dropped).exists();
                assertThat(programme.rejected().resolve("Payroll_2026-01.csv.errors.csv"))
                        .doesNotExist();
            } finally {
                delete(dropped);
            }
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void areAllNamedWhenTheReturnIsMissingASpreadsheetToBeSavedAsCsv(TestDatabase database) {
            Programme programme = readyToReconcile(database);
            List<Path> dropped = List.of(
                    programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld_2026-01.csv"),
                    programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld-2026-1.CSV"),
                    programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld-2026-01.xlsx"),
                    programme.drop(SAMPLES.resolve("withheld-2026-01.csv"), "withheld_2026-02.csv"));
            try {
                Programme.Result result = refused(programme, null, "reconcile", "--period", "2026-01");

                assertThat(result.stderr().lines())
                        .contains(programme.inbox().resolve("withheld-2026-01.csv")
                                + ": no such file; the inbox holds withheld-2026-1.CSV and withheld_2026-01.csv, which are"
                                + " close: rename the right one withheld-2026-01.csv; the inbox also holds"
                                + " withheld-2026-01.xlsx, a spreadsheet: save it as CSV named withheld-2026-01.csv.");
                assertThat(dropped).allSatisfy(file -> assertThat(file).exists());
            } finally {
                dropped.forEach(HelpInTheirWordsTests::delete);
            }
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void isNamedWhenNoContractsFileIsInTheInbox(TestDatabase database) {
            Programme programme = readyToDeduct(database);
            Path dropped = programme.drop(SAMPLES.resolve("contracts.csv"), "Contracts.csv");
            LedgerSnapshot before = LedgerSnapshot.of(programme);
            try {
                Programme.Result result = programme.run("import-contracts");

                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(result.stdout().lines())
                        .contains("No contracts*.csv file in " + programme.inbox()
                                + ": nothing to import; the inbox holds Contracts.csv, which is close: rename it"
                                + " contracts.csv.");
                assertThat(LedgerSnapshot.of(programme)).isEqualTo(before);
                assertThat(dropped).exists();
            } finally {
                delete(dropped);
            }
        }
    }

    /**
     * Runs a command that must be refused, on {@code file} (with {@code --file}) or on the inbox file
     * when null: exit 2, the ledger, outbox and archive as before, the file where it was.
     */
    private static Programme.Result refused(Programme programme, Path file, String... command) {
        LedgerSnapshot before = LedgerSnapshot.of(programme);
        String[] args = command;
        if (file != null) {
            args = Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--file";
            args[command.length + 1] = file.toString();
        }

        Programme.Result result = programme.run(args);

        if (result.exitCode() != 2 || !LedgerSnapshot.of(programme).equals(before)) {
            PROGRAMMES.values().removeIf(p -> p == programme);
        }
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(LedgerSnapshot.of(programme))
                .as("ledger, outbox and archive after exit 2")
                .isEqualTo(before);
        if (file != null) {
            assertThat(file).as("the input stays where it was").exists();
        }
        return result;
    }

    private static List<List<String>> errorRows(Programme programme, Path file) {
        return InputFiles.errorRows(programme, file.getFileName().toString());
    }

    private static synchronized Programme readyToDeduct(TestDatabase database) {
        return PROGRAMMES.computeIfAbsent(database + " ready to deduct", key -> {
            Programme programme = new Programme(shared.resolve(key.replace(' ', '-')), database);
            assertThat(programme
                            .run(
                                    "import-contracts",
                                    "--file",
                                    SAMPLES.resolve("contracts.csv").toString())
                            .exitCode())
                    .isZero();
            return programme;
        });
    }

    private static synchronized Programme readyToReconcile(TestDatabase database) {
        return PROGRAMMES.computeIfAbsent(database + " ready to reconcile", key -> {
            Programme programme = new Programme(shared.resolve(key.replace(' ', '-')), database);
            assertThat(programme
                            .run(
                                    "import-contracts",
                                    "--file",
                                    SAMPLES.resolve("contracts.csv").toString())
                            .exitCode())
                    .isZero();
            assertThat(programme
                            .run(
                                    "deduct",
                                    "--period",
                                    "2026-01",
                                    "--file",
                                    SAMPLES.resolve("payroll-2026-01.csv").toString())
                            .exitCode())
                    .isZero();
            return programme;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
