package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.ArrearsTotals;
import org.smartphone.payroll.report.PeriodFigures.Balances;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.DifferingRows;
import org.smartphone.payroll.report.PeriodFigures.ExceptionTotals;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.MinistryLine;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;

/**
 * The HTML page as rendered from figures given by hand: amounts, escaping of everything copied
 * from the data (checked in a real Chromium: nothing injected becomes an element), the chart, the
 * "not available" page, and that the same figures give the same bytes.
 */
class HtmlReportTests {

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final String HOSTILE_MINISTRY = "<script>document.title='pwned'</script>";
    private static final String HOSTILE_INPUT = "\"><img src=x onerror=alert(1)>payroll.csv";

    /** The 2026-01 sample figures, with a ministry code and an input name as given. */
    static PeriodFigures figures(String ministry, String inputName) {
        return new PeriodFigures(
                Period.parse("2026-01"),
                List.of(
                        new RunLine(RunKind.DEDUCTION, 2, RunState.COMPLETED, inputName),
                        new RunLine(RunKind.RECONCILIATION, 3, RunState.COMPLETED, "withheld-2026-01.csv")),
                Reading.of("deductions-2026-01.csv", new OrderTotals(41, 415_155)),
                Reading.of("deduction-2026-01.manifest.json", new OrderTotals(41, 415_155)),
                Reading.of("deduction-exceptions-2026-01.csv", new ExceptionTotals(2, 39_166, 31_584, 7_582)),
                Reading.of(
                        "reconciliation-2026-01.csv", new ReconciliationTotals(41, 415_155, 411_571, 410_571, 1_000)),
                Reading.of("arrears-2026-01.csv", new ArrearsTotals(6, 45_747, 868_416)),
                Reading.of(
                        "withheld-2026-01.csv",
                        new ReturnTotal(
                                ReturnTotal.Source.ARCHIVED_FILE, "archive/2026-01/withheld-2026-01.csv", 41, 411_571)),
                List.of(new FileDigest(
                        inputName, "archive/2026-01", RunKind.DEDUCTION, FileDigest.Seal.LEDGER, SHA, SHA, null)),
                List.of(new FileDigest(
                        "deductions-2026-01.csv",
                        "outbox/2026-01",
                        RunKind.DEDUCTION,
                        FileDigest.Seal.SIDECAR,
                        SHA,
                        SHA,
                        SHA)),
                Optional.of(new DeductionFigures(
                        42, 430_653, 0, 41, 415_155, List.of(new ReasonLine("CAPPED", 2, 39_166, 31_584, 7_582)))),
                Optional.of(new ReconciliationFigures(
                        List.of(
                                new StatusLine("MATCHED", 37, 375_739, 375_739, 375_739, 0),
                                new StatusLine("OVER", 2, 19_416, 30_832, 29_832, 1_000)),
                        List.of(
                                new BucketLine("MONTHS_1", 5, 30_498, 768_416),
                                new BucketLine("MONTHS_2", 1, 15_249, 100_000),
                                new BucketLine("MONTHS_3_PLUS", 0, 0, 0)),
                        List.of(
                                new MinistryLine(ministry, 4, 22_582, 668_416),
                                new MinistryLine(null, 1, 7_916, 95_000)))),
                new Portfolio(49, 1, 6_259_000, 410_571, 5_848_429),
                new Balances(50, 410_571, 410_571, 0, 0, 0),
                new DifferingRows(
                        Reading.of("deductions-2026-01.csv", 0L),
                        Reading.of("deduction-exceptions-2026-01.csv", 0L),
                        Reading.of("reconciliation-2026-01.csv", 0L),
                        Reading.of("arrears-2026-01.csv", 0L)),
                lifeEvents(inputName));
    }

    /**
     * The reconciliation's money (410 571 posted, 1 000 refund due), and a payments run whose input is
     * named as given (a name from the inbox, like the register's).
     */
    private static LifeEvents lifeEvents(String inputName) {
        LifeEvents reconciled = LifeEventFigures.reconciled(410_571, 1_000);
        return new LifeEvents(
                List.of(new PostingRun(RunKind.PAYMENTS, 4, 1, RunState.COMPLETED, inputName, 0, 0, 0, 0)),
                reconciled.stops(),
                reconciled.stopsInForce(),
                reconciled.refundsCreated(),
                reconciled.batches(),
                reconciled.money(),
                reconciled.states(),
                reconciled.refundsNow());
    }

    static String render(PeriodFigures figures, String language) {
        return HtmlReport.render(figures, ControlChecks.of(figures), ReportMessages.labels(language));
    }

    @Nested
    class Amounts {

        @Test
        void areGroupedByThreesWithNarrowNoBreakSpacesAndEndInFrancsCfa() {
            assertThat(Html.francs(1_234_567)).isEqualTo("1\u202F234\u202F567\u00A0F\u00A0CFA");
            assertThat(Html.francs(415_155)).isEqualTo("415\u202F155\u00A0F\u00A0CFA");
            assertThat(Html.francs(999)).isEqualTo("999\u00A0F\u00A0CFA");
            assertThat(Html.francs(0)).isEqualTo("0\u00A0F\u00A0CFA");
            assertThat(Html.francs(1_000)).isEqualTo("1\u202F000\u00A0F\u00A0CFA");
        }

        @Test
        void negativeAmountsHaveALeadingMinus() {
            assertThat(Html.francs(-1_000)).isEqualTo("-1\u202F000\u00A0F\u00A0CFA");
            assertThat(Html.francs(-7)).isEqualTo("-7\u00A0F\u00A0CFA");
            assertThat(Html.francs(Long.MIN_VALUE))
                    .isEqualTo("-9\u202F223\u202F372\u202F036\u202F854\u202F775\u202F808\u00A0F\u00A0CFA");
        }

        @Test
        void countsAreGroupedTheSameWayWithoutUnit() {
            assertThat(Html.count(12_345)).isEqualTo("12\u202F345");
            assertThat(Html.count(41)).isEqualTo("41");
        }
    }

    @Nested
    class Escaping {

        @Test
        void escapesMarkupQuotesAndAmpersands() {
            assertThat(Html.escape("<a href=\"x\">R&D's</a>"))
                    .isEqualTo("&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
            assertThat(Html.escape(null)).isEmpty();
            assertThat(Html.escape("MEF\u0000\u001b")).isEqualTo("MEF  ");
        }

        @Test
        void valuesCopiedFromTheDataNeverBecomeMarkup() {
            String page = render(figures(HOSTILE_MINISTRY, HOSTILE_INPUT), "fr");

            assertThat(page)
                    .doesNotContain("<script", "<img")
                    .contains(Html.escape(HOSTILE_MINISTRY), Html.escape(HOSTILE_INPUT));
        }

        @Test
        void chromiumShowsThemAsTextAndCreatesNoElementFromThem(@TempDir Path dir) throws IOException {
            Path page = Files.writeString(
                    dir.resolve("report.html"),
                    render(figures(HOSTILE_MINISTRY, HOSTILE_INPUT), "fr"),
                    StandardCharsets.UTF_8);

            RenderedReport rendered = RenderedReport.of(page);

            assertThat(rendered.dom()).doesNotContain("<script", "<img");
            assertThat(rendered.text()).contains(HOSTILE_MINISTRY, HOSTILE_INPUT);
            assertThat(rendered.dom()).contains("<title>Rapport de période 2026-01</title>");
        }
    }

    @Nested
    class Chart {

        @Test
        void hasOneBarPerBucketAsLongAsItsAmountOverdue() {
            String svg = ArrearsChart.svg(
                    figures("MEF", "payroll-2026-01.csv").reconciliation().get().buckets(),
                    ReportMessages.labels("fr"));

            assertThat(svg).startsWith("<svg class=\"chart\"").doesNotContain("xmlns", "http");
            assertThat(svg.split("<rect ", -1)).hasSize(4);
            assertThat(svg)
                    .contains("data-bucket=\"MONTHS_1\" x=\"150\" y=\"17\" width=\"330\"")
                    .contains("data-bucket=\"MONTHS_2\" x=\"150\" y=\"61\" width=\"165\"")
                    .contains("data-bucket=\"MONTHS_3_PLUS\" x=\"150\" y=\"105\" width=\"0\"")
                    .contains(">5 contrats \u00B7 30\u202F498\u00A0F\u00A0CFA</text>")
                    .contains(">1 contrat \u00B7 15\u202F249\u00A0F\u00A0CFA</text>")
                    .contains(">0 contrat \u00B7 0\u00A0F\u00A0CFA</text>");
        }

        @Test
        void lengthsAreWholePixelsFromIntegerArithmetic() {
            assertThat(ArrearsChart.length(30_498, 30_498)).isEqualTo(330);
            assertThat(ArrearsChart.length(15_249, 30_498)).isEqualTo(165);
            assertThat(ArrearsChart.length(1, 999_999_999_999L))
                    .as("visible however small")
                    .isEqualTo(2);
            assertThat(ArrearsChart.length(0, 30_498)).isZero();
            assertThat(ArrearsChart.length(0, 0)).isZero();
            assertThat(ArrearsChart.length(Long.MAX_VALUE / 2, Long.MAX_VALUE)).isEqualTo(165);
        }
    }

    @Test
    void theSameFiguresGiveTheSameBytesWithNoClockTime() {
        String first = render(figures("MEF", "payroll-2026-01.csv"), "fr");

        assertThat(render(figures("MEF", "payroll-2026-01.csv"), "fr")).isEqualTo(first);
        assertThat(first).doesNotContainPattern("\\d{2}:\\d{2}").doesNotContain("2025", "2027");
    }

    @Test
    void frenchByDefaultEnglishOnRequest() {
        assertThat(render(figures("MEF", "payroll-2026-01.csv"), "fr"))
                .contains("<html lang=\"fr\">", "Rapport de période 2026-01", "Conforme");
        assertThat(render(figures("MEF", "payroll-2026-01.csv"), "en"))
                .contains("<html lang=\"en\">", "Period report 2026-01", "\u2713 Pass")
                .doesNotContain("Conforme");
    }

    @Test
    void aPeriodWithNothingRunSaysSoAndPassesNothingButTheLedgerChecks() {
        PeriodFigures nothing = new PeriodFigures(
                Period.parse("2026-04"),
                List.of(),
                Reading.missing("deductions-2026-04.csv"),
                Reading.missing("deduction-2026-04.manifest.json"),
                Reading.missing("deduction-exceptions-2026-04.csv"),
                Reading.missing("reconciliation-2026-04.csv"),
                Reading.missing("arrears-2026-04.csv"),
                Reading.missing("withheld-2026-04.csv"),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                new Portfolio(50, 0, 6_268_000, 0, 6_268_000),
                new Balances(50, 0, 0, 0, 0, 0),
                new DifferingRows(
                        Reading.missing("deduction_line"),
                        Reading.missing("deduction_line"),
                        Reading.missing("reconciliation_line"),
                        Reading.missing("arrears_line")),
                LifeEventFigures.none(false));

        String page = render(nothing, "en");

        assertThat(page)
                .doesNotContain("data-outcome=\"fail\"", "<svg")
                .contains(
                        "deductions-2026-04.csv: missing (not produced yet, or removed).",
                        "The deduction run of 2026-04 is not in the ledger yet.",
                        "not run yet");
        assertThat(page.split("data-outcome=\"not-available\"", -1)).hasSize(10);
        assertThat(page.split("data-outcome=\"pass\"", -1))
                .as("only the ledger's own checks, j and k (nothing came in, nothing was posted)")
                .hasSize(3);
        assertThat(page)
                .contains("data-check=\"j\" data-outcome=\"pass\"")
                .contains("data-check=\"k\" data-outcome=\"pass\"");
        assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("http://", "https://");
    }
}
