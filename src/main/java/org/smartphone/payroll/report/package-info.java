/**
 * The period report for auditors. {@code PeriodReport} prints the counts and totals read from the
 * ledger tables, and writes {@code outbox/YYYY-MM/report-YYYY-MM.html}: {@code PeriodFigures} are
 * read from the ledger ({@code PeriodLedger}) and from the period's files read back
 * ({@code PeriodFiles}); {@code ControlChecks} computes pass, fail or not available from them;
 * {@code HtmlReport} renders them with {@code ReportLabels} (French or English) into one
 * self-contained page.
 */
package org.smartphone.payroll.report;
