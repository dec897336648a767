package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.InputMutator;
import org.smartphone.payroll.support.LedgerSnapshot;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Hostile input through the real command line (SPEC 5 "Files", SPEC 6 "Command line"): what a
 * spreadsheet, a careless export or a hostile sender can put in an input file or a file name.
 *
 * <p>Accepted cases run on a fresh programme each. Refused cases share, per database, a programme
 * with the sample contracts imported ("ready to deduct 2026-01") or also 2026-01 deducted ("ready
 * to reconcile 2026-01"): a refusal changes nothing, which each test checks, so the next test
 * finds the same state. A programme that was changed anyway is dropped and built again.
 *
 * <p>Values in the errors file that start with {@code = + - @} may carry the leading {@code '}
 * that keeps a spreadsheet from evaluating them (the engine neutralises the errors file as SPEC 5
 * asks for text copied into outputs); both forms are accepted.
 */
class HostileInputTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat |Exception in thread|^Caused by:|\\.java:\\d+\\)", Pattern.MULTILINE);
    private static final int READABLE_LENGTH = 2000;
    private static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    private static final String REGISTER_HEADER =
            "period,matricule,net_pay_xof,employment_status,full_name," + "ministry_code";
    private static final String RETURN_HEADER = "period,contract_id,matricule,amount_withheld_xof";

    @TempDir
    static Path shared;

    private static final Map<String, Programme> PROGRAMMES = new HashMap<>();
    private static int programmeCount;

    @TempDir
    Path dir;

    // === accepted as SPEC says ================================================================

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndTheFirstColumnIsStillFound() {
        Programme programme = fresh();
        byte[] withBom =
                InputMutator.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sampleBytes("contracts.csv"));
        Path file = write("contracts-bom.csv", withBom);

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertCompleted(result);
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
        assertThat(programme.query("SELECT matricule, full_name FROM contract WHERE contract_id = 'SP-2026-0001'"))
                .containsExactly(List.of("MAT-104233", "Kossi Agbéko"));
        assertThat(programme.rejected().resolve("contracts-bom.csv.errors.csv")).doesNotExist();
    }

    @Test
    void aQuotedLineBreakIsDataWrittenAsASpaceAndLaterLinesKeepTheirPhysicalNumbers() {
        Programme programme = fresh();
        List<String> lines = sampleLines("contracts.csv");
        List<String> edited = new ArrayList<>(lines);
        edited.set(1, lines.get(1).replace("Kossi Agbéko", "\"Kossi\nAgbéko\"")); // record 1: lines 2-3
        edited.set(3, lines.get(3).replace("Infinix Hot 40", "\"Infinix\r\nHot 40\"")); // record 3: lines 5-6
        edited.set(5, lines.get(5).replace(",175000,", ",abc,")); // record 5 (SP-2026-0005): physical line 8
        Path contracts = write("contracts-multiline.csv", String.join("\n", edited) + "\n");

        Programme.Result imported =
                programme.run("import-contracts", "--file", contracts.toString(), "--max-rejects", "1");

        assertCompleted(imported);
        assertThat(errorRows(programme, "contracts-multiline.csv"))
                .extracting(row -> row.subList(0, 3))
                .containsExactly(List.of("8", "price_xof", "abc"));
        assertThat(programme.query("SELECT full_name FROM contract WHERE contract_id = 'SP-2026-0001'"))
                .containsExactly(List.of("Kossi\nAgbéko"));
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(49);

        Programme.Result deducted = programme.run(
                "deduct",
                "--period",
                "2026-01",
                "--file",
                SAMPLES.resolve("payroll-2026-01.csv").toString());

        assertCompleted(deducted);
        Path order = programme.outbox("2026-01").resolve("deductions-2026-01.csv");
        assertThat(ScenarioFiles.outputFormatProblems(order)).isEmpty();
        assertThat(ScenarioFiles.readCsv(order))
                .filteredOn(row -> row.get(2).equals("SP-2026-0001"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(3)).isEqualTo("Kossi Agbéko"));
        assertThat(read(order)).doesNotContain("Kossi\n").doesNotContain("\r");
    }

    @Test
    void aLineStartingWithAHashIsDataNotAComment() {
        Programme programme = fresh();
        List<String> text = new ArrayList<>();
        for (String line : sampleLines("contracts.csv")) {
            List<String> cells = List.of(line.split(",", -1));
            List<String> moved = new ArrayList<>(cells);
            moved.add(0, moved.remove(2)); // full_name first: the data line can start with '#'
            text.add(String.join(",", moved));
        }
        text.set(1, text.get(1).replace("Kossi Agbéko", "#Kossi Agbéko"));
        assertThat(text.get(1)).startsWith("#Kossi Agbéko,SP-2026-0001,");
        Path file = write("contracts-hash.csv", String.join("\n", text) + "\n");

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertCompleted(result);
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
        assertThat(programme.query("SELECT full_name FROM contract WHERE contract_id = 'SP-2026-0001'"))
                .containsExactly(List.of("#Kossi Agbéko"));
    }

    @Test
    void aHeaderOnlyWithholdingReturnMakesEveryOrderLineNotWithheld() {
        Programme programme = fresh();
        assertCompleted(programme.run(
                "import-contracts", "--file", SAMPLES.resolve("contracts.csv").toString()));
        assertCompleted(programme.run(
                "deduct",
                "--period",
                "2026-01",
                "--file",
                SAMPLES.resolve("payroll-2026-01.csv").toString()));
        Path empty = write("withheld-2026-01.csv", RETURN_HEADER + "\n");

        Programme.Result result = programme.run("reconcile", "--period", "2026-01", "--file", empty.toString());

        assertCompleted(result);
        Path out = programme.outbox("2026-01");
        List<List<String>> order = body(out.resolve("deductions-2026-01.csv"));
        List<List<String>> reconciliation = body(out.resolve("reconciliation-2026-01.csv"));
        assertThat(order).hasSize(41);
        List<List<String>> expected = new ArrayList<>();
        for (List<String> line : order) {
            // period, matricule, contract_id, expected, withheld, difference, posted, refund_due, status
            expected.add(List.of(
                    "2026-01",
                    line.get(1),
                    line.get(2),
                    line.get(5),
                    "0",
                    "-" + line.get(5),
                    "0",
                    "0",
                    "NOT_WITHHELD"));
        }
        assertThat(reconciliation).containsExactlyElementsOf(expected);
        assertThat(programme.number("SELECT COUNT(*) FROM posting")).isZero();
        assertThat(programme.number("SELECT COALESCE(SUM(collected_xof), 0) FROM contract_balance"))
                .isZero();
    }

    @Test
    void fileNamesWithSpacesAndAccentsAreReadAndArchived() {
        Programme programme = fresh();
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts été 2026.csv");

        assertCompleted(programme.run("import-contracts"));

        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
        assertThat(programme.archive().resolve("contracts").resolve("contracts été 2026.csv"))
                .exists();
        assertThat(programme.inbox().resolve("contracts été 2026.csv")).doesNotExist();

        Path register = programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll janvier é.csv");
        Programme.Result deducted = programme.run("deduct", "--period", "2026-01", "--file", register.toString());

        assertCompleted(deducted);
        assertThat(body(programme.outbox("2026-01").resolve("deductions-2026-01.csv")))
                .hasSize(41);
        assertThat(programme.archive().resolve("2026-01").resolve("payroll janvier é.csv"))
                .exists();
        assertThat(register).doesNotExist();
        assertThat(read(programme.outbox("2026-01").resolve("deduction-2026-01.manifest.json")))
                .contains("payroll janvier é.csv");
    }

    // === refused: exit 2, the file, line, column and value named, nothing changed ==============

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windows1252BytesFailTheFileWithTheLineOfTheFirstBadByte(TestDatabase database) {
        List<String> lines = sampleLines("payroll-2026-01.csv");
        int badLine = 0;
        char accent = 0;
        for (int i = 0; i < lines.size() && badLine == 0; i++) {
            for (char c : lines.get(i).toCharArray()) {
                if (c > 0x7F) {
                    badLine = i + 1;
                    accent = c;
                    break;
                }
            }
        }
        byte[] cp1252 = InputMutator.reencode(sampleBytes("payroll-2026-01.csv"), Charset.forName("windows-1252"));
        String badByte =
                String.format("%02X", String.valueOf(accent).getBytes(Charset.forName("windows-1252"))[0] & 0xFF);
        Path file = write("payroll-2026-01-cp1252.csv", cp1252);

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        assertThat(badLine).isEqualTo(4);
        assertThat(badByte).isEqualTo("E9");
        refusal.hasSingleRow(badLine, "");
        assertThat(refusal.rows.get(0).get(2)).contains(badByte);
        refusal.stderrNames(badLine, null, null);
        assertThat(refusal.result.stderr()).contains(badByte);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFrenchSpreadsheetExportIsReadButADecimalCommaIsRefusedNeverReadAsAWholeNumber(TestDatabase database) {
        List<String> lines = sampleLines("payroll-2026-01.csv");
        Set<String> holders = holders();
        List<String> french = new ArrayList<>();
        french.add(lines.get(0).replace(',', ';'));
        int decimalLine = 0;
        int negativeLine = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            long pay = Long.parseLong(cells[2]);
            cells[2] = grouped(pay, i % 2 == 0 ? '\u202F' : '\u00A0') + ",00"; // as LibreOffice / Excel (fr) write
            if (decimalLine == 0 && holders.contains(cells[1])) {
                cells[2] = "1 234,56";
                decimalLine = i + 1;
            } else if (negativeLine == 0 && !holders.contains(cells[1])) {
                cells[2] = "-12 500,00"; // only net_pay_xof may be negative
                negativeLine = i + 1;
            }
            french.add(String.join(";", cells));
        }
        Path file = write("payroll-2026-01-fr.csv", String.join("\r\n", french) + "\r\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(new Expected(decimalLine, "net_pay_xof", "1 234,56"));
        refusal.stderrNames(decimalLine, "net_pay_xof", "1 234,56");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnterminatedQuoteAtTheEndOfTheFileFailsTheFileAtTheLineItOpens(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("withheld-2026-01.csv"));
        lines.add("2026-01,SP-2026-0050,\"MAT-138189,1000");
        int quoteLine = lines.size();
        Path file = write("withheld-2026-01-quote.csv", String.join("\n", lines) + "\n");

        Refusal refusal =
                refused(readyToReconcile(database), "reconcile", "--period", "2026-01", "--file", file.toString());

        refusal.hasSingleRow(quoteLine, "");
        refusal.stderrNames(quoteLine, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHeaderOnlyPayrollRegisterIsInvalid(TestDatabase database) {
        Path file = write("payroll-2026-01-empty.csv", REGISTER_HEADER + "\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasSingleRow(1, "");
        refusal.stderrNames(1, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyFileHasNoHeaderAndIsRefused(TestDatabase database) {
        Path file = write("contracts-empty.csv", new byte[0]);

        Refusal refusal = refused(readyToDeduct(database), "import-contracts", "--file", file.toString());

        refusal.hasSingleRow(1, null);
        refusal.stderrNames(1, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMissingRequiredColumnFailsTheWholeFileOnLine1(TestDatabase database) {
        List<String> text = new ArrayList<>();
        for (String line : sampleLines("payroll-2026-01.csv")) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(3); // employment_status
            text.add(String.join(",", cells));
        }
        Path file = write("payroll-2026-01-nostatus.csv", String.join("\n", text) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasSingleRow(1, "employment_status");
        refusal.stderrNames(1, "employment_status", null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRenamedRequiredColumnIsAMissingColumn(TestDatabase database) {
        String text = sample("payroll-2026-01.csv").replaceFirst("net_pay_xof", "net_pay");
        Path file = write("payroll-2026-01-renamed.csv", text);

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasSingleRow(1, "net_pay_xof");
        refusal.stderrNames(1, "net_pay_xof", null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aContractTwiceInAContractsFileMakesBothLinesInvalidAndNothingIsImported(TestDatabase database) {
        List<String> lines = newContracts();
        lines.add(lines.get(2).replace("SP-2026-0902", "sp-2026-0902").replace("Afi Mensah", "Afi Mensah-Ayi"));
        Path file = write("contracts-twice.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "import-contracts", "--file", file.toString());

        refusal.hasRows(
                new Expected(3, "contract_id", "SP-2026-0902"),
                new Expected(lines.size(), "contract_id", "SP-2026-0902"));
        refusal.stderrNames(3, "contract_id", "SP-2026-0902");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aContractHolderTwiceInARegisterMakesBothLinesInvalidButOtherPeopleMayRepeat(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("payroll-2026-01.csv"));
        int holderLine = indexOf(lines, ",MAT-104233,") + 1;
        String nonHolder = lines.stream()
                .skip(1)
                .filter(l -> !holders().contains(l.split(",")[1]))
                .findFirst()
                .orElseThrow();
        lines.add(nonHolder); // duplicates among people without a contract do not matter (SPEC 5)
        lines.add(lines.get(holderLine - 1).replace(",285400,", ",300000,"));
        Path file = write("payroll-2026-01-twice.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(
                new Expected(holderLine, "matricule", "MAT-104233"),
                new Expected(lines.size(), "matricule", "MAT-104233"));
        refusal.stderrNames(holderLine, "matricule", "MAT-104233");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aContractTwiceInAReturnMakesBothLinesInvalid(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("withheld-2026-01.csv"));
        lines.add(lines.get(1).replace("SP-2026-0001", "sp-2026-0001"));
        Path file = write("withheld-2026-01-twice.csv", String.join("\n", lines) + "\n");

        Refusal refusal =
                refused(readyToReconcile(database), "reconcile", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(
                new Expected(2, "contract_id", "SP-2026-0001"),
                new Expected(lines.size(), "contract_id", "SP-2026-0001"));
        refusal.stderrNames(2, "contract_id", "SP-2026-0001");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void amountsWithAnExponentAreInvalid(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("withheld-2026-01.csv"));
        lines.set(2, lines.get(2).replace(",10000", ",1e5"));
        lines.set(3, lines.get(3).replace(",4583", ",4.583E3"));
        lines.set(4, lines.get(4).replace(",12500", ",1.25E+04"));
        Path file = write("withheld-2026-01-exponent.csv", String.join("\n", lines) + "\n");

        Refusal refusal =
                refused(readyToReconcile(database), "reconcile", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(
                new Expected(3, "amount_withheld_xof", "1e5"),
                new Expected(4, "amount_withheld_xof", "4.583E3"),
                new Expected(5, "amount_withheld_xof", "1.25E+04"));
        refusal.stderrNames(3, "amount_withheld_xof", "1e5");
    }

    @Test
    void amountsWithLettersAreInvalid() {
        List<String> lines = newContracts();
        lines.set(1, lines.get(1).replace(",95000,", ",95 OOO,"));
        lines.set(2, lines.get(2).replace(",120000,", ",120000 F,"));
        lines.set(3, lines.get(3).replace(",105000,", ",XOF 105000,"));
        lines.set(4, lines.get(4).replace(",55000,0,", ",55000,zero,"));
        Path file = write("contracts-letters.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(TestDatabase.H2), "import-contracts", "--file", file.toString());

        refusal.hasRows(
                new Expected(2, "price_xof", "95 OOO"),
                new Expected(3, "price_xof", "120000 F"),
                new Expected(4, "price_xof", "XOF 105000"),
                new Expected(5, "down_payment_xof", "zero"));
        refusal.stderrNames(2, "price_xof", "95 OOO");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMinusSignIsRefusedInAPriceAndADownPayment(TestDatabase database) {
        List<String> lines = newContracts();
        lines.set(1, lines.get(1).replace(",95000,", ",-95000,"));
        lines.set(2, lines.get(2).replace(",120000,0,", ",120000,-100,"));
        Path file = write("contracts-minus.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "import-contracts", "--file", file.toString());

        refusal.hasRows(new Expected(2, "price_xof", "-95000"), new Expected(3, "down_payment_xof", "-100"));
        refusal.stderrNames(2, "price_xof", "-95000");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMinusSignIsRefusedInAnAmountWithheld(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("withheld-2026-01.csv"));
        lines.set(1, lines.get(1).replace(",7916", ",-7916"));
        Path file = write("withheld-2026-01-minus.csv", String.join("\n", lines) + "\n");

        Refusal refusal =
                refused(readyToReconcile(database), "reconcile", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(new Expected(2, "amount_withheld_xof", "-7916"));
        refusal.stderrNames(2, "amount_withheld_xof", "-7916");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAmountAbove999999999999IsInvalidAndNeverOverflows(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("payroll-2026-01.csv"));
        int over = indexOf(lines, ",MAT-104233,");
        int huge = indexOf(lines, ",MAT-132695,");
        int atMax = indexOf(lines, ",MAT-148037,");
        int atMin = indexOf(lines, ",MAT-110964,");
        lines.set(over, lines.get(over).replace(",285400,", ",1 000 000 000 000,"));
        lines.set(huge, lines.get(huge).replace(",198750,", ",99999999999999999999999999,"));
        lines.set(atMax, lines.get(atMax).replace(",96500,", ",999 999 999 999,"));
        lines.set(atMin, lines.get(atMin).replace(",93400,", ",-999999999999,"));
        Path file = write("payroll-2026-01-huge.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        List<Expected> expected = new ArrayList<>(List.of(
                new Expected(over + 1, "net_pay_xof", "1 000 000 000 000"),
                new Expected(huge + 1, "net_pay_xof", "99999999999999999999999999")));
        expected.sort((a, b) -> Long.compare(a.line, b.line));
        refusal.hasRows(expected.toArray(Expected[]::new));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLineOfOneMegabyteFailsTheFile(TestDatabase database) {
        List<String> lines = newContracts();
        lines.set(2, lines.get(2).replace("Afi Mensah", "A".repeat(1_100_000)));
        Path file = write("contracts-1mb.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "import-contracts", "--file", file.toString());

        refusal.hasSingleRow(3, null);
        refusal.stderrNames(3, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nulBytesFailTheFileWithTheirLine(TestDatabase database) {
        List<String> lines = new ArrayList<>(sampleLines("payroll-2026-01.csv"));
        lines.set(4, lines.get(4).replace("ACTIVE", "ACT\0IVE"));
        Path file = write("payroll-2026-01-nul.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasSingleRow(5, "");
        refusal.stderrNames(5, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFolderGivenAsTheFileIsAUsageError(TestDatabase database) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("payroll-2026-01.csv"));

        Refusal refusal =
                refused(readyToDeduct(database), "deduct", "--period", "2026-01", "--file", folder.toString());

        assertThat(refusal.result.stderr()).contains(folder.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileThatDoesNotExistIsAUsageError(TestDatabase database) {
        Path missing = dir.resolve("withheld-2026-01-nowhere.csv");

        Refusal refusal =
                refused(readyToReconcile(database), "reconcile", "--period", "2026-01", "--file", missing.toString());

        assertThat(refusal.result.stderr()).contains(missing.toString());
    }

    @Test
    void aLineStartingWithAHashIsValidatedLikeAnyOther() {
        List<String> lines = newContracts();
        lines.set(3, "#" + lines.get(3));
        Path file = write("contracts-comment.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(TestDatabase.H2), "import-contracts", "--file", file.toString());

        refusal.hasRows(new Expected(4, "contract_id", "#SP-2026-0903"));
        refusal.stderrNames(4, "contract_id", "#SP-2026-0903");
    }

    // === more hostile input: messages, long text, awkward file names ==========================

    @Test
    void aValueWithALineBreakIsReportedOnOneLineAndLaterLinesKeepTheirPhysicalNumbers() {
        List<String> lines = new ArrayList<>(sampleLines("withheld-2026-01.csv"));
        lines.set(2, lines.get(2).replace(",10000", ",\"100\n00\"")); // record of lines 3-4
        lines.set(3, lines.get(3).replace(",4583", ",1e5")); // now on physical line 5
        Path file = write("withheld-2026-01-break.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(
                readyToReconcile(TestDatabase.H2), "reconcile", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(
                new Expected(3, "amount_withheld_xof", "100 00"), new Expected(5, "amount_withheld_xof", "1e5"));
        refusal.stderrNames(3, "amount_withheld_xof", null);
    }

    @Test
    void aVeryLongNameIsAcceptedOrRefusedAsAnInvalidLineButNeverCrashesTheRun() {
        Programme programme = fresh();
        List<String> lines = newContracts();
        lines.set(2, lines.get(2).replace("Afi Mensah", "Afi " + "Mensah-".repeat(1000))); // 7 004 characters
        Path file = write("contracts-long-name.csv", String.join("\n", lines) + "\n");

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertThat(result.exitCode())
                .as("SPEC sets no limit to a name: exit 0, or 2 with the line; %s", shown(result))
                .isIn(0, 2);
        assertOneReadableLine(result);
        if (result.exitCode() == 0) {
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(5);
            return;
        }
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();
        assertThat(errorRows(programme, "contracts-long-name.csv"))
                .extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("3", "full_name"));
        assertCompleted(programme.run(
                "import-contracts", "--file", SAMPLES.resolve("contracts.csv").toString()));
    }

    @Test
    void aVeryLongMinistryCodeInARegisterNeverCrashesTheRun() {
        Programme programme = fresh();
        assertCompleted(programme.run(
                "import-contracts", "--file", SAMPLES.resolve("contracts.csv").toString()));
        List<String> lines = new ArrayList<>(sampleLines("payroll-2026-01.csv"));
        int holder = indexOf(lines, ",MAT-104233,");
        lines.set(holder, lines.get(holder).replace(",MEF", ",MEF " + "Ministère de l'Économie ".repeat(200)));
        Path file = write("payroll-2026-01-long-ministry.csv", String.join("\n", lines) + "\n");

        Programme.Result result = programme.run("deduct", "--period", "2026-01", "--file", file.toString());

        assertThat(result.exitCode())
                .as("SPEC sets no limit to a ministry code: exit 0, or 2 with the line; %s", shown(result))
                .isIn(0, 2);
        assertOneReadableLine(result);
        if (result.exitCode() == 2) {
            assertThat(programme.number("SELECT COUNT(*) FROM deduction_line")).isZero();
            assertCompleted(programme.run(
                    "deduct",
                    "--period",
                    "2026-01",
                    "--file",
                    SAMPLES.resolve("payroll-2026-01.csv").toString()));
        }
    }

    @Test
    void aHugeInvalidValueIsNamedOnAReadableLineAndKeptWholeInTheErrorsFile() {
        List<String> lines = newContracts();
        String huge = "9".repeat(100_000) + "x";
        lines.set(2, lines.get(2).replace(",120000,", "," + huge + ","));
        Path file = write("contracts-huge-value.csv", String.join("\n", lines) + "\n");

        Refusal refusal = refused(readyToDeduct(TestDatabase.H2), "import-contracts", "--file", file.toString());

        refusal.hasRows(new Expected(3, "price_xof", huge));
        refusal.stderrNames(3, "price_xof", null);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFileNameWithABackslashIsJustAName() {
        Programme programme = fresh();
        Path file = write("contracts\\2026.csv", sampleBytes("contracts.csv"));

        Programme.Result result = programme.run("import-contracts", "--file", file.toString());

        assertCompleted(result);
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
    }

    @Test
    void aLongFileNameStillGetsItsErrorsFile() {
        String name = "payroll-2026-01-" + "é".repeat(100) + ".csv"; // 220 bytes: a legal name on every file system
        assertThat(name.getBytes(UTF_8)).hasSizeLessThan(255 - ".errors.csv".length());
        List<String> lines = new ArrayList<>(sampleLines("payroll-2026-01.csv"));
        lines.set(1, lines.get(1).replace(",ACTIVE,", ",ACTIF,"));
        Path file = write(name, String.join("\n", lines) + "\n");

        Refusal refusal =
                refused(readyToDeduct(TestDatabase.H2), "deduct", "--period", "2026-01", "--file", file.toString());

        refusal.hasRows(new Expected(2, "employment_status", "ACTIF"));
    }

    // === the refusal and its checks ============================================================

    /** One invalid cell or line expected in an errors file; a null column or value is not checked. */
    record Expected(long line, String column, String value) {}

    /** A command refused with exit 2: its output and the rows of its errors file (none if absent). */
    static final class Refusal {

        final Programme.Result result;
        final List<List<String>> rows;
        final String inputName;

        Refusal(Programme.Result result, List<List<String>> rows, String inputName) {
            this.result = result;
            this.rows = rows;
            this.inputName = inputName;
        }

        /** A whole-file failure: exactly one row, on that line, with that column ("" for none). */
        void hasSingleRow(long line, String column) {
            hasRows(new Expected(line, column, null));
        }

        /** Exactly these rows, in this order, each with a reason. */
        void hasRows(Expected... expected) {
            assertThat(rows).as("rows of rejected/%s.errors.csv", inputName).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                List<String> row = rows.get(i);
                Expected e = expected[i];
                assertThat(row.get(0)).as("line of row %d: %s", i + 1, row).isEqualTo(Long.toString(e.line));
                if (e.column != null) {
                    assertThat(row.get(1))
                            .as("column of row %d: %s", i + 1, row)
                            .isEqualTo(e.column);
                }
                if (e.value != null) {
                    assertThat(row.get(2)).as("value of row %d: %s", i + 1, row).isIn(e.value, "'" + e.value);
                    if (!row.get(2).equals(e.value)) {
                        assertThat("=+-@").as("only formulas are neutralised").contains(e.value.substring(0, 1));
                    }
                }
                assertThat(row.get(3)).as("reason of row %d", i + 1).isNotBlank();
            }
        }

        /** The one-line message names the file, the line, and the column and value when given. */
        void stderrNames(long line, String column, String value) {
            String stderr = result.stderr();
            assertThat(stderr).contains(inputName);
            assertThat(stderr).containsPattern("\\bline " + line + "\\b");
            if (column != null) {
                assertThat(stderr).contains(column);
            }
            if (value != null) {
                assertThat(stderr).contains(value);
            }
        }
    }

    /**
     * Runs a command that must be refused: exit 2, the same ledger, outbox and archive before and
     * after, an errors file when the input could be read, and one readable line on stderr. That last
     * check is reported after the test's own checks (see {@link #theMessageWasOneReadableLine}), so
     * that a garbled message does not hide what the errors file says.
     */
    private Refusal refused(Programme programme, String... args) {
        Path input = Path.of(args[indexOfOption(args, "--file") + 1]);
        String inputName = input.getFileName().toString();
        LedgerSnapshot before = LedgerSnapshot.of(programme);

        Programme.Result result = programme.run(args);

        LedgerSnapshot after = LedgerSnapshot.of(programme);
        if (result.exitCode() != 2 || !after.equals(before)) {
            forget(programme);
        }
        assertThat(result.exitCode()).as("exit code of %s", shown(result)).isEqualTo(2);
        assertThat(result.stderr() + result.stdout())
                .as("no stack trace: %s", shown(result))
                .doesNotContainPattern(STACK_TRACE);
        assertThat(after).as("ledger, outbox and archive after exit 2").isEqualTo(before);
        assertThat(result.stderr()).contains(inputName);
        try {
            assertOneReadableLine(result);
        } catch (AssertionError e) {
            unreadableMessage = e;
        }
        List<List<String>> rows = List.of();
        if (Files.isRegularFile(input)) {
            assertThat(programme.rejected().resolve(inputName + ".errors.csv"))
                    .as("errors file")
                    .exists();
            rows = errorRows(programme, inputName);
        }
        return new Refusal(result, rows, inputName);
    }

    private AssertionError unreadableMessage;

    @AfterEach
    void theMessageWasOneReadableLine() {
        if (unreadableMessage != null) {
            throw unreadableMessage;
        }
    }

    /** Exit 0, a one-line message on stdout, nothing on stderr. */
    private static void assertCompleted(Programme.Result result) {
        assertThat(result.exitCode()).as("exit code of %s", shown(result)).isZero();
        assertThat(result.errors()).as("stderr of %s", shown(result)).isEmpty();
        assertThat(result.stdout()).doesNotContainPattern(STACK_TRACE);
    }

    /**
     * The message of a command: one line, of reasonable length, no Java stack trace. A completed run
     * adds its summary under that line, indented.
     */
    static void assertOneReadableLine(Programme.Result result) {
        String stream = result.exitCode() == 0 ? outcomeLine(result.stdout()) : result.errors();
        assertThat(stream).as("the message of %s", shown(result)).isNotBlank();
        assertThat(stream.stripTrailing())
                .as("one line: %s", shown(result))
                .doesNotContain("\n")
                .doesNotContain("\r");
        assertThat(stream.length()).as("a readable length: %s", shown(result)).isLessThanOrEqualTo(READABLE_LENGTH);
        assertThat(result.stderr() + result.stdout())
                .as("no stack trace: %s", shown(result))
                .doesNotContainPattern(STACK_TRACE);
    }

    /**
     * The outcome line of what a command printed on success, once the summary lines under it (at
     * most two, each indented by two spaces) are checked and set aside.
     */
    static String outcomeLine(String stdout) {
        List<String> lines = stdout.lines().toList();
        assertThat(lines)
                .as("outcome line and summary: %s", stdout)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(3);
        for (String summary : lines.subList(1, lines.size())) {
            assertThat(summary)
                    .as("summary line of %s", stdout)
                    .startsWith("  ")
                    .doesNotStartWith("   ");
        }
        return lines.get(0);
    }

    /** A result for an assertion message: long output cut. */
    static String shown(Programme.Result result) {
        return "exit " + result.exitCode() + "\nstdout: " + cut(result.stdout()) + "\nstderr: " + cut(result.stderr());
    }

    private static String cut(String text) {
        return text.length() <= 1000
                ? text
                : text.substring(0, 500) + " [... " + (text.length() - 1000) + " characters ...] "
                        + text.substring(text.length() - 500);
    }

    private static List<List<String>> errorRows(Programme programme, String inputName) {
        Path errors = programme.rejected().resolve(inputName + ".errors.csv");
        assertThat(errors).exists();
        List<List<String>> rows = ScenarioFiles.readCsv(errors);
        assertThat(rows.get(0)).containsExactly("line", "column", "value", "reason");
        return rows.subList(1, rows.size());
    }

    // === programmes =============================================================================

    private Programme fresh() {
        return new Programme(dir.resolve("home"), TestDatabase.H2);
    }

    /** Sample contracts imported: deduct 2026-01 and import-contracts may run. */
    private static synchronized Programme readyToDeduct(TestDatabase database) {
        return PROGRAMMES.computeIfAbsent(database + " ready to deduct", key -> {
            Programme programme = new Programme(shared.resolve("programme-" + ++programmeCount), database);
            assertCompleted(programme.run(
                    "import-contracts",
                    "--file",
                    SAMPLES.resolve("contracts.csv").toString()));
            return programme;
        });
    }

    /** Sample contracts imported and 2026-01 deducted: reconcile 2026-01 may run. */
    private static synchronized Programme readyToReconcile(TestDatabase database) {
        return PROGRAMMES.computeIfAbsent(database + " ready to reconcile", key -> {
            Programme programme = new Programme(shared.resolve("programme-" + ++programmeCount), database);
            assertCompleted(programme.run(
                    "import-contracts",
                    "--file",
                    SAMPLES.resolve("contracts.csv").toString()));
            assertCompleted(programme.run(
                    "deduct",
                    "--period",
                    "2026-01",
                    "--file",
                    SAMPLES.resolve("payroll-2026-01.csv").toString()));
            return programme;
        });
    }

    /** A shared programme that was changed is not used again. */
    private static synchronized void forget(Programme programme) {
        PROGRAMMES.values().removeIf(p -> p == programme);
    }

    // === files ==================================================================================

    private static String sample(String name) {
        return new String(sampleBytes(name), UTF_8);
    }

    private static byte[] sampleBytes(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sampleLines(String name) {
        return sample(name).lines().toList();
    }

    /** Five valid contracts not in the sample (SP-2026-0901 to 0905), header first. */
    private static List<String> newContracts() {
        List<String> lines = new ArrayList<>();
        lines.add(CONTRACTS_HEADER);
        for (String line : sampleLines("contracts.csv").subList(1, 6)) {
            lines.add(line.replace("SP-2026-00", "SP-2026-09").replace(",MAT-", ",NEW-"));
        }
        return lines;
    }

    private static Set<String> holders() {
        Set<String> holders = new HashSet<>();
        for (String line : sampleLines("contracts.csv").subList(1, 51)) {
            holders.add(line.split(",")[1]);
        }
        return holders;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static int indexOfOption(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option)) {
                return i;
            }
        }
        throw new IllegalArgumentException(option);
    }

    private static String grouped(long amount, char separator) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-" : "") + out;
    }

    private Path write(String name, String text) {
        return write(name, text.getBytes(UTF_8));
    }

    private Path write(String name, byte[] bytes) {
        try {
            Path file = dir.resolve("in").resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> body(Path file) {
        List<List<String>> rows = ScenarioFiles.readCsv(file);
        return rows.subList(1, rows.size());
    }
}
