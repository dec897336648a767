package org.smartphone.payroll.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.deduction.PublishDeduction;
import org.smartphone.payroll.failure.FaultInjection;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.PublishReconciliation;
import org.smartphone.payroll.report.ControlChecks.Check;
import org.smartphone.payroll.report.PeriodFigures.ArrearsTotals;
import org.smartphone.payroll.report.PeriodFigures.ExceptionTotals;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The period report. Its figures are read once ({@link PeriodFigures}: the ledger's through
 * {@link PeriodLedger} and {@link LedgerBalances}, and the files of the period read back), and both
 * reports render them: the plain text ({@link PeriodText}: what was instructed and why not more, what
 * came back and how it was posted, arrears by bucket, the portfolio, then the control checks of
 * {@link ControlChecks}), and the auditors' HTML page {@code outbox/M/report-M.html}
 * ({@link HtmlReport}), which shows the same figures and checks with the SHA-256 of every file.
 */
@Service
public class PeriodReport {

    /** A file name of the outbox folder: no folder, no hidden file. */
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PeriodLedger ledger;
    private final LedgerBalances balances;
    private final Home home;
    private final PayrollSettings settings;
    private final MessageSource messages;

    PeriodReport(
            JdbcTemplate jdbc,
            RunRegistry runs,
            PeriodLedger ledger,
            LedgerBalances balances,
            Home home,
            PayrollSettings settings,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.ledger = ledger;
        this.balances = balances;
        this.home = home;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * The report of a period, made once: the text (the ledger's counts and totals, then the control
     * checks), and {@code outbox/M/report-M.html} written whole or not at all.
     *
     * @param text the plain-text report
     * @param html where the page was written
     * @param failed the control checks that failed, in order
     */
    public record Written(String text, Path html, List<Check> failed) {

        public Written {
            failed = List.copyOf(failed);
        }
    }

    /**
     * The main file of a run that posted in P (SPEC 7.0): {@code payments-P-NN.csv}, NN its number in P,
     * zero-padded to at least 2 digits.
     */
    public static String mainFile(RunKind kind, Period period, int runNumber) {
        String stem = kind == RunKind.PAYMENTS ? "payments" : kind.name().toLowerCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s-%s-%02d.csv", stem, period, runNumber);
    }

    /**
     * A refunds file (SPEC 7.2): {@code refunds-NNNN.csv} for a batch issued, {@code refunds-paid-NNNN.csv}
     * for a confirmation, NNNN zero-padded to at least 4 digits.
     */
    static String refundsFile(PeriodFigures.BatchLine batch) {
        return String.format(
                Locale.ROOT, "%s-%04d.csv", "CONFIRM".equals(batch.kind()) ? "refunds-paid" : "refunds", batch.batch());
    }

    /** The page's name in the period's outbox folder. */
    public static String fileName(Period period) {
        return "report-" + period + ".html";
    }

    public Written write(Period period) throws IOException {
        PeriodFigures figures = figures(period);
        List<Check> checks = ControlChecks.of(figures);
        String text = PeriodText.of(figures) + ChecksText.of(figures, checks, ReportLabels.of(messages, "en"));
        String fileName = fileName(period);
        Outbox.publishTextOfProcess(
                home.outbox(period),
                fileName,
                HtmlReport.render(figures, checks, ReportLabels.of(messages, settings.reportLanguage())));
        return new Written(text, home.outbox(period).resolve(fileName), ControlChecks.failed(checks));
    }

    /**
     * Every figure of the page: the ledger's (only once the run is committed: the lines of a run
     * that has not reached the ledger are not the period's), and the files of the outbox and the
     * archive read back.
     */
    PeriodFigures figures(Period period) throws IOException {
        String p = period.toString();
        List<RunRecord> ofPeriod =
                runs.all().stream().filter(r -> p.equals(r.period())).toList();
        List<RunLine> latest = new ArrayList<>();
        for (RunKind kind : List.of(RunKind.DEDUCTION, RunKind.RECONCILIATION)) {
            ofPeriod.stream()
                    .filter(r -> r.kind() == kind)
                    .reduce((first, second) -> second)
                    .ifPresent(r -> latest.add(new RunLine(kind, r.runId(), r.state(), r.inputName())));
        }
        Optional<RunRecord> deduction = committed(ofPeriod, RunKind.DEDUCTION);
        Optional<RunRecord> reconciliation = committed(ofPeriod, RunKind.RECONCILIATION);

        Path outbox = home.outbox(period);
        String outboxLabel = "outbox/" + p;
        String order = PublishDeduction.orderFile(period);
        String exceptions = PublishDeduction.exceptionsFile(period);
        String reconciled = PublishReconciliation.reconciliationFile(period);
        String arrears = PublishReconciliation.arrearsFile(period);
        String deductionManifestName = PublishDeduction.manifestFile(period);
        String reconciliationManifestName = PublishReconciliation.manifestFile(period);
        Reading<List<Manifest.Output>> deductionManifest = PeriodFiles.manifest(outbox.resolve(deductionManifestName));
        Reading<List<Manifest.Output>> reconciliationManifest =
                PeriodFiles.manifest(outbox.resolve(reconciliationManifestName));
        List<FileDigest> outputs = new ArrayList<>(List.of(
                PeriodFiles.output(
                        outbox,
                        outboxLabel,
                        RunKind.DEDUCTION,
                        order,
                        true,
                        PeriodFiles.manifestDigest(deductionManifest, order)),
                PeriodFiles.output(
                        outbox,
                        outboxLabel,
                        RunKind.DEDUCTION,
                        exceptions,
                        true,
                        PeriodFiles.manifestDigest(deductionManifest, exceptions)),
                PeriodFiles.output(outbox, outboxLabel, RunKind.DEDUCTION, deductionManifestName, false, null),
                PeriodFiles.output(
                        outbox,
                        outboxLabel,
                        RunKind.RECONCILIATION,
                        reconciled,
                        true,
                        PeriodFiles.manifestDigest(reconciliationManifest, reconciled)),
                PeriodFiles.output(
                        outbox,
                        outboxLabel,
                        RunKind.RECONCILIATION,
                        arrears,
                        true,
                        PeriodFiles.manifestDigest(reconciliationManifest, arrears)),
                PeriodFiles.output(
                        outbox, outboxLabel, RunKind.RECONCILIATION, reconciliationManifestName, false, null)));

        Path archive = home.archive().resolve(p);
        String archiveLabel = "archive/" + p;
        List<FileDigest> inputs = new ArrayList<>();
        Reading<ReturnTotal> withholdingReturn = Reading.missing(InboxName.of(RunKind.RECONCILIATION, period));
        for (RunRecord run : List.of(deduction, reconciliation).stream()
                .flatMap(Optional::stream)
                .toList()) {
            FileDigest input = PeriodFiles.input(archive, archiveLabel, run.kind(), run.inputName(), run.inputSha256());
            inputs.add(input);
            if (run.kind() == RunKind.RECONCILIATION) {
                withholdingReturn = ControlChecks.digest(input) == ControlChecks.Outcome.PASS
                        ? PeriodFiles.archivedReturn(archive.resolve(input.file()), archiveLabel, period)
                        : Reading.of("reconciliation_line", ledger.withheldInLedger(p));
            }
        }
        LifeEvents lifeEvents = ledger.lifeEvents(p, reconciliation.isPresent());
        for (PostingRun posting : lifeEvents.postingRuns()) {
            postingRunFiles(posting, period, ofPeriod, outbox, outboxLabel, archive, archiveLabel, inputs, outputs);
        }
        Reading<OrderTotals> orderFile = PeriodFiles.orderFile(outbox.resolve(order));
        Reading<OrderTotals> orderManifest = PeriodFiles.manifestEntry(deductionManifest, order, "amount_xof");
        Reading<ExceptionTotals> exceptionsFile = PeriodFiles.exceptionsFile(outbox.resolve(exceptions));
        Reading<ReconciliationTotals> reconciliationFile = PeriodFiles.reconciliationFile(outbox.resolve(reconciled));
        Reading<ArrearsTotals> arrearsFile = PeriodFiles.arrearsFile(outbox.resolve(arrears));
        // a pause point for the tests: the ledger read in part, the page not written yet
        FaultInjection.reached("report:read");
        return new PeriodFigures(
                period,
                latest,
                orderFile,
                orderManifest,
                exceptionsFile,
                reconciliationFile,
                arrearsFile,
                withholdingReturn,
                inputs,
                outputs,
                deduction.map(r -> ledger.deduction(p)),
                reconciliation.map(r -> ledger.reconciliation(p)),
                ledger.portfolio(),
                balances.check(),
                differingRows(outbox, period, deduction.isPresent(), reconciliation.isPresent()),
                lifeEvents);
    }

    /**
     * The files of a run that posted in the period (SPEC 7.0): its input, archived in {@code archive/M/},
     * sealed by the digest the ledger recorded; its main file and every other output its manifest lists
     * ({@code payments-M-NN.csv}, the stops file), each sealed by its sidecar and the manifest; and the
     * manifest itself. Without a manifest the main file is still looked for.
     */
    private static void postingRunFiles(
            PostingRun posting,
            Period period,
            List<RunRecord> ofPeriod,
            Path outbox,
            String outboxLabel,
            Path archive,
            String archiveLabel,
            List<FileDigest> inputs,
            List<FileDigest> outputs)
            throws IOException {
        for (RunRecord run : ofPeriod) {
            if (run.runId() == posting.runId()) {
                inputs.add(PeriodFiles.input(archive, archiveLabel, run.kind(), run.inputName(), run.inputSha256()));
            }
        }
        String main = mainFile(posting.kind(), period, posting.runNumber());
        String manifestName = main.substring(0, main.length() - ".csv".length()) + ".manifest.json";
        Reading<List<Manifest.Output>> manifest = PeriodFiles.manifest(outbox.resolve(manifestName));
        Set<String> files = new LinkedHashSet<>();
        files.add(main);
        if (manifest.available()) {
            // a name from the file on disk: only a plain file name of the outbox folder is looked at
            manifest.value().stream()
                    .map(Manifest.Output::file)
                    .filter(name -> PLAIN_FILE_NAME.matcher(name).matches())
                    .forEach(files::add);
        }
        for (String file : files) {
            outputs.add(PeriodFiles.output(
                    outbox, outboxLabel, posting.kind(), file, true, PeriodFiles.manifestDigest(manifest, file)));
        }
        outputs.add(PeriodFiles.output(outbox, outboxLabel, posting.kind(), manifestName, false, null));
    }

    /** Each published file against the ledger rows, in the order and with the values the runs wrote. */
    private PeriodFigures.DifferingRows differingRows(
            Path outbox, Period period, boolean deducted, boolean reconciled) {
        String p = period.toString();
        return new PeriodFigures.DifferingRows(
                deducted
                        ? LedgerRows.differing(
                                jdbc,
                                outbox.resolve(PublishDeduction.orderFile(period)),
                                List.of("matricule", "contract_id", "amount_xof"),
                                "SELECT matricule, contract_id, amount_xof"
                                        + " FROM deduction_line WHERE period = ? AND "
                                        + LedgerRules.isOrderLine("deduction_line") + " ORDER BY period, contract_id",
                                p)
                        : Reading.missing("deduction_line"),
                deducted
                        ? LedgerRows.differing(
                                jdbc,
                                outbox.resolve(PublishDeduction.exceptionsFile(period)),
                                List.of("matricule", "contract_id", "due_xof", "amount_xof", "reason"),
                                "SELECT matricule,"
                                        + " contract_id, due_xof, amount_xof, reason FROM deduction_line WHERE period = ?"
                                        + " AND " + LedgerRules.isException("deduction_line")
                                        + " ORDER BY period, contract_id",
                                p)
                        : Reading.missing("deduction_line"),
                reconciled
                        ? LedgerRows.differing(
                                jdbc,
                                outbox.resolve(PublishReconciliation.reconciliationFile(period)),
                                List.of(
                                        "matricule",
                                        "contract_id",
                                        "expected_xof",
                                        "withheld_xof",
                                        "posted_xof",
                                        "refund_due_xof",
                                        "status"),
                                "SELECT matricule, contract_id, expected_xof,"
                                        + " withheld_xof, posted_xof, refund_due_xof, status FROM reconciliation_line"
                                        + " WHERE period = ? ORDER BY contract_id, matricule, unexpected",
                                p)
                        : Reading.missing("reconciliation_line"),
                reconciled
                        ? LedgerRows.differing(
                                jdbc,
                                outbox.resolve(PublishReconciliation.arrearsFile(period)),
                                List.of(
                                        "matricule",
                                        "contract_id",
                                        "overdue_xof",
                                        "outstanding_xof",
                                        "oldest_unpaid_period",
                                        "months_past_due",
                                        "bucket",
                                        "reason"),
                                "SELECT matricule, contract_id, overdue_xof,"
                                        + " outstanding_xof, oldest_unpaid_period, months_past_due, bucket, reason"
                                        + " FROM arrears_line WHERE period = ? ORDER BY period, contract_id",
                                p)
                        : Reading.missing("arrears_line"));
    }

    private static Optional<RunRecord> committed(List<RunRecord> ofPeriod, RunKind kind) {
        return ofPeriod.stream()
                .filter(r -> r.kind() == kind)
                .filter(r -> r.state().reachedLedger())
                .reduce((first, second) -> second);
    }
}
