package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.Chromium;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A published file altered after its run, with its {@code .sha256} sidecar and its manifest entry
 * remade the way someone who can write the outbox would, and the ledger altered behind the engine's
 * back: the seals still agree (checks a and e pass), and the report says which file or which rule
 * of the ledger no longer agrees, with both figures, in its text, in the page as Chromium renders
 * it, and in its outcome (on stderr; exit 0, SPEC 6 has no code for it). An untouched cycle raises no alarm.
 *
 * <p>The month 2026-01 of a small programme worked by hand (cap 1/3 of net pay):
 * <pre>
 * contract  financed term  due   instructed  reason              withheld  status        posted refund
 * C-1        2 000    1    2 000   2 000                          2 000    MATCHED       2 000     0  settled
 * C-2        2 000    2    1 000   1 000                          1 500    OVER          1 500     0
 * C-3        1 000    1    1 000   1 000                          1 200    OVER          1 000   200  settled
 * C-4       12 000    2    6 000   3 000     CAPPED (net 9 000)   3 000    MATCHED       3 000     0
 * C-5        4 000    2    2 000       0     NOT_IN_PAYROLL         400    UNEXPECTED        0   400
 * C-6        4 000    2    2 000       0     EMPLOYEE_SUSPENDED
 * C-7        6 000    2    3 000   3 000                          1 000    SHORT         1 000     0
 * X-9 (unknown)                                                     700    UNEXPECTED        0   700
 * </pre>
 * Order: 5 lines, 10 000 F. Exceptions: 3 lines, due 10 000, instructed 3 000, shortfall 7 000.
 * Reconciliation: 7 rows, expected 10 000, withheld 9 800, posted 8 500, refund due 1 300.
 * Arrears (scheduled 2026-01 − collected): C-4 3 000 (outstanding 9 000), C-5 2 000 (4 000), C-6 2 000
 * (4 000), C-7 2 000 (5 000): 4 lines, overdue 9 000, outstanding 22 000. Collected: 8 500.
 */
@DisplayName("report: tampered files and ledger")
class TamperingFunctionalTests {

    private static final String PERIOD = "2026-01";
    private static final String ORDER = "deductions-2026-01.csv";
    private static final String EXCEPTIONS = "deduction-exceptions-2026-01.csv";
    private static final String RECONCILIATION = "reconciliation-2026-01.csv";
    private static final String ARREARS = "arrears-2026-01.csv";
    private static final String DEDUCTION_MANIFEST = "deduction-2026-01.manifest.json";
    private static final String RECONCILIATION_MANIFEST = "reconciliation-2026-01.manifest.json";
    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

    /** Fails at once, saying how to install it, rather than after running the programme. */
    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.binary();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAmountChangedInTheDeductionOrderAndResealedFailsCheckF(TestDatabase database, @TempDir Path dir)
            throws IOException {
        Programme programme = january(dir, database);
        // C-1's 2 000 becomes 2 500, the sidecar and the manifest's sha256 and total remade to match
        edit(programme, ORDER, "C-1", Map.of("amount_xof", "2500"));
        reseal(programme, ORDER, DEDUCTION_MANIFEST);

        Report report = report(programme, "b, f");

        report.failed("f");
        report.failed("b"); // what the reconciliation expected is no longer the order's total
        report.passed("a", "c", "d", "e", "g", "h", "i", "j");
        report.text("f")
                .contains("records in deductions-2026-01.csv", "ledger: order lines")
                .containsPattern("total read back from deductions-2026-01.csv +10 500 F\\n +\u2260 ledger: amount"
                        + " instructed +10 000 F");
        String checkF = RenderedReport.text(report.rendered.element("tr", "data-check", "f"));
        assertThat(checkF)
                .contains("lignes de deductions-2026-01.csv 5 = registre\u00A0: lignes instruites 5")
                .contains("total relu de deductions-2026-01.csv " + francs(10_500) + " \u2260 registre\u00A0:"
                        + " total instruit " + francs(10_000));
        assertThat(RenderedReport.cells(report.rendered.element("tr", "data-check", "f"))
                        .get(3))
                .isEqualTo("\u2717 Non conforme");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoAmountsSwappedInTheDeductionOrderFailCheckFThoughEveryTotalAgrees(TestDatabase database, @TempDir Path dir)
            throws IOException {
        Programme programme = january(dir, database);
        // C-1 instructed 1 000 instead of 2 000, C-3 2 000 instead of 1 000; and C-7's line given to M-4
        edit(programme, ORDER, "C-1", Map.of("amount_xof", "1000"));
        edit(programme, ORDER, "C-3", Map.of("amount_xof", "2000"));
        edit(programme, ORDER, "C-7", Map.of("matricule", "M-4"));
        reseal(programme, ORDER, DEDUCTION_MANIFEST);

        Report report = report(programme, "f");

        report.failed("f");
        report.passed("a", "b", "c", "d", "e", "g", "h", "i", "j");
        report.text("f")
                .containsPattern("total read back from deductions-2026-01.csv +10 000 F\\n +="
                        + " ledger: amount instructed +10 000 F")
                .containsPattern("lines that differ from the ledger, line by" + " line +3\\n +\u2260 expected +0");
        assertThat(RenderedReport.text(report.rendered.element("tr", "data-check", "f")))
                .contains("lignes qui diffèrent du registre, ligne à ligne 3 \u2260 attendu 0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExceptionLineChangedAndResealedFailsCheckG(TestDatabase database, @TempDir Path dir) throws IOException {
        Programme programme = january(dir, database);
        edit(programme, EXCEPTIONS, "C-4", Map.of("amount_xof", "3500", "shortfall_xof", "2500"));
        reseal(programme, EXCEPTIONS, DEDUCTION_MANIFEST);

        Report report = report(programme, "g");

        report.failed("g");
        report.passed("a", "b", "c", "d", "e", "f", "h", "i", "j");
        report.text("g")
                .containsPattern("instructed, deduction-exceptions-2026-01.csv +3 500 F\\n +\u2260 ledger:"
                        + " instructed of the exceptions +3 000 F")
                .containsPattern("shortfall, deduction-exceptions-2026-01.csv"
                        + " +6 500 F\\n +\u2260 ledger: shortfall of the exceptions +7 000 F");
        assertThat(RenderedReport.text(report.rendered.element("tr", "data-check", "g")))
                .contains("instruit, deduction-exceptions-2026-01.csv " + francs(3_500) + " \u2260 registre\u00A0:"
                        + " instruit des exceptions " + francs(3_000))
                .contains("dû, deduction-exceptions-2026-01.csv " + francs(10_000) + " = registre\u00A0: dû des"
                        + " exceptions " + francs(10_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefundHiddenInTheReconciliationFileAndResealedFailsCheckH(TestDatabase database, @TempDir Path dir)
            throws IOException {
        Programme programme = january(dir, database);
        // C-3's refund of 200 reported as posted: posted + refund due still equals withheld (check d)
        edit(programme, RECONCILIATION, "C-3", Map.of("posted_xof", "1200", "refund_due_xof", "0"));
        reseal(programme, RECONCILIATION, RECONCILIATION_MANIFEST);

        Report report = report(programme, "h");

        report.failed("h");
        report.passed("a", "b", "c", "d", "e", "f", "g", "i", "j");
        report.text("h")
                .containsPattern("posted, reconciliation-2026-01.csv +8 700 F\\n +\u2260 ledger: posted" + " +8 500 F")
                .containsPattern(
                        "refund due, reconciliation-2026-01.csv +1 100 F\\n +\u2260 ledger:" + " refund due +1 300 F");
        assertThat(RenderedReport.text(report.rendered.element("tr", "data-check", "h")))
                .contains("imputé, reconciliation-2026-01.csv " + francs(8_700) + " \u2260 registre\u00A0: imputé "
                        + francs(8_500))
                .contains("lignes de reconciliation-2026-01.csv 7 = registre\u00A0: lignes de rapprochement 7");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anArrearsAmountChangedAndResealedFailsCheckI(TestDatabase database, @TempDir Path dir) throws IOException {
        Programme programme = january(dir, database);
        edit(programme, ARREARS, "C-4", Map.of("outstanding_xof", "8000"));
        reseal(programme, ARREARS, RECONCILIATION_MANIFEST);

        Report report = report(programme, "i");

        report.failed("i");
        report.passed("a", "b", "c", "d", "e", "f", "g", "h", "j");
        report.text("i")
                .containsPattern("outstanding, arrears-2026-01.csv +21 000 F\\n +\u2260 ledger: outstanding"
                        + " in arrears +22 000 F");
        assertThat(RenderedReport.text(report.rendered.element("tr", "data-check", "i")))
                .contains("restant dû, arrears-2026-01.csv " + francs(21_000) + " \u2260 registre\u00A0: restant dû"
                        + " des arriérés " + francs(22_000))
                .contains("en retard, arrears-2026-01.csv " + francs(9_000) + " = registre\u00A0: en retard "
                        + francs(9_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBalanceRaisedInTheDatabaseFailsCheckJNamingOneContract(TestDatabase database, @TempDir Path dir) {
        Programme programme = january(dir, database);
        assertThat(programme.update("UPDATE contract_balance SET collected_xof = collected_xof + 1000"
                        + " WHERE contract_id = 'C-7'"))
                .isEqualTo(1);

        Report report = report(programme, "j");

        report.failed("j");
        report.passed("a", "b", "c", "d", "e", "f", "g", "h", "i");
        report.text("j")
                .containsPattern("collected, every contract +9 500 F\\n +\u2260 sum of every posting and ledger entry"
                        + " +8 500 F")
                .containsPattern("contracts whose balance is not the sum of their postings and entries +1\\n"
                        + " +\u2260 expected +0");
        assertThat(RenderedReport.text(report.rendered.element("tr", "data-check", "j")))
                .contains("encaissé, tous contrats " + francs(9_500)
                        + " \u2260 somme de toutes les imputations et écritures " + francs(8_500))
                .contains("contrats dont le solde n'est pas la somme des imputations et écritures 1 \u2260 attendu 0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aContractMarkedSettledOrPaidOffInTheDatabaseFailsCheckJ(TestDatabase database, @TempDir Path dir) {
        Programme programme = january(dir, database);
        // C-4 settled with 9 000 outstanding; C-5 (nothing posted) given all it financed but left open
        assertThat(programme.update("UPDATE contract SET state = 'SETTLED', settled_period = '2026-01'"
                        + " WHERE contract_id = 'C-4'"))
                .isEqualTo(1);
        assertThat(programme.update(
                        "UPDATE contract_balance SET collected_xof = financed_xof" + " WHERE contract_id = 'C-5'"))
                .isEqualTo(1);

        Report report = report(programme, "j");

        report.failed("j");
        report.text("j")
                .containsPattern("collected, every contract +12 500 F\\n +\u2260 sum of every posting and ledger entry"
                        + " +8 500 F")
                .containsPattern("contracts whose balance is not the sum of their postings and entries +1\\n")
                .containsPattern("settled contracts with something outstanding +1\\n")
                .containsPattern("open contracts outside 0 \u2264 collected \\+ written off < financed +1\\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void postingsRemovedOrAddedForUnknownContractsFailCheckJ(TestDatabase database, @TempDir Path dir) {
        Programme programme = january(dir, database);
        // C-2's 1 500 removed; 300 and 500 posted to contracts that do not exist, one sorting before
        // every contract and one after
        assertThat(programme.update("DELETE FROM posting WHERE contract_id = 'C-2'"))
                .isEqualTo(1);
        assertThat(programme.update("INSERT INTO posting (period, contract_id, amount_xof, run_id) VALUES"
                        + " ('2026-01', 'A-0', 300, 3), ('2026-01', 'ZZ-1', 500, 3)"))
                .isEqualTo(2);

        Report report = report(programme, "j");

        report.text("j")
                .containsPattern("collected, every contract +8 500 F\\n +\u2260 sum of every posting and ledger entry"
                        + " +7 800 F")
                .containsPattern("contracts whose balance is not the sum of their postings and entries +3\\n")
                .containsPattern("settled contracts with something outstanding +0\\n");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUntouchedCycleWithSettlementsRefundsAndExceptionsPassesEveryCheck(TestDatabase database, @TempDir Path dir) {
        Programme programme = january(dir, database);
        // 2026-02: C-2 pays its last 500 and C-7 its 5 000 (both settle), C-4 withholds nothing, and
        // 100 withheld from C-1, settled in 2026-01, is UNEXPECTED
        InputFiles.write(programme.inbox(), "payroll-2026-02.csv", register("2026-02"));
        InputFiles.write(
                programme.inbox(),
                "withheld-2026-02.csv",
                "period,contract_id,matricule,amount_withheld_xof",
                "2026-02,C-2,M-2,500",
                "2026-02,C-7,M-7,5000",
                "2026-02,C-1,M-1,100");
        run(programme, "deduct", "--period", "2026-02");
        run(programme, "reconcile", "--period", "2026-02");
        assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE settled_period IS NOT NULL"))
                .isEqualTo(4);
        assertThat(statuses(programme.outbox(PERIOD).resolve(RECONCILIATION)))
                .containsExactly("MATCHED", "OVER", "OVER", "MATCHED", "UNEXPECTED", "SHORT", "UNEXPECTED");
        assertThat(statuses(programme.outbox("2026-02").resolve("reconciliation-2026-02.csv")))
                .containsExactly("UNEXPECTED", "MATCHED", "NOT_WITHHELD", "MATCHED");

        for (String period : List.of(PERIOD, "2026-02")) {
            Result result = programme.run("report", "--period", period);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr().lines()).as("the home and database only").hasSize(1);
            assertThat(result.stdout()).contains("\nControl checks\n").doesNotContain("FAIL", "NOT AVAILABLE");
            RenderedReport rendered = RenderedReport.of(programme.outbox(period).resolve("report-" + period + ".html"));
            for (String letter : LETTERS) {
                assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", letter), "data-outcome"))
                        .as("%s check %s", period, letter)
                        .isEqualTo("pass");
            }
        }
    }

    /** The programme of the class comment: contracts imported, 2026-01 deducted and reconciled. */
    private static Programme january(Path dir, TestDatabase database) {
        Programme programme = new Programme(dir, database);
        InputFiles.write(
                programme.inbox(),
                "contracts.csv",
                "contract_id,matricule,full_name,price_xof,term_months," + "first_period",
                "C-1,M-1,Ama One,2000,1,2026-01",
                "C-2,M-2,Ben Two,2000,2,2026-01",
                "C-3,M-3,Cica Three,1000,1,2026-01",
                "C-4,M-4,Dede Four,12000,2,2026-01",
                "C-5,M-5,Efua Five,4000,2,2026-01",
                "C-6,M-6,Fofo Six,4000,2,2026-01",
                "C-7,M-7,Gado Seven,6000,2,2026-01");
        InputFiles.write(programme.inbox(), "payroll-2026-01.csv", register(PERIOD));
        InputFiles.write(
                programme.inbox(),
                "withheld-2026-01.csv",
                "period,contract_id,matricule,amount_withheld_xof",
                "2026-01,C-1,M-1,2000",
                "2026-01,C-2,M-2,1500",
                "2026-01,C-3,M-3,1200",
                "2026-01,C-4,M-4,3000",
                "2026-01,C-7,M-7,1000",
                "2026-01,C-5,M-5,400",
                "2026-01,X-9,M-9,700");
        run(programme, "import-contracts");
        run(programme, "deduct", "--period", PERIOD);
        run(programme, "reconcile", "--period", PERIOD);
        Path outbox = programme.outbox(PERIOD);
        assertThat(InputFiles.body(outbox.resolve(ORDER)))
                .extracting(row -> row.get(5))
                .containsExactly("2000", "1000", "1000", "3000", "3000");
        assertThat(InputFiles.body(outbox.resolve(ARREARS)))
                .extracting(row -> row.get(2) + " " + row.get(5) + " " + row.get(6))
                .containsExactly("C-4 3000 9000", "C-5 2000 4000", "C-6 2000 4000", "C-7 2000 5000");
        return programme;
    }

    /** M-5 absent, M-6 suspended, M-4 able to bear 3 000 a month, everyone else 10 000. */
    private static String[] register(String period) {
        return new String[] {
            "period,matricule,net_pay_xof,employment_status",
            period + ",M-1,30000,ACTIVE",
            period + ",M-2,30000,ACTIVE",
            period + ",M-3,30000,ACTIVE",
            period + ",M-4,9000,ACTIVE",
            period + ",M-6,30000,SUSPENDED",
            period + ",M-7,30000,ACTIVE"
        };
    }

    private static void run(Programme programme, String... command) {
        Result result = programme.run(command);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static List<String> statuses(Path reconciliation) {
        return InputFiles.body(reconciliation).stream().map(row -> row.get(8)).toList();
    }

    /** Sets cells of the row of one contract in a published CSV (plain cells: no quoting in these files). */
    private static void edit(Programme programme, String fileName, String contractId, Map<String, String> cells)
            throws IOException {
        Path file = programme.outbox(PERIOD).resolve(fileName);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int edited = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            if (row[header.indexOf("contract_id")].equals(contractId)) {
                cells.forEach((column, value) -> row[header.indexOf(column)] = value);
                lines.set(i, String.join(",", row));
                edited++;
            }
        }
        assertThat(edited).as("rows of %s in %s", contractId, fileName).isEqualTo(1);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * What someone who can write the outbox does next: the sidecar remade, and the manifest's entry
     * for the file given the new SHA-256, record count and totals (each total is its column's sum).
     */
    private static void reseal(Programme programme, String fileName, String manifestName) throws IOException {
        Path outbox = programme.outbox(PERIOD);
        Path file = outbox.resolve(fileName);
        String sha256 = OutputFiles.sha256(file);
        Files.writeString(
                outbox.resolve(fileName + ".sha256"), sha256 + "  " + fileName + "\n", StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(outbox.resolve(manifestName).toFile());
        for (JsonNode output : manifest.get("outputs")) {
            if (output.get("file").asText().equals(fileName)) {
                ((ObjectNode) output).put("sha256", sha256).put("records", lines.size() - 1);
                ObjectNode totals = (ObjectNode) output.get("totals");
                for (Iterator<String> names = totals.fieldNames(); names.hasNext(); ) {
                    String column = names.next();
                    long sum = lines.subList(1, lines.size()).stream()
                            .mapToLong(line -> Long.parseLong(line.split(",", -1)[header.indexOf(column)]))
                            .sum();
                    totals.put(column, sum);
                }
            }
        }
        Files.writeString(
                outbox.resolve(manifestName),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
                StandardCharsets.UTF_8);
    }

    /**
     * Runs the report, which must say that these checks failed ("b, f"); its text and its page as
     * Chromium renders it.
     */
    private static Report report(Programme programme, String failed) {
        Result result = programme.run("report", "--period", PERIOD);
        Path page = programme.outbox(PERIOD).resolve("report-2026-01.html");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.stdout())
                .startsWith("Period report 2026-01\n")
                .endsWith("HTML report: " + page.toAbsolutePath().normalize() + "\n");
        assertThat(result.stderr())
                .containsPattern("Report of 2026-01: " + failed.split(", ").length
                        + " control check\\(s\\) FAILED \\(" + failed
                        + "\\): the files or the ledger no longer agree with"
                        + " what the runs recorded; see the control checks"
                        + " above and in "
                        + java.util.regex.Pattern.quote(
                                page.toAbsolutePath().normalize().toString()));
        return new Report(result, RenderedReport.of(page));
    }

    private record Report(Result result, RenderedReport rendered) {

        void failed(String letter) {
            assertThat(result.stdout()).containsPattern("\\n  " + letter + "  FAIL  ");
            String row = rendered.element("tr", "data-check", letter);
            assertThat(RenderedReport.attribute(row, "data-outcome"))
                    .as("check %s", letter)
                    .isEqualTo("fail");
        }

        void passed(String... letters) {
            for (String letter : letters) {
                assertThat(result.stdout()).containsPattern("\\n  " + letter + "  PASS  ");
                assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", letter), "data-outcome"))
                        .as("check %s", letter)
                        .isEqualTo("pass");
            }
        }

        /** The lines of the text report from check {@code letter} to the next check. */
        org.assertj.core.api.AbstractStringAssert<?> text(String letter) {
            String stdout = result.stdout();
            int from = stdout.indexOf("\n  " + letter + "  ");
            int to = stdout.indexOf("\n  " + (char) (letter.charAt(0) + 1) + "  ", from + 1);
            return assertThat(stdout.substring(from, to < 0 ? stdout.indexOf("\nHTML report: ") + 1 : to + 1));
        }
    }

    /** An amount as the page shows it, written here independently of the engine's formatting. */
    private static String francs(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '\u202F') + "\u00A0F\u00A0CFA";
    }
}
