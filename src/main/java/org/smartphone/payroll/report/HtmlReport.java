package org.smartphone.payroll.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.ControlChecks.Check;
import org.smartphone.payroll.report.ControlChecks.Comparison;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.report.PeriodFigures.BatchLine;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.MinistryLine;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodFigures.StopLine;
import org.smartphone.payroll.run.RunKind;

/**
 * Renders the period report as one self-contained HTML page: inline CSS, an inline SVG chart, no
 * script, no link to anything outside the page (a Content-Security-Policy forbids loading any).
 * Every value and label is escaped. The page holds no clock time, so the same figures give the
 * same bytes.
 *
 * <p>Rows carry {@code data-*} attributes (check letter, outcome, status, bucket, file) so that a
 * reader, or a test, can find a figure without depending on the language.
 */
final class HtmlReport {

    private static final String STYLE = """
            :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--head:#f0f4f8;--accent:#1f4e79;\
            --pass:#17623a;--pass-bg:#e3f6ea;--fail:#a61b1b;--fail-bg:#fde8e8;--na:#6b5200;--na-bg:#fff3c4}
            *{box-sizing:border-box}
            body{margin:0;background:#eef2f6;color:var(--ink);\
            font:14px/1.45 "DejaVu Sans","Liberation Sans","Segoe UI",Arial,sans-serif}
            main{max-width:1120px;margin:0 auto;padding:28px 36px 36px;background:#fff}
            h1{font-size:26px;margin:0;color:var(--accent)}
            .subtitle{margin:2px 0 10px;color:var(--muted)}
            .lead{margin:8px 0 14px}
            h2{font-size:19px;margin:30px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--accent);\
            color:var(--accent)}
            h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}
            caption{text-align:left;font-weight:600;padding:4px 0}
            th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:var(--head);font-weight:600}
            .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            tr.total td{font-weight:700;border-top:2px solid var(--ink)}
            .letter{font-weight:700;width:2em}
            .code{font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-size:12.5px}
            .sha{font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-size:11px;\
            word-break:break-all}
            .muted,.note{color:var(--muted)}
            .note{font-size:13px;margin:4px 0}
            table.cmp{margin:0}
            table.cmp td{border:0;padding:1px 4px}
            table.cmp tr.first:not(:first-child) td{padding-top:8px}
            table.cmp .rel{width:1.2em;font-weight:700;text-align:center}
            .neq{color:var(--fail)}
            .gap{margin:2px 0;color:var(--fail)}
            .not-available .gap{color:var(--na)}
            .source{margin:6px 4px 0}
            .digest-summary{margin:0 4px}
            table.checks>tbody>tr>td:nth-child(2){width:37%}
            table.checks>tbody>tr>td:nth-child(4){width:12%}
            table.digests{table-layout:fixed}
            table.digests th:nth-child(1){width:22%}
            table.digests th:nth-child(2){width:11%}
            table.digests th:nth-child(4){width:12%}
            table.digests td:first-child{overflow-wrap:anywhere}
            .sha .muted{display:inline-block;min-width:11.5em}
            .badge{display:inline-block;padding:2px 10px;border-radius:11px;font-weight:700;white-space:nowrap}
            .pass .badge{color:var(--pass);background:var(--pass-bg)}
            .fail .badge{color:var(--fail);background:var(--fail-bg)}
            .not-available .badge{color:var(--na);background:var(--na-bg)}
            tr.fail td{background:#fff7f7}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:3px 24px;margin:6px 0 10px}
            dl.facts dt{color:var(--muted)}
            dl.facts dd{margin:0;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;\
            justify-self:start;min-width:11em}
            .chart text{font-size:13px;fill:var(--ink)}
            .chart .bar-1{fill:#e0a526}
            .chart .bar-2{fill:#d9661f}
            .chart .bar-3{fill:#b02a2a}
            .chart .axis{stroke:var(--muted);stroke-width:1}
            footer{margin-top:28px;padding-top:8px;border-top:1px solid var(--line);color:var(--muted);\
            font-size:12.5px}
            @media print{body{background:#fff}main{padding:0}}
            """;

    private final PeriodFigures figures;
    private final List<Check> checks;
    private final ReportLabels labels;
    private final Period period;
    private final StringBuilder out = new StringBuilder(32_768);

    private HtmlReport(PeriodFigures figures, List<Check> checks, ReportLabels labels) {
        this.figures = figures;
        this.checks = checks;
        this.labels = labels;
        this.period = figures.period();
    }

    static String render(PeriodFigures figures, List<Check> checks, ReportLabels labels) {
        return new HtmlReport(figures, checks, labels).page();
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"")
                .append(labels.language())
                .append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src")
                .append(" 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(labels.title(period)))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header();
        checks();
        deduction();
        reconciliation();
        arrears();
        lifeEvents();
        portfolio();
        digests();
        out.append("<footer>").append(esc(labels.footer(period))).append("</footer>\n");
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        out.append("<header>\n<h1>").append(esc(labels.title(period))).append("</h1>\n");
        out.append("<p class=\"subtitle\">").append(esc(labels.subtitle())).append("</p>\n");
        out.append("<p class=\"lead\">").append(esc(labels.lead())).append("</p>\n");
        out.append("<table class=\"runs\">\n<caption>")
                .append(esc(labels.runsCaption()))
                .append("</caption>\n");
        headerRow(labels.runHeader(), labels.runIdHeader(), labels.stateHeader(), labels.inputHeader());
        for (RunKind kind : List.of(RunKind.DEDUCTION, RunKind.RECONCILIATION)) {
            RunLine run = figures.runs().stream()
                    .filter(r -> r.kind() == kind)
                    .findFirst()
                    .orElse(null);
            out.append("<tr data-run=\"")
                    .append(kind.name().toLowerCase(Locale.ROOT))
                    .append("\"><td>")
                    .append(esc(labels.run(kind)))
                    .append("</td>");
            if (run == null) {
                out.append("<td></td><td class=\"muted\">")
                        .append(esc(labels.notRun()))
                        .append("</td><td></td>");
            } else {
                out.append("<td class=\"num\">")
                        .append(run.runId())
                        .append("</td><td>")
                        .append(esc(labels.state(run.state())))
                        .append("</td><td class=\"code\">")
                        .append(esc(run.inputName()))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n</header>\n");
    }

    private void checks() {
        out.append("<section id=\"checks\">\n<h2>")
                .append(esc(labels.checksHeading()))
                .append("</h2>\n");
        out.append("<table class=\"checks\">\n");
        headerRow("", labels.checkHeader(), labels.figuresHeader(), labels.resultHeader());
        for (Check check : checks) {
            out.append("<tr class=\"check ")
                    .append(cssClass(check.outcome()))
                    .append("\" data-check=\"")
                    .append(check.kind().letter())
                    .append("\" data-outcome=\"")
                    .append(cssClass(check.outcome()))
                    .append("\"><td class=\"letter\">")
                    .append(check.kind().letter())
                    .append("</td><td>")
                    .append(esc(labels.check(check.kind(), period)))
                    .append("</td><td>");
            comparisons(check);
            out.append("</td><td>").append(badge(check.outcome())).append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    /** The figures a check compared, one under the other with = or ≠ between, then what was missing. */
    private void comparisons(Check check) {
        if (!check.comparisons().isEmpty()) {
            out.append("<table class=\"cmp\">");
            for (Comparison comparison : check.comparisons()) {
                out.append("<tr class=\"first\"><td class=\"rel\"></td><td>")
                        .append(esc(labels.quantity(comparison.left(), period)))
                        .append("</td>")
                        .append(figure(comparison.left().amount(), comparison.leftValue()))
                        .append("</tr>");
                out.append("<tr><td class=\"rel")
                        .append(comparison.agrees() ? "\">=" : " neq\">\u2260")
                        .append("</td><td>")
                        .append(esc(labels.quantity(comparison.right(), period)))
                        .append("</td>")
                        .append(figure(comparison.right().amount(), comparison.rightValue()))
                        .append("</tr>");
            }
            out.append("</table>");
        }
        for (Reading<?> gap : check.gaps()) {
            String text = gap.problem() == Reading.Problem.MISSING
                    ? labels.missing(gap.source())
                    : labels.unreadable(gap.source(), gap.line(), gap.column());
            out.append("<p class=\"gap\">").append(esc(text)).append("</p>");
        }
        if (check.kind() == Kind.FILE_DIGESTS) {
            List<Outcome> sealed = new ArrayList<>();
            for (FileDigest digest : figures.inputs()) {
                sealed.add(ControlChecks.digest(digest));
            }
            figures.outputs().stream()
                    .filter(d -> d.seal() != FileDigest.Seal.NONE)
                    .forEach(d -> sealed.add(ControlChecks.digest(d)));
            out.append("<p class=\"digest-summary\">")
                    .append(esc(labels.digestSummary(
                            sealed.stream().filter(o -> o == Outcome.PASS).count(), sealed.size())))
                    .append("</p>");
        }
        if (check.kind() == Kind.WITHHELD_MATCHES_RETURN
                && figures.withholdingReturn().available()) {
            out.append("<p class=\"note source\">")
                    .append(esc(labels.returnSource(figures.withholdingReturn().value(), period)))
                    .append("</p>");
        }
    }

    private void deduction() {
        out.append("<section id=\"deduction\">\n<h2>")
                .append(esc(labels.deductionHeading()))
                .append("</h2>\n");
        if (figures.deduction().isEmpty()) {
            out.append("<p class=\"muted\">")
                    .append(esc(labels.deductionNotInLedger(period)))
                    .append("</p>\n");
            out.append("</section>\n");
            return;
        }
        DeductionFigures d = figures.deduction().get();
        out.append("<dl class=\"facts\">\n");
        fact(labels.contractsWithDue(), Html.count(d.contractsWithDue()));
        fact(labels.due(), Html.francs(d.dueXof()));
        fact(labels.ofWhichArrears(), Html.francs(d.arrearsPartXof()));
        fact(labels.orderLines(), Html.count(d.orderLines()));
        fact(labels.orderAmount(), Html.francs(d.orderAmountXof()));
        out.append("</dl>\n");
        out.append("<table class=\"reasons\">\n<caption>")
                .append(esc(labels.exceptionsCaption()))
                .append("</caption>\n");
        headerRow(
                labels.reasonHeader(),
                "",
                "#" + labels.contractsHeader(),
                "#" + labels.dueHeader(),
                "#" + labels.instructedHeader(),
                "#" + labels.shortfallHeader());
        long[] totals = new long[4];
        for (ReasonLine reason : d.exceptions()) {
            out.append("<tr data-reason=\"")
                    .append(esc(reason.reason()))
                    .append("\"><td class=\"code\">")
                    .append(esc(reason.reason()))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.reason(reason.reason())))
                    .append("</td>");
            cells(
                    Html.count(reason.count()),
                    Html.francs(reason.dueXof()),
                    Html.francs(reason.amountXof()),
                    Html.francs(reason.shortfallXof()));
            out.append("</tr>\n");
            totals[0] += reason.count();
            totals[1] += reason.dueXof();
            totals[2] += reason.amountXof();
            totals[3] += reason.shortfallXof();
        }
        out.append("<tr class=\"total\"><td colspan=\"2\">")
                .append(esc(labels.total()))
                .append("</td>");
        cells(Html.count(totals[0]), Html.francs(totals[1]), Html.francs(totals[2]), Html.francs(totals[3]));
        out.append("</tr>\n</table>\n</section>\n");
    }

    private void reconciliation() {
        out.append("<section id=\"reconciliation\">\n<h2>")
                .append(esc(labels.reconciliationHeading()))
                .append("</h2>\n");
        if (figures.reconciliation().isEmpty()) {
            out.append("<p class=\"muted\">")
                    .append(esc(labels.reconciliationNotInLedger(period)))
                    .append("</p>\n");
            out.append("</section>\n");
            return;
        }
        out.append("<table class=\"statuses\">\n<caption>")
                .append(esc(labels.statusCaption()))
                .append("</caption>\n");
        headerRow(
                labels.statusHeader(),
                "",
                "#" + labels.rowsHeader(),
                "#" + labels.expectedHeader(),
                "#" + labels.withheldHeader(),
                "#" + labels.postedHeader(),
                "#" + labels.refundHeader());
        long[] totals = new long[5];
        for (StatusLine status : figures.reconciliation().get().statuses()) {
            out.append("<tr data-status=\"")
                    .append(esc(status.status()))
                    .append("\"><td class=\"code\">")
                    .append(esc(status.status()))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.status(status.status())))
                    .append("</td>");
            cells(
                    Html.count(status.count()),
                    Html.francs(status.expectedXof()),
                    Html.francs(status.withheldXof()),
                    Html.francs(status.postedXof()),
                    Html.francs(status.refundDueXof()));
            out.append("</tr>\n");
            totals[0] += status.count();
            totals[1] += status.expectedXof();
            totals[2] += status.withheldXof();
            totals[3] += status.postedXof();
            totals[4] += status.refundDueXof();
        }
        out.append("<tr class=\"total\"><td colspan=\"2\">")
                .append(esc(labels.total()))
                .append("</td>");
        cells(
                Html.count(totals[0]),
                Html.francs(totals[1]),
                Html.francs(totals[2]),
                Html.francs(totals[3]),
                Html.francs(totals[4]));
        out.append("</tr>\n</table>\n</section>\n");
    }

    private void arrears() {
        out.append("<section id=\"arrears\">\n<h2>")
                .append(esc(labels.arrearsHeading()))
                .append("</h2>\n");
        if (figures.reconciliation().isEmpty()) {
            out.append("<p class=\"muted\">")
                    .append(esc(labels.reconciliationNotInLedger(period)))
                    .append("</p>\n");
            out.append("</section>\n");
            return;
        }
        ReconciliationFigures r = figures.reconciliation().get();
        out.append("<h3>").append(esc(labels.bucketCaption())).append("</h3>\n");
        out.append("<figure class=\"chart\">\n")
                .append(ArrearsChart.svg(r.buckets(), labels))
                .append("\n</figure>\n");
        out.append("<table class=\"buckets\">\n");
        headerRow(
                labels.ageHeader(),
                "",
                "#" + labels.contractsHeader(),
                "#" + labels.overdueHeader(),
                "#" + labels.outstandingHeader());
        long[] totals = new long[3];
        for (BucketLine bucket : r.buckets()) {
            out.append("<tr data-bucket=\"")
                    .append(esc(bucket.bucket()))
                    .append("\"><td>")
                    .append(esc(labels.bucket(bucket.bucket())))
                    .append("</td><td class=\"code muted\">")
                    .append(esc(bucket.bucket()))
                    .append("</td>");
            cells(Html.count(bucket.count()), Html.francs(bucket.overdueXof()), Html.francs(bucket.outstandingXof()));
            out.append("</tr>\n");
            totals[0] += bucket.count();
            totals[1] += bucket.overdueXof();
            totals[2] += bucket.outstandingXof();
        }
        out.append("<tr class=\"total\"><td colspan=\"2\">")
                .append(esc(labels.total()))
                .append("</td>");
        cells(Html.count(totals[0]), Html.francs(totals[1]), Html.francs(totals[2]));
        out.append("</tr>\n</table>\n");
        out.append("<h3>").append(esc(labels.ministryCaption())).append("</h3>\n");
        if (r.ministries().isEmpty()) {
            out.append("<p class=\"muted\">").append(esc(labels.noArrears())).append("</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"ministries\">\n");
        headerRow(
                labels.ministryHeader(),
                "#" + labels.contractsHeader(),
                "#" + labels.overdueHeader(),
                "#" + labels.outstandingHeader());
        for (MinistryLine ministry : r.ministries()) {
            out.append("<tr class=\"ministry\"><td>")
                    .append(
                            ministry.ministryCode() == null
                                    ? "<span class=\"muted\">" + esc(labels.noMinistry()) + "</span>"
                                    : esc(ministry.ministryCode()))
                    .append("</td>");
            cells(
                    Html.count(ministry.count()),
                    Html.francs(ministry.overdueXof()),
                    Html.francs(ministry.outstandingXof()));
            out.append("</tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    /**
     * Section 5: the money of the period outside the payroll (SPEC 7.7): the runs that posted in it,
     * its stops, the refund items it created, the refund batches made while it was open, and the
     * figures of check k.
     */
    private void lifeEvents() {
        LifeEvents life = figures.lifeEvents();
        out.append("<section id=\"life-events\">\n<h2>")
                .append(esc(labels.lifeHeading()))
                .append("</h2>\n");

        out.append("<table class=\"posting-runs\">\n<caption>")
                .append(esc(labels.postingRunsCaption(period)))
                .append("</caption>\n");
        headerRow(
                labels.fileHeader(),
                labels.runIdHeader(),
                labels.stateHeader(),
                labels.inputHeader(),
                "#" + labels.rowsHeader(),
                "#" + labels.receivedHeader(),
                "#" + labels.postedHeader(),
                "#" + labels.refundHeader());
        if (life.postingRuns().isEmpty()) {
            out.append("<tr><td colspan=\"8\" class=\"muted\">")
                    .append(esc(labels.noPostingRun(period)))
                    .append("</td></tr>\n");
        }
        for (PostingRun run : life.postingRuns()) {
            String file = PeriodReport.mainFile(run.kind(), period, run.runNumber());
            out.append("<tr data-posting-run=\"")
                    .append(esc(file))
                    .append("\"><td class=\"code\">")
                    .append(esc(file))
                    .append("</td><td class=\"num\">")
                    .append(run.runId())
                    .append("</td><td>")
                    .append(esc(labels.state(run.state())))
                    .append("</td><td class=\"code\">")
                    .append(esc(run.inputName()))
                    .append("</td>");
            cells(
                    Html.count(run.rows()),
                    Html.francs(run.amountXof()),
                    Html.francs(run.postedXof()),
                    Html.francs(run.refundDueXof()));
            out.append("</tr>\n");
        }
        out.append("</table>\n");

        out.append("<table class=\"stops\">\n<caption>")
                .append(esc(labels.stopsCaption(period)))
                .append("</caption>\n");
        headerRow(
                labels.reasonHeader(),
                "",
                "#" + labels.rowsHeader(),
                "#" + labels.orderedHeader(),
                "#" + labels.inForceHeader());
        long[] totals = new long[3];
        for (StopLine stop : life.stops()) {
            out.append("<tr data-stop=\"")
                    .append(esc(stop.reason()))
                    .append("\"><td class=\"code\">")
                    .append(esc(stop.reason()))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.stopReason(stop.reason())))
                    .append("</td>");
            cells(Html.count(stop.count()), Html.francs(stop.orderedXof()), Html.francs(stop.amountXof()));
            out.append("</tr>\n");
            totals[0] += stop.count();
            totals[1] += stop.orderedXof();
            totals[2] += stop.amountXof();
        }
        out.append("<tr class=\"total\"><td colspan=\"2\">")
                .append(esc(labels.total()))
                .append("</td>");
        cells(Html.count(totals[0]), Html.francs(totals[1]), Html.francs(totals[2]));
        out.append("</tr>\n</table>\n<dl class=\"facts stops-in-force\">\n");
        fact(labels.contractsStopped(), Html.count(life.stopsInForce().contracts()));
        fact(labels.takenOffTheOrder(), Html.francs(life.stopsInForce().reductionXof()));
        out.append("</dl>\n");

        refundTable("refunds-created", labels.refundsCreatedCaption(period), life.refundsCreated());

        out.append("<table class=\"batches\">\n<caption>")
                .append(esc(labels.batchesCaption(period)))
                .append("</caption>\n");
        headerRow(labels.fileHeader(), "", "#" + labels.itemsHeader(), "#" + labels.amountHeader());
        if (life.batches().isEmpty()) {
            out.append("<tr><td colspan=\"4\" class=\"muted\">")
                    .append(esc(labels.noBatch()))
                    .append("</td></tr>\n");
        }
        for (BatchLine batch : life.batches()) {
            String file = PeriodReport.refundsFile(batch);
            out.append("<tr data-batch=\"")
                    .append(esc(file))
                    .append("\"><td class=\"code\">")
                    .append(esc(file))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.batchKind(batch.kind())))
                    .append("</td>");
            cells(Html.count(batch.items()), Html.francs(batch.amountXof()));
            out.append("</tr>\n");
        }
        out.append("</table>\n");

        MoneyOfPeriod money = life.money();
        long withheld = money.reconciled() && figures.withholdingReturn().available()
                ? figures.withholdingReturn().value().withheldXof()
                : 0;
        out.append("<h3>").append(esc(labels.moneyCaption(period))).append("</h3>\n");
        out.append("<dl class=\"facts money\">\n");
        fact(labels.moneyWithheld(period), Html.francs(withheld));
        fact(labels.moneySupplementDeltas(), Html.francs(money.supplementDeltasXof()));
        fact(labels.moneyPayments(), Html.francs(money.paymentsXof()));
        fact(labels.moneyPaymentsReversed(), Html.francs(money.paymentsReversedXof()));
        fact(labels.moneyPosted(), Html.francs(money.postedXof()));
        fact(labels.moneyRefundsCreated(), Html.francs(money.refundsCreatedXof()));
        fact(labels.moneyRefundReductions(), Html.francs(money.refundReductionsXof()));
        out.append("</dl>\n</section>\n");
    }

    /** Refund items by status: count, original and current amounts, and a total row. */
    private void refundTable(String cssClass, String caption, List<RefundLine> lines) {
        out.append("<table class=\"")
                .append(cssClass)
                .append("\">\n<caption>")
                .append(esc(caption))
                .append("</caption>\n");
        headerRow(
                labels.statusHeader(),
                "",
                "#" + labels.itemsHeader(),
                "#" + labels.originalHeader(),
                "#" + labels.amountHeader());
        long[] totals = new long[3];
        for (RefundLine refund : lines) {
            out.append("<tr data-refund-status=\"")
                    .append(esc(refund.status()))
                    .append("\"><td class=\"code\">")
                    .append(esc(refund.status()))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.refundStatus(refund.status())))
                    .append("</td>");
            cells(Html.count(refund.count()), Html.francs(refund.originalXof()), Html.francs(refund.amountXof()));
            out.append("</tr>\n");
            totals[0] += refund.count();
            totals[1] += refund.originalXof();
            totals[2] += refund.amountXof();
        }
        out.append("<tr class=\"total\"><td colspan=\"2\">")
                .append(esc(labels.total()))
                .append("</td>");
        cells(Html.count(totals[0]), Html.francs(totals[1]), Html.francs(totals[2]));
        out.append("</tr>\n</table>\n");
    }

    private void portfolio() {
        Portfolio p = figures.portfolio();
        out.append("<section id=\"portfolio\">\n<h2>")
                .append(esc(labels.portfolioHeading()))
                .append("</h2>\n");
        out.append("<p class=\"note\">").append(esc(labels.portfolioNote())).append("</p>\n<dl class=\"facts\">\n");
        fact(labels.openContracts(), Html.count(p.openContracts()));
        fact(labels.settledContracts(), Html.count(p.settledContracts()));
        fact(labels.financed(), Html.francs(p.financedXof()));
        fact(labels.collected(), Html.francs(p.collectedXof()));
        fact(labels.outstanding(), Html.francs(p.outstandingXof()));
        out.append("</dl>\n");
        out.append("<table class=\"states\">\n<caption>")
                .append(esc(labels.statesCaption()))
                .append("</caption>\n");
        headerRow(
                labels.stateHeader(),
                "",
                "#" + labels.contractsHeader(),
                "#" + labels.outstandingHeader(),
                "#" + labels.writtenOffHeader(),
                "#" + labels.recoveredHeader());
        for (StateLine state : figures.lifeEvents().states()) {
            out.append("<tr data-state=\"")
                    .append(esc(state.state()))
                    .append("\"><td class=\"code\">")
                    .append(esc(state.state()))
                    .append("</td><td class=\"muted\">")
                    .append(esc(labels.contractState(state.state())))
                    .append("</td>");
            cells(
                    Html.count(state.count()),
                    Html.francs(state.outstandingXof()),
                    Html.francs(state.writtenOffXof()),
                    Html.francs(state.recoveredXof()));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        refundTable(
                "refunds-now", labels.refundsNowCaption(), figures.lifeEvents().refundsNow());
        out.append("</section>\n");
    }

    private void digests() {
        out.append("<section id=\"digests\">\n<h2>")
                .append(esc(labels.digestsHeading()))
                .append("</h2>\n");
        out.append("<table class=\"digests inputs\">\n<caption>")
                .append(esc(labels.inputsCaption()))
                .append("</caption>\n");
        headerRow(labels.fileHeader(), labels.runHeader(), "SHA-256", labels.resultHeader());
        if (figures.inputs().isEmpty()) {
            out.append("<tr><td colspan=\"4\" class=\"muted\">")
                    .append(esc(labels.noInputs()))
                    .append("</td></tr>\n");
        }
        for (FileDigest input : figures.inputs()) {
            digestRow(input, labels.ledger());
        }
        out.append("</table>\n");
        out.append("<table class=\"digests outputs\">\n<caption>")
                .append(esc(labels.outputsCaption()))
                .append("</caption>\n");
        headerRow(labels.fileHeader(), labels.runHeader(), "SHA-256", labels.resultHeader());
        for (FileDigest output : figures.outputs()) {
            digestRow(output, labels.sidecar());
        }
        out.append("</table>\n");
        out.append("<p class=\"note\">").append(esc(labels.howToVerify(period))).append("</p>\n</section>\n");
    }

    private void digestRow(FileDigest digest, String sealName) {
        Outcome outcome = ControlChecks.digest(digest);
        boolean sealed = digest.seal() != FileDigest.Seal.NONE;
        out.append("<tr class=\"digest")
                .append(sealed ? " " + cssClass(outcome) : "")
                .append("\" data-file=\"")
                .append(esc(digest.file()))
                .append('"');
        if (sealed) {
            out.append(" data-outcome=\"").append(cssClass(outcome)).append('"');
        }
        out.append("><td><span class=\"code\">")
                .append(esc(digest.file()))
                .append("</span><br><span class=\"muted\">")
                .append(esc(digest.folder()))
                .append("</span></td><td>")
                .append(esc(labels.run(digest.run())))
                .append("</td><td>");
        shaLine(labels.recomputed(), digest.recomputed(), "recomputed");
        if (sealed) {
            shaLine(sealName, digest.recorded(), "recorded");
        }
        if (digest.manifest() != null) {
            shaLine(labels.manifest(), digest.manifest(), "manifest");
        }
        out.append("</td><td>");
        if (sealed) {
            out.append(badge(outcome));
        } else {
            out.append("<span class=\"muted\">").append(esc(labels.notSealed())).append("</span>");
        }
        out.append("</td></tr>\n");
    }

    private void shaLine(String label, String sha, String role) {
        out.append("<div class=\"sha\" data-role=\"")
                .append(role)
                .append("\"><span class=\"muted\">")
                .append(esc(label + labels.colon()))
                .append("</span>");
        if (sha == null) {
            out.append("<em>").append(esc(labels.absent())).append("</em>");
        } else if (sha.isEmpty()) {
            out.append("<em>").append(esc(labels.notNamingTheFile())).append("</em>");
        } else {
            out.append(esc(sha));
        }
        out.append("</div>");
    }

    /** A header row; a header starting with {@code #} is a numeric column, aligned right. */
    private void headerRow(String... headers) {
        out.append("<tr>");
        for (String header : headers) {
            boolean numeric = header.startsWith("#");
            out.append(numeric ? "<th class=\"num\">" : "<th>")
                    .append(esc(numeric ? header.substring(1) : header))
                    .append("</th>");
        }
        out.append("</tr>\n");
    }

    private void cells(String... values) {
        for (String value : values) {
            out.append("<td class=\"num\">").append(esc(value)).append("</td>");
        }
    }

    private void fact(String label, String value) {
        out.append("<dt>")
                .append(esc(label))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd>\n");
    }

    private static String figure(boolean amount, long value) {
        return "<td class=\"num\">" + esc(amount ? Html.francs(value) : Html.count(value)) + "</td>";
    }

    private String badge(Outcome outcome) {
        String mark = switch (outcome) {
            case PASS -> "\u2713 ";
            case FAIL -> "\u2717 ";
            case NOT_AVAILABLE -> "\u2013 ";
        };
        return "<span class=\"badge\">" + mark + esc(labels.outcome(outcome)) + "</span>";
    }

    private static String cssClass(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
