package org.smartphone.payroll.report;

import java.util.Locale;
import org.smartphone.payroll.deduction.PublishDeduction;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.PublishReconciliation;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.report.ControlChecks.Quantity;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;
import org.springframework.context.MessageSource;

/**
 * The words of the period report, in French (the default) or English
 * ({@code payroll.report-language}): the messages {@code report.*} of {@code messages_fr.properties}
 * and {@code messages_en.properties}, read through Spring's {@link MessageSource}. This class names
 * each message and gives it its values; the words are in the files. Labels are plain text:
 * {@link HtmlReport} escapes them like any other value.
 */
final class ReportLabels {

    private final MessageSource messages;
    private final Locale locale;

    private ReportLabels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** {@code fr} or {@code en}; anything else is French, the programme's language. */
    static ReportLabels of(MessageSource messages, String language) {
        return new ReportLabels(messages, "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH);
    }

    String language() {
        return locale.getLanguage();
    }

    private String text(String key, Object... values) {
        return messages.getMessage("report." + key, values, locale);
    }

    /** The message of a code read from the ledger, or {@code unknown} for a code the files do not name. */
    private String code(String key, String code, String unknown) {
        String words = messages.getMessage("report." + key + "." + code, null, null, locale);
        return words == null ? unknown : words;
    }

    /** French puts a (no-break) space before a colon. */
    String colon() {
        return text("colon");
    }

    // Header

    String title(Period period) {
        return text("title", period.toString());
    }

    String subtitle() {
        return text("subtitle");
    }

    String lead() {
        return text("lead");
    }

    String runsCaption() {
        return text("runs.caption");
    }

    String runHeader() {
        return text("runs.run");
    }

    String runIdHeader() {
        return text("runs.id");
    }

    String stateHeader() {
        return text("runs.state");
    }

    String inputHeader() {
        return text("runs.input");
    }

    String run(RunKind kind) {
        return text("run." + kind.name());
    }

    String state(RunState state) {
        return text("state." + state.name());
    }

    String notRun() {
        return text("runs.not-run");
    }

    // Control checks

    String checksHeading() {
        return text("checks.heading");
    }

    String checkHeader() {
        return text("checks.check");
    }

    String figuresHeader() {
        return text("checks.figures");
    }

    String resultHeader() {
        return text("checks.result");
    }

    String outcome(Outcome outcome) {
        return text("outcome." + outcome.name());
    }

    String check(Kind kind, Period period) {
        return text("check." + kind.name(), (Object[]) periodFiles(period));
    }

    String digestSummary(long passed, long sealed) {
        return text("checks.digest-summary", Long.toString(passed), Long.toString(sealed));
    }

    String quantity(Quantity quantity, Period period) {
        return text("quantity." + quantity.name(), (Object[]) periodFiles(period));
    }

    String returnSource(ReturnTotal total, Period period) {
        return text(
                "return-source." + total.source().name(),
                total.location(),
                Long.toString(total.lines()),
                period.toString());
    }

    String missing(String source) {
        return text("missing", source);
    }

    String unreadable(String source, long line, String column) {
        String where = (line > 0 ? text("unreadable.line", Long.toString(line)) : "")
                + (line > 0 && !column.isEmpty() ? ", " : "")
                + (column.isEmpty() ? "" : text("unreadable.column", column));
        return text("unreadable", source, where.isEmpty() ? "" : " (" + where + ")");
    }

    // Deductions

    String deductionHeading() {
        return text("deduction.heading");
    }

    String deductionNotInLedger(Period period) {
        return text("deduction.not-in-ledger", period.toString());
    }

    String contractsWithDue() {
        return text("deduction.contracts-with-due");
    }

    String due() {
        return text("deduction.due");
    }

    String ofWhichArrears() {
        return text("deduction.of-which-arrears");
    }

    String orderLines() {
        return text("deduction.order-lines");
    }

    String orderAmount() {
        return text("deduction.order-amount");
    }

    String exceptionsCaption() {
        return text("deduction.exceptions-caption");
    }

    String reasonHeader() {
        return text("deduction.reason");
    }

    String contractsHeader() {
        return text("contracts-header");
    }

    String dueHeader() {
        return text("deduction.due-header");
    }

    String instructedHeader() {
        return text("deduction.instructed");
    }

    String shortfallHeader() {
        return text("deduction.shortfall");
    }

    String total() {
        return text("total");
    }

    /** A {@code DeductionReason}'s words; none for a code the files do not name. */
    String reason(String code) {
        return code("reason", code, "");
    }

    // Reconciliation

    String reconciliationHeading() {
        return text("reconciliation.heading");
    }

    String reconciliationNotInLedger(Period period) {
        return text("reconciliation.not-in-ledger", period.toString());
    }

    String statusCaption() {
        return text("reconciliation.status-caption");
    }

    String statusHeader() {
        return text("reconciliation.status");
    }

    String rowsHeader() {
        return text("reconciliation.rows");
    }

    String expectedHeader() {
        return text("reconciliation.expected");
    }

    String withheldHeader() {
        return text("reconciliation.withheld");
    }

    String postedHeader() {
        return text("reconciliation.posted");
    }

    String refundHeader() {
        return text("reconciliation.refund");
    }

    /** A {@code ReconciliationStatus}'s words; none for a code the files do not name. */
    String status(String code) {
        return code("status", code, "");
    }

    // Arrears

    String arrearsHeading() {
        return text("arrears.heading");
    }

    String bucketCaption() {
        return text("arrears.bucket-caption");
    }

    /** An {@code ArrearsBucket}'s words; the code itself for one the files do not name. */
    String bucket(String code) {
        return code("bucket", code, code);
    }

    String ageHeader() {
        return text("arrears.age");
    }

    String overdueHeader() {
        return text("arrears.overdue");
    }

    String outstandingHeader() {
        return text("arrears.outstanding");
    }

    String chartDescription() {
        return text("arrears.chart");
    }

    /** The count and the word, singular or plural as the language wants it. */
    String contracts(long count) {
        return text("arrears.contracts", count, Html.count(count));
    }

    String ministryCaption() {
        return text("arrears.ministry-caption");
    }

    String ministryHeader() {
        return text("arrears.ministry");
    }

    String noMinistry() {
        return text("arrears.no-ministry");
    }

    String noArrears() {
        return text("arrears.none");
    }

    // Money outside the payroll (SPEC 7)

    String lifeHeading() {
        return text("life.heading");
    }

    String postingRunsCaption(Period period) {
        return text("life.runs-caption", period.toString());
    }

    String noPostingRun(Period period) {
        return text("life.no-runs", period.toString());
    }

    String receivedHeader() {
        return text("life.received");
    }

    String stopsCaption(Period period) {
        return text("life.stops-caption", period.toString());
    }

    String orderedHeader() {
        return text("life.ordered");
    }

    String inForceHeader() {
        return text("life.in-force");
    }

    String stopReason(String code) {
        return code("stop", code, code);
    }

    String contractsStopped() {
        return text("life.contracts-stopped");
    }

    String takenOffTheOrder() {
        return text("life.taken-off");
    }

    String refundsCreatedCaption(Period period) {
        return text("life.refunds-caption", period.toString());
    }

    String itemsHeader() {
        return text("life.items");
    }

    String originalHeader() {
        return text("life.original");
    }

    String amountHeader() {
        return text("life.amount");
    }

    String refundStatus(String code) {
        return code("refund", code, code);
    }

    String batchesCaption(Period period) {
        return text("life.batches-caption", period.toString());
    }

    String noBatch() {
        return text("life.no-batches");
    }

    String batchKind(String kind) {
        return code("batch", kind, kind);
    }

    String moneyCaption(Period period) {
        return text("life.money-caption", period.toString());
    }

    String moneyWithheld(Period period) {
        return text("life.money.withheld", period.toString());
    }

    String moneySupplementDeltas() {
        return text("life.money.supplements");
    }

    String moneyPayments() {
        return text("life.money.payments");
    }

    String moneyPaymentsReversed() {
        return text("life.money.reversed");
    }

    String moneyPosted() {
        return text("life.money.posted");
    }

    String moneyRefundsCreated() {
        return text("life.money.refunds-created");
    }

    String moneyRefundReductions() {
        return text("life.money.refund-reductions");
    }

    // Portfolio

    String portfolioHeading() {
        return text("portfolio.heading");
    }

    String portfolioNote() {
        return text("portfolio.note");
    }

    String openContracts() {
        return text("portfolio.open");
    }

    String settledContracts() {
        return text("portfolio.settled");
    }

    String financed() {
        return text("portfolio.financed");
    }

    String collected() {
        return text("portfolio.collected");
    }

    String outstanding() {
        return text("portfolio.outstanding");
    }

    String statesCaption() {
        return text("portfolio.states-caption");
    }

    String contractState(String code) {
        return code("contract-state", code, code);
    }

    String writtenOffHeader() {
        return text("portfolio.written-off");
    }

    String recoveredHeader() {
        return text("portfolio.recovered");
    }

    String refundsNowCaption() {
        return text("portfolio.refunds-caption");
    }

    // Digests

    String digestsHeading() {
        return text("digests.heading");
    }

    String inputsCaption() {
        return text("digests.inputs-caption");
    }

    String outputsCaption() {
        return text("digests.outputs-caption");
    }

    String fileHeader() {
        return text("digests.file");
    }

    String recomputed() {
        return text("digests.recomputed");
    }

    String sidecar() {
        return text("digests.sidecar");
    }

    String manifest() {
        return text("digests.manifest");
    }

    String ledger() {
        return text("digests.ledger");
    }

    String absent() {
        return text("digests.absent");
    }

    String notNamingTheFile() {
        return text("digests.not-naming-the-file");
    }

    String notSealed() {
        return text("digests.not-sealed");
    }

    String noInputs() {
        return text("digests.no-inputs");
    }

    String howToVerify(Period period) {
        return text("digests.how-to-verify", period.toString());
    }

    String footer(Period period) {
        return text("footer", period.toString());
    }

    /** The values {0} to {3} of the checks' and quantities' messages: the period's four output files. */
    private static String[] periodFiles(Period period) {
        return new String[] {
            PublishDeduction.orderFile(period),
            PublishDeduction.exceptionsFile(period),
            PublishReconciliation.reconciliationFile(period),
            PublishReconciliation.arrearsFile(period)
        };
    }
}
