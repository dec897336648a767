package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.Chromium;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * {@code report --period 2026-01} on the sample programme (sample-data/, see EXPECTED.md), run
 * through the real command line, and its HTML page rendered in a real headless Chromium: what an
 * auditor sees is asserted on the DOM after rendering. The expected figures are computed here from
 * the output files and the sample inputs, not taken from the engine.
 */
@DisplayName("report")
class PeriodReportFunctionalTests {

    private static final Path SAMPLES = Path.of("sample-data");
    private static final String PERIOD = "2026-01";
    private static final String ORDER = "deductions-2026-01.csv";
    private static final String RECONCILIATION = "reconciliation-2026-01.csv";
    private static final List<String> CHECKS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
    private static final List<String> STATUSES = List.of("MATCHED", "NOT_WITHHELD", "SHORT", "OVER", "UNEXPECTED");
    private static final List<String> BUCKETS = List.of("MONTHS_1", "MONTHS_2", "MONTHS_3_PLUS");
    private static final List<String> SEALED_OUTPUTS =
            List.of(ORDER, "deduction-exceptions-2026-01.csv", RECONCILIATION, "arrears-2026-01.csv");

    /** Fails at once, saying how to install it, rather than after running the programme. */
    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.binary();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSampleMonthPassesEveryCheckInTheRenderedPage(TestDatabase database, @TempDir Path dir) throws IOException {
        Programme programme = sampleMonth(dir, database, true);

        Path page = report(programme);
        RenderedReport rendered = RenderedReport.of(page);

        assertThat(rendered.dom()).contains("<html lang=\"fr\">");
        for (String letter : CHECKS) {
            String row = rendered.element("tr", "data-check", letter);
            assertThat(RenderedReport.attribute(row, "data-outcome"))
                    .as("check %s", letter)
                    .isEqualTo("pass");
            assertThat(RenderedReport.cells(row).get(3)).as("check %s", letter).isEqualTo("\u2713 Conforme");
        }

        Path outbox = programme.outbox(PERIOD);
        long orderTotal = sum(outbox.resolve(ORDER), "amount_xof");
        long withheld = sum(outbox.resolve(RECONCILIATION), "withheld_xof");
        assertThat(orderTotal).as("EXPECTED.md: deduction order of 2026-01").isEqualTo(415_155);
        assertThat(withheld).as("EXPECTED.md: withheld in 2026-01").isEqualTo(411_571);
        assertThat(sum(SAMPLES.resolve("withheld-2026-01.csv"), "amount_withheld_xof"))
                .isEqualTo(withheld);
        assertThat(sum(outbox.resolve(RECONCILIATION), "posted_xof")
                        + sum(outbox.resolve(RECONCILIATION), "refund_due_xof"))
                .isEqualTo(withheld);
        String checkA = RenderedReport.text(rendered.element("tr", "data-check", "a"));
        assertThat(checkA)
                .contains("total relu de deductions-2026-01.csv " + francs(orderTotal) + " = total selon"
                        + " le manifeste " + francs(orderTotal))
                .contains("415\u202F155\u00A0F\u00A0CFA")
                .contains("lignes de deductions-2026-01.csv "
                        + rows(outbox.resolve(ORDER)).size());
        assertThat(RenderedReport.text(rendered.element("tr", "data-check", "b")))
                .contains(francs(orderTotal));
        assertThat(RenderedReport.text(rendered.element("tr", "data-check", "c")))
                .contains(francs(withheld))
                .contains("archive/2026-01/withheld-2026-01.csv")
                .contains("41 lignes valides");
        assertThat(RenderedReport.text(rendered.element("tr", "data-check", "d")))
                .contains(francs(withheld));

        Map<String, long[]> byStatus = byStatus(outbox.resolve(RECONCILIATION));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("MATCHED", "NOT_WITHHELD", "SHORT", "OVER");
        assertThat(byStatus.get("MATCHED")[0]).as("EXPECTED.md").isEqualTo(37);
        for (String status : STATUSES) {
            long[] expected = byStatus.getOrDefault(status, new long[5]);
            List<String> cells = RenderedReport.cells(rendered.element("tr", "data-status", status));
            assertThat(cells.get(0)).isEqualTo(status);
            assertThat(cells.subList(2, cells.size()))
                    .as(status)
                    .containsExactly(
                            Long.toString(expected[0]),
                            francs(expected[1]),
                            francs(expected[2]),
                            francs(expected[3]),
                            francs(expected[4]));
        }

        String chart = rendered.element("svg", "class", "chart");
        List<String> bars = rendered.elementsWith("rect", "data-bucket");
        assertThat(bars)
                .extracting(bar -> RenderedReport.attribute(bar, "data-bucket"))
                .containsExactlyElementsOf(BUCKETS);
        assertThat(chart).contains(bars.toArray(String[]::new));
        Map<String, long[]> byBucket = byBucket(outbox.resolve("arrears-2026-01.csv"));
        for (int i = 0; i < BUCKETS.size(); i++) {
            long[] expected = byBucket.getOrDefault(BUCKETS.get(i), new long[2]);
            assertThat(Integer.parseInt(RenderedReport.attribute(bars.get(i), "width")) > 0)
                    .as(BUCKETS.get(i))
                    .isEqualTo(expected[1] > 0);
            assertThat(RenderedReport.text(rendered.element("g", "data-bucket", BUCKETS.get(i))))
                    .endsWith(expected[0] + (expected[0] > 1 ? " contrats" : " contrat") + " \u00B7 "
                            + francs(expected[1]));
        }
        assertThat(byBucket.get("MONTHS_1"))
                .as("EXPECTED.md: 5 contracts, 30 498 F")
                .containsExactly(5, 30_498);

        for (String output : SEALED_OUTPUTS) {
            String row = rendered.element("tr", "data-file", output);
            assertThat(RenderedReport.attribute(row, "data-outcome")).as(output).isEqualTo("pass");
            assertThat(row).contains(OutputFiles.sha256(outbox.resolve(output)));
        }
        for (String manifest : List.of("deduction-2026-01.manifest.json", "reconciliation-2026-01.manifest.json")) {
            assertThat(rendered.element("tr", "data-file", manifest))
                    .contains(OutputFiles.sha256(outbox.resolve(manifest)));
        }
        for (String input : List.of("payroll-2026-01.csv", "withheld-2026-01.csv")) {
            String row = rendered.element("tr", "data-file", input);
            assertThat(RenderedReport.attribute(row, "data-outcome")).as(input).isEqualTo("pass");
            assertThat(row).contains(OutputFiles.sha256(SAMPLES.resolve(input)));
        }

        String raw = Files.readString(page, StandardCharsets.UTF_8);
        for (String text : List.of(raw, rendered.dom())) {
            assertThat(text.toLowerCase(Locale.ROOT))
                    .doesNotContain(
                            "http://",
                            "https://",
                            "<script",
                            "<link",
                            "<img",
                            "<iframe",
                            "url(",
                            "@import",
                            " src=",
                            " href=");
        }

        Path png = Path.of(
                "target", "screenshots", "report-2026-01-" + database.name().toLowerCase(Locale.ROOT) + ".png");
        Files.createDirectories(png.getParent());
        Chromium.screenshot(page, png, 1200, 2000);
        assertThat(Files.size(png)).isGreaterThan(20_000);

        report(programme);
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("the same ledger gives the same page")
                .isEqualTo(raw);
    }

    @Test
    void aDeductionOrderEditedAfterTheRunFailsCheckA(@TempDir Path dir) throws IOException {
        Programme programme = sampleMonth(dir, TestDatabase.H2, true);
        Path order = programme.outbox(PERIOD).resolve(ORDER);
        String original = Files.readString(order, StandardCharsets.UTF_8);
        String edited = original.replaceFirst(",SMARTPHONE,7916\n", ",SMARTPHONE,7917\n");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(order, edited, StandardCharsets.UTF_8);

        Result result = programme.run("report", "--period", PERIOD);
        Path page = programme.outbox(PERIOD).resolve("report-2026-01.html");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.stdout())
                .contains("\n  a  FAIL  ", "\n  e  FAIL  ", "\n  f  FAIL  ")
                .endsWith("HTML report: " + page.toAbsolutePath().normalize() + "\n");
        assertThat(result.stderr()).contains("\nReport of 2026-01: 4 control check(s) FAILED (a, b, e, f): ");

        RenderedReport rendered = RenderedReport.of(page);

        String checkA = rendered.element("tr", "data-check", "a");
        assertThat(RenderedReport.attribute(checkA, "data-outcome")).isEqualTo("fail");
        assertThat(RenderedReport.cells(checkA).get(3)).isEqualTo("\u2717 Non conforme");
        assertThat(RenderedReport.text(checkA))
                .contains(francs(415_156) + " \u2260 total selon le manifeste " + francs(415_155));
        assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", "b"), "data-outcome"))
                .isEqualTo("fail");
        assertThat(RenderedReport.attribute(rendered.element("tr", "data-file", ORDER), "data-outcome"))
                .isEqualTo("fail");
        assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", "e"), "data-outcome"))
                .isEqualTo("fail");
        assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", "c"), "data-outcome"))
                .isEqualTo("pass");
    }

    @Test
    void theReportIsInEnglishWhenTheSettingSaysSo(@TempDir Path dir) {
        Programme programme = sampleMonth(dir, TestDatabase.H2, true).with("PAYROLL_REPORT_LANGUAGE", "en");

        RenderedReport rendered = RenderedReport.of(report(programme));

        assertThat(rendered.dom()).contains("<html lang=\"en\">");
        assertThat(rendered.text())
                .contains(
                        "Period report 2026-01",
                        "1. Control checks",
                        "3. Reconciliation",
                        "4. Arrears after reconciliation",
                        "5. Money outside the payroll",
                        "6. Portfolio",
                        "7. SHA-256 digests")
                .doesNotContain("Contrôles", "Conforme");
        for (String letter : CHECKS) {
            assertThat(RenderedReport.cells(rendered.element("tr", "data-check", letter))
                            .get(3))
                    .isEqualTo("\u2713 Pass");
        }
        assertThat(RenderedReport.text(rendered.element("tr", "data-check", "a")))
                .contains("total read back from deductions-2026-01.csv " + francs(415_155));
        assertThat(RenderedReport.text(rendered.element("g", "data-bucket", "MONTHS_1")))
                .startsWith("1 month")
                .endsWith("5 contracts \u00B7 " + francs(30_498));
    }

    @Test
    void anUnknownReportLanguageIsAnInvalidSetting(@TempDir Path dir) {
        Programme programme = new Programme(dir, TestDatabase.H2);
        // a home with its ledger: report reads an existing one only
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        programme.with("PAYROLL_REPORT_LANGUAGE", "de");

        Result result = programme.run("report", "--period", PERIOD);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("payroll.report-language must be fr or en");
    }

    @Test
    void checksOfTheReconciliationAreNotAvailableBeforeItRuns(@TempDir Path dir) {
        Programme programme = sampleMonth(dir, TestDatabase.H2, false);

        RenderedReport rendered = RenderedReport.of(report(programme));

        assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", "a"), "data-outcome"))
                .isEqualTo("pass");
        for (String letter : List.of("f", "g", "j")) {
            assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", letter), "data-outcome"))
                    .as(letter)
                    .isEqualTo("pass");
        }
        for (String letter : List.of("b", "c", "d", "e", "h", "i")) {
            String row = rendered.element("tr", "data-check", letter);
            assertThat(RenderedReport.attribute(row, "data-outcome")).as(letter).isEqualTo("not-available");
            assertThat(RenderedReport.cells(row).get(3)).as(letter).isEqualTo("\u2013 Non disponible");
        }
        assertThat(RenderedReport.text(rendered.element("tr", "data-check", "b")))
                .contains("reconciliation-2026-01.csv\u00A0: absent");
        assertThat(rendered.text()).contains("Le rapprochement de 2026-01 n'est pas encore enregistré");
        assertThat(rendered.elementsWith("rect", "data-bucket")).isEmpty();
    }

    @Test
    void withTheArchivedReturnGoneCheckCIsMadeOnTheLedgerAndSaysSo(@TempDir Path dir) throws IOException {
        Programme programme = sampleMonth(dir, TestDatabase.H2, true);
        Files.delete(programme.archive().resolve(PERIOD).resolve("withheld-2026-01.csv"));

        RenderedReport rendered = RenderedReport.of(report(programme));

        String checkC = rendered.element("tr", "data-check", "c");
        assertThat(RenderedReport.attribute(checkC, "data-outcome")).isEqualTo("pass");
        assertThat(RenderedReport.text(checkC))
                .contains("Source\u00A0: le registre")
                .contains(francs(411_571));
        assertThat(RenderedReport.attribute(
                        rendered.element("tr", "data-file", "withheld-2026-01.csv"), "data-outcome"))
                .isEqualTo("not-available");
        assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", "e"), "data-outcome"))
                .isEqualTo("not-available");
    }

    @Test
    void theReturnTotalCountsOnlyTheLinesTheReconciliationRunKept(@TempDir Path dir) throws IOException {
        Programme programme = sampleMonth(dir, TestDatabase.H2, false);
        String sample = Files.readString(SAMPLES.resolve("withheld-2026-01.csv"), StandardCharsets.UTF_8);
        // SP-2026-0001 twice makes both its lines invalid; an amount in words is invalid
        Files.writeString(
                programme.inbox().resolve("withheld-2026-01.csv"),
                sample + "2026-01,SP-2026-0001,MAT-104233,7916\n2026-01,SP-2026-0999,MAT-100000,douze\n",
                StandardCharsets.UTF_8);
        Result reconciled = programme.run("reconcile", "--period", PERIOD, "--max-rejects", "3");
        assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();

        RenderedReport rendered = RenderedReport.of(report(programme));

        String checkC = rendered.element("tr", "data-check", "c");
        assertThat(RenderedReport.attribute(checkC, "data-outcome")).isEqualTo("pass");
        assertThat(RenderedReport.text(checkC))
                .contains(francs(411_571 - 7_916))
                .contains("40 lignes valides");
        for (String letter : CHECKS) {
            assertThat(RenderedReport.attribute(rendered.element("tr", "data-check", letter), "data-outcome"))
                    .as(letter)
                    .isEqualTo("pass");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everySampleMonthPassesEveryCheck(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir, database);
        for (String file : List.of(
                "contracts.csv",
                "payroll-2026-01.csv",
                "withheld-2026-01.csv",
                "payroll-2026-02.csv",
                "withheld-2026-02.csv",
                "payroll-2026-03.csv",
                "withheld-2026-03.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        for (String period : List.of("2026-01", "2026-02", "2026-03")) {
            assertThat(programme.run("deduct", "--period", period).exitCode()).isZero();
            assertThat(programme.run("reconcile", "--period", period).exitCode())
                    .isZero();
        }
        for (String period : List.of("2026-01", "2026-02", "2026-03")) {
            Result result = programme.run("report", "--period", period);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout())
                    .as(period)
                    .contains("\nControl checks\n")
                    .doesNotContain("  FAIL  ", "  NOT AVAILABLE  ");

            RenderedReport rendered = RenderedReport.of(programme.outbox(period).resolve("report-" + period + ".html"));

            assertThat(rendered.elementsWith("tr", "data-outcome"))
                    .as(period)
                    .hasSize(11 + 2 + 4)
                    .allSatisfy(row -> assertThat(RenderedReport.attribute(row, "data-outcome"))
                            .as(period)
                            .isEqualTo("pass"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePortfolioLineAddsUpTheContractsAndEveryPostingPublished(TestDatabase database, @TempDir Path dir) {
        // given: the sample programme, two months deducted and reconciled
        Programme programme = new Programme(dir, database);
        for (String file : List.of(
                "contracts.csv",
                "payroll-2026-01.csv",
                "withheld-2026-01.csv",
                "payroll-2026-02.csv",
                "withheld-2026-02.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        for (String period : List.of("2026-01", "2026-02")) {
            assertThat(programme.run("deduct", "--period", period).exitCode()).isZero();
            assertThat(programme.run("reconcile", "--period", period).exitCode())
                    .isZero();
        }
        // the figures from the files alone: financed = price - down payment of each contract (SPEC 2),
        // collected = what the published reconciliation files posted to it; settled when they are equal
        Map<String, Long> financed = new TreeMap<>();
        for (Map<String, String> contract : rows(SAMPLES.resolve("contracts.csv"))) {
            String down = contract.get("down_payment_xof").trim();
            financed.put(
                    contract.get("contract_id"),
                    Long.parseLong(contract.get("price_xof").trim()) - (down.isEmpty() ? 0 : Long.parseLong(down)));
        }
        Map<String, Long> collected = new TreeMap<>();
        for (String period : List.of("2026-01", "2026-02")) {
            Path file = programme.outbox(period).resolve("reconciliation-" + period + ".csv");
            for (Map<String, String> row : rows(file)) {
                collected.merge(row.get("contract_id"), Long.parseLong(row.get("posted_xof")), Long::sum);
            }
        }
        long settled = financed.entrySet().stream()
                .filter(contract -> contract.getValue().equals(collected.get(contract.getKey())))
                .count();
        long financedTotal =
                financed.values().stream().mapToLong(Long::longValue).sum();
        long collectedTotal =
                collected.values().stream().mapToLong(Long::longValue).sum();

        // when
        Result result = programme.run("report", "--period", "2026-02");

        // then
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(financed).hasSize(50);
        assertThat(collectedTotal).isPositive();
        assertThat(result.stdout())
                .contains(String.format(
                        Locale.ROOT,
                        "  open contracts %d, settled %d," + " collected to date %s F, outstanding %s F%n",
                        financed.size() - settled,
                        settled,
                        grouped(collectedTotal),
                        grouped(financedTotal - collectedTotal)));
    }

    /** The sample contracts imported, 2026-01 deducted and, if asked, reconciled, from the inbox. */
    private static Programme sampleMonth(Path dir, TestDatabase database, boolean reconcile) {
        Programme programme = new Programme(dir, database);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv", "withheld-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        List<String[]> commands =
                List.of(new String[] {"import-contracts"}, new String[] {"deduct", "--period", PERIOD}, new String[] {
                    "reconcile", "--period", PERIOD
                });
        for (String[] command : commands.subList(0, reconcile ? 3 : 2)) {
            Result result = programme.run(command);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        return programme;
    }

    /** Runs the report: the text on stdout, then the path of the page, which is returned. */
    private static Path report(Programme programme) {
        Result result = programme.run("report", "--period", PERIOD);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path page = programme.outbox(PERIOD).resolve("report-2026-01.html");
        assertThat(page).isRegularFile();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Period report 2026-01");
        assertThat(lines.get(lines.size() - 2))
                .isEqualTo("HTML report: " + page.toAbsolutePath().normalize());
        assertThat(lines.get(lines.size() - 1)).matches("Report of 2026-01 done in \\d+\\.\\d s\\.");
        return page;
    }

    /** An amount as an auditor reads it, written here independently of the engine's formatting. */
    private static String francs(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '\u202F') + "\u00A0F\u00A0CFA";
    }

    /** An amount as the text report writes it: groups of three digits separated by spaces. */
    private static String grouped(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', ' ');
    }

    private static List<Map<String, String>> rows(Path csv) {
        List<List<String>> all = ScenarioFiles.readCsv(csv);
        List<String> header = all.get(0);
        return all.subList(1, all.size()).stream()
                .map(cells -> {
                    Map<String, String> row = new TreeMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), cells.get(i));
                    }
                    return row;
                })
                .toList();
    }

    private static long sum(Path csv, String column) {
        return rows(csv).stream()
                .mapToLong(row -> Long.parseLong(row.get(column).trim()))
                .sum();
    }

    /** Count, expected, withheld, posted, refund due per status of a reconciliation file. */
    private static Map<String, long[]> byStatus(Path csv) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Map<String, String> row : rows(csv)) {
            long[] s = sums.computeIfAbsent(row.get("status"), k -> new long[5]);
            s[0]++;
            s[1] += Long.parseLong(row.get("expected_xof"));
            s[2] += Long.parseLong(row.get("withheld_xof"));
            s[3] += Long.parseLong(row.get("posted_xof"));
            s[4] += Long.parseLong(row.get("refund_due_xof"));
        }
        return sums;
    }

    /** Count and overdue per bucket of an arrears file. */
    private static Map<String, long[]> byBucket(Path csv) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Map<String, String> row : rows(csv)) {
            long[] s = sums.computeIfAbsent(row.get("bucket"), k -> new long[2]);
            s[0]++;
            s[1] += Long.parseLong(row.get("overdue_xof"));
        }
        return sums;
    }
}
