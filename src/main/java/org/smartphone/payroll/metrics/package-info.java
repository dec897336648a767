/**
 * Metrics with Micrometer (issue 5, point 4). {@code MetricsConfiguration} defines the registry
 * (Prometheus format, scraped by {@code serve}) and the observation registry through which Spring
 * Batch records its {@code spring.batch.job} and {@code spring.batch.step} timers.
 * {@code PayrollMeters} adds the domain meters ({@code payroll.*}): contracts per state, the open
 * period, the amounts of the latest deduction and reconciliation runs, arrears per bucket, the
 * payments recorded and the refund items per status (SPEC 7), rejected lines and the files waiting
 * in the inbox. Their values are read only when someone reads the meters, from
 * {@code LedgerReadings} (the ledger, through the report's {@code PeriodLedger}, with a short
 * cache) and {@code InboxFiles}, so a command that nobody scrapes pays nothing for them.
 */
package org.smartphone.payroll.metrics;
