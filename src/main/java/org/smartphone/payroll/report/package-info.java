/**
 * The period report for auditors. {@code PeriodReport} reads {@code PeriodFigures} once, prints them
 * ({@code PeriodText}) and writes them to {@code outbox/YYYY-MM/report-YYYY-MM.html}: they are
 * read from the ledger ({@code PeriodLedger}, {@code LedgerBalances}: the monthly runs' tables and
 * those every run of SPEC 7 writes) and from the period's files
 * read back ({@code PeriodFiles}, and {@code LedgerRows} against the ledger rows);
 * {@code ControlChecks} computes pass, fail or not available from them; {@code HtmlReport} renders
 * them with {@code ReportLabels} (the words of {@code messages_fr.properties} or
 * {@code messages_en.properties}) into one self-contained page, and {@code ChecksText} adds them to
 * the printed text.
 */
package org.smartphone.payroll.report;
