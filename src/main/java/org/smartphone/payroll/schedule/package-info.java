/**
 * {@code serve} (SPEC 6, issue 5): watches the inbox with Spring Integration's file support and
 * runs what each dropped file calls for, in the order of the monthly cycle, through the same
 * launcher as the commands; writes the period report after each reconciliation it completes; checks
 * on a monthly cron schedule that the expected files have arrived; keeps one serve per database;
 * answers the Prometheus scrape and a health check on 127.0.0.1.
 */
package org.smartphone.payroll.schedule;
