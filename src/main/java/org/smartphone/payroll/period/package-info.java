/**
 * The payroll month ({@link org.smartphone.payroll.period.Period}, {@code YYYY-MM}), below every package
 * but {@code text} so that any of them may name a month: the files, the settings, the runs, the reports.
 */
package org.smartphone.payroll.period;
